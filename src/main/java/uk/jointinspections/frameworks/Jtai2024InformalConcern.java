package uk.jointinspections.frameworks;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Paragraphs 89-90: a concern the local partnership raises with the QA manager after fieldwork is recorded, with
 * whether it was resolved informally; one that was not is marked {@code informalConcernUnresolved}, which the timeline
 * shows, so that a later complaint (Annex C) finds it.
 */
@Component("jtai2024InformalConcern")
public class Jtai2024InformalConcern implements TaskListener {

  public static final String VAR_UNRESOLVED = "informalConcernUnresolved";

  @Override
  public void notify(DelegateTask task) {
    boolean raised = "yes".equals(task.getVariable("informalConcernRaised"));
    if (!raised) {
      task.getExecution().setVariable(VAR_UNRESOLVED, false);
      return;
    }
    Object summary = task.getVariable("informalConcernSummary");
    if (!(summary instanceof String text) || text.isBlank()) {
      throw new BadUserRequestException("informalConcernSummary: say in brief what the concern is (paragraph 89).");
    }
    Object resolved = task.getVariable("informalConcernResolved");
    if (!"yes".equals(resolved) && !"no".equals(resolved)) {
      throw new BadUserRequestException("informalConcernResolved: record whether the concern was resolved informally"
          + " (yes or no), paragraph 89.");
    }
    task.getExecution().setVariable(VAR_UNRESOLVED, "no".equals(resolved));
  }
}
