package uk.jointinspections.inspection;

import static uk.jointinspections.inspection.JtaiProcess.PROPERTY_DAY;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP_COUNTED_FROM;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP_DAY;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP_DUE;
import static uk.jointinspections.inspection.JtaiProcess.VAR_OVERDUE_STEP_TITLE;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.DeadlineDefinition;
import uk.jointinspections.calendar.Deadlines;

/**
 * Gives the follow-up task of an overdue step words a person understands: the step's title, its framework day and
 * the due date it missed. The escalation code is the overdue element's id; copying it into the event subprocess
 * scope keeps two overdue steps from overwriting each other. A building block called for several items (what the
 * local area sends) throws one code for all of them, so its escalation event also carries this listener, which names
 * the escalating called instance to the caller; the overdue step is then the caller's call activity.
 */
@Component("overdueStepDescriber")
public class OverdueStepDescriber implements ExecutionListener {

  static final DateTimeFormatter DUE_FORMAT =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;

  public OverdueStepDescriber(@Lazy TaskService taskService, @Lazy RuntimeService runtimeService,
      @Lazy RepositoryService repositoryService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
  }

  /**
   * Transient variable of the calling inspection, set by the escalation event of a called building block: the engine
   * hands the caller the escalation code without its source, and a block called for several items throws one code.
   */
  static final String VAR_ESCALATING_INSTANCE = "overdueStepCalledInstance";

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getBpmnModelElementInstance() instanceof ThrowEvent) {
      markCaller(execution);
      return;
    }
    String step = (String) execution.getVariable(VAR_OVERDUE_STEP);
    ExecutionEntity calledBlock = step == null || !(execution instanceof ExecutionEntity entity) ? null
        : escalatingCalledInstance(entity.getProcessInstance(), execution.getVariable(VAR_ESCALATING_INSTANCE));
    if (calledBlock != null && calledBlock.getSuperExecution() != null
        && calledBlock.getSuperExecution().getBpmnModelElementInstance() != null) {
      describeCalledBlock(execution, step, calledBlock);
      return;
    }
    execution.setVariableLocal(VAR_OVERDUE_STEP, step);
    // The overdue step is the inspection's own or, escalated through a call activity, a step of a process it called.
    List<String> instances = new ArrayList<>();
    instances.add(execution.getProcessInstanceId());
    if (step != null) {
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution.getProcessInstanceId()).list()
          .forEach(called -> instances.add(called.getId()));
    }
    Task open = step == null ? null : instances.stream().flatMap(id -> taskService.createTaskQuery()
        .processInstanceId(id).taskDefinitionKey(step).orderByDueDate().asc().listPage(0, 1).stream())
        .findFirst().orElse(null);
    FlowElement element = step == null ? null : execution.getBpmnModelInstance().getModelElementById(step);
    if (element == null && open != null) {
      element = repositoryService.getBpmnModelInstance(open.getProcessDefinitionId()).getModelElementById(step);
    }
    describe(execution, element, element != null && element.getName() != null ? element.getName() : step,
        open == null ? null : open.getDueDate());
  }

  /**
   * A building block called for several items (what the local area sends) throws the same escalation code for each;
   * the overdue step is then its call activity, whose name and working day the inspection's diagram gives, and the
   * title is the called step's own name as its task shows it.
   */
  private void describeCalledBlock(DelegateExecution execution, String code, ExecutionEntity calledBlock) {
    ExecutionEntity call = calledBlock.getSuperExecution();
    FlowElement callActivity = call.getBpmnModelElementInstance();
    TaskEntity open = withDescendants(calledBlock).stream().flatMap(e -> e.getTasks().stream()).filter(t -> code.equals(t.getTaskDefinitionKey())).findFirst()
        .orElse(null);
    execution.setVariableLocal(VAR_OVERDUE_STEP, callActivity.getId());
    describe(execution, callActivity, open != null && open.getName() != null ? open.getName() : callActivity.getName(),
        open == null ? null : open.getDueDate());
  }

  private static void describe(DelegateExecution execution, FlowElement element, String title, java.util.Date due) {
    execution.setVariableLocal(VAR_OVERDUE_STEP_TITLE, title);
    String day = element == null ? null : ModelProperties.of(element).get(PROPERTY_DAY);
    execution.setVariableLocal(VAR_OVERDUE_STEP_DAY, day);
    execution.setVariableLocal(VAR_OVERDUE_STEP_COUNTED_FROM, day == null ? null
        : countedFrom(DeadlineDefinition.of(element, execution.getVariable(DeadlineDefinition.EDITION_VARIABLE))
            .referenceVariable(), execution.getVariable(DeadlineDefinition.EDITION_VARIABLE)));
    execution.setVariableLocal(VAR_OVERDUE_STEP_DUE, due != null ? DUE_FORMAT.format(due.toInstant()) : null);
  }

  /**
   * As the start listener of a called building block's escalation event: tells the calling inspection, for this
   * command only, which called instance escalates.
   */
  private static void markCaller(DelegateExecution execution) {
    DelegateExecution call = execution.getProcessInstance().getSuperExecution();
    if (call != null) {
      call.getProcessInstance().setVariableLocal(VAR_ESCALATING_INSTANCE,
          Variables.stringValue(execution.getProcessInstanceId(), true));
    }
  }

  private static ExecutionEntity escalatingCalledInstance(ExecutionEntity processInstance, Object calledInstanceId) {
    if (calledInstanceId == null) {
      return null;
    }
    processInstance.removeVariableLocal(VAR_ESCALATING_INSTANCE);
    for (ExecutionEntity execution : withDescendants(processInstance)) {
      ExecutionEntity called = execution.getSubProcessInstance();
      if (called != null && calledInstanceId.equals(called.getId())) {
        return called;
      }
    }
    return null;
  }

  private static List<ExecutionEntity> withDescendants(ExecutionEntity execution) {
    List<ExecutionEntity> all = new ArrayList<>();
    all.add(execution);
    for (int i = 0; i < all.size(); i++) {
      all.addAll(all.get(i).getExecutions());
    }
    return all;
  }

  /**
   * What the step's working day counts from, in words: a 2024 step after fieldwork is "day 15" of a count that starts
   * at the last day of fieldwork, not at the notification, and a follow-up that only said "day 15" would mislead.
   */
  public static String countedFrom(String referenceVariable, Object framework) {
    return switch (referenceVariable) {
      case Deadlines.DEFAULT_REFERENCE_VARIABLE -> "slac-2009".equals(framework)
          ? "in table 1, day 1 being the notification day" : "counted from the notification day";
      case "fieldworkEnd" -> "counted from the last day of fieldwork";
      case "finalLetterSentOn" -> "counted from the day the final letter was sent";
      case "draftLetterSentOn" -> "counted from the day the draft letter was sent, that day being the first";
      case "letterPublishedOn" -> "counted from the day the letter was published";
      case "factualAccuracyDayZero" -> "counted from the day the draft letter was sent, or its deadline if later";
      case "receivedOn" -> "counted from the day the complaint was made";
      default -> "counted from " + referenceVariable;
    };
  }
}
