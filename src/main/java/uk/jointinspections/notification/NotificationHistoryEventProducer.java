package uk.jointinspections.notification;

import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Camunda's history, but a notification job's log (its failures and the attempt that sent it: which node, when) is
 * filed under the instance whose step caused the e-mail. So Cockpit shows it with that instance, and it is removed
 * with that instance's history: its root's removal time, set on it when the root ends, or copied here when the root
 * has ended already. Without this the log of a job that belongs to no execution would have no removal time, and
 * history cleanup ({@code removalTimeBased}) would never remove it.
 */
final class NotificationHistoryEventProducer extends CacheAwareHistoryEventProducer {

  @Override
  protected void initHistoricJobLogEvent(HistoricJobLogEventEntity evt, Job job, HistoryEventType eventType) {
    super.initHistoricJobLogEvent(evt, job, eventType);
    if (job instanceof JobEntity entity && NotificationJobHandler.isNotification(entity)
        && evt.getRootProcessInstanceId() == null) {
      var configuration = NotificationJobHandler.Configuration.parse(entity.getJobHandlerConfigurationRaw());
      evt.setProcessInstanceId(configuration.processInstanceId());
      evt.setRootProcessInstanceId(configuration.rootProcessInstanceId());
      evt.setActivityId(configuration.activityId());
      provideRemovalTime(evt);
    }
  }
}
