package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.web.GuardedEngineOperations.Operation;

/**
 * The engine's powerful operations over HTTP, as a real client calls them: every operation of
 * {@link GuardedEngineOperations}, as an operator, the lead inspector (who referred the concern), an Ofsted and a CQC
 * inspector, through {@code /engine-rest} with basic auth and through the webapps' engine API with a Cockpit or
 * Tasklist session and its CSRF token, on a real concern and on ids that exist nowhere: always 403, always the same
 * body, and nothing changes. Administrators keep them; inspectors keep completing tasks.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineOperationGuardTest {

  static final String ISSUES = "Guard marker: the child's plan was never reviewed after the move.";
  static final String OFFICER_EMAIL = "guard.officer@icb.example";
  static final List<String> NON_ADMINS = List.of("operator", "ofsted-lead", "ofsted-inspector", "cqc-inspector");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;

  private String taskDeployment;
  private String caseNumbers;
  private Target concern;
  private Target nowhere;
  private final Map<String, Session> sessions = new HashMap<>();

  /** What fills an operation's path and body: a real concern's ids, or ids of nothing. */
  record Target(String processInstanceId, String executionId, String taskId, String definitionId, String key) {
  }

  @BeforeAll
  void aConcernAboutAChild() throws Exception {
    taskDeployment = repository.createDeployment().addClasspathResource("security/inspectorate-task.bpmn")
        .deploy().getId();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-24T10:00:00Z")));
    String reference = "JTAI-GUARD-" + UUID.randomUUID().toString().substring(0, 6);
    JtaiStart.partWay(runtime, JtaiProcess.TASK_KIT_MEETING_DAY_10,
        JtaiStart.partWayVariables(reference, LocalDate.of(2026, 12, 7).toString()));
    caseNumbers = "GD-" + UUID.randomUUID().toString().substring(0, 6) + " (XY)";
    Map<String, Object> annexC = AnnexCConcern.categoryOne(caseNumbers, ISSUES)
        .seniorOfficer("Designated nurse for safeguarding", OFFICER_EMAIL).body();
    HttpResponse<String> raised = basic("ofsted-lead", "POST", "/api/inspections/" + reference + "/concerns",
        json(annexC));
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
    String id = read(raised.body()).get("id").asText();
    Execution execution = runtime.createExecutionQuery().processInstanceId(id).list().stream()
        .filter(e -> !e.getId().equals(id)).findFirst().orElseThrow();
    Task task = tasks.createTaskQuery().processInstanceId(id).list().get(0);
    String definition = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult()
        .getProcessDefinitionId();
    concern = new Target(id, execution.getId(), task.getId(), definition, ConcernReferralProcess.KEY);
    String none = "no-such-" + UUID.randomUUID();
    nowhere = new Target(none, none + "-execution", none + "-task", none + "-definition", "no_such_process");
    assertThat(waitsForTheResponse()).isTrue();
    ClockUtil.reset();
  }

  @AfterAll
  void tearDown() {
    ClockUtil.reset();
    repository.deleteDeployment(taskDeployment, true);
  }

  // --- the findings of issue 15, as the tester made them ---

  @Test
  void anOperatorCannotReadAConcernByCorrelatingItsMessage() throws Exception {
    HttpResponse<String> correlated = basic("operator", "POST", "/engine-rest/message", json(Map.of(
        "messageName", "concern_response", "processInstanceId", concern.processInstanceId(),
        "resultEnabled", true, "variablesInResultEnabled", true)));

    assertThat(correlated.statusCode()).as(correlated.body()).isEqualTo(403);
    assertThat(correlated.body()).doesNotContain(ISSUES, caseNumbers, OFFICER_EMAIL);
    assertRefusal(correlated.body());
    assertThat(waitsForTheResponse()).as("the concern still waits for the agency's response").isTrue();
  }

  @Test
  void anOperatorCannotMailAConcernElsewhereByModification() throws Exception {
    long mailedBefore = emailSteps();
    HttpResponse<String> modified = basic("operator", "POST",
        "/engine-rest/process-instance/" + concern.processInstanceId() + "/modification", json(Map.of(
            "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "task_email_senior_officer",
                "variables", Map.of("seniorOfficerEmail", Map.of("value", "operator@elsewhere.example",
                    "type", "String", "local", false)))))));

    assertThat(modified.statusCode()).as(modified.body()).isEqualTo(403);
    assertRefusal(modified.body());
    assertThat(emailSteps()).isEqualTo(mailedBefore);
    assertThat(runtime.getVariable(concern.processInstanceId(), "seniorOfficerEmail")).isEqualTo(OFFICER_EMAIL);
  }

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource({"operator, engine-rest", "ofsted-inspector, engine-rest", "cqc-inspector, engine-rest",
      "ofsted-lead, engine-rest", "operator, webapp", "ofsted-inspector, webapp", "ofsted-lead, webapp"})
  void correlatingByCaseNumberIsNoOracle(String user, String door) throws Exception {
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (String child : List.of(caseNumbers, "GD-NOBODY (ZZ)")) {
      for (String message : List.of("concern_response", "no_such_message")) {
        Map<String, Object> body = Map.of("messageName", message,
            "correlationKeys", Map.of("caseNumbers", Map.of("value", child, "type", "String")));
        answers.add(call(user, door, "POST", "/message", json(body)));
      }
    }

    for (HttpResponse<String> answer : answers) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
      assertThat(answer.body()).isEqualTo(answers.get(0).body());
    }
    assertThat(waitsForTheResponse()).isTrue();
  }

  // --- every guarded operation, every role, both doors, real and unknown targets ---

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource({"operator, engine-rest", "ofsted-lead, engine-rest", "ofsted-inspector, engine-rest",
      "cqc-inspector, engine-rest", "operator, webapp", "ofsted-lead, webapp", "ofsted-inspector, webapp",
      "cqc-inspector, webapp"})
  void everyGuardedOperationIsRefusedTheSameWhateverItsTarget(String user, String door) throws Exception {
    int calls = 0;
    for (Operation operation : GuardedEngineOperations.OPERATIONS) {
      HttpResponse<String> onTheConcern = call(user, door, operation, concern);
      HttpResponse<String> onNothing = call(user, door, operation, nowhere);
      calls += 2;
      String what = user + " " + door + " " + operation.method() + " " + operation.path();
      assertThat(onTheConcern.statusCode()).as(what + " " + onTheConcern.body()).isEqualTo(403);
      assertThat(onNothing.statusCode()).as(what + " " + onNothing.body()).isEqualTo(403);
      assertThat(onTheConcern.body()).as(what).isEqualTo(onNothing.body()).isEqualTo(EngineOperationGuard.refusal(operation));
      assertThat(onTheConcern.headers().firstValue("Content-Type")).get().asString().contains("application/json");
    }
    assertThat(calls).isEqualTo(2 * GuardedEngineOperations.OPERATIONS.size());
    assertThat(waitsForTheResponse()).isTrue();
    assertThat(runtime.getVariables(concern.processInstanceId())).containsEntry("seniorOfficerEmail", OFFICER_EMAIL)
        .containsEntry("issues", ISSUES).doesNotContainKey("guardMarker");
    assertThat(tasks.createTaskQuery().taskId(concern.taskId()).count()).as("the concern's task is still open")
        .isEqualTo(1);
    assertThat(emailSteps()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"/engine-rest/engine/default/message", "/engine-rest//message", "/engine-rest/message/",
      "/engine-rest/mess%61ge", "/engine-rest/message;jsessionid=x", "/engine-rest/./message",
      "/engine-rest/task/../message"})
  void otherSpellingsOfThePathAreTheSameOperation(String path) throws Exception {
    HttpResponse<String> answer = basic("operator", "POST", path, json(Map.of("messageName", "concern_response",
        "processInstanceId", concern.processInstanceId(), "resultEnabled", true, "variablesInResultEnabled", true)));

    assertThat(answer.statusCode()).as(answer.body()).isIn(400, 403, 404);
    assertThat(answer.body()).doesNotContain(ISSUES, caseNumbers);
    assertThat(waitsForTheResponse()).isTrue();
  }

  // --- what stays allowed ---

  @Test
  void inspectorsStillCompleteTheirTasksButNotWithTheVariablesInReturn() throws Exception {
    String viaRest = inspectorateTask("ofsted");
    HttpResponse<String> greedy = basic("ofsted-inspector", "POST", "/engine-rest/task/" + viaRest + "/complete",
        json(Map.of("variables", Map.of(), "withVariablesInReturn", true)));
    assertThat(greedy.statusCode()).as(greedy.body()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(viaRest).count()).isEqualTo(1);

    HttpResponse<String> completed = basic("ofsted-inspector", "POST", "/engine-rest/task/" + viaRest + "/complete",
        json(Map.of("variables", Map.of(), "withVariablesInReturn", false)));
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

    String viaTasklist = inspectorateTask("ofsted");
    HttpResponse<String> submitted = webapp("ofsted-inspector", "POST",
        "/task/" + viaTasklist + "/submit-form", json(Map.of("variables", Map.of())));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(viaTasklist).count()).isZero();
  }

  @Test
  void administratorsKeepThePowerfulOperations() throws Exception {
    HttpResponse<String> unknownMessage = basic("admin", "POST", "/engine-rest/message",
        json(Map.of("messageName", "no_such_message_" + UUID.randomUUID())));
    assertThat(unknownMessage.statusCode()).as("the engine's own answer").isEqualTo(400);
    assertThat(unknownMessage.body()).doesNotContain("camunda-admin");

    HttpResponse<String> started = basic("admin", "POST", "/engine-rest/process-definition/key/test_inspectorate_task/start",
        json(Map.of("variables", Map.of("inspectorate", Map.of("value", "cqc", "type", "String")),
            "withVariablesInReturn", true)));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = read(started.body()).get("id").asText();
    assertThat(read(started.body()).path("variables").path("inspectorate").path("value").asText()).isEqualTo("cqc");

    HttpResponse<String> written = webapp("admin", "PUT", "/process-instance/" + instance + "/variables/note",
        json(Map.of("value", "set by the administrator in Cockpit", "type", "String")));
    assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
    assertThat(runtime.getVariable(instance, "note")).isEqualTo("set by the administrator in Cockpit");
  }

  // --- helpers ---

  private boolean waitsForTheResponse() {
    return runtime.createEventSubscriptionQuery().processInstanceId(concern.processInstanceId())
        .eventName("concern_response").count() == 1;
  }

  private long emailSteps() {
    return history.createHistoricActivityInstanceQuery().processInstanceId(concern.processInstanceId())
        .activityId("task_email_senior_officer").count();
  }

  private String inspectorateTask(String inspectorate) {
    String instance = runtime.startProcessInstanceByKey("test_inspectorate_task", Map.of("inspectorate", inspectorate))
        .getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private HttpResponse<String> call(String user, String door, Operation operation, Target target) throws Exception {
    String path = operation.path().replace("{id}", idFor(operation.path(), target))
        .replace("{key}", target.key()).replace("{tenant-id}", "no-tenant").replace("{varName}", "seniorOfficerEmail")
        .replace("{messageName}", "concern_response");
    if (path.endsWith("/data")) {
      return call(user, door, operation.method(), path, null, multipart());
    }
    return call(user, door, operation.method(), path, operation.method().equals("DELETE") ? null : body(target));
  }

  private static String idFor(String path, Target target) {
    if (path.startsWith("/execution")) {
      return target.executionId();
    }
    if (path.startsWith("/task")) {
      return target.taskId();
    }
    if (path.startsWith("/process-definition")) {
      return target.definitionId();
    }
    return target.processInstanceId();
  }

  /** One body that every guarded operation could act on: the target's ids, variables and every flag asked for. */
  private static String body(Target target) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("messageName", "concern_response");
    body.put("processInstanceId", target.processInstanceId());
    body.put("processInstanceIds", List.of(target.processInstanceId()));
    body.put("processDefinitionId", target.definitionId());
    body.put("name", "concern_response");
    body.put("value", "guard@elsewhere.example");
    body.put("type", "String");
    body.put("variables", Map.of("guardMarker", Map.of("value", "written", "type", "String")));
    body.put("modifications", Map.of("guardMarker", Map.of("value", "written", "type", "String")));
    body.put("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "task_email_senior_officer")));
    body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "task_email_senior_officer")));
    body.put("migrationPlan", Map.of("sourceProcessDefinitionId", target.definitionId(),
        "targetProcessDefinitionId", target.definitionId(), "instructions", List.of()));
    body.put("sourceProcessDefinitionId", target.definitionId());
    body.put("targetProcessDefinitionId", target.definitionId());
    body.put("resultEnabled", true);
    body.put("variablesInResultEnabled", true);
    body.put("withVariablesInReturn", true);
    return json(body);
  }

  static final String BOUNDARY = "guard-boundary";

  private static String multipart() {
    return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"note.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nwritten by the guard test\r\n--" + BOUNDARY + "\r\n"
        + "Content-Disposition: form-data; name=\"valueType\"\r\n\r\nFile\r\n--" + BOUNDARY + "--\r\n";
  }

  private HttpResponse<String> call(String user, String door, String method, String path, String body)
      throws Exception {
    return call(user, door, method, path, body, null);
  }

  private HttpResponse<String> call(String user, String door, String method, String path, String json,
      String multipart) throws Exception {
    if (door.equals("engine-rest")) {
      return send(HttpClient.newHttpClient(), request("/engine-rest" + path, method, json, multipart)
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8))));
    }
    Session session = session(user);
    return send(session.client(), request("/camunda/api/engine/engine/default" + path, method, json, multipart)
        .header("X-XSRF-TOKEN", session.csrf()));
  }

  private HttpResponse<String> basic(String user, String method, String path, String json) throws Exception {
    HttpRequest.Builder request = request(path, method, json, null).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8)));
    return send(HttpClient.newHttpClient(), request);
  }

  private HttpResponse<String> webapp(String user, String method, String path, String json) throws Exception {
    return call(user, "webapp", method, path, json);
  }

  private HttpRequest.Builder request(String path, String method, String json, String multipart) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "application/json");
    if (multipart != null) {
      return request.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
          .method(method, HttpRequest.BodyPublishers.ofString(multipart));
    }
    if (json != null) {
      return request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return request.method(method, HttpRequest.BodyPublishers.noBody());
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws IOException,
      InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  record Session(HttpClient client, String csrf) {
  }

  /** A Cockpit session for operators and the administrator, a Tasklist session for inspectors, as the browser logs in. */
  private Session session(String user) throws Exception {
    Session existing = sessions.get(user);
    if (existing != null) {
      return existing;
    }
    String app = user.equals("operator") || user.equals("admin") ? "cockpit" : "tasklist";
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/"))
        .build(), HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password(user))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(user + " logs into " + app).isEqualTo(200);
    // The login starts a new session; its first read hands out the token that session expects.
    client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/"
        + "process-definition/count")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElse(csrf);
    Session session = new Session(client, token);
    sessions.put(user, session);
    return session;
  }

  private static void assertRefusal(String body) throws IOException {
    JsonNode refusal = read(body);
    assertThat(refusal.path("status").asInt()).isEqualTo(403);
    assertThat(refusal.path("error").asText()).isEqualTo("Forbidden");
    assertThat(refusal.path("message").asText()).startsWith("Only administrators (group camunda-admin) may");
  }

  private static String password(String user) {
    return user.equals("admin") ? "test-admin-secret" : "demo";
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(String body) throws IOException {
    return JSON.readTree(body);
  }
}
