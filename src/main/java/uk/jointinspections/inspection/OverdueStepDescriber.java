package uk.jointinspections.inspection;

import static uk.jointinspections.inspection.JtaiProcess.PROPERTY_DAY;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP_DAY;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP_DUE;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP_TITLE;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives the follow-up task of an overdue step words a person understands: the step's title, its framework day and
 * the due date it missed. The escalation code is the overdue element's id; copying it into the event subprocess
 * scope keeps two overdue steps from overwriting each other.
 */
@Component("overdueStepDescriber")
public class OverdueStepDescriber implements ExecutionListener {

  static final DateTimeFormatter DUE_FORMAT =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private final TaskService taskService;

  public OverdueStepDescriber(@Lazy TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String step = (String) execution.getVariable(VAR_OVERDUE_STEP);
    execution.setVariableLocal(VAR_OVERDUE_STEP, step);
    FlowElement element = step == null ? null : execution.getBpmnModelInstance().getModelElementById(step);
    execution.setVariableLocal(VAR_OVERDUE_STEP_TITLE, element != null && element.getName() != null ? element.getName() : step);
    execution.setVariableLocal(VAR_OVERDUE_STEP_DAY, element == null ? null : ModelProperties.of(element).get(PROPERTY_DAY));
    Task open = step == null ? null : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(step).orderByDueDate().asc().listPage(0, 1).stream().findFirst().orElse(null);
    execution.setVariableLocal(VAR_OVERDUE_STEP_DUE,
        open != null && open.getDueDate() != null ? DUE_FORMAT.format(open.getDueDate().toInstant()) : null);
  }
}
