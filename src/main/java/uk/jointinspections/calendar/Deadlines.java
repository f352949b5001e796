package uk.jointinspections.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * The {@code deadlines} expression bean: the date of working day N of an inspection, for timers'
 * {@code timeDate} and user tasks' {@code camunda:dueDate} / {@code camunda:followUpDate}.
 *
 * <ul>
 *   <li>{@code ${deadlines.due(execution)}}: from the extension properties ({@link DeadlineDefinition}) of
 *       the element the execution is at: the user task itself for its due date, the host task for a
 *       boundary timer, the timer event for an intermediate catch timer.
 *   <li>{@code ${deadlines.dueOfCall(execution)}}: in a called building block (what the local area sends), from the
 *       properties of the call activity that called it, counted from the calling inspection's day 0.
 *   <li>{@code ${deadlines.day(execution, 33)}}, {@code ${deadlines.day(execution, 33, '17:00')}}: explicit.
 * </ul>
 *
 * Day 0 is the process variable {@value #DEFAULT_REFERENCE_VARIABLE} (or the one named by {@code from}):
 * a {@code java.util.Date} (its London date), a {@code java.time.LocalDate} or a {@code yyyy-MM-dd} string.
 * The engine accepts a {@code java.util.Date} in all these places.
 */
@Component("deadlines")
public class Deadlines {

  public static final String DEFAULT_REFERENCE_VARIABLE = "dayZero";
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final WorkingDays workingDays;

  public Deadlines(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  /** @param scope the {@code execution} (or, where the engine offers it, the {@code task}) */
  public Date due(VariableScope scope) {
    FlowElement element = elementOf(scope);
    DeadlineDefinition definition = DeadlineDefinition.of(element, scope.getVariable(DeadlineDefinition.EDITION_VARIABLE));
    return deadline(scope, element, definition.referenceVariable(), definition.day(), definition.timeOfDay());
  }

  /**
   * The deadline of the call activity that started this process instance: a building block called for several items
   * has no day of its own, and the framework writes each item's day on its call activity. Evaluated again against the
   * same execution, it follows the caller's day 0 and the holiday list as {@link #due} does.
   */
  public Date dueOfCall(VariableScope scope) {
    DelegateExecution execution = scope instanceof DelegateTask task ? task.getExecution()
        : scope instanceof DelegateExecution delegate ? delegate : null;
    if (execution == null) {
      throw new ProcessEngineException("The deadlines bean needs a BPMN execution (use 'execution' in the expression),"
          + " not " + (scope == null ? "null" : scope.getClass().getSimpleName()));
    }
    DelegateExecution call = execution.getProcessInstance().getSuperExecution();
    if (call == null) {
      throw DeadlineDefinition.problem(String.valueOf(execution.getCurrentActivityId()), "uses deadlines.dueOfCall, but"
          + " its process was not started by a call activity; start it from a call activity with a working day");
    }
    return due(call);
  }

  public Date day(VariableScope scope, int day) {
    return deadline(scope, elementOf(scope), DEFAULT_REFERENCE_VARIABLE, day, null);
  }

  /** @param time HH:mm, London time */
  public Date day(VariableScope scope, int day, String time) {
    FlowElement element = elementOf(scope);
    return deadline(scope, element, DEFAULT_REFERENCE_VARIABLE, day, DeadlineDefinition.parseTime(time, element.getId()));
  }

  private Date deadline(VariableScope scope, FlowElement element, String variable, int day, LocalTime timeOfDay) {
    LocalDate reference = referenceDate(scope.getVariable(variable), variable, element);
    try {
      return Date.from(workingDays.deadline(reference, day, timeOfDay).toInstant());
    } catch (IllegalArgumentException e) {
      throw DeadlineDefinition.problem(element.getId(), "has no deadline: " + e.getMessage());
    }
  }

  static LocalDate referenceDate(Object value, String variable, FlowElement element) {
    if (value == null) {
      throw DeadlineDefinition.problem(element.getId(), "needs the process variable '" + variable + "' (day 0), which is not set");
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    }
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw DeadlineDefinition.problem(element.getId(), "needs the process variable '" + variable
            + "' (day 0) to be a date yyyy-MM-dd, not '" + text + "'");
      }
    }
    throw DeadlineDefinition.problem(element.getId(), "needs the process variable '" + variable + "' (day 0) to be a Date,"
        + " LocalDate or yyyy-MM-dd string, not a " + value.getClass().getName());
  }

  private static FlowElement elementOf(VariableScope scope) {
    FlowElement element = null;
    if (scope instanceof DelegateTask task) {
      element = task.getBpmnModelElementInstance();
    } else if (scope instanceof DelegateExecution execution) {
      element = execution.getBpmnModelElementInstance();
      if (element == null) {
        element = multiInstanceStep(execution);
      }
    }
    if (element == null) {
      throw new ProcessEngineException("The deadlines bean needs a BPMN execution or task (use 'execution' in the"
          + " expression), not " + (scope == null ? "null" : scope.getClass().getSimpleName()));
    }
    return element;
  }

  /**
   * A boundary timer on a multi-instance step runs on the multi-instance body, which the engine gives no BPMN
   * element; the deadline is the step's own. When the timer is created the execution is at the body; when it is
   * recalculated later it is the body's scope execution, whose children are at the step.
   */
  private static FlowElement multiInstanceStep(DelegateExecution execution) {
    String activityId = execution.getCurrentActivityId();
    if (activityId != null && activityId.endsWith(MULTI_INSTANCE_BODY)) {
      return execution.getBpmnModelInstance()
          .getModelElementById(activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()));
    }
    if (execution instanceof ExecutionEntity scope) {
      for (ExecutionEntity child : scope.getExecutions()) {
        FlowElement element = child.getBpmnModelElementInstance();
        if (element == null) {
          element = multiInstanceStep(child);
        }
        if (element != null) {
          return element;
        }
      }
    }
    return null;
  }
}
