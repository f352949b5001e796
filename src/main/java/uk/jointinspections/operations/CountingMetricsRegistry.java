package uk.jointinspections.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;

/**
 * Camunda's metrics registry that also keeps this node's running total of every metric since start. Camunda's own
 * meters are emptied each time its database reporter writes them to ACT_RU_METER_LOG (every 15 minutes by default),
 * so they cannot back a monotonic counter; these totals can, without a query per job or per scrape.
 */
public class CountingMetricsRegistry extends MetricsRegistry {

  private final Map<String, LongAdder> totals = new ConcurrentHashMap<>();

  @Override
  public void markOccurrence(String name, long times) {
    super.markOccurrence(name, times);
    totals.computeIfAbsent(name, n -> new LongAdder()).add(times);
  }

  /** How often this node has counted {@code name} (a constant of Camunda's {@code Metrics}) since it started. */
  public long total(String name) {
    LongAdder total = totals.get(name);
    return total == null ? 0 : total.sum();
  }
}
