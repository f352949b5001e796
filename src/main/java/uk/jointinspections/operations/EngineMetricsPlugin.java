package uk.jointinspections.operations;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the engine the {@link CountingMetricsRegistry} that {@link EngineMetrics} reads, and sets how often Camunda
 * writes its metrics to the database ({@code inspection.metrics.db-reporter-interval}). That interval does not
 * affect the Actuator counters, which are live; it is how stale Cockpit's and {@code GET /engine-rest/metrics}
 * figures may be, and how much a node killed with {@code kill -9} loses of them (a stopped node writes them first).
 */
@Component
public class EngineMetricsPlugin extends AbstractProcessEnginePlugin {

  private final CountingMetricsRegistry registry = new CountingMetricsRegistry();
  private final long reportingIntervalSeconds;

  public EngineMetricsPlugin(@Value("${inspection.metrics.db-reporter-interval-seconds:900}") long reportingIntervalSeconds) {
    this.reportingIntervalSeconds = reportingIntervalSeconds;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setMetricsRegistry(registry);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getDbMetricsReporter() != null && reportingIntervalSeconds > 0) {
      configuration.getDbMetricsReporter().setReportingIntervalInSeconds(reportingIntervalSeconds);
    }
  }

  public CountingMetricsRegistry registry() {
    return registry;
  }
}
