package uk.jointinspections.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import uk.jointinspections.calendar.DeadlineDefinition;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.JtaiProcess.Submission;
import uk.jointinspections.inspection.TimelineEntry.Status;

/**
 * The milestones of one inspection, walked from the deployed diagram it runs on: every element with a working
 * {@code day} (and the statement of action, 70 working days after the letter), its deadline from the same
 * calculation as the task due dates and timers, and its status from the instance's history.
 */
@Service
public class Timeline {

  private static final String RELATIVE_STATEMENT = "P70WD";
  static final String LOCAL_AREA = "local area";
  private static final int STATEMENT_WORKING_DAYS = 70;

  private final RepositoryService repositoryService;
  private final HistoryService historyService;
  private final WorkingDays workingDays;
  private final WithoutAuthorization unrestricted;
  private final ObjectProvider<TimelineExtension> extensions;
  private final ObjectProvider<InspectionFrameworks> frameworks;

  public Timeline(@Lazy RepositoryService repositoryService, @Lazy HistoryService historyService,
      WorkingDays workingDays, WithoutAuthorization unrestricted, ObjectProvider<TimelineExtension> extensions,
      ObjectProvider<InspectionFrameworks> frameworks) {
    this.frameworks = frameworks;
    this.repositoryService = repositoryService;
    this.historyService = historyService;
    this.workingDays = workingDays;
    this.unrestricted = unrestricted;
    this.extensions = extensions;
  }

  /**
   * The timeline as the signed-in caller may see it. First of all, before anything about the inspection is looked at,
   * the engine checks as the caller that they may read the inspection's history; then each entry of a concern or a
   * conduct investigation is left out unless the engine lets the caller read that instance too. Without a signed-in
   * caller (the application itself) the engine checks nothing and everything is listed.
   *
   * @throws InspectionProblem 404 when there is no inspection with this reference, or the caller may not read it: the
   *     same answer for both ({@link InspectionProblem#notVisible})
   */
  public List<TimelineEntry> of(String reference) {
    HistoricProcessInstance instance = readable(reference);
    List<TimelineEntry> entries = new ArrayList<>(unrestricted.call(() -> build(instance)));
    List<TimelineExtension.Entry> added = unrestricted.call(() -> extensions.orderedStream()
        .flatMap(extension -> extension.entries(instance).stream()).toList());
    Set<String> guards = added.stream().map(TimelineExtension.Entry::guardedBy).filter(Objects::nonNull)
        .collect(Collectors.toSet());
    Set<String> visible = readableByCaller(guards);
    added.stream().filter(entry -> entry.guardedBy() == null || visible.contains(entry.guardedBy()))
        .map(TimelineExtension.Entry::entry).forEach(entries::add);
    return entries;
  }

  /**
   * The milestones of an inspection that has just been started, for the one who started it: computed from what they
   * gave, before anything else (a concern, a complaint) can belong to it. The engine's read check is not made, so that
   * a starter who does not read the inspection afterwards still sees the dates of what they started.
   */
  List<TimelineEntry> ofNewInspection(String reference) {
    return unrestricted.call(() -> build(instance(reference)));
  }

