package uk.jointinspections.frameworks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.InvalidInspectionException;

/**
 * Completes the lead inspector's judgement steps of the 2009 inspection only with what paragraph 29 allows: on
 * "Record the judgements", every judgement of the evaluation schedules inspected on the four-point scale (both, or
 * for a separate inspection under paragraph 18, start variable {@code scope}, only the one inspected) and, when
 * looked after children are inspected, the educational progress question; on "Confirm the limited judgements", each
 * limited judgement confirmed or overridden, an override (a grade other than the decision table's suggestion) only
 * with its reason, recorded as {@code <judgement>Overridden}; the limited judgements of a schedule not inspected are
 * neither suggested (the diagram skips their decisions) nor asked for.
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
    Object scope = task.getVariable(Slac2009Process.VAR_SCOPE);
    List<Map<String, String>> schedules = new ArrayList<>();
    if (Slac2009Process.coversSafeguarding(scope)) {
      schedules.add(Slac2009Process.SAFEGUARDING_JUDGEMENTS);
    }
    if (Slac2009Process.coversLookedAfterChildren(scope)) {
      schedules.add(Slac2009Process.LAC_JUDGEMENTS);
    }
    for (Map<String, String> schedule : schedules) {
      for (Map.Entry<String, String> judgement : schedule.entrySet()) {
        grade(task, judgement.getKey(), judgement.getValue());
      }
    }
    if (!Slac2009Process.coversLookedAfterChildren(scope)) {
      return;
    }
    // Paragraph 32: a yes or a no, never a default; the form's radio answers "yes" or "no", stored as a yes/no.
    Object progress = task.getVariable(Slac2009Process.VAR_EDUCATIONAL_PROGRESS);
    if ("yes".equals(progress) || "no".equals(progress)) {
      task.getExecution().setVariable(Slac2009Process.VAR_EDUCATIONAL_PROGRESS, "yes".equals(progress));
    } else if (!(progress instanceof Boolean)) {
      throw new InvalidInspectionException(Slac2009Process.VAR_EDUCATIONAL_PROGRESS, "say whether looked after"
          + " children make at least good educational progress overall, yes or no (paragraph 32).");
    }
  }

  private static void confirm(DelegateTask task) {
    for (String judgement : Slac2009Process.limitedJudgements(task.getVariable(Slac2009Process.VAR_SCOPE))) {
      String finalName = judgement + Slac2009Process.SUFFIX_FINAL;
      String grade = grade(task, finalName, "the confirmed grade");
      Object suggested = task.getVariable(judgement + Slac2009Process.SUFFIX_SUGGESTED);
      if (LAC_OVERALL.equals(judgement)) {
        suggested = lacOverallAfterEnjoyingAndAchieving(task, suggested);
      }
      boolean overridden = !grade.equals(suggested);
      Object reason = task.getVariable(judgement + Slac2009Process.SUFFIX_OVERRIDE_REASON);
      if (overridden && (reason == null || reason.toString().isBlank())) {
        throw new InvalidInspectionException(judgement + Slac2009Process.SUFFIX_OVERRIDE_REASON, "the limiting"
            + " judgements suggest '" + suggested + "'; give the reason for '" + grade + "' (paragraphs 30-32).");
      }
      task.getExecution().setVariable(judgement + Slac2009Process.SUFFIX_OVERRIDDEN, overridden);
    }
  }

  private static final String LAC_OVERALL = "lacOverallEffectiveness";
  private static final String LAC_ENJOYING = "lacEnjoyingAchieving";
  static final String DECISION_LAC_OVERALL = "slac_lac_overall";

  /**
   * Paragraph 32 limits overall effectiveness by enjoying and achieving "judged" as good: the grade the lead inspector
   * confirms, not the one suggested before the confirmation. When enjoying and achieving is overridden, the decision
   * runs again with the confirmed grade and its answer becomes the suggestion the confirmed overall grade is held to.
   */
  private static Object lacOverallAfterEnjoyingAndAchieving(DelegateTask task, Object suggested) {
    Object enjoyingFinal = task.getVariable(LAC_ENJOYING + Slac2009Process.SUFFIX_FINAL);
    if (enjoyingFinal == null || enjoyingFinal.equals(task.getVariable(LAC_ENJOYING + Slac2009Process.SUFFIX_SUGGESTED))) {
      return suggested;
    }
    Map<String, Object> inputs = new HashMap<>(task.getVariables());
    inputs.put(LAC_ENJOYING + Slac2009Process.SUFFIX_SUGGESTED, enjoyingFinal);
    Object recomputed = task.getProcessEngineServices().getDecisionService().evaluateDecisionByKey(DECISION_LAC_OVERALL)
        .variables(inputs).evaluate().getSingleEntry();
    task.getExecution().setVariable(LAC_OVERALL + Slac2009Process.SUFFIX_SUGGESTED, recomputed);
    return recomputed;
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
