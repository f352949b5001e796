package uk.jointinspections.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.frameworks.Slac2009Process;
import uk.jointinspections.identity.SurfaceClient.Answer;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.identity.SurfaceClient.Payload;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.JtaiStart;

/**
 * The confidential things the marker test plants, the way people make them over HTTP: a JTAI started by its lead
 * inspector (with its team, once the start API takes one), a CQC inspector's free-text note on her briefing task
 * (which then ends, so that history carries it), a concern about a child she raises on it, the keep-in-touch meeting
 * the administrator opens, which lists the open concerns, and a complaint about the conduct of a CQC inspector on a
 * 2009 inspection, recorded by the complaints team. Each planting has fresh markers, so that an answer names the
 * planting it came from. Also: the ids every operation needs, looked up as the administrator would, a fingerprint of
 * everything a caller might change, and who may read each marker.
 */
final class LeakFixture {

  /** What an operation is aimed at: each holds a marker. */
  enum Family { JTAI, CONCERN, CONDUCT }

  /** What is planted together, and planted again when a call changed it. */
  enum Planting { INSPECTION, COMPLAINT }

  /** Who may read a marker, in terms of the fixture's people. */
  enum Reader {
    ADMIN, OPERATORS, LEAD_INSPECTOR, QA_MANAGER, REFERRING_INSPECTOR, INSPECTION_TEAM,
    TEAM_OF_REFERRING_INSPECTORATE, INVESTIGATING_INSPECTORATE, OPEN_TASK_HOLDERS
  }

  record Marker(String text, Family family, int generation, String instanceId) {
  }

  /** The people a planting involves, as planted (who raised what). */
  record People(String leadInspector, String qaManager, String referringInspector, String referringInspectorate,
      String conductInspectorate, Map<String, List<String>> team) {
  }

  /** The ids of one family's things, for path, query and body parameters. */
  static final class Ids {
    String instance;
    String reference;
    String definitionId;
    String definitionKey;
    String deploymentId;
    String resourceName;
    String activityId;
    List<String> tasks = List.of();
    List<String> executions = List.of();
    List<String> variables = List.of();
    List<String> historicVariables = List.of();
    List<String> details = List.of();
    List<String> varNames = List.of();
    String historicTask;
    String historicActivity;
    String job;
    String jobDefinition;
    String incident;
    String messageName;
    String messageExecution;
    String authorization;
    String userOperation;
    String historicDecision;
    String jobLog;
  }

  static final String NO_SUCH_ID = "leak-test-no-such-id";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "test-admin-secret";
  static final String PASSWORD = "demo";

  /**
   * The inspection team named at the JTAI's start, per inspectorate. The referring inspector is in it (raising a
   * concern needs membership of the team); {@code cqc-senior-manager} is in CQC but not in the team.
   */
  static final Map<String, List<String>> TEAM = Map.of(
      "ofsted", List.of("ofsted-inspector"),
      "cqc", List.of("cqc-inspector", "cqc-lead"),
      "hmicfrs", List.of("hmicfrs-inspector"),
      "hmi-probation", List.of("probation-inspector"));

  private final SurfaceClient http;
  private final ObjectMapper json;
  private final WorkingDays workingDays;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final ManagementService management;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ProcessEngine engine;
  private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  final Date startedAt = ClockUtil.getCurrentTime();

  private int generation;
  final List<Marker> markers = new ArrayList<>();
  final Map<Family, Ids> ids = new LinkedHashMap<>();
  final Map<Integer, People> people = new HashMap<>();
  private final Map<Planting, List<String>> instances = new LinkedHashMap<>();
  private final Map<Planting, String> baselines = new LinkedHashMap<>();
  private String identityBaseline;
  private String definitionsBaseline;
  private final Map<String, String> profiles = new LinkedHashMap<>();
  private List<String> sharedFilters = List.of();
  String batch = NO_SUCH_ID;
  String decisionId = NO_SUCH_ID;
  String decisionKey = NO_SUCH_ID;
  String decisionRequirementsId = NO_SUCH_ID;
  private final Map<String, Set<String>> holdersCache = new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<Planting> changedInThisPass = new LinkedHashSet<>();

  LeakFixture(SurfaceClient http, ObjectMapper json, WorkingDays workingDays, ProcessEngine engine) {
    this.http = http;
    this.json = json;
    this.workingDays = workingDays;
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.management = engine.getManagementService();
    this.repository = engine.getRepositoryService();
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
  }

  // ---------------------------------------------------------------------------------------------------- planting

