package uk.jointinspections.notification;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * Camunda's failed-job incidents, but a notification's incident goes on the process instance whose step caused the
 * e-mail, while that instance runs: the operator sees it on the inspection (or concern) in Cockpit and retries it
 * there. The job itself belongs to no execution (see {@link NotificationJobHandler}), so Camunda alone would raise
 * it on no instance.
 */
final class NotificationIncidents extends DefaultIncidentHandler {

  NotificationIncidents() {
    super(Incident.FAILED_JOB_HANDLER_TYPE);
  }

  @Override
  public Incident handleIncident(IncidentContext context, String message) {
    if (context.getExecutionId() == null && context.getConfiguration() != null) {
      var commandContext = Context.getCommandContext();
      JobEntity job = commandContext.getJobManager().findJobById(context.getConfiguration());
      if (NotificationJobHandler.isNotification(job)) {
        var notification = NotificationJobHandler.Configuration.parse(job.getJobHandlerConfigurationRaw());
        if (commandContext.getExecutionManager().findExecutionById(notification.processInstanceId()) != null) {
          context.setExecutionId(notification.processInstanceId());
        }
        if (context.getActivityId() == null) {
          // Where Cockpit draws the incident: the step whose e-mail could not be sent.
          context.setActivityId(notification.activityId());
          context.setFailedActivityId(notification.activityId());
        }
      }
    }
    return super.handleIncident(context, message);
  }
}
