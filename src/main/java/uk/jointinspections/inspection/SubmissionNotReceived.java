package uk.jointinspections.inspection;

import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.JtaiProcess.Submission;

/**
 * The lead inspector's "proceed without it" on the chase of a late submission (the DCS "has 10 working days to
 * respond", an opportunity; ¶23 evaluations judged on their quality, not their number; ¶50 consent not given): when the
 * chase form's {@code <prefix>ChaseOutcome} is {@value #PROCEED_WITHOUT}, the submission is recorded as not received
 * ({@code <prefix>Channel} = {@value #NONE}, no {@code <prefix>ReceivedOn}) with who decided and when, and the
 * subprocess ends so that the inspection goes on; a later submission of that kind changes nothing.
 */
@Component("submissionNotReceived")
public class SubmissionNotReceived implements TaskListener {

  public static final String PROCEED_WITHOUT = "proceed-without";
  /** The channel of a submission the inspection went on without. */
  public static final String NONE = "none";

  private final IdentityService identityService;

  public SubmissionNotReceived(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  public static String outcomeVariable(Submission submission) {
    return submission.variablePrefix + "ChaseOutcome";
  }

  public static String decidedByVariable(Submission submission) {
    return submission.variablePrefix + "ProceededWithoutBy";
  }

  public static String decidedAtVariable(Submission submission) {
    return submission.variablePrefix + "ProceededWithoutAt";
  }

  @Override
  public void notify(DelegateTask task) {
    Submission submission = Arrays.stream(Submission.values())
        .filter(s -> s.chaseTaskId.equals(task.getTaskDefinitionKey())).findFirst()
        .orElseThrow(() -> new IllegalStateException("'" + task.getTaskDefinitionKey() + "' is not a chase step."));
    if (!PROCEED_WITHOUT.equals(task.getVariable(outcomeVariable(submission)))) {
      return;
    }
    Authentication caller = identityService.getCurrentAuthentication();
    String by = caller != null && caller.getUserId() != null ? caller.getUserId() : task.getAssignee();
    var inspection = task.getExecution().getProcessInstance();
    inspection.setVariable(submission.channelVariable(), NONE);
    inspection.setVariable(submission.receivedOnVariable(), null);
    inspection.setVariable(decidedByVariable(submission), by);
    inspection.setVariable(decidedAtVariable(submission), ClockUtil.getCurrentTime());
  }
}
