package uk.jointinspections.complaint;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import uk.jointinspections.calendar.DeadlineDefinition;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;

/**
 * The {@code complaintDeadlines} expression bean: the one deadline of the complaint that is not in working days. A
 * request to withhold or withdraw a report is urgent: 48 calendar hours from the moment it was recorded, weekends and
 * bank holidays included (2017 Annex D). Under the 2024 procedure the acknowledgement, due on working day 5, states
 * whether the withdrawal was agreed, so the National Director's decision is due then.
 */
@Component("complaintDeadlines")
public class ComplaintDeadlines {

  public static final Duration WITHHOLD_DECISION = Duration.ofHours(48);
  public static final int WITHDRAWAL_DECISION_DAY_2024 = 5;

  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final WorkingDays workingDays;

  public ComplaintDeadlines(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  /**
   * The deadline of a multi-instance step for the boundary timer on its multi-instance body, where the calendar's
   * {@code deadlines.due(execution)} finds no element: the same {@code day}/{@code from} properties of the step.
   */
  public Date multiInstanceDue(DelegateExecution execution) {
    String activityId = execution.getCurrentActivityId();
    String stepId = activityId == null ? null : activityId.replace(MULTI_INSTANCE_BODY, "");
    FlowElement step = stepId == null ? null : execution.getBpmnModelInstance().getModelElementById(stepId);
    if (step == null) {
      throw new ProcessEngineException("No step for the deadline of activity '" + activityId + "'");
    }
    DeadlineDefinition definition = DeadlineDefinition.of(step);
    Object dayZero = execution.getVariable(definition.referenceVariable());
    if (!(dayZero instanceof Date date)) {
      throw new ProcessEngineException("BPMN element '" + stepId + "' needs the date variable '"
          + definition.referenceVariable() + "' (day 0)");
    }
    LocalDate day0 = date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    return Date.from(workingDays.deadline(day0, definition.day(), definition.timeOfDay()).toInstant());
  }

  public Date withholdDecisionDue(VariableScope scope) {
    if (ComplaintEdition.E2024.id.equals(scope.getVariable(ComplaintProcess.VAR_EDITION))) {
      Date receivedOn = (Date) scope.getVariable(ComplaintProcess.VAR_RECEIVED_ON);
      LocalDate day0 = receivedOn.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
      return Date.from(workingDays.deadline(day0, WITHDRAWAL_DECISION_DAY_2024, null).toInstant());
    }
    Object requested = scope.getVariable(ComplaintProcess.VAR_WITHHOLD_REQUEST_RECEIVED_AT);
    if (!(requested instanceof Date at)) {
      throw new ProcessEngineException("The request to withhold or withdraw has no time of receipt ("
          + ComplaintProcess.VAR_WITHHOLD_REQUEST_RECEIVED_AT + ")");
    }
    return Date.from(at.toInstant().plus(WITHHOLD_DECISION));
  }
}