  void plantAll() {
    plant(Planting.INSPECTION);
    plant(Planting.COMPLAINT);
    ProcessDefinition drd = null;
    var decision = repository.createDecisionDefinitionQuery().latestVersion().orderByDecisionDefinitionKey().asc()
        .list().stream().findFirst();
    decision.ifPresent(d -> {
      decisionId = d.getId();
      decisionKey = d.getKey();
      if (d.getDecisionRequirementsDefinitionId() != null) {
        decisionRequirementsId = d.getDecisionRequirementsDefinitionId();
      }
    });
    Answer batchAnswer = asAdmin("POST", "/engine-rest/process-instance/job-retries", Map.of("processInstances",
        List.of(ids.get(Family.JTAI).instance, ids.get(Family.CONCERN).instance, ids.get(Family.CONDUCT).instance),
        "retries", 3));
    batch = read(batchAnswer, "plant a batch").path("id").asText(NO_SUCH_ID);
    sharedFilters = engine.getFilterService().createFilterQuery().list().stream()
        .filter(f -> f.getOwner() == null).map(f -> f.getId()).sorted().toList();
    identityBaseline = identityFingerprint();
    definitionsBaseline = definitionsFingerprint();
  }

  /** Plants one of the two plantings afresh, with new markers, and makes it the target of what follows. */
  void plant(Planting planting) {
    long started = System.nanoTime();
    generation++;
    holdersCache.clear();
    if (planting == Planting.INSPECTION) {
      plantInspection();
    } else {
      plantComplaint();
    }
    instances.get(planting).forEach(this::rememberHolders);
    baselines.put(planting, fingerprint(planting));
    plantMillis += (System.nanoTime() - started) / 1_000_000;
    plants++;
  }

  long plantMillis;
  int plants;

