package uk.jointinspections.notification;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Sends one notification: the job {@link Notifications} creates for it, in the transaction of the step that causes
 * it, so it runs only once that transaction has committed. The job belongs to no execution (an execution's jobs are
 * deleted when it ends, and the step that causes an e-mail may be the last of its instance), but names the instance
 * in its configuration: {@link NotificationIncidents} puts a failed delivery's incident on that instance, and
 * {@link NotificationHistoryEventProducer} files the job's log under it, to be removed with its history.
 */
public class NotificationJobHandler implements JobHandler<NotificationJobHandler.Configuration> {

  public static final String TYPE = "inspection-notification";

  /** Looked up when a job runs: the engine, and so this handler, is built before the mailer's beans. */
  private final Supplier<NotificationMailer> mailer;

  NotificationJobHandler(Supplier<NotificationMailer> mailer) {
    this.mailer = mailer;
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    mailer.get().send(configuration.key());
  }

  @Override
  public Configuration newConfiguration(String canonicalString) {
    return Configuration.parse(canonicalString);
  }

  @Override
  public void onDelete(Configuration configuration, JobEntity jobEntity) {
    // The notification's row stays: it is the record of what was requested.
  }

  /** Whether the job is a notification's; its configuration then says which. */
  static boolean isNotification(JobEntity job) {
    return job != null && TYPE.equals(job.getJobHandlerType());
  }

  /**
   * The instance the notification belongs to, its root (whose end gives its history a removal time), the step that
   * caused it (a job row has no activity of its own) and the notification's key, as
   * {@code processInstanceId|rootProcessInstanceId|activityId|key}: no look-up when the job runs or fails.
   */
  public record Configuration(String processInstanceId, String rootProcessInstanceId, String activityId, String key)
      implements JobHandlerConfiguration {

    static Configuration parse(String canonical) {
      String[] parts = canonical.split("\\|", 4);
      if (parts.length != 4) {
        throw new IllegalArgumentException("Not a notification job's configuration: " + canonical);
      }
      return new Configuration(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2], parts[3]);
    }

    @Override
    public String toCanonicalString() {
      return processInstanceId + "|" + rootProcessInstanceId + "|" + (activityId == null ? "" : activityId) + "|" + key;
    }
  }
}
