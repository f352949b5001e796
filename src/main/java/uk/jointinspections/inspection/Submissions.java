package uk.jointinspections.inspection;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * Something the local area sends (the list of deep-dive children, the 2024 child-level data lists, the 2009 case
 * list, ...) arriving through the API, for an inspection of any framework: the framework names what its local areas
 * send ({@link InspectionFramework#submissions()}); the submission is correlated to the inspection's waiting message
 * event (2017 JTAI) or completes its waiting "record receipt" step (the later diagrams), also where that step is in a
 * process the inspection called (the shared statement of action). A submission the inspection
 * is not waiting for (already received through the API or recorded by hand, or not yet asked for) changes nothing
 * and says why.
 */
@Service
public class Submissions {

  /** Camunda keeps a string variable in one column; a portal sends references to documents, not the documents. */
  static final int MAX_CONTENT_LENGTH = 4000;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(WorkingDayCalendar.LONDON);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final InspectionFrameworks frameworks;
  private final WithoutAuthorization unrestricted;
  private final CallerRights rights;

  public Submissions(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService,
      @Lazy IdentityService identityService, @Lazy TaskService taskService, InspectionFrameworks frameworks,
      WithoutAuthorization unrestricted, CallerRights rights) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.taskService = taskService;
    this.frameworks = frameworks;
    this.unrestricted = unrestricted;
    this.rights = rights;
  }

  public record Receipt(String reference, String kind, String processInstanceId, Date receivedOn) {
  }

  /**
   * The caller's right comes first: anyone but the inspection's lead inspector (or an administrator) gets the same
   * 403 whatever the reference, kind or content, so that the answers about kinds, sizes and stages go only to those
   * who may submit. Nobody but the administrator may correlate or complete through the engine, so the application
   * delivers what the lead inspector records.
   */
  public Receipt submit(String reference, String kind, String content) {
    HistoricProcessInstance instance = rights.requireLeadInspector(reference,
        "You are not allowed to record submissions for this inspection.");
    SubmissionItem item = itemOf(instance, kind);
    if (content != null && content.length() > MAX_CONTENT_LENGTH) {
      throw new InspectionProblem(HttpStatus.PAYLOAD_TOO_LARGE, "The submission is longer than " + MAX_CONTENT_LENGTH
          + " characters; send links to the documents in the secure portal instead of the documents.");
    }
    if (JtaiProcess.KEY.equals(instance.getProcessDefinitionKey()) && LISTS_OF_CHILDREN.contains(kind)) {
      checkListOfChildren(content);
    }
    Date now = ClockUtil.getCurrentTime();
    Authentication caller = identityService.getCurrentAuthentication();
    Map<String, Object> variables = new HashMap<>();
    variables.put(item.receivedOnVariable(), now);
    variables.put(item.channelVariable(), "api");
    variables.put(item.contentVariable(), content);
    variables.put(item.submittedByVariable(), caller == null ? null : caller.getUserId());
    if (item.byMessage()) {
      try {
        MessageCorrelationResult result = unrestricted.call(() -> runtimeService
            .createMessageCorrelation(item.messageName())
            .processInstanceBusinessKey(reference)
            .setVariables(variables)
            .correlateWithResult());
        return new Receipt(reference, kind, result.getExecution().getProcessInstanceId(), now);
      } catch (MismatchingMessageCorrelationException notWaiting) {
        throw new InspectionProblem(HttpStatus.CONFLICT, whyNotWaiting(instance, item));
      }
    }
    completeRecordStep(instance, item, caller, variables);
    return new Receipt(reference, kind, instance.getId(), now);
  }

  /** The JTAI submissions that are lists of children (¶19, ¶81): identification numbers, never names. */
  static final java.util.Set<String> LISTS_OF_CHILDREN = java.util.Set.of(JtaiProcess.Submission.DEEP_DIVE_LIST.kind,
      JtaiProcess.Submission.MULTI_AGENCY_MEETINGS.kind, JtaiProcess.Submission.CASE_FILE_LISTS.kind);
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * A list of children is {@code {"children": ["ID", ...], ...}}: every entry a unique identification number
   * ({@link ChildSelectionValidator#IDENTIFICATION_NUMBER}), the first that is not refused by name, and nothing stored.
   */
  static void checkListOfChildren(String content) {
    com.fasterxml.jackson.databind.JsonNode body;
    try {
      body = content == null ? null : JSON.readTree(content);
    } catch (java.io.IOException e) {
      body = null;
    }
    com.fasterxml.jackson.databind.JsonNode children = body == null || !body.isObject() ? null : body.get("children");
    if (children == null || !children.isArray() || children.isEmpty()) {
      throw new InspectionProblem(HttpStatus.BAD_REQUEST, "A list of children is a JSON object {\"children\": [\"ID\","
          + " ...]} with each child's unique identification number (paragraph 19: identification numbers, not names).");
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (com.fasterxml.jackson.databind.JsonNode child : children) {
      String id = child.isTextual() ? child.asText().strip() : child.toString();
      if (!child.isTextual() || !ChildSelectionValidator.IDENTIFICATION_NUMBER.matcher(id).matches()) {
        throw new InspectionProblem(HttpStatus.BAD_REQUEST, "children: '" + abbreviate(id) + "' is not an identification"
            + " number (letters, digits, '/' or '-', with at least one digit); use the unique number, never a name"
            + " (paragraph 19). Nothing was stored.");
      }
      if (!seen.add(id)) {
        throw new InspectionProblem(HttpStatus.BAD_REQUEST, "children: " + id + " is listed twice. Nothing was stored.");
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  private SubmissionItem itemOf(HistoricProcessInstance instance, String kind) {
    List<SubmissionItem> items = frameworks.ofProcess(instance.getProcessDefinitionKey())
        .map(InspectionFramework::submissions).orElse(List.of());
    return items.stream().filter(i -> i.kind().equals(kind)).findFirst()
        .orElseThrow(() -> new InspectionProblem(HttpStatus.NOT_FOUND, "'" + kind + "' is not something the local"
            + " area submits in inspection " + instance.getBusinessKey() + " (" + instance.getProcessDefinitionKey()
            + "); known kinds: " + String.join(", ", items.stream().map(SubmissionItem::kind).toList()) + "."));
  }

  /**
   * The record step is the lead inspector's, so it is completed by the application once the caller is found to be
   * that lead inspector ({@link CallerRights#requireLeadInspector}).
   */
  private void completeRecordStep(HistoricProcessInstance instance, SubmissionItem item, Authentication caller,
      Map<String, Object> variables) {
    Task waiting = unrestricted.call(() -> recordSteps(instance, item).stream().flatMap(step -> taskService
        .createTaskQuery().processInstanceId(step.processInstanceId()).taskDefinitionKey(step.taskKey()).active().list()
        .stream()).findFirst().orElse(null));
    if (waiting == null) {
      throw new InspectionProblem(HttpStatus.CONFLICT, whyNotWaiting(instance, item));
    }
    try {
      unrestricted.call(() -> {
        taskService.complete(waiting.getId(), variables);
        return null;
      });
    } catch (ProcessEngineException goneMeanwhile) {
      if (goneMeanwhile instanceof org.camunda.bpm.engine.OptimisticLockingException
          || unrestricted.call(() -> taskService.createTaskQuery().taskId(waiting.getId()).count()) == 0) {
        throw new InspectionProblem(HttpStatus.CONFLICT, whyNotWaiting(instance, item));
      }
      throw goneMeanwhile;
    }
  }

  /** Where a record step of the item may be: which process instance, under which task key. */
  private record RecordStep(String processInstanceId, String taskKey) {
  }

  /**
   * The item's record steps: its own step in the inspection or a process it called (the shared statement of action,
   * and every inspection started on a version from before the building block), and the step of the building block
   * its call activity started.
   */
  private List<RecordStep> recordSteps(HistoricProcessInstance instance, SubmissionItem item) {
    List<RecordStep> steps = new ArrayList<>();
    withCalled(instance).forEach(id -> steps.add(new RecordStep(id, item.recordTaskId())));
    if (item.callActivityId() != null) {
      historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId(item.callActivityId()).list().stream()
          .map(HistoricActivityInstance::getCalledProcessInstanceId).filter(Objects::nonNull)
          .forEach(called -> steps.add(new RecordStep(called, LocalAreaSubmissionProcess.TASK_RECORD)));
    }
    return steps;
  }

  /**
   * The inspection and the processes it called (the shared statement of action): a record step may live in either,
   * and a submission completes it wherever it waits.
   */
  private List<String> withCalled(HistoricProcessInstance instance) {
    List<String> ids = new ArrayList<>();
    ids.add(instance.getId());
    historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .orderByProcessInstanceStartTime().asc().list().forEach(called -> ids.add(called.getId()));
    return ids;
  }

  private String whyNotWaiting(HistoricProcessInstance instance, SubmissionItem item) {
    Map<String, Object> recorded = processVariables(instance, item.channelVariable(),
        item.variablePrefix() + "ProceededWithoutAt", JtaiProcess.VAR_FRAMEWORK);
    if (SubmissionNotReceived.NONE.equals(recorded.get(item.channelVariable()))) {
      Object at = recorded.get(item.variablePrefix() + "ProceededWithoutAt");
      return "Inspection " + instance.getBusinessKey() + " went on without the " + item.kind() + (at instanceof Date date
          ? " on " + WHEN.format(date.toInstant()) : "") + ", when nothing had been received by the deadline; this"
          + " submission changed nothing.";
    }
    if (JtaiProcess.Submission.CASE_FILE_LISTS.kind.equals(item.kind())
        && !"jtai-2016".equals(recorded.get(JtaiProcess.VAR_FRAMEWORK))) {
      return "The case file lists are a milestone of the August 2016 edition only (its Annex A, day 8); inspection "
          + instance.getBusinessKey() + " runs the " + recorded.get(JtaiProcess.VAR_FRAMEWORK) + " framework. This"
          + " submission changed nothing.";
    }
    Date received = item.byMessage() ? receivedByMessageFlow(instance, item) : recordedOn(instance, item);
    if (received != null) {
      return "The " + item.kind() + " of inspection " + instance.getBusinessKey() + " was already received on "
          + WHEN.format(received.toInstant()) + "; this submission changed nothing.";
    }
    HistoricProcessInstance now = unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult());
    if (now.getEndTime() != null) {
      return "Inspection " + instance.getBusinessKey() + " has finished; this submission changed nothing.";
    }
    if (SubmissionItem.STATEMENT_OF_ACTION.equals(item.kind())) {
      Object required = unrestricted.call(() -> historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).variableName(JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED).list()
          .stream().map(v -> v.getValue()).filter(Objects::nonNull).findFirst().orElse(null));
      if (Boolean.FALSE.equals(required)) {
        return "No statement of action is required for inspection " + instance.getBusinessKey()
            + "; this submission changed nothing.";
      }
    }
    if (JtaiProcess.Submission.EVALUATION_QUESTIONNAIRE.kind.equals(item.kind())) {
      return "The evaluation questionnaire of inspection " + instance.getBusinessKey() + " asks for the partnership's"
          + " views on the letter: send the response only after the final letter has been published (paragraph 95;"
          + " August 2016 edition: 94). This submission changed nothing.";
    }
    return "Inspection " + instance.getBusinessKey() + " is not yet waiting for the " + item.kind()
        + " (it has not been requested yet); this submission changed nothing. Send it once it is requested.";
  }

  /** The inspection's own (process-level) values of these variables, as history has them. */
  private Map<String, Object> processVariables(HistoricProcessInstance instance, String... names) {
    Map<String, Object> values = new HashMap<>();
    unrestricted.call(() -> historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableNameIn(names).list()).stream().filter(v -> instance.getId().equals(v.getActivityInstanceId()))
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  private Date receivedByMessageFlow(HistoricProcessInstance instance, SubmissionItem item) {
    List<HistoricActivityInstance> runs = unrestricted.call(() -> historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId(item.receivedActivityId()).finished().list());
    return runs.isEmpty() ? null : runs.get(0).getEndTime();
  }

  /**
   * The last time the record step was completed (by hand or through the API) since the timeline last restarted: a
   * 2024 deferral asks again for what arrived before it ({@link Timeline#VAR_TIMELINE_SINCE}).
   */
  private Date recordedOn(HistoricProcessInstance instance, SubmissionItem item) {
    Date since = unrestricted.call(() -> historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(Timeline.VAR_TIMELINE_SINCE).list().stream()
        .map(v -> v.getValue()).filter(Date.class::isInstance).map(Date.class::cast).findFirst().orElse(null));
    List<HistoricTaskInstance> done = unrestricted.call(() -> recordSteps(instance, item).stream()
        .flatMap(step -> historyService.createHistoricTaskInstanceQuery().processInstanceId(step.processInstanceId())
            .taskDefinitionKey(step.taskKey()).finished().list().stream()).toList());
    return done.stream().filter(t -> "completed".equals(t.getDeleteReason()))
        .map(HistoricTaskInstance::getEndTime).filter(end -> since == null || end.after(since))
        .max(Comparator.naturalOrder()).orElse(null);
  }
}