  private void plantInspection() {
    String reference = "LEAK-" + run + "-" + generation;
    String jtaiMarker = "MARKER-JTAI-" + run + "-" + generation + "-" + uuid();
    String concernMarker = "MARKER-CONCERN-" + run + "-" + generation + "-" + uuid();
    String caseMarker = "MKC" + generation + "-" + uuid().substring(0, 12).toUpperCase();

    Map<String, Object> start = new LinkedHashMap<>();
    start.put("framework", "jtai-2017");
    start.put("reference", reference);
    start.put("localAuthority", "Markershire");
    start.put("deepDiveTheme", "neglect");
    start.put("plannedFieldworkStart", workingDays.add(today(), 20).toString());
    start.put("leadInspector", "ofsted-lead");
    start.put("qaManager", "qa-manager");
    withTeam(start);
    String jtai = read(basic("ofsted-lead", "POST", "/api/inspections", start), "start the JTAI")
        .path("processInstanceId").asText();
    Map<String, List<String>> team = recordedTeam(jtai);
    // The senior analytical officer shares the pre-inspection briefing (¶10) that the day −1 reviews read.
    JtaiStart.pastTheAnalystsBriefing(tasks, jtai);

    String referring = TEAM.get("cqc").get(0);
    Task briefing = tasks.createTaskQuery().processInstanceId(jtai)
        .taskDefinitionKey(JtaiProcess.forInspectorate(JtaiProcess.TASK_REVIEW_BRIEFING, "cqc")).singleResult();
    expect(basic(referring, "POST", "/engine-rest/task/" + briefing.getId() + "/submit-form", Map.of("variables", Map.of(
        "briefingReviewed", Map.of("value", true, "type", "Boolean"),
        "briefingReviewNotes", Map.of("value", "Briefing reviewed; note " + jtaiMarker + " for the lead.",
            "type", "String")))), 204, "the CQC inspector submits her briefing review");

    Map<String, Object> annexC = AnnexCConcern.categoryOne(caseMarker + " (AB)",
        "No follow-up visit after the missed appointments: " + concernMarker + ".").body();
    String concern = read(basic(referring, "POST", "/api/inspections/" + reference + "/concerns", annexC),
        "raise the concern").path("id").asText();

    // The administrator opens the keep-in-touch meeting, whose task lists the inspection's open concerns.
    expect(asAdmin("POST", "/engine-rest/process-instance/" + jtai + "/modification", Map.of("instructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", JtaiProcess.TASK_KIT_MEETING_DAY_10)))), 204,
        "open the keep-in-touch meeting");
    String jtaiIncident = incident(jtai);
    String concernIncident = incident(concern);

    people.put(generation, new People("ofsted-lead", "qa-manager", referring, "cqc", null, team));
    markers.add(new Marker(jtaiMarker, Family.JTAI, generation, jtai));
    markers.add(new Marker(concernMarker, Family.CONCERN, generation, concern));
    markers.add(new Marker(caseMarker, Family.CONCERN, generation, concern));
    instances.put(Planting.INSPECTION, List.of(jtai, concern));

    Ids j = lookUp(jtai, reference, JtaiProcess.TASK_KIT_MEETING_DAY_10,
        List.of("briefingReviewNotes", "openConcerns"), jtaiIncident);
    j.tasks = List.of(task(jtai, JtaiProcess.TASK_KIT_MEETING_DAY_10).getId());
    HistoricTaskInstance ended = history.createHistoricTaskInstanceQuery().taskId(briefing.getId()).singleResult();
    j.historicTask = ended.getId();
    j.historicActivity = ended.getActivityInstanceId();
    ids.put(Family.JTAI, j);
    Ids c = lookUp(concern, reference, null, List.of(ConcernReferralProcess.VAR_ISSUES,
        ConcernReferralProcess.VAR_CASE_NUMBERS), concernIncident);
    ids.put(Family.CONCERN, c);
  }

  private void plantComplaint() {
    String reference = "LEAK-" + run + "-" + generation + "-S";
    String conductMarker = "MARKER-CONDUCT-" + run + "-" + generation + "-" + uuid();
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("framework", Slac2009Process.FRAMEWORK);
    start.put("reference", reference);
    start.put("localAuthority", "Markershire");
    start.put("plannedFieldworkStart", workingDays.add(today(), 20).toString());
    start.put("leadInspector", "ofsted-lead");
    start.put("qaManager", "qa-manager");
    read(basic("ofsted-lead", "POST", "/api/inspections", start), "start the 2009 inspection");
    Map<String, Object> complaint = new LinkedHashMap<>();
    complaint.put("receivedOn", today().toString());
    complaint.put("kind", "conduct");
    complaint.put("text", "The CQC inspector was dismissive of the designated nurse: " + conductMarker + ".");
    complaint.put("conductInspectorate", "cqc");
    String complaintId = read(basic("complaints-officer", "POST", "/api/inspections/" + reference + "/complaints",
        complaint), "record the conduct complaint").path("id").asText();
    // 2009 paragraph 73: every complaint is first assessed by Ofsted; not resolved, the conduct goes to CQC.
    tasks.complete(tasks.createTaskQuery().processInstanceId(complaintId)
        .taskDefinitionKey(ComplaintProcess.TASK_INITIAL_ASSESSMENT).singleResult().getId(),
        Map.of(ComplaintProcess.VAR_RESOLVED_EARLY, false, "initialAssessment", "Not resolved at first contact."));
    ProcessInstance conduct = runtime.createProcessInstanceQuery().superProcessInstanceId(complaintId).singleResult();
    if (conduct == null) {
      throw new AssertionError("the conduct complaint started no " + ComplaintConductProcess.KEY + " instance");
    }
    String slac = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(Slac2009Process.KEY).singleResult().getId();
    people.put(generation, new People("ofsted-lead", "qa-manager", null, null, "cqc", Map.of()));
    markers.add(new Marker(conductMarker, Family.CONDUCT, generation, conduct.getId()));
    instances.put(Planting.COMPLAINT, List.of(slac, complaintId, conduct.getId()));
    ids.put(Family.CONDUCT, lookUp(conduct.getId(), reference, null,
        List.of(ComplaintProcess.VAR_CONDUCT_DETAILS), incident(conduct.getId())));
  }

  /** Adds the inspection team to a start request: {@code inspectionTeam}, the user ids of every inspectorate's members. */
  static void withTeam(Map<String, Object> start) {
    start.put(InspectionTeam.VARIABLE, TEAM.values().stream().flatMap(List::stream).toList());
  }

  /**
   * The team the application recorded for the inspection ({@link InspectionTeam}), by inspectorate: each member under
   * the inspectorate group they belong to.
   */
  private Map<String, List<String>> recordedTeam(String inspection) {
    VariableInstance variable = runtime.createVariableInstanceQuery().processInstanceIdIn(inspection)
        .variableName(InspectionTeam.VARIABLE).singleResult();
    if (variable == null) {
      return Map.of();
    }
    Map<String, List<String>> team = new LinkedHashMap<>();
    for (String member : InspectionTeam.parse(variable.getValue()).members()) {
      String inspectorate = identity.createGroupQuery().groupMember(member).list().stream()
          .map(group -> group.getId()).filter(id -> StaffGroup.byId(id)
              .map(staff -> staff.kind() == StaffGroup.Kind.INSPECTORATE).orElse(false))
          .findFirst().orElseThrow(() -> new AssertionError(member + " is on the team but in no inspectorate"));
      team.computeIfAbsent(inspectorate, key -> new ArrayList<>()).add(member);
    }
    return team;
  }


  /** An incident the administrator raises on the execution of the instance's first open task. */
  private String incident(String instance) {
    String execution = tasks.createTaskQuery().processInstanceId(instance).orderByTaskName().asc().list().get(0)
        .getExecutionId();
    JsonNode created = read(asAdmin("POST", "/engine-rest/execution/" + execution + "/create-incident", Map.of(
        "incidentType", "leakTestFixture", "configuration", "fixture", "message", "An incident for the marker test")),
        "create an incident");
    return created.path("id").asText(NO_SUCH_ID);
  }

  private Ids lookUp(String instance, String reference, String activity, List<String> varNames, String incident) {
    Ids ids = new Ids();
    ids.instance = instance;
    ids.reference = reference;
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
    ProcessDefinition definition = repository.getProcessDefinition(pi.getProcessDefinitionId());
    ids.definitionId = definition.getId();
    ids.definitionKey = definition.getKey();
    ids.deploymentId = definition.getDeploymentId();
    ids.resourceName = repository.getDeploymentResources(definition.getDeploymentId()).stream()
        .filter(r -> r.getName().equals(definition.getResourceName())).map(r -> r.getId()).findFirst().orElse(NO_SUCH_ID);
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance).orderByTaskName().asc().list();
    ids.tasks = open.stream().map(Task::getId).limit(1).toList();
    ids.activityId = activity != null ? activity : open.isEmpty() ? NO_SUCH_ID : open.get(0).getTaskDefinitionKey();
    ids.executions = List.of(instance);
    ids.varNames = varNames;
    ids.variables = runtime.createVariableInstanceQuery().processInstanceIdIn(instance)
        .variableNameIn(varNames.toArray(String[]::new)).disableCustomObjectDeserialization().list().stream()
        .map(VariableInstance::getId).toList();
    ids.historicVariables = history.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableNameIn(varNames.toArray(String[]::new)).disableCustomObjectDeserialization().list().stream()
        .map(HistoricVariableInstance::getId).toList();
    ids.details = history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates()
        .disableCustomObjectDeserialization().list().stream()
        .filter(d -> varNames.contains(((HistoricVariableUpdate) d).getVariableName())).map(HistoricDetail::getId)
        .limit(2).toList();
    ids.historicTask = NO_SUCH_ID;
    ids.historicActivity = history.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .orderByHistoricActivityInstanceStartTime().asc().list().stream().findFirst().map(a -> a.getId())
        .orElse(NO_SUCH_ID);
    Job job = management.createJobQuery().processInstanceId(instance).list().stream().findFirst().orElse(null);
    ids.job = job == null ? NO_SUCH_ID : job.getId();
    ids.jobDefinition = job == null || job.getJobDefinitionId() == null ? NO_SUCH_ID : job.getJobDefinitionId();
    ids.incident = incident;
    EventSubscription message = runtime.createEventSubscriptionQuery().processInstanceId(instance)
        .eventType("message").list().stream().findFirst().orElse(null);
    ids.messageName = message == null ? "leak-test-no-such-message" : message.getEventName();
    ids.messageExecution = message == null ? instance : message.getExecutionId();
    ids.authorization = authorizations.createAuthorizationQuery().resourceId(instance).list().stream().findFirst()
        .map(Authorization::getId).orElse(NO_SUCH_ID);
    ids.userOperation = history.createUserOperationLogQuery().processInstanceId(instance).list().stream().findFirst()
        .map(e -> e.getOperationId()).orElse(NO_SUCH_ID);
    ids.historicDecision = history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list().stream()
        .findFirst().map(d -> d.getId()).orElse(NO_SUCH_ID);
    ids.jobLog = history.createHistoricJobLogQuery().processInstanceId(instance).list().stream().findFirst()
        .map(l -> l.getId()).orElse(NO_SUCH_ID);
    return ids;
  }

  private Task task(String instance, String key) {
    Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
    if (task == null) {
      throw new AssertionError("no open task " + key + " in " + instance);
    }
    return task;
  }

  // -------------------------------------------------------------------------------------------------- who may read

  /** The users each reader stands for, for the planting the marker came from, now. */
  Set<String> users(Reader reader, Marker marker) {
    People who = people.get(marker.generation());
    return switch (reader) {
      case ADMIN -> Set.of(ADMIN);
      case OPERATORS -> members("operators");
      case LEAD_INSPECTOR -> who.leadInspector() == null ? Set.of() : Set.of(who.leadInspector());
      case QA_MANAGER -> who.qaManager() == null ? Set.of() : Set.of(who.qaManager());
      case REFERRING_INSPECTOR -> who.referringInspector() == null ? Set.of() : Set.of(who.referringInspector());
      case INSPECTION_TEAM -> who.team().values().stream().flatMap(List::stream).collect(Collectors.toSet());
      case TEAM_OF_REFERRING_INSPECTORATE -> who.referringInspectorate() == null ? Set.of()
          : Set.copyOf(who.team().getOrDefault(who.referringInspectorate(), List.of()));
      case INVESTIGATING_INSPECTORATE -> who.conductInspectorate() == null ? Set.of()
          : members(who.conductInspectorate());
      case OPEN_TASK_HOLDERS -> holders(marker.instanceId());
    };
  }

  /** The latest marker of a family: the one its current planting holds. */
  Marker current(Family family) {
    Marker latest = null;
    for (Marker marker : markers) {
      if (marker.family() == family) {
        latest = marker;
      }
    }
    return latest;
  }

  List<String> sharedFilters() {
    return sharedFilters;
  }

  /** Forget who holds which task: a call may have changed it. */
  void tasksMayHaveChanged() {
    holdersCache.clear();
  }

  /** Assignees and candidates (users, and the members of candidate groups) of the instance's open tasks. */
  Set<String> holders(String instance) {
    return holdersCache.computeIfAbsent(instance, id -> {
      Set<String> users = new TreeSet<>();
      for (Task task : tasks.createTaskQuery().processInstanceId(id).list()) {
        users.addAll(holdersOfTask(task));
      }
      return users;
    });
  }

  /**
   * Whether the user holds this open task (assignee or candidate), now or as it was planted: a holder who unclaimed
   * it in one call still works it in the next.
   */
  boolean holdsTask(String user, String taskId) {
    if (heldAtPlanting.getOrDefault(taskId, Set.of()).contains(user)) {
      return true;
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    return task != null && holdersOfTask(task).contains(user);
  }

  private final Map<String, Set<String>> heldAtPlanting = new java.util.concurrent.ConcurrentHashMap<>();

  private void rememberHolders(String instance) {
    for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
      heldAtPlanting.put(task.getId(), holdersOfTask(task));
    }
  }

  private Set<String> holdersOfTask(Task task) {
    Set<String> users = new TreeSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!"candidate".equals(link.getType()) && !"assignee".equals(link.getType())) {
        continue;
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
      if (link.getGroupId() != null) {
        users.addAll(members(link.getGroupId()));
      }
    }
    return users;
  }

  private Set<String> members(String group) {
    return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Which planting, if any, holds this instance, task or id. */
  Planting plantingOf(Family family) {
    return family == Family.CONDUCT ? Planting.COMPLAINT : Planting.INSPECTION;
  }

  // ----------------------------------------------------------------------------------- what a caller might change

  /** What changed since the planting (or the start, for identity and definitions), one line per difference. */
  record Change(Set<Planting> plantings, boolean identity, boolean definitions, List<String> lines) {
    boolean any() {
      return !plantings.isEmpty() || identity || definitions;
    }
  }

  Change changes() {
    Set<Planting> changed = new LinkedHashSet<>();
    List<String> lines = new ArrayList<>();
    for (Planting planting : baselines.keySet()) {
      String now = fingerprint(planting);
      if (!now.equals(baselines.get(planting))) {
        changed.add(planting);
        lines.addAll(difference(baselines.get(planting), now));
      }
    }
    String identityNow = identityFingerprint();
    boolean identityChanged = !identityNow.equals(identityBaseline);
    if (identityChanged) {
      lines.addAll(difference(identityBaseline, identityNow));
    }
    String definitionsNow = definitionsFingerprint();
    boolean definitionsChanged = !definitionsNow.equals(definitionsBaseline);
    if (definitionsChanged) {
      lines.addAll(difference(definitionsBaseline, definitionsNow));
    }
    return new Change(changed, identityChanged, definitionsChanged, lines);
  }

  private static List<String> difference(String before, String after) {
    Set<String> was = new LinkedHashSet<>(List.of(before.split("\n")));
    Set<String> is = new LinkedHashSet<>(List.of(after.split("\n")));
    List<String> lines = new ArrayList<>();
    was.stream().filter(l -> !is.contains(l)).forEach(l -> lines.add("- " + l));
    is.stream().filter(l -> !was.contains(l)).forEach(l -> lines.add("+ " + l));
    return lines;
  }

  /**
   * Puts back what a call changed: users and definitions as they were; a planting whose instances, tasks or markers
   * moved is planted again at once, one only added to (a variable, a comment, a due date) is kept for the rest of the
   * role's pass, so that later calls still find it, and planted again by {@link #replantChanged} before the next role.
   */
  void restore(Change change) {
    for (Planting planting : change.plantings()) {
      String now = fingerprint(planting);
      if (structure(now).equals(structure(baselines.get(planting)))) {
        baselines.put(planting, now);
        changedInThisPass.add(planting);
      } else {
        plant(planting);
        changedInThisPass.remove(planting);
      }
    }
    if (change.identity()) {
      restoreIdentity();
      String now = identityFingerprint();
      if (!now.equals(identityBaseline)) {
        throw new IllegalStateException("the users, groups, wildcard grants or shared filters cannot be restored: "
            + difference(identityBaseline, now));
      }
    }
    if (change.definitions()) {
      restoreDefinitions();
      String now = definitionsFingerprint();
      if (!now.equals(definitionsBaseline)) {
        throw new IllegalStateException("the process definitions cannot be restored: "
            + difference(definitionsBaseline, now));
      }
    }
    holdersCache.clear();
  }

  /** Plants again what a call of the pass changed but left usable: the next role starts from a planting as made. */
  void replantChanged() {
    for (Planting planting : List.copyOf(changedInThisPass)) {
      plant(planting);
    }
    changedInThisPass.clear();
  }

  /** What later calls rely on: the instances and their activities and tasks, and where the markers are. */
  private String structure(String fingerprint) {
    StringBuilder out = new StringBuilder();
    for (String line : fingerprint.split("\n")) {
      String[] words = line.split(" ");
      boolean marked = line.contains("MARKER-") || line.contains("MKC");
      if (line.contains("ended or deleted") || line.contains(" suspended=") && words.length == 2
          || line.contains(" activities=") || line.contains(" history instances=")) {
        out.append(line).append('\n');
      } else if (words.length > 3 && words[1].equals("task") && words[3].length() > 0 && !words[3].startsWith("links=")) {
        out.append(words[0]).append(" task ").append(words[2]).append(' ').append(words[3]).append('\n');
      } else if (marked && (words[1].equals("variable") || words[1].equals("historic"))) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private String fingerprint(Planting planting) {
    StringBuilder out = new StringBuilder();
    for (String id : instances.get(planting)) {
      String at = id + " ";
      ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (pi == null) {
        out.append(at).append("ended or deleted\n");
      } else {
        out.append(at).append("suspended=").append(pi.isSuspended()).append('\n');
        out.append(at).append("activities=").append(new TreeSet<>(runtime.getActiveActivityIds(id))).append('\n');
      }
      for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(id)
          .disableCustomObjectDeserialization().list()) {
        out.append(at).append("variable ").append(v.getName()).append('@')
            .append(v.getTaskId() != null ? "task" : Objects.equals(v.getExecutionId(), id) ? "instance" : "execution")
            .append('=').append(value(v.getTypedValue())).append('\n');
      }
      for (Task t : tasks.createTaskQuery().processInstanceId(id).list()) {
        out.append(at).append("task ").append(t.getId()).append(' ').append(t.getTaskDefinitionKey())
            .append(" assignee=").append(t.getAssignee()).append(" owner=").append(t.getOwner())
            .append(" delegation=").append(t.getDelegationState()).append(" due=").append(time(t.getDueDate()))
            .append(" followUp=").append(time(t.getFollowUpDate())).append(" priority=").append(t.getPriority())
            .append(" name=").append(t.getName()).append(" description=").append(t.getDescription())
            .append(" suspended=").append(t.isSuspended()).append('\n');
        List<String> links = tasks.getIdentityLinksForTask(t.getId()).stream()
            .map(l -> l.getType() + ":" + l.getUserId() + "/" + l.getGroupId()).sorted().toList();
        out.append(at).append("task ").append(t.getId()).append(" links=").append(links)
            .append(" attachments=").append(tasks.getTaskAttachments(t.getId()).size())
            .append(" comments=").append(tasks.getTaskComments(t.getId()).size()).append('\n');
      }
      out.append(at).append("instance comments=").append(tasks.getProcessInstanceComments(id).size()).append('\n');
      for (Job job : management.createJobQuery().processInstanceId(id).list()) {
        out.append(at).append("job ").append(job.getId()).append(" suspended=").append(job.isSuspended())
            .append(" priority=").append(job.getPriority()).append('\n');
      }
      for (Job timer : management.createJobQuery().processInstanceId(id).timers().list()) {
        out.append(at).append("timer ").append(timer.getId()).append(" due=").append(time(timer.getDuedate()))
            .append('\n');
      }
      for (Incident incident : runtime.createIncidentQuery().processInstanceId(id).list()) {
        if (!"failedJob".equals(incident.getIncidentType())) {
          out.append(at).append("incident ").append(incident.getId()).append(' ').append(incident.getIncidentType())
              .append(" annotation=").append(incident.getAnnotation()).append('\n');
        }
      }
      for (Authorization a : authorizations.createAuthorizationQuery().resourceId(id).list()) {
        out.append(at).append("authorization ").append(authorization(a)).append('\n');
      }
      out.append(at).append("history instances=")
          .append(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).append(" tasks=")
          .append(history.createHistoricTaskInstanceQuery().processInstanceId(id).count()).append('\n');
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(id)
          .disableCustomObjectDeserialization().list()) {
        out.append(at).append("historic variable ").append(v.getId()).append(' ').append(v.getName()).append('=')
            .append(value(v.getTypedValue())).append('\n');
      }
    }
    return out.toString();
  }

  private String identityFingerprint() {
    StringBuilder out = new StringBuilder();
    Map<String, User> users = identity.createUserQuery().userIdIn(staff().toArray(String[]::new)).list().stream()
        .collect(Collectors.toMap(User::getId, u -> u));
    Map<String, List<String>> memberships = new HashMap<>();
    for (Group group : identity.createGroupQuery().list()) {
      for (User member : identity.createUserQuery().memberOfGroup(group.getId()).list()) {
        memberships.computeIfAbsent(member.getId(), m -> new ArrayList<>()).add(group.getId());
      }
    }
    Map<String, List<String>> userGrants = new HashMap<>();
    for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.USER).list()) {
      userGrants.computeIfAbsent(a.getResourceId(), r -> new ArrayList<>()).add(authorization(a));
    }
    for (String user : staff()) {
      User u = users.get(user);
      if (u == null) {
        out.append("user ").append(user).append(" missing\n");
        continue;
      }
      out.append("user ").append(user).append(' ').append(u.getFirstName()).append(" / ").append(u.getLastName())
          .append(" / ").append(u.getEmail()).append('\n');
      out.append("user ").append(user).append(" groups=")
          .append(memberships.getOrDefault(user, List.of()).stream().sorted().toList()).append('\n');
      for (String grant : userGrants.getOrDefault(user, List.of()).stream().sorted().toList()) {
        out.append("user ").append(user).append(" authorization ").append(grant).append('\n');
      }
    }
    Set<String> groups = identity.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toSet());
    for (StaffGroup group : StaffGroup.values()) {
      out.append("group ").append(group.id()).append(" exists=").append(groups.contains(group.id())).append('\n');
    }
    out.append("groups=").append(identity.createGroupQuery().count()).append(" users=")
        .append(identity.createUserQuery().count()).append(" tenants=").append(identity.createTenantQuery().count())
        .append('\n');
    for (Authorization a : authorizations.createAuthorizationQuery().resourceId("*").list()) {
      out.append("wildcard authorization ").append(authorization(a)).append('\n');
    }
    for (String filter : sharedFilters) {
      var f = engine.getFilterService().getFilter(filter);
      out.append("shared filter ").append(filter).append(' ')
          .append(f == null ? "missing" : f.getName() + " owner=" + f.getOwner() + " properties=" + f.getProperties())
          .append('\n');
    }
    return out.toString();
  }

  private String definitionsFingerprint() {
    StringBuilder out = new StringBuilder();
    for (ProcessDefinition d : definitions()) {
      out.append("definition ").append(d.getId()).append(" suspended=").append(d.isSuspended()).append(" ttl=")
          .append(d.getHistoryTimeToLive()).append('\n');
      for (JobDefinition j : management.createJobDefinitionQuery().processDefinitionId(d.getId()).list()) {
        out.append("job definition ").append(j.getId()).append(" suspended=").append(j.isSuspended())
            .append(" priority=").append(j.getOverridingJobPriority()).append('\n');
      }
    }
    out.append("deployments=").append(repository.createDeploymentQuery().deploymentBefore(startedAt).count())
        .append('\n');
    return out.toString();
  }

  private List<ProcessDefinition> definitions() {
    return repository.createProcessDefinitionQuery().processDefinitionKeysIn(JtaiProcess.KEY,
        ConcernReferralProcess.KEY, ComplaintProcess.KEY, ComplaintConductProcess.KEY, Slac2009Process.KEY)
        .latestVersion().orderByProcessDefinitionKey().asc().list();
  }

  private void restoreDefinitions() {
    Map<String, String> baseline = new HashMap<>();
    for (String line : definitionsBaseline.split("\n")) {
      String[] parts = line.split(" ");
      if (line.startsWith("definition ")) {
        baseline.put(parts[1], line);
      } else if (line.startsWith("job definition ")) {
        baseline.put(parts[2], line);
      }
    }
    for (ProcessDefinition d : definitions()) {
      String was = baseline.get(d.getId());
      if (d.isSuspended() && was != null && was.contains("suspended=false")) {
        repository.activateProcessDefinitionById(d.getId());
      }
      if (was != null) {
        String ttl = was.substring(was.indexOf("ttl=") + 4);
        Integer wanted = ttl.equals("null") ? null : Integer.valueOf(ttl);
        if (!Objects.equals(wanted, d.getHistoryTimeToLive())) {
          repository.updateProcessDefinitionHistoryTimeToLive(d.getId(), wanted);
        }
      }
      for (JobDefinition j : management.createJobDefinitionQuery().processDefinitionId(d.getId()).list()) {
        String job = baseline.get(j.getId());
        if (job == null) {
          continue;
        }
        if (j.isSuspended() && job.contains("suspended=false")) {
          management.activateJobDefinitionById(j.getId());
        }
        if (job.endsWith("priority=null") && j.getOverridingJobPriority() != null) {
          management.clearOverridingJobPriorityForJobDefinition(j.getId());
        }
      }
    }
  }

  private void restoreIdentity() {
    for (DemoStaff person : DemoStaff.ALL) {
      User user = identity.createUserQuery().userId(person.id()).singleResult();
      if (user == null) {
        user = identity.newUser(person.id());
        user.setPassword(PASSWORD);
      }
      user.setFirstName(person.firstName());
      user.setLastName(person.lastName());
      user.setEmail(profiles.getOrDefault(person.id(), person.email()));
      // As the demo provisioning saves them: their password "demo" is below the policy, on purpose.
      ((IdentityServiceImpl) identity).saveUser(user, true);
      Set<String> groups = identity.createGroupQuery().groupMember(person.id()).list().stream().map(Group::getId)
          .collect(Collectors.toSet());
      Set<String> wanted = person.groups().stream().map(StaffGroup::id).collect(Collectors.toSet());
      for (String extra : groups) {
        if (!wanted.contains(extra)) {
          identity.deleteMembership(person.id(), extra);
        }
      }
      for (String missing : wanted) {
        if (!groups.contains(missing) && identity.createGroupQuery().groupId(missing).count() == 1) {
          identity.createMembership(person.id(), missing);
        }
      }
    }
    // The baseline's own-user grants are put back as they were.
    for (String line : identityBaseline.split("\n")) {
      if (!line.contains(" authorization ") || !line.startsWith("user ")) {
        continue;
      }
      String user = line.split(" ")[1];
      String grant = line.substring(line.indexOf(" authorization ") + 15);
      boolean present = authorizations.createAuthorizationQuery().resourceType(Resources.USER).resourceId(user).list()
          .stream().map(LeakFixture::authorization).anyMatch(grant::equals);
      if (!present) {
        String[] p = grant.split(" ");
        Authorization a = authorizations.createNewAuthorization(Integer.parseInt(p[0].substring(5)));
        a.setResource(Resources.USER);
        a.setResourceId(user);
        if (!p[1].equals("user=null")) {
          a.setUserId(p[1].substring(5));
        }
        if (!p[2].equals("group=null")) {
          a.setGroupId(p[2].substring(6));
        }
        ((AuthorizationEntity) a).setPermissions(Integer.parseInt(p[4].substring(12)));
        authorizations.saveAuthorization(a);
      }
    }
  }

  /** The demo users' e-mail addresses as they were at the start, which restoring puts back. */
  void rememberProfiles() {
    for (DemoStaff person : DemoStaff.ALL) {
      User user = identity.createUserQuery().userId(person.id()).singleResult();
      profiles.put(person.id(), user == null ? person.email() : user.getEmail());
    }
  }

  static List<String> staff() {
    List<String> users = new ArrayList<>(DemoStaff.ALL.stream().map(DemoStaff::id).toList());
    users.add(ADMIN);
    return users;
  }

  private static String authorization(Authorization a) {
    return "type=" + a.getAuthorizationType() + " user=" + a.getUserId() + " group=" + a.getGroupId() + " resource="
        + a.getResourceType() + " permissions=" + ((AuthorizationEntity) a).getPermissions();
  }

  /** A variable's value as text that only changes when the value does (bytes by content, objects serialised). */
  private static String value(TypedValue typed) {
    if (typed == null) {
      return "null";
    }
    String text;
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      text = serializable.getValueSerialized();
    } else if (typed.getValue() instanceof byte[] bytes) {
      text = "bytes[" + bytes.length + "]#" + Arrays.hashCode(bytes);
    } else {
      text = String.valueOf(typed.getValue());
    }
    text = typed.getType() + ":" + text;
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static String time(Date date) {
    return date == null ? "null" : String.valueOf(date.getTime());
  }

  /** Cleans up what the run started, so that the suite's later tests find the engine as they expect it. */
  void cleanUp() {
    for (var instance : history.createHistoricProcessInstanceQuery().startedAfter(startedAt).unfinished().list()) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 1
          && instance.getSuperProcessInstanceId() == null) {
        runtime.deleteProcessInstance(instance.getId(), "marker test fixture", true, true);
      }
    }
    for (Task task : tasks.createTaskQuery().taskCreatedAfter(startedAt).list()) {
      if (task.getProcessInstanceId() == null) {
        tasks.deleteTask(task.getId(), true);
      }
    }
    if (!NO_SUCH_ID.equals(batch) && management.createBatchQuery().batchId(batch).count() == 1) {
      management.deleteBatch(batch, true);
    }
    for (var b : management.createBatchQuery().list()) {
      if (b.getStartTime() != null && !b.getStartTime().before(startedAt)) {
        management.deleteBatch(b.getId(), true);
      }
    }
    for (var filter : engine.getFilterService().createFilterQuery().list()) {
      if (filter.getOwner() != null && !sharedFilters.contains(filter.getId())
          && staff().contains(filter.getOwner())) {
        engine.getFilterService().deleteFilter(filter.getId());
      }
    }
    for (var deployment : repository.createDeploymentQuery().deploymentAfter(startedAt).list()) {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  // -------------------------------------------------------------------------------------------------------- HTTP

  private Answer basic(String user, String method, String path, Object body) {
    try {
      return http.basic(user, user.equals(ADMIN) ? ADMIN_PASSWORD : PASSWORD, method, path,
          Payload.json(json.writeValueAsString(body)), "application/json");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer asAdmin(String method, String path, Object body) {
    return basic(ADMIN, method, path, body);
  }

  private JsonNode read(Answer answer, String what) {
    if (answer.status() / 100 != 2) {
      throw new AssertionError("Planting the fixture failed: " + what + " answered " + answer.status() + " "
          + answer.text());
    }
    try {
      return json.readTree(answer.text());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(what + ": not JSON: " + answer.text(), e);
    }
  }

  private static void expect(Answer answer, int status, String what) {
    if (answer.status() != status) {
      throw new AssertionError("Planting the fixture failed: " + what + " answered " + answer.status() + " "
          + answer.text());
    }
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
  }

  private static String uuid() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
