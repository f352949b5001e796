package uk.jointinspections.frameworks;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.InvalidInspectionException;

/**
 * Completes the lead inspector's judgement steps of the 2009 inspection only with what paragraph 29 allows: on
 * "Record the judgements", every judgement of both evaluation schedules on the four-point scale and the educational
 * progress question; on "Confirm the limited judgements", each limited judgement confirmed or overridden, an override
 * (a grade other than the decision table's suggestion) only with its reason, recorded as {@code <judgement>Overridden}.
 */
@Component("slacJudgements")
public class SlacJudgements implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if (Slac2009Process.TASK_CONFIRM_JUDGEMENTS.equals(task.getTaskDefinitionKey())) {
      confirm(task);
    } else {
      record(task);
    }
  }

  private static void record(DelegateTask task) {
    for (Map<String, String> schedule : java.util.List.of(Slac2009Process.SAFEGUARDING_JUDGEMENTS,
        Slac2009Process.LAC_JUDGEMENTS)) {
      for (Map.Entry<String, String> judgement : schedule.entrySet()) {
        grade(task, judgement.getKey(), judgement.getValue());
      }
    }
    if (!(task.getVariable(Slac2009Process.VAR_EDUCATIONAL_PROGRESS) instanceof Boolean)) {
      throw new InvalidInspectionException(Slac2009Process.VAR_EDUCATIONAL_PROGRESS, "say whether looked after"
          + " children make at least good educational progress overall (paragraph 32).");
    }
  }

  private static void confirm(DelegateTask task) {
    for (String judgement : Slac2009Process.LIMITED_JUDGEMENTS) {
      String finalName = judgement + Slac2009Process.SUFFIX_FINAL;
      String grade = grade(task, finalName, "the confirmed grade");
      Object suggested = task.getVariable(judgement + Slac2009Process.SUFFIX_SUGGESTED);
      boolean overridden = !grade.equals(suggested);
      Object reason = task.getVariable(judgement + Slac2009Process.SUFFIX_OVERRIDE_REASON);
      if (overridden && (reason == null || reason.toString().isBlank())) {
        throw new InvalidInspectionException(judgement + Slac2009Process.SUFFIX_OVERRIDE_REASON, "the limiting"
            + " judgements suggest '" + suggested + "'; give the reason for '" + grade + "' (paragraphs 30-32).");
      }
      task.getExecution().setVariable(judgement + Slac2009Process.SUFFIX_OVERRIDDEN, overridden);
    }
  }

  private static String grade(DelegateTask task, String name, String label) {
    Object value = task.getVariable(name);
    if (value == null || !Slac2009Process.GRADES.contains(value.toString())) {
      throw new InvalidInspectionException(name, label + ": grade it outstanding, good, adequate or inadequate"
          + " (paragraph 29)" + (value == null ? "." : ", not '" + value + "'."));
    }
    return value.toString();
  }
}
