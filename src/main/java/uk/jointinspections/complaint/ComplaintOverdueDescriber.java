package uk.jointinspections.complaint;

import static uk.jointinspections.complaint.ComplaintProcess.*;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.DeadlineDefinition;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.Inspectorates;

/**
 * Words for the complaints manager's follow-up of an overdue milestone: its title, when it was due and who has it. An
 * escalation from the confidential conduct investigation arrives here too; it says which milestone of which
 * inspectorate is late, never what the complaint is about.
 */
@Component("complaintOverdueDescriber")
public class ComplaintOverdueDescriber implements ExecutionListener {

  private final ComplaintMilestones milestones;
  private final WorkingDays workingDays;
  private final ComplaintDeadlines deadlines;

  public ComplaintOverdueDescriber(ComplaintMilestones milestones, WorkingDays workingDays, ComplaintDeadlines deadlines) {
    this.milestones = milestones;
    this.workingDays = workingDays;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String step = (String) execution.getVariable(VAR_OVERDUE_STEP);
    execution.setVariableLocal(VAR_OVERDUE_STEP, step);
    FlowElement element = step == null ? null : milestones.element(step);
    execution.setVariableLocal(VAR_OVERDUE_STEP_TITLE, element != null && element.getName() != null ? element.getName() : step);
    execution.setVariableLocal(VAR_OVERDUE_STEP_DUE, due(execution, step, element));
    execution.setVariableLocal(VAR_OVERDUE_STEP_PERFORMER, performer(execution, element));
  }

  private String due(DelegateExecution execution, String step, FlowElement element) {
    if (TASK_DECIDE_WITHHOLD_WITHDRAW.equals(step)) {
      return ComplaintStartListener.MOMENT.format(deadlines.withholdDecisionDue(execution).toInstant());
    }
    if (element == null || !(execution.getVariable(VAR_RECEIVED_ON) instanceof Date receivedOn)) {
      return "see the step";
    }
    try {
      DeadlineDefinition definition = DeadlineDefinition.of(element);
      LocalDate day0 = receivedOn.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
      return ComplaintStartListener.MOMENT.format(
          workingDays.deadline(day0, definition.day(), definition.timeOfDay()).toInstant())
          + " (working day " + definition.day() + ")";
    } catch (RuntimeException noWorkingDay) {
      return "see the step";
    }
  }

  private static String performer(DelegateExecution execution, FlowElement element) {
    if (element != null && element.getParentElement() instanceof Process process
        && ComplaintConductProcess.KEY.equals(process.getId())) {
      Object group = execution.getVariable(VAR_CONDUCT_INSPECTORATE);
      return (group == null ? "the investigating inspectorate" : Inspectorates.displayName(group.toString()))
          + " (conduct investigation, confidential to that inspectorate)";
    }
    if (element instanceof UserTask task) {
      if (task.getCamundaAssignee() != null && task.getCamundaAssignee().contains("leadInvestigator")) {
        Object lead = execution.getVariable(VAR_LEAD_INVESTIGATOR);
        return "the lead investigator" + (lead == null ? "" : " (" + lead + ")");
      }
      String groups = task.getCamundaCandidateGroups();
      return groups == null || groups.contains("${") ? "see the step" : "group " + groups;
    }
    return "see the step";
  }
}