  /** A process-level variable of the inspection, e.g. its local authority, for a caller who may read it. */
  public Object variable(String reference, String name) {
    HistoricProcessInstance instance = readable(reference);
    return unrestricted.call(() -> historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).list().stream().filter(v -> instance.getId().equals(v.getActivityInstanceId()))
        .map(HistoricVariableInstance::getValue).findFirst().orElse(null));
  }

  /** The inspection, when the engine lets the signed-in caller read its history; otherwise the uniform 404. */
  private HistoricProcessInstance readable(String reference) {
    HistoricProcessInstance instance = unrestricted.call(() -> find(reference));
    if (instance == null
        || historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
      throw InspectionProblem.notVisible(reference);
    }
    return instance;
  }

  /** Of these process instances, those whose history the engine lets the signed-in caller read. */
  private Set<String> readableByCaller(Set<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Set.of();
    }
    return historyService.createHistoricProcessInstanceQuery().processInstanceIds(processInstanceIds).list().stream()
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
  }

  private HistoricProcessInstance find(String reference) {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(InspectionDirectory.processKeys())
        .processInstanceBusinessKey(reference).singleResult();
  }

  /** The inspection as the application finds it, whoever asks: callers that answer a person check access first. */
  public HistoricProcessInstance instance(String reference) {
    HistoricProcessInstance instance = unrestricted.call(() -> find(reference));
    if (instance == null) {
      throw InspectionProblem.notFound(reference);
    }
    return instance;
  }

  private List<TimelineEntry> build(HistoricProcessInstance instance) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
    // Process-level variables only: a subprocess's local variable of the same name must not shadow them.
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      if (instance.getId().equals(variable.getActivityInstanceId())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    // The steps of the processes the inspection called (the shared statement of action) are its steps too.
    List<String> instanceIds = new ArrayList<>();
    instanceIds.add(instance.getId());
    historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()
        .forEach(called -> instanceIds.add(called.getId()));
    Map<String, List<HistoricActivityInstance>> activities = instanceIds.stream()
        .flatMap(id -> historyService.createHistoricActivityInstanceQuery().processInstanceId(id).list().stream())
        .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId));
    Walk walk = new Walk(instance, model, variables, activities, ClockUtil.getCurrentTime().toInstant(),
        instance.getEndTime() != null, sentByTheLocalArea(instance.getProcessDefinitionKey()), new ArrayList<>());

    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      if (element instanceof CallActivity call && !hasDay(call)) {
        calledSteps(walk, call);
      } else {
        add(walk, element, variables);
      }
    }
    List<TimelineEntry> entries = walk.entries;
    entries.sort(Comparator.comparing((TimelineEntry e) -> e.dueAt() == null ? null : e.dueAt().toInstant(),
        Comparator.nullsLast(Comparator.naturalOrder())));
    return entries;
  }

  private record Walk(HistoricProcessInstance instance, BpmnModelInstance model, Map<String, Object> variables,
      Map<String, List<HistoricActivityInstance>> activities, Instant now, boolean ended,
      Set<String> sentByTheLocalArea, List<TimelineEntry> entries) {
  }

  /**
   * The "record receipt" steps of what the local area sends: the local area does them, whether its submission arrives
   * through the API or the lead inspector records it by hand, as the 2017 JTAI's message subprocesses say.
   */
  private Set<String> sentByTheLocalArea(String processKey) {
    InspectionFrameworks registry = frameworks.getIfAvailable();
    return registry == null ? Set.of() : registry.ofProcess(processKey).map(InspectionFramework::submissions)
        .orElse(List.of()).stream().filter(item -> !item.byMessage()).flatMap(item -> item.stepIds().stream())
        .collect(Collectors.toSet());
  }

  /**
   * A call activity with a working day of its own is one step of the inspection (a building block such as what the
   * local area sends, whose steps read their deadline from it): listed as itself, its status from its own run.
   * Any other call activity stands for the steps of the process it calls, listed once, as the inspection's own: their
   * deadlines count from the inspection's variables (the called model names them per framework) and their
   * {@code onlyIf} branches see what the call activity passes in.
   */
  private void calledSteps(Walk walk, CallActivity call) {
    if (!applies(call, walk.variables) || call.getCalledElement() == null) {
      return;
    }
    BpmnModelInstance called = calledModel(walk.instance, call.getCalledElement());
    if (called == null) {
      return;
    }
    Map<String, Object> passedIn = new HashMap<>(walk.variables);
    passedIn.putAll(constantInputs(call, walk.variables));
    for (FlowElement element : called.getModelElementsByType(FlowElement.class)) {
      if (!(element instanceof CallActivity)) {
        add(walk, element, passedIn);
      }
    }
  }

  /** The called definition as the call activity binds it: from the inspection's deployment, else the latest. */
  private BpmnModelInstance calledModel(HistoricProcessInstance instance, String key) {
    String deploymentId = repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getDeploymentId();
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId)
        .processDefinitionKey(key).singleResult();
    if (definition == null) {
      definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult();
    }
    return definition == null ? null : repositoryService.getBpmnModelInstance(definition.getId());
  }

  /**
   * What a call activity passes in that the timeline can know without running it: a variable under another name,
   * or a literal yes/no ({@code ${true}}, {@code ${false}}) that chooses a branch of the called process.
   */
  static Map<String, Object> constantInputs(CallActivity call, Map<String, Object> variables) {
    Map<String, Object> inputs = new HashMap<>();
    if (call.getExtensionElements() == null) {
      return inputs;
    }
    for (CamundaIn in : call.getExtensionElements().getChildElementsByType(CamundaIn.class)) {
      String target = in.getCamundaTarget();
      if (target == null) {
        continue;
      }
      if (in.getCamundaSource() != null && variables.containsKey(in.getCamundaSource())) {
        inputs.put(target, variables.get(in.getCamundaSource()));
      } else if ("${true}".equals(in.getCamundaSourceExpression())) {
        inputs.put(target, Boolean.TRUE);
      } else if ("${false}".equals(in.getCamundaSourceExpression())) {
        inputs.put(target, Boolean.FALSE);
      }
    }
    return inputs;
  }

  private void add(Walk walk, FlowElement element, Map<String, Object> variables) {
    Milestone milestone = milestone(element, variables.get(DeadlineDefinition.EDITION_VARIABLE));
    if (milestone == null || !applies(element, variables)) {
      return;
    }
    List<HistoricActivityInstance> runs = walk.activities.getOrDefault(milestone.trackedId, List.of());
    if (variables.get(VAR_TIMELINE_SINCE) instanceof Date since) {
      // The timeline was restarted (a granted deferral): runs before the restart no longer count.
      runs = runs.stream().filter(run -> !run.getStartTime().before(since)).toList();
    }
    boolean statementStep = isStatementStep(milestone.trackedId);
    Object statementRequired = variables.get(JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED);
    if (runs.isEmpty() && (walk.ended || statementStep && Boolean.FALSE.equals(statementRequired))) {
      return; // a branch this inspection did not take
    }
    ZonedDateTime due = milestone.relative
        ? statementDue(walk.instance, variables, walk.activities, walk.model)
        : milestone.definition == null ? null : due(milestone.definition, variables);
    Status status;
    if (!runs.isEmpty() && runs.stream().allMatch(run -> run.getEndTime() != null)) {
      status = Status.done;
    } else if (due != null && walk.now.isAfter(due.toInstant())) {
      status = Status.overdue;
    } else {
      status = runs.isEmpty() ? Status.upcoming : Status.open;
    }
    Integer day = milestone.definition == null ? null : milestone.definition.day();
    DeadlineDefinition afterStep = milestone.after == null || !(walk.model.getModelElementById(milestone.after)
        instanceof BaseElement step) ? null : DeadlineDefinition.of(step, variables.get(DeadlineDefinition.EDITION_VARIABLE));
    if (afterStep != null) {
      day = afterStep.day() + milestone.definition.day();
      if (due == null) {
        ZonedDateTime stepDue = due(afterStep, variables);
        due = stepDue == null ? null : workingDays.deadline(stepDue.toLocalDate(), milestone.definition.day(),
            milestone.definition.timeOfDay());
        if (due != null && status == Status.upcoming && walk.now.isAfter(due.toInstant())) {
          status = Status.overdue;
        }
      }
    }
    Object edition = variables.get(DeadlineDefinition.EDITION_VARIABLE);
    String countsFrom = null;
    LocalDate countsFromOn = null;
    if (milestone.relative) {
      countsFrom = STATEMENT_WORKING_DAYS + " working days from the day the letter was sent";
      countsFromOn = statementDayZero(walk.activities);
    } else if (milestone.definition != null) {
      countsFromOn = dayZero(variables.get(milestone.definition.referenceVariable()));
      if (afterStep != null && countsFromOn == null) {
        // Until the step it follows has happened, the day is the framework's count from that step's own day 0.
        countsFrom = OverdueStepDescriber.countedFrom(afterStep.referenceVariable(), edition) + ", "
            + milestone.definition.day() + " working days after day " + afterStep.day();
        countsFromOn = dayZero(variables.get(afterStep.referenceVariable()));
      } else {
        countsFrom = (afterStep != null ? milestone.definition.day() + " working days, " : "")
            + OverdueStepDescriber.countedFrom(milestone.definition.referenceVariable(), edition);
      }
    }
    walk.entries.add(new TimelineEntry(milestone.trackedId, day,
        element.getName() + notReceived(element, variables),
        walk.sentByTheLocalArea.contains(element.getId()) ? LOCAL_AREA : performer(element, variables),
        milestone.paragraph, due, status, countsFrom, countsFromOn));
  }

  /** The London date of a day-0 variable (a date, a local date or its ISO text); null while unset. */
  static LocalDate dayZero(Object reference) {
    if (reference == null) {
      return null;
    }
    return reference instanceof Date date ? date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate()
        : reference instanceof LocalDate local ? local : LocalDate.parse(reference.toString());
  }

  /** The day the letter the statement of action answers was sent, once it was. */
  private static LocalDate statementDayZero(Map<String, List<HistoricActivityInstance>> activities) {
    return activities.getOrDefault(JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER, List.of()).stream()
        .filter(a -> a.getEndTime() != null).findFirst()
        .map(a -> a.getEndTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate()).orElse(null);
  }

  /**
   * What the title of a submission the lead inspector went on without adds: who decided and when
   * ({@link SubmissionNotReceived}); nothing for any other step.
   */
  static String notReceived(FlowElement element, Map<String, Object> variables) {
    Submission submission = element instanceof SubProcess ? java.util.Arrays.stream(Submission.values())
        .filter(s -> s.subProcessId.equals(element.getId())).findFirst().orElse(null) : null;
    if (submission == null || !SubmissionNotReceived.NONE.equals(variables.get(submission.channelVariable()))) {
      return "";
    }
    Object at = variables.get(SubmissionNotReceived.decidedAtVariable(submission));
    String on = at instanceof Date date ? " on " + date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate() : "";
    return " (not received: " + variables.get(SubmissionNotReceived.decidedByVariable(submission))
        + " went on without it" + on + ")";
  }

  /**
   * A step on a branch that depends on a yes/no variable carries the Camunda property {@code onlyIf} naming it
   * ({@code noNotice}, or {@code !noNotice} for the other branch): once the variable is set, the timeline leaves out
   * the branch the inspection does not take. While it is unset the step is listed.
   */
  static boolean applies(FlowElement element, Map<String, Object> variables) {
    String onlyIf = ModelProperties.of(element).get(PROPERTY_ONLY_IF);
    if (onlyIf == null || onlyIf.isBlank()) {
      return true;
    }
    int equals = onlyIf.indexOf('=');
    if (equals > 0) {
      // A branch taken for one value of a variable, e.g. framework=jtai-2016; listed while the variable is unset.
      Object value = variables.get(onlyIf.substring(0, equals).strip());
      return value == null || onlyIf.substring(equals + 1).strip().equals(value.toString());
    }
    boolean negated = onlyIf.strip().startsWith("!");
    Object value = variables.get(onlyIf.strip().substring(negated ? 1 : 0).strip());
    return !(value instanceof Boolean yes) || yes != negated;
  }

  public static final String PROPERTY_ONLY_IF = "onlyIf";

  /**
   * Process variable (a date): when an inspection's timeline starts again (a granted deferral), the steps' earlier
   * runs are history, not progress; only runs started from this moment give a step its status.
   */
  public static final String VAR_TIMELINE_SINCE = "timelineSince";

  /** Where a step's deadline is written and which element's history says whether it happened. */
  private record Milestone(String trackedId, DeadlineDefinition definition, boolean relative, String paragraph,
      String after) {
    Milestone(String trackedId, DeadlineDefinition definition, boolean relative, String paragraph) {
      this(trackedId, definition, relative, paragraph, null);
    }
  }

  /**
   * Property {@code after}: the step whose completion sets the variable the deadline counts from ({@code from}), e.g.
   * the factual accuracy response counts from the day the draft was sent. Until then the timeline counts from that
   * step's own deadline, and names the step's working day from day 0 (day 24 + 9 = the table's day 33).
   */
  public static final String PROPERTY_AFTER = "after";

  private Milestone milestone(FlowElement element, Object edition) {
    if (element instanceof SubProcess sub && isSubmission(sub.getId())) {
      UserTask record = sub.getChildElementsByType(UserTask.class).stream()
          .filter(t -> t.getId().startsWith("task_record_")).findFirst().orElse(null);
      if (record == null) {
        return null;
      }
      String paragraph = paragraph(record, edition);
      if (RELATIVE_STATEMENT.equals(record.getCamundaDueDate())) {
        return new Milestone(sub.getId(), null, true, paragraph);
      }
      return hasDay(record) ? new Milestone(sub.getId(), DeadlineDefinition.of(record, edition), false, paragraph,
          ModelProperties.of(record).get(PROPERTY_AFTER)) : null;
    }
    if ((element instanceof UserTask || element instanceof IntermediateCatchEvent || element instanceof CallActivity)
        && !(element.getParentElement() instanceof SubProcess parent && isSubmission(parent.getId()))) {
      String paragraph = paragraph((BaseElement) element, edition);
      if (hasDay((BaseElement) element)) {
        return new Milestone(element.getId(), DeadlineDefinition.of((BaseElement) element, edition), false, paragraph,
            ModelProperties.of((BaseElement) element).get(PROPERTY_AFTER));
      }
      if (isStatementStep(element.getId())) {
        return new Milestone(element.getId(), null, false, paragraph);
      }
    }
    return null;
  }

  /** The step's paragraph, the edition's own ({@code paragraph.<framework>}) where a shared process gives one. */
  private static String paragraph(BaseElement element, Object edition) {
    Map<String, String> properties = ModelProperties.of(element);
    String own = edition == null ? null : properties.get(JtaiProcess.PROPERTY_PARAGRAPH + "." + edition);
    return own != null ? own : properties.get(JtaiProcess.PROPERTY_PARAGRAPH);
  }

  private static boolean isSubmission(String id) {
    for (Submission submission : Submission.values()) {
      if (submission.subProcessId.equals(id)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isStatementStep(String id) {
    return Submission.STATEMENT_OF_ACTION.subProcessId.equals(id) || JtaiProcess.TASK_REVIEW_STATEMENT_OF_ACTION.equals(id)
        || JtaiProcess.TASK_AGREE_STATEMENT_RESPONSE.equals(id) || JtaiProcess.TASK_SEND_STATEMENT_RESPONSE.equals(id);
  }

  private static boolean hasDay(BaseElement element) {
    return element.getExtensionElements() != null
        && !element.getExtensionElements().getChildElementsByType(CamundaProperties.class).isEmpty()
        && ModelProperties.of(element).containsKey(JtaiProcess.PROPERTY_DAY);
  }

  /** The calculation of {@code ${deadlines.due(execution)}}: working day N from the reference date, at the time given. */
  private ZonedDateTime due(DeadlineDefinition definition, Map<String, Object> variables) {
    Object reference = variables.get(definition.referenceVariable());
    if (reference == null) {
      return null;
    }
    LocalDate day0 = dayZero(reference);
    return workingDays.deadline(day0, definition.day(), definition.timeOfDay());
  }

  /**
   * 70 working days from the moment the letter was sent (the statement task's {@code P70WD} counts from its creation,
   * which is that moment); before then, from the letter's own deadline.
   */
  private ZonedDateTime statementDue(HistoricProcessInstance instance, Map<String, Object> variables,
      Map<String, List<HistoricActivityInstance>> activities, BpmnModelInstance model) {
    HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(Submission.STATEMENT_OF_ACTION.recordTaskId).listPage(0, 1).stream().findFirst().orElse(null);
    if (task != null && task.getDueDate() != null) {
      return task.getDueDate().toInstant().atZone(WorkingDayCalendar.LONDON);
    }
    HistoricActivityInstance sent = activities.getOrDefault(JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER, List.of())
        .stream().filter(a -> a.getEndTime() != null).findFirst().orElse(null);
    if (sent != null) {
      return workingDays.deadlineAfter(sent.getEndTime().toInstant(), STATEMENT_WORKING_DAYS, null);
    }
    BaseElement letter = model.getModelElementById(JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER);
    ZonedDateTime letterDue = letter == null ? null : due(DeadlineDefinition.of(letter, variables.get(DeadlineDefinition.EDITION_VARIABLE)), variables);
    return letterDue == null ? null : workingDays.deadlineAfter(letterDue.toInstant(), STATEMENT_WORKING_DAYS, null);
  }

  /** Who does the step, in words a reader of the timeline understands. */
  /** The performer of a step done by every inspector of the team, each in their own task ({@code ${inspector}}). */
  public static final String EACH_INSPECTOR = "each inspector of the team";

  static String performer(FlowElement element, Map<String, Object> variables) {
    if (element instanceof SubProcess) {
      return LOCAL_AREA;
    }
    if (!(element instanceof UserTask task)) {
      return "inspection team";
    }
    String assignee = task.getCamundaAssignee();
    if ("${leadInspector}".equals(assignee)) {
      return "lead inspector " + variables.get(JtaiProcess.VAR_LEAD_INSPECTOR);
    }
    if (task.getLoopCharacteristics() != null && "${inspector}".equals(assignee)) {
      return EACH_INSPECTOR;
    }
    if ("${qaManager}".equals(assignee)) {
      Object qa = variables.get(JtaiProcess.VAR_QA_MANAGER);
      return qa == null ? Inspectorates.QA_MANAGER : "QA manager " + qa;
    }
    return Objects.requireNonNullElse(task.getCamundaCandidateGroups(), "");
  }
}
