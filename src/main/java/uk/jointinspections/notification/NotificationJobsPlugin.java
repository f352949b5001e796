package uk.jointinspections.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine the notification job ({@link NotificationJobHandler}): how it runs, how it is retried
 * ({@link NotificationRetries}), where its incident goes ({@link NotificationIncidents}) and where its history is
 * filed ({@link NotificationHistoryEventProducer}).
 */
@Component
public class NotificationJobsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<NotificationMailer> mailer;

  public NotificationJobsPlugin(ObjectProvider<NotificationMailer> mailer) {
    this.mailer = mailer;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = new ArrayList<>();
    if (configuration.getCustomJobHandlers() != null) {
      handlers.addAll(configuration.getCustomJobHandlers());
    }
    handlers.add(new NotificationJobHandler(mailer::getObject));
    configuration.setCustomJobHandlers(handlers);

    List<IncidentHandler> incidentHandlers = new ArrayList<>();
    if (configuration.getCustomIncidentHandlers() != null) {
      incidentHandlers.addAll(configuration.getCustomIncidentHandlers());
    }
    incidentHandlers.add(new NotificationIncidents());
    configuration.setCustomIncidentHandlers(incidentHandlers);

  }

  /**
   * After init: the Spring Boot starter sets Camunda's own failed-job command factory in its preInit, and this one
   * hands every other job to it.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(new NotificationRetries(configuration.getFailedJobCommandFactory()));
    if (configuration.getHistoryEventProducer().getClass() != CacheAwareHistoryEventProducer.class) {
      throw new IllegalStateException("Another plugin set the history event producer ("
          + configuration.getHistoryEventProducer().getClass().getName() + "); notification jobs need theirs");
    }
    configuration.setHistoryEventProducer(new NotificationHistoryEventProducer());
  }
}
