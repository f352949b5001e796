package uk.jointinspections.notification;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * A failed notification job is retried as the notification process's service task was
 * ({@code failedJobRetryTimeCycle} {@value #RETRY_CYCLE}): five attempts five minutes apart, then an incident.
 * Camunda reads a retry cycle from a BPMN activity only, and a notification job has none, so without this it would
 * retry at once, three times. Every other job keeps Camunda's own handling.
 */
final class NotificationRetries implements FailedJobCommandFactory {

  static final String RETRY_CYCLE = "R5/PT5M";

  private final FailedJobCommandFactory others;

  NotificationRetries(FailedJobCommandFactory others) {
    this.others = others;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return new RetryCommand(jobId, exception, others);
  }

  static final class RetryCommand extends DefaultJobRetryCmd {

    private final FailedJobCommandFactory others;

    RetryCommand(String jobId, Throwable exception, FailedJobCommandFactory others) {
      super(jobId, exception);
      this.others = others;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (!NotificationJobHandler.isNotification(job)) {
        return others.getCommand(jobId, exception).execute(commandContext);
      }
      try {
        executeCustomStrategy(commandContext, job, null);
      } catch (Exception e) {
        executeStandardStrategy(commandContext);
      }
      return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
      return ParseUtil.parseRetryIntervals(RETRY_CYCLE);
    }
  }
}
