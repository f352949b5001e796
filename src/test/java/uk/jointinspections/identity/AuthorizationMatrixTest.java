package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.jointinspections.EngineTest;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.TaskCard;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.JtaiStart;

/**
 * Every cell of docs/authorization-matrix.md, checked against the running application as that person: the table is
 * read from the document, so what it promises is what the suite proves.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

  static final Path MATRIX = Path.of("docs/authorization-matrix.md");
  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final String ANONYMOUS = "anonymous";
  static final String ADMIN = "admin";
  static final String CONCERN_TEXT = "Matrix concern: the strategy discussion for the child was never held.";
  static final String CONDUCT_TEXT = "Matrix conduct: the HMICFRS inspector was rude to the custody sergeant.";
  static final String AREA = "Matrixshire";
  /** A process variable of the JTAI that no task card shows (the local authority is on every card, TaskCard). */
  static final String PROCESS_ONLY = "Matrix: a process variable of the JTAI that no card shows.";
  static final String ADDED_LATER = "Matrix: written after the steps of the other inspectorates were done.";
  static final String OTHER_LEAD = "matrix-other-lead";
  static final String OTHER_LEAD_PASSWORD = "Second-Lead-7!";
  static final String OTHER_QA_MANAGER = "matrix-other-qa";
  /** The last column: how a row is enforced, for people; not a cell. */
  static final String HOW_ENFORCED = "how enforced";

  /** The table's column headings, and the user who stands for each. */
  static final Map<String, String> ACTORS = new LinkedHashMap<>();

  static {
    ACTORS.put("ofsted", "ofsted-inspector");
    ACTORS.put("cqc", "cqc-inspector");
    ACTORS.put("cqc (not on team)", "cqc-lead");
    ACTORS.put("hmicfrs", "hmicfrs-inspector");
    ACTORS.put("hmi-probation", "probation-inspector");
    ACTORS.put("lead inspector", "ofsted-lead");
    ACTORS.put("other lead inspector", OTHER_LEAD);
    ACTORS.put("qa-manager", "qa-manager");
    ACTORS.put("complaints team", "complaints-officer");
    ACTORS.put("operator", "operator");
    ACTORS.put("admin", ADMIN);
    ACTORS.put("anonymous", ANONYMOUS);
  }

  @LocalServerPort int port;
  @Autowired org.camunda.bpm.engine.FilterService filters;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  private String taskDeployment;
  private String jtai;
  private String jtaiReference;
  private String otherJtai;
  private String concern;
  private String complaint;
  private String conduct;

  record Cell(String check, String column, boolean expected) {
    @Override
    public String toString() {
      return check + " / " + column + " = " + (expected ? "yes" : "no");
    }
  }

  static Stream<Arguments> cells() throws IOException {
    List<String> lines = Files.readAllLines(MATRIX);
    List<String> header = null;
    List<Arguments> cells = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith("|") || line.startsWith("| ---")) {
        continue;
      }
      List<String> columns = splitRow(line);
      if (header == null) {
        assertThat(columns.get(columns.size() - 1)).as("the last column").isEqualTo(HOW_ENFORCED);
        header = columns.subList(0, columns.size() - 1);
        assertThat(header.subList(1, header.size())).as("matrix columns").containsExactlyElementsOf(ACTORS.keySet());
        continue;
      }
      String first = columns.get(0);
      assertThat(first).as("each row starts with its check id in backticks").startsWith("`");
      String check = first.substring(1, first.indexOf('`', 1));
      assertThat(columns).as(check).hasSize(header.size() + 1);
      assertThat(columns.get(header.size())).as(check + ": how it is enforced").isNotBlank();
      for (int i = 1; i < header.size(); i++) {
        String value = columns.get(i);
        assertThat(value).as(check + " / " + header.get(i)).isIn("yes", "no");
        cells.add(Arguments.of(new Cell(check, header.get(i), value.equals("yes"))));
      }
    }
    assertThat(cells).as("cells of " + MATRIX).hasSizeGreaterThan(100);
    return cells.stream();
  }

  private static List<String> splitRow(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.length() - 1);
    List<String> columns = new ArrayList<>();
    for (String column : inner.split("\\|")) {
      columns.add(column.strip());
    }
    return columns;
  }

  @BeforeAll
  void setUpTheSituation() {
    taskDeployment = repository.createDeployment().addClasspathResource("security/inspectorate-task.bpmn")
        .deploy().getId();

    if (identity.createUserQuery().userId(OTHER_LEAD).count() == 0) {
      var other = identity.newUser(OTHER_LEAD);
      other.setPassword(OTHER_LEAD_PASSWORD);
      identity.saveUser(other);
      identity.createMembership(OTHER_LEAD, StaffGroup.OFSTED.id());
      identity.createMembership(OTHER_LEAD, StaffGroup.LEAD_INSPECTOR.id());
    }
    // The other inspection has its own QA manager (required at start), so that qa-manager is a stranger to it.
    if (identity.createUserQuery().userId(OTHER_QA_MANAGER).count() == 0) {
      var otherQa = identity.newUser(OTHER_QA_MANAGER);
      otherQa.setPassword(OTHER_LEAD_PASSWORD);
      identity.saveUser(otherQa);
      identity.createMembership(OTHER_QA_MANAGER, StaffGroup.OFSTED.id());
      identity.createMembership(OTHER_QA_MANAGER, StaffGroup.QA_MANAGER.id());
    }

    // A JTAI led by ofsted-lead with its team, started as the lead inspector starts one, and a concern about a child
    // raised on it by a CQC inspector of the team.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-24T10:00:00Z")));
    jtaiReference = "JTAI-MATRIX-" + UUID.randomUUID().toString().substring(0, 6);
    String reference = jtaiReference;
    jtai = startInspection("ofsted-lead", "demo", reference, List.of("cqc-inspector", "hmicfrs-inspector"));
    runtime.setVariable(jtai, "matrixProcessOnly", PROCESS_ONLY);
    // Another lead inspector's JTAI without a team: the other inspectorates' briefing reviews are done, then the
    // inspection records something new.
    otherJtai = startInspection(OTHER_LEAD, OTHER_LEAD_PASSWORD,
        "JTAI-MATRIX-" + UUID.randomUUID().toString().substring(0, 6), List.of());
    for (String review : List.of("task_review_briefing_cqc", "task_review_briefing_hmicfrs",
        "task_review_briefing_hmi_probation")) {
      tasks.complete(task(otherJtai, review).getId());
    }
    runtime.setVariable(otherJtai, "matrixAddedLater", ADDED_LATER);
    ResponseEntity<JsonNode> raised = post("cqc-inspector", "/api/inspections/" + reference + "/concerns",
        AnnexCConcern.categoryOne("HV-55102 (JT)", CONCERN_TEXT).body());
    assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(201);
    concern = raised.getBody().get("id").asText();

    // A published JTAI and a complaint about the conduct of an HMICFRS inspector on it.
    String published = "JTAI-MATRIX-" + UUID.randomUUID().toString().substring(0, 6);
    clock(LocalDate.of(2025, 12, 22), 9);
    Map<String, Object> finished = JtaiStart.partWayVariables(published,
        Date.from(LocalDate.of(2026, 1, 2).atStartOfDay(LONDON).toInstant()));
    finished.put(JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED, false);
    ProcessInstance inspection = JtaiStart.partWay(runtime, JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER, finished);
    clock(LocalDate.of(2026, 3, 2), 10);
    tasks.complete(task(inspection.getId(), JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER).getId());
    clock(LocalDate.of(2026, 3, 4), 10);
    tasks.complete(task(inspection.getId(), JtaiProcess.TASK_PUBLISH_LETTER).getId(),
        Map.of("publicationUrl", "https://reports.example/" + published));
    clock(LocalDate.of(2026, 3, 9), 11);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("receivedOn", "2026-03-09");
    body.put("kind", "conduct");
    body.put("text", CONDUCT_TEXT);
    body.put("conductInspectorate", "hmicfrs");
    ResponseEntity<JsonNode> recorded = post("complaints-officer", "/api/inspections/" + published + "/complaints", body);
    assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(201);
    complaint = recorded.getBody().get("id").asText();
    conduct = runtime.createProcessInstanceQuery().superProcessInstanceId(complaint).singleResult().getId();
    ClockUtil.reset();
  }

  @AfterAll
  void tearDown() {
    ClockUtil.reset();
    identity.clearAuthentication();
    repository.deleteDeployment(taskDeployment, true);
  }

  private String startInspection(String lead, String password, String reference, List<String> team) {
    Map<String, Object> start = new HashMap<>();
    start.put("framework", "jtai-2017");
    start.put("reference", reference);
    start.put("localAuthority", AREA);
    start.put("deepDiveTheme", "neglect");
    start.put("notificationDate", "2027-01-04");
    start.put("leadInspector", lead);
    start.put("qaManager", lead.equals(OTHER_LEAD) ? OTHER_QA_MANAGER : "qa-manager");
    start.put("inspectionTeam", team);
    ResponseEntity<JsonNode> started = new ApiClient(rest).post(lead, password, "/api/inspections", start);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
    // The senior analytical officer's briefing (¶10) comes before the day −1 reviews this matrix works with.
    return JtaiStart.pastTheAnalystsBriefing(tasks, started.getBody().get("processInstanceId").asText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void cell(Cell cell) {
    String user = ACTORS.get(cell.column());
    assertThat(allowed(cell.check(), user)).as(cell.toString()).isEqualTo(cell.expected());
  }

  private boolean allowed(String check, String user) {
    if (check.contains(":")) {
      String inspectorate = check.substring(check.indexOf(':') + 1);
      return switch (check.substring(0, check.indexOf(':'))) {
        case "see-task" -> seesTask(user, inspectorate);
        case "claim-task" -> status(user, HttpMethod.POST, "/engine-rest/task/" + newTask(inspectorate) + "/claim",
            Map.of("userId", user)) == 204;
        case "complete-task" -> status(user, HttpMethod.POST, "/engine-rest/task/" + newTask(inspectorate) + "/complete",
            Map.of()) == 204;
        default -> throw new IllegalArgumentException("Unknown check " + check);
      };
    }
    return switch (check) {
      case "engine-rest" -> status(user, HttpMethod.GET, "/engine-rest/process-definition/count", null) == 200;
      case "api" -> status(user, HttpMethod.GET, "/api/working-days/holidays?year=2026", null) == 200;
      case "jtai-task-variables" -> readsAnOpenTask(user);
      case "jtai-variables" -> agree(check, user, readsVariable(user, jtai, PROCESS_ONLY),
          () -> history.createHistoricVariableInstanceQuery().processInstanceId(jtai)
              .variableName("matrixProcessOnly").count() > 0
              || runtime.createVariableInstanceQuery().processInstanceIdIn(jtai)
                  .variableName("matrixProcessOnly").count() > 0);
      case "jtai-task-card" -> readsACard(user);
      case "jtai-history" -> agree(check, user,
          count(user, "/engine-rest/history/process-instance/count?processInstanceId=" + jtai) > 0,
          () -> history.createHistoricProcessInstanceQuery().processInstanceId(jtai).count() > 0);
      case "other-jtai-history" -> agree(check, user,
          count(user, "/engine-rest/history/process-instance/count?processInstanceId=" + otherJtai) > 0,
          () -> history.createHistoricProcessInstanceQuery().processInstanceId(otherJtai).count() > 0);
      case "past-task-variables" -> agree(check, user, readsVariable(user, otherJtai, ADDED_LATER),
          () -> history.createHistoricVariableInstanceQuery().processInstanceId(otherJtai)
              .variableName("matrixAddedLater").count() > 0);
      case "raise-concern" -> post(user, "/api/inspections/" + jtaiReference + "/concerns", category2())
          .getStatusCode().value() == 201;
      case "correlate-concern" -> correlatesConcern(user);
      case "suspend-jtai" -> suspends(user);
      case "write-jtai-variable" -> inEngine(user, () -> {
        runtime.setVariable(jtai, "matrixProbe", user);
        return true;
      });
      case "modify-jtai" -> modifies(user);
      case "attach-to-task" -> attaches(user);
      case "retry-job" -> retries(user);
      case "concern-api" -> status(user, HttpMethod.GET, "/api/concerns/" + concern, null) == 200;
      case "concern-content" -> agree(check, user, readsVariable(user, concern, CONCERN_TEXT),
          () -> history.createHistoricVariableInstanceQuery().processInstanceId(concern)
              .variableName(ConcernReferralProcess.VAR_ISSUES).count() > 0
              || runtime.createVariableInstanceQuery().processInstanceIdIn(concern).count() > 0);
      case "complaint" -> agree(check, user,
          count(user, "/engine-rest/history/process-instance/count?processInstanceId=" + complaint) > 0,
          () -> history.createHistoricProcessInstanceQuery().processInstanceId(complaint)
              .processDefinitionKey(ComplaintProcess.KEY).count() > 0);
      case "conduct-details" -> agree(check, user, readsVariable(user, conduct, CONDUCT_TEXT),
          () -> history.createHistoricVariableInstanceQuery().processInstanceId(conduct)
              .variableName(ComplaintProcess.VAR_CONDUCT_DETAILS).count() > 0
              || history.createHistoricProcessInstanceQuery().processInstanceId(conduct)
                  .processDefinitionKey(ComplaintConductProcess.KEY).count() > 0);
      case "cockpit" -> webappLogin(user, "cockpit") == 200;
      case "on-time-report" -> readsOnTimeReport(user);
      case "admin-app" -> webappLogin(user, "admin") == 200;
      case "deploy" -> deploys(user);
      case "create-user" -> createsUser(user);
      case "join-admins" -> joinsAdmins(user);
      case "change-authorizations" -> grantsItself(user);
      default -> throw new IllegalArgumentException("Unknown check " + check + " in " + MATRIX);
    };
  }

  /** Only the engine's answer, as that person: what the REST API may refuse before the engine is asked. */
  private boolean inEngine(String user, BooleanSupplier action) {
    return !user.equals(ANONYMOUS) && asUser(user, action);
  }

  private boolean readsAnOpenTask(String user) {
    List<String> open = tasks.createTaskQuery().processInstanceId(jtai).list().stream().map(Task::getId).toList();
    assertThat(open).as("the JTAI's open steps").isNotEmpty();
    boolean overRest = open.stream().anyMatch(id ->
        status(user, HttpMethod.GET, "/engine-rest/task/" + id + "/variables", null) == 200);
    return agree("jtai-task-variables", user, overRest, () -> open.stream().anyMatch(id -> {
      try {
        return tasks.getVariables(id).containsKey(JtaiProcess.VAR_LOCAL_AUTHORITY);
      } catch (org.camunda.bpm.engine.AuthorizationException | org.camunda.bpm.engine.exception.NullValueException e) {
        return false;
      }
    }));
  }

  /**
   * Whether the Tasklist's list shows the user the card of one of the JTAI's open steps: a shared filter's list
   * ({@code POST /filter/{id}/list}, HAL, as the Tasklist asks for it) holding the JTAI's local authority.
   */
  private boolean readsACard(String user) {
    boolean overRest = false;
    for (SharedTaskFilter shared : SharedTaskFilter.values()) {
      String filter = filters.createTaskFilterQuery().filterName(shared.displayName()).singleResult().getId();
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
      Map<String, Object> query = Map.of("processVariables", List.of(), "taskVariables", List.of(),
          "caseInstanceVariables", List.of(), "processInstanceBusinessKey", jtaiReference, "active", true,
          "sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")));
      ResponseEntity<String> list = as(user).exchange("/engine-rest/filter/" + filter
          + "/list?firstResult=0&maxResults=15", HttpMethod.POST, new HttpEntity<>(query, headers), String.class);
      overRest |= list.getStatusCode().is2xxSuccessful() && list.getBody() != null && list.getBody().contains(AREA);
    }
    return agree("jtai-task-card", user, overRest, () -> {
      for (SharedTaskFilter shared : SharedTaskFilter.values()) {
        // As the user: a filter she may not read is not found.
        org.camunda.bpm.engine.filter.Filter readable = filters.createTaskFilterQuery()
            .filterName(shared.displayName()).singleResult();
        if (readable == null) {
          continue;
        }
        String filter = readable.getId();
        List<Task> listed = filters.<Task, org.camunda.bpm.engine.task.TaskQuery>list(filter,
            tasks.createTaskQuery().processInstanceBusinessKey(jtaiReference));
        for (Task task : listed) {
          if (runtime.createVariableInstanceQuery().taskIdIn(task.getId()).variableName(TaskCard.VAR_LOCAL_AUTHORITY)
              .list().stream().anyMatch(v -> AREA.equals(v.getValue()))) {
            return true;
          }
        }
      }
      return false;
    });
  }

  private static Map<String, Object> category2() {
    return AnnexCConcern.categoryTwo("HV-55109 (KT)",
        "Matrix: the health visitor was not told of the strategy discussion.").body();
  }

  /** A fresh concern waiting for the agency's response, so that each person's attempt meets the same state. */
  private boolean correlatesConcern(String user) {
    ResponseEntity<JsonNode> raised = post("cqc-inspector", "/api/inspections/" + jtaiReference + "/concerns",
        category2());
    assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(201);
    String waiting = raised.getBody().get("id").asText();
    return inEngine(user, () -> {
      runtime.createMessageCorrelation(ConcernReferralProcess.MESSAGE_RESPONSE).processInstanceId(waiting)
          .setVariable(ConcernReferralProcess.VAR_RESPONSE, "Matrix: a response " + user + " made up.")
          .setVariable(ConcernReferralProcess.VAR_RESPONSE_RECEIVED_ON, ClockUtil.getCurrentTime())
          .setVariable(uk.jointinspections.concern.ConcernResponseRecorder.VAR_RESPONSE_RECEIVED_DATE,
              java.time.LocalDate.now(LONDON).toString())
          .setVariable(ConcernReferralProcess.VAR_RESPONSE_CHANNEL, ConcernReferralProcess.CHANNEL_API)
          .correlateWithResult();
      return true;
    });
  }

  private boolean suspends(String user) {
    int status = status(user, HttpMethod.PUT, "/engine-rest/process-instance/" + jtai + "/suspended",
        Map.of("suspended", true));
    boolean suspended = runtime.createProcessInstanceQuery().processInstanceId(jtai).suspended().count() > 0;
    if (suspended) {
      runtime.activateProcessInstanceById(jtai);
    }
    return status == 204 && suspended;
  }

  private boolean modifies(String user) {
    boolean modified = inEngine(user, () -> {
      runtime.createProcessInstanceModification(jtai).startBeforeActivity(JtaiProcess.TASK_PUBLISH_LETTER).execute();
      return true;
    });
    if (modified) {
      runtime.createProcessInstanceModification(jtai).cancelAllForActivity(JtaiProcess.TASK_PUBLISH_LETTER).execute();
    }
    return modified;
  }

  private boolean attaches(String user) {
    Task own = task(jtai, JtaiProcess.TASK_REVIEW_BRIEFING_LEAD);
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("attachment-name", "matrix link");
    form.add("attachment-type", "text/uri-list");
    form.add("url", "https://attacker.example/" + user);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    int status = as(user).postForEntity("/engine-rest/task/" + own.getId() + "/attachment/create",
        new HttpEntity<>(form, headers), String.class).getStatusCode().value();
    var attached = tasks.getTaskAttachments(own.getId());
    attached.forEach(a -> tasks.deleteTaskAttachment(own.getId(), a.getId()));
    boolean attaches = status == 200 && !attached.isEmpty();
    int commented = status(user, HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/comment/create",
        Map.of("message", "Matrix comment by " + user));
    var comments = tasks.getTaskComments(own.getId());
    comments.forEach(c -> tasks.deleteTaskComment(own.getId(), c.getId()));
    assertThat(commented == 200 && !comments.isEmpty()).as("attach-to-task for " + user + ": a comment as an attachment")
        .isEqualTo(attaches);
    return attaches;
  }

  private boolean retries(String user) {
    var job = management.createJobQuery().processInstanceId(jtai).list().stream().findFirst()
        .orElseThrow(() -> new AssertionError("the JTAI has no job"));
    return status(user, HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 3)) == 204;
  }

  private boolean seesTask(String user, String inspectorate) {
    String task = newTask(inspectorate);
    boolean overRest = count(user, "/engine-rest/task/count?taskId=" + task) > 0;
    return agree("see-task:" + inspectorate, user, overRest,
        () -> tasks.createTaskQuery().taskId(task).count() > 0);
  }

  /** The answer over REST, checked against the same question put to the engine as that person. */
  private boolean agree(String check, String user, boolean overRest, BooleanSupplier inEngine) {
    if (!user.equals(ANONYMOUS)) {
      boolean engineAnswer = asUser(user, inEngine);
      assertThat(engineAnswer).as(check + " for " + user + ": the engine's services agree with the REST API")
          .isEqualTo(overRest);
    }
    return overRest;
  }

  private boolean asUser(String user, BooleanSupplier question) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return question.getAsBoolean();
    } catch (org.camunda.bpm.engine.AuthorizationException e) {
      return false;
    } finally {
      identity.clearAuthentication();
    }
  }

  private String newTask(String inspectorate) {
    String instance = runtime.startProcessInstanceByKey("test_inspectorate_task", Map.of("inspectorate", inspectorate))
        .getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private Task task(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  /** Any runtime or historic variable of the instance, read over REST, holds the text. */
  private boolean readsVariable(String user, String processInstanceId, String text) {
    for (String path : List.of("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId,
        "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId,
        "/engine-rest/history/detail?processInstanceId=" + processInstanceId)) {
      ResponseEntity<String> response = as(user).getForEntity(path, String.class);
      if (response.getStatusCode().is2xxSuccessful() && response.getBody() != null && response.getBody().contains(text)) {
        return true;
      }
    }
    return status(user, HttpMethod.GET, "/engine-rest/process-instance/" + processInstanceId + "/variables", null) == 200;
  }

  private boolean deploys(String user) {
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"http://jointinspections.uk/test\">"
        + "<process id=\"test_matrix_deploy\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<startEvent id=\"start_matrix\"/></process></definitions>";
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "matrix-" + user);
    form.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "matrix.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<JsonNode> response = as(user).postForEntity("/engine-rest/deployment/create",
        new HttpEntity<>(form, headers), JsonNode.class);
    if (response.getStatusCode().value() == 200) {
      repository.deleteDeployment(response.getBody().get("id").asText(), true);
      return true;
    }
    return false;
  }

  private boolean createsUser(String user) {
    String id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    int status = status(user, HttpMethod.POST, "/engine-rest/user/create",
        Map.of("profile", Map.of("id", id, "firstName", "Matrix", "lastName", "Test"),
            "credentials", Map.of("password", "Cell-" + UUID.randomUUID())));
    boolean created = identity.createUserQuery().userId(id).count() > 0;
    if (created) {
      identity.deleteUser(id);
    }
    return status == 204 && created;
  }

  private boolean joinsAdmins(String user) {
    // The administrator is one already, so it shows its power on someone else.
    String member = user.equals(ANONYMOUS) || user.equals(ADMIN) ? "ofsted-inspector" : user;
    boolean before = isAdmin(member);
    int status = status(user, HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/" + member, null);
    boolean after = isAdmin(member);
    if (after && !before) {
      identity.deleteMembership(member, "camunda-admin");
    }
    return status == 204 && after && !before;
  }

  private boolean isAdmin(String user) {
    return identity.createUserQuery().userId(user).memberOfGroup("camunda-admin").count() > 0;
  }

  private boolean grantsItself(String user) {
    String subject = user.equals(ANONYMOUS) ? "ofsted-inspector" : user;
    String resourceId = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    int status = status(user, HttpMethod.POST, "/engine-rest/authorization/create", Map.of(
        "type", 1, "permissions", List.of("ALL"), "userId", subject, "resourceType", 6, "resourceId", resourceId));
    var created = engine.getAuthorizationService().createAuthorizationQuery().resourceId(resourceId).list();
    created.forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    return status == 200 && !created.isEmpty();
  }

  /**
   * The on-time report's figures in the person's own webapp session: Cockpit's where they may sign in there, else the
   * Tasklist's, whose session reaches Cockpit's API as well; nobody signed in for anonymous.
   */
  private boolean readsOnTimeReport(String user) {
    try {
      for (String app : List.of("cockpit", "tasklist")) {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        if (!user.equals(ANONYMOUS) && webappLogin(user, app, client, cookies) != 200) {
          continue;
        }
        return client.send(HttpRequest.newBuilder(url("/camunda/api/cockpit/plugin/on-time-report/default/figures"))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      }
      return false;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The webapps' own login, as the browser does it: CSRF cookie first, then the login form. */
  private int webappLogin(String user, String app) {
    CookieManager cookies = new CookieManager();
    return webappLogin(user, app, HttpClient.newBuilder().cookieHandler(cookies).build(), cookies);
  }

  private int webappLogin(String user, String app, HttpClient client, CookieManager cookies) {
    try {
      client.send(HttpRequest.newBuilder(url("/camunda/app/" + app + "/default/")).build(),
          HttpResponse.BodyHandlers.discarding());
      String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElseThrow();
      String form = user.equals(ANONYMOUS) ? "username=&password="
          : "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + password(user);
      return client.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String password(String user) {
    return user.equals(ADMIN) ? "test-admin-secret" : user.equals(OTHER_LEAD) ? OTHER_LEAD_PASSWORD : "demo";
  }

  private TestRestTemplate as(String user) {
    return user.equals(ANONYMOUS) ? rest : rest.withBasicAuth(user, password(user));
  }

  private int status(String user, HttpMethod method, String path, Object body) {
    return as(user).exchange(path, method, body == null && method == HttpMethod.GET ? null : ApiClient.json(body),
        String.class).getStatusCode().value();
  }

  private long count(String user, String path) {
    ResponseEntity<JsonNode> response = as(user).getForEntity(path, JsonNode.class);
    return response.getStatusCode().is2xxSuccessful() ? response.getBody().get("count").asLong() : 0;
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return as(user).postForEntity(path, ApiClient.json(body), JsonNode.class);
  }

  private static void clock(LocalDate date, int hour) {
    EngineClock.set(date, LocalTime.of(hour, 0));
  }
}
