package uk.jointinspections.inspection;

import static uk.jointinspections.inspection.JtaiProcess.VAR_STATEMENT_LEAD_AGENCY;
import static uk.jointinspections.inspection.JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * HMCI's decision on a statement of proposed action is part of the final letter (paragraph 97): it must be a yes or
 * no, and a yes must name the agency that leads. The gateway after day 41 reads it as a Boolean.
 */
@Component("statementDecisionValidator")
public class StatementDecisionValidator implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Object required = task.getVariable(VAR_STATEMENT_OF_ACTION_REQUIRED);
    if (!(required instanceof Boolean decision)) {
      throw new BadUserRequestException(VAR_STATEMENT_OF_ACTION_REQUIRED
          + ": record whether HMCI requires a written statement of proposed action (true or false).");
    }
    Object lead = task.getVariable(VAR_STATEMENT_LEAD_AGENCY);
    if (decision && (!(lead instanceof String agency) || agency.isBlank())) {
      throw new BadUserRequestException(VAR_STATEMENT_LEAD_AGENCY
          + ": name the agency that leads the statement of action (paragraph 97).");
    }
    if (!decision) {
      task.setVariable(VAR_STATEMENT_LEAD_AGENCY, null);
    }
  }
}
