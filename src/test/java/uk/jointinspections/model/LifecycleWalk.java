package uk.jointinspections.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * Walks one process instance (with the processes it calls) to its end as its people would, on time: each open task
 * is completed by its holder at 09:00 London on its due day (just before its deadline when that is earlier, at once
 * when it has none, or when it opened after that moment), a timer the process waits on fires at its moment, and a
 * message it waits on with no task open comes from the handler given for it. Tasks due at the same moment are done in
 * the order of what they show (name, key, then holders), never of a generated id, so that the walk is the same on H2
 * and PostgreSQL. Before each of these moves it records what a person or a client sees: the open tasks, the messages
 * awaited and the moments of the timers set.
 */
final class LifecycleWalk {

  private static final DateTimeFormatter LONDON_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final int MAX_MOVES = 600;

  private final ProcessEngine engine;
  private final String rootId;
  private final BehaviourRecording recording;
  private final Map<String, Function<Task, Map<String, Object>>> values = new HashMap<>();
  private final Map<String, Runnable> messages = new HashMap<>();
  private final ArrayNode moves;

  LifecycleWalk(ProcessEngine engine, String rootId, BehaviourRecording recording) {
    this.engine = engine;
    this.rootId = rootId;
    this.recording = recording;
    this.moves = recording.array();
  }

  /** What the holder enters in the form of every task of this step (its key). */
  LifecycleWalk values(String taskKey, Map<String, Object> formValues) {
    values.put(taskKey, task -> formValues);
    return this;
  }

  /** What the holder enters, computed from the open task (e.g. the moment it is recorded). */
  LifecycleWalk values(String taskKey, Function<Task, Map<String, Object>> formValues) {
    values.put(taskKey, formValues);
    return this;
  }

  /** How a message the process waits on arrives, as a client sends it (the API call). */
  LifecycleWalk message(String messageName, Runnable send) {
    messages.put(messageName, send);
    return this;
  }

  static String london(Date date) {
    return date == null ? null : LONDON_ISO.format(date.toInstant().atZone(WorkingDayCalendar.LONDON));
  }

  /** The instance and every process it called, still running, callers first. */
  List<String> tree() {
    List<String> ids = new ArrayList<>();
    ids.add(rootId);
    for (int i = 0; i < ids.size(); i++) {
      engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(called -> ids.add(called.getId()));
    }
    return ids;
  }

  private List<Task> openTasks() {
    return tree().stream().flatMap(id -> engine.getTaskService().createTaskQuery().processInstanceId(id).list()
        .stream()).toList();
  }

  private List<Job> timers() {
    return tree().stream().flatMap(id -> engine.getManagementService().createJobQuery().processInstanceId(id)
        .timers().list().stream()).toList();
  }

  private TreeSet<String> awaitedMessages() {
    TreeSet<String> names = new TreeSet<>();
    for (String id : tree()) {
      engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(id).eventType("message").list()
          .stream().map(EventSubscription::getEventName).forEach(names::add);
    }
    return names;
  }

  /** When the holder does the task: 09:00 on its due day, or just before a deadline earlier than that; now if none. */
  private static Instant target(Task task, Instant now) {
    if (task.getDueDate() == null) {
      return now;
    }
    ZonedDateTime due = task.getDueDate().toInstant().atZone(WorkingDayCalendar.LONDON);
    ZonedDateTime nine = due.toLocalDate().atTime(9, 0).atZone(WorkingDayCalendar.LONDON);
    Instant at = (due.isAfter(nine) ? nine : due.minusMinutes(1)).toInstant();
    return at.isAfter(now) ? at : now;
  }

  /** Walks to the end; returns the moves recorded. */
  ArrayNode run() {
    for (int move = 0; move < MAX_MOVES; move++) {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      List<Task> open = openTasks();
      List<Job> timers = timers();
      Task next = open.stream().min(Comparator.comparing((Task t) -> target(t, now))
          .thenComparing(t -> Objects.toString(t.getDueDate() == null ? null : t.getDueDate().toInstant(), "~"))
          .thenComparing(t -> Objects.toString(t.getName(), ""))
          .thenComparing(Task::getTaskDefinitionKey)
          .thenComparing(t -> describe(t).toString())).orElse(null);
      Job timer = timers.stream().min(Comparator.comparing(Job::getDuedate)).orElse(null);
      if (next == null && timer == null) {
        TreeSet<String> awaited = awaitedMessages();
        if (awaited.isEmpty()) {
          return moves;
        }
        String name = awaited.stream().filter(messages::containsKey).findFirst().orElseThrow(() -> new AssertionError(
            "The process waits only for messages " + awaited + ", and the walk was told how none of them arrives"));
        ObjectNode step = snapshot(open, timers);
        step.put("message", name);
        moves.add(step);
        messages.get(name).run();
        continue;
      }
      Instant taskAt = next == null ? null : target(next, now);
      boolean timerFirst = timer != null
          && (next == null || taskAt.isAfter(now) && timer.getDuedate().toInstant().isBefore(taskAt));
      if (timerFirst) {
        if (timer.getDuedate().toInstant().isAfter(now)) {
          ClockUtil.setCurrentTime(timer.getDuedate());
        }
        ObjectNode step = snapshot(open, timers);
        step.put("timerFires", london(timer.getDuedate()));
        moves.add(step);
        engine.getManagementService().executeJob(timer.getId());
      } else {
        ClockUtil.setCurrentTime(Date.from(taskAt));
        ObjectNode step = snapshot(open, timers);
        String holder = holder(next);
        ObjectNode done = step.putObject("completes");
        done.put("key", next.getTaskDefinitionKey());
        done.put("name", next.getName());
        done.put("by", holder);
        moves.add(step);
        complete(next, holder);
      }
    }
    throw new AssertionError("The walk did not end within " + MAX_MOVES + " moves");
  }

