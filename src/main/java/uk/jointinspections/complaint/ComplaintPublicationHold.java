package uk.jointinspections.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.InspectionVariables;
import uk.jointinspections.inspection.PublicationHold;

/**
 * The complaint's two steps of a publication hold ({@link PublicationHold}): {@code task_withhold_publication} after an
 * agreed request to withhold or withdraw (records whether the letter was already published: it is then withdrawn by
 * the editors), and {@code task_resume_publication} after {@code task_lift_publication_hold}.
 */
@Component("complaintPublicationHold")
public class ComplaintPublicationHold implements JavaDelegate {

  private final PublicationHold hold;

  public ComplaintPublicationHold(PublicationHold hold) {
    this.hold = hold;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = InspectionVariables.inspectionReference(execution);
    switch (execution.getCurrentActivityId()) {
      case ComplaintProcess.TASK_WITHHOLD_PUBLICATION -> {
        boolean published = hold.withhold(reference, (String) execution.getVariable(ComplaintProcess.VAR_WITHHOLD_DECIDED_BY),
            (String) execution.getVariable(ComplaintProcess.VAR_WITHHOLD_REASON), execution.getProcessInstanceId());
        execution.setVariable(ComplaintProcess.VAR_LETTER_WITHDRAWN, published);
      }
      case ComplaintProcess.TASK_RESUME_PUBLICATION -> hold.resume(reference,
          (String) execution.getVariable(ComplaintProcess.VAR_HOLD_LIFTED_BY),
          (String) execution.getVariable(ComplaintProcess.VAR_HOLD_LIFT_REASON));
      default -> throw new IllegalStateException("complaintPublicationHold on " + execution.getCurrentActivityId());
    }
  }
}