  /**
   * The assignee; else the first candidate user; else the first member (by id) of the first candidate group, one of
   * the application's demo staff where the group has any.
   */
  private String holder(Task task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
    String user = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(IdentityLink::getUserId).sorted().findFirst().orElse(null);
    if (user != null) {
      return user;
    }
    String group = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().findFirst()
        .orElseThrow(() -> new AssertionError("nobody holds task " + task.getTaskDefinitionKey()));
    // The application's own staff first: other tests add members to the same groups in the suite's shared database.
    List<String> members = engine.getIdentityService().createUserQuery().memberOfGroup(group).orderByUserId().asc()
        .list().stream().map(User::getId).toList();
    java.util.Set<String> staff = uk.jointinspections.identity.DemoStaff.ALL.stream()
        .map(uk.jointinspections.identity.DemoStaff::id).collect(java.util.stream.Collectors.toSet());
    return members.stream().filter(staff::contains).findFirst()
        .or(() -> members.stream().findFirst())
        .orElseThrow(() -> new AssertionError("nobody in group " + group));
  }

  private void complete(Task task, String user) {
    Function<Task, Map<String, Object>> given = values.get(task.getTaskDefinitionKey());
    Map<String, Object> variables = new HashMap<>(formAnswers(task));
    if (given != null) {
      variables.putAll(given.apply(task));
    }
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().complete(task.getId(), variables);
    } catch (RuntimeException e) {
      throw new AssertionError("Completing " + task.getTaskDefinitionKey() + " as " + user + " at "
          + london(ClockUtil.getCurrentTime()) + " failed: " + e.getMessage(), e);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * What the holder answers in the task's Camunda Form, where the walk was not told: every required field, with its
   * default value, else its first option, a tick, today's date, an e-mail address or a sentence.
   */
  private Map<String, Object> formAnswers(Task task) {
    String form = formKey(task);
    if (form == null || !form.startsWith("camunda-forms:")) {
      return Map.of();
    }
    String id = form.substring("camunda-forms:".length()).split(" ")[0];
    try (var in = getClass().getClassLoader().getResourceAsStream("forms/" + id + ".form")) {
      if (in == null) {
        return Map.of();
      }
      Map<String, Object> answers = new HashMap<>();
      answer(FORMS.readTree(in), answers);
      return answers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final ObjectMapper FORMS = new ObjectMapper();

  private static void answer(JsonNode container, Map<String, Object> answers) {
    for (JsonNode field : container.path("components")) {
      answer(field, answers);
      String key = field.path("key").asText(null);
      if (key == null || !field.path("validate").path("required").asBoolean(false)) {
        continue;
      }
      ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON);
      Object value = switch (field.path("type").asText()) {
        case "checkbox" -> true;
        case "radio", "select" -> field.has("defaultValue") ? field.get("defaultValue").asText()
            : field.path("values").path(0).path("value").asText(null);
        case "datetime" -> "date".equals(field.path("subtype").asText("date")) ? now.toLocalDate().toString()
            : now.toLocalDateTime().withSecond(0).withNano(0).toString();
        default -> key.toLowerCase().contains("email") ? "someone@northshire.example"
            : "Recorded by the behaviour recording.";
      };
      if (value != null) {
        answers.put(key, value);
      }
    }
  }

  /** What is open at this moment, in an order that no generated id decides. */
  ObjectNode snapshot(List<Task> open, List<Job> timers) {
    ObjectNode step = recording.object();
    step.put("at", london(ClockUtil.getCurrentTime()));
    ArrayNode tasks = step.putArray("openTasks");
    open.stream().map(this::describe).sorted(Comparator.comparing(ObjectNode::toString)).forEach(tasks::add);
    ArrayNode awaited = step.putArray("awaitedMessages");
    awaitedMessages().forEach(awaited::add);
    ArrayNode due = step.putArray("timers");
    timers.stream().map(Job::getDuedate).sorted().map(LifecycleWalk::london).forEach(due::add);
    return step;
  }

  ObjectNode describe(Task task) {
    ObjectNode node = recording.object();
    node.put("key", task.getTaskDefinitionKey());
    node.put("name", task.getName());
    node.put("assignee", task.getAssignee());
    List<IdentityLink> links = engine.getTaskService().getIdentityLinksForTask(task.getId());
    ArrayNode groups = node.putArray("candidateGroups");
    links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).sorted().forEach(groups::add);
    ArrayNode users = node.putArray("candidateUsers");
    links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(IdentityLink::getUserId).sorted().forEach(users::add);
    node.put("due", london(task.getDueDate()));
    node.put("followUp", london(task.getFollowUpDate()));
    node.put("formKey", formKey(task));
    node.put("description", task.getDescription());
    return node;
  }

  /** The form the Tasklist opens: a Camunda Form by id, or a form key. */
  private String formKey(Task task) {
    Task withForm = engine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult();
    CamundaFormRef ref = withForm.getCamundaFormRef();
    return ref != null ? "camunda-forms:" + ref.getKey() + (ref.getBinding() == null ? "" : " (" + ref.getBinding() + ")")
        : withForm.getFormKey();
  }

  /** How the instance ended: its state and end event, and those of the processes it called. */
  ObjectNode endState() {
    ObjectNode end = recording.object();
    HistoricProcessInstance root = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(rootId).singleResult();
    end.put("state", root.getState());
    end.put("endActivity", root.getEndActivityId());
    end.put("endedAt", london(root.getEndTime()));
    return end;
  }
}
