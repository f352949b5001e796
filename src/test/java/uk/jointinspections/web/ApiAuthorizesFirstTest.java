package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.JtaiStart;

/**
 * Our /api checks the caller's right before it looks at the inspection or the body: someone who may not act gets one
 * answer whether the inspection exists or not, at whatever stage, and whatever the body says, so that its errors
 * ("no such inspection", "not yet waiting", "already exists", "reason is required") are no oracle. Those who may act
 * still get them (InspectionApiTest, FrameworkSubmissionsTest, Jtai2024ApiTest, ComplaintIntakeTest).
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAuthorizesFirstTest {

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService history;

  private String jtai2017;
  private String jtai2024;
  private final String nowhere = "NO-SUCH-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

  @BeforeAll
  void twoRunningInspections() {
    EngineClock.set("2026-09-18T10:00");
    jtai2024 = "JTAI24-FIRST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    assertThat(post("ofsted-lead", "/api/inspections", JtaiStart.form2024(jtai2024, "Eastshire", "2026-10-05")).getStatusCode().value()).isEqualTo(201);
    jtai2017 = "JTAI-FIRST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    assertThat(post("ofsted-lead", "/api/inspections", start2017(jtai2017, "2026-10-12")).getStatusCode().value())
        .isEqualTo(201);
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  private static Map<String, Object> start2017(String reference, String fieldwork) {
    return JtaiStart.form(reference, fieldwork);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cqc-inspector", "hmicfrs-lead", "qa-manager"})
  void submissionsRefuseTheSameWhateverTheInspectionKindOrContent(String user) {
    List<ResponseEntity<String>> answers = new ArrayList<>();
    for (String reference : List.of(jtai2017, jtai2024, nowhere)) {
      for (String kind : List.of("deep-dive-list", "child-level-data", "cake")) {
        answers.add(post(user, "/api/inspections/" + reference + "/submissions/" + kind, Map.of("list", "folder")));
      }
      answers.add(post(user, "/api/inspections/" + reference + "/submissions/deep-dive-list",
          Map.of("list", "x".repeat(5000))));
    }
    assertAllTheSame(answers, 403, "You are not allowed to record submissions for this inspection.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cqc-inspector", "qa-manager", "complaints-officer"})
  void deferralsRefuseTheSameWhateverTheInspectionStageOrReason(String user) {
    List<ResponseEntity<String>> answers = new ArrayList<>();
    for (String reference : List.of(jtai2024, jtai2017, nowhere)) {
      for (String reason : List.of("", "The DCS is on sick leave.", "x".repeat(5000))) {
        answers.add(post(user, "/api/inspections/" + reference + "/deferral-request", Map.of("reason", reason)));
      }
    }
    assertAllTheSame(answers, 403, "You are not allowed to request a deferral of this inspection.");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(jtai2024)
        .taskDefinitionKey("task_decide_deferral").count()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cqc-lead", "operator", "ofsted-inspector"})
  void complaintsRefuseTheSameWhateverTheInspectionOrTheComplaint(String user) {
    List<ResponseEntity<String>> answers = new ArrayList<>();
    for (String reference : List.of(jtai2017, jtai2024, nowhere)) {
      answers.add(post(user, "/api/inspections/" + reference + "/complaints", complaint("2026-09-17", "process-outcome")));
      answers.add(post(user, "/api/inspections/" + reference + "/complaints", complaint("tomorrow", "process-outcome")));
      answers.add(post(user, "/api/inspections/" + reference + "/complaints", complaint("2026-09-17", "no-such-kind")));
    }
    assertAllTheSame(answers, 403, "You may not record complaints: only Ofsted's complaints team may.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cqc-inspector", "operator", "qa-manager"})
  void startsRefuseTheSameWhetherTheReferenceIsTakenOrTheRequestValid(String user) {
    List<ResponseEntity<String>> answers = new ArrayList<>();
    answers.add(post(user, "/api/inspections", start2017(jtai2017, "2026-10-12")));
    answers.add(post(user, "/api/inspections", start2017(nowhere, "2026-10-12")));
    answers.add(post(user, "/api/inspections", start2017(nowhere, "2026-10-10")));
    answers.add(post(user, "/api/inspections", start2017("not a reference!", "2026-10-12")));
    assertAllTheSame(answers, 403, "You are not allowed to start jtai-2017 inspections: lead inspectors start them.");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(nowhere).count()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"hmicfrs-inspector", "cqc-inspector", "complaints-officer"})
  void theListOfConcernsIsTheSameForAnUnknownInspectionAsForOneWithNoneToSee(String user) {
    List<ResponseEntity<String>> answers = new ArrayList<>();
    for (String reference : List.of(jtai2017, jtai2024, nowhere)) {
      answers.add(rest.withBasicAuth(user, "demo").exchange("/api/inspections/" + reference + "/concerns",
          HttpMethod.GET, null, String.class));
    }
    assertAllTheSame(answers, 200, null);
    assertThat(answers.get(0).getBody()).isEqualTo("[]");
  }

  private static void assertAllTheSame(List<ResponseEntity<String>> answers, int status, String message) {
    for (ResponseEntity<String> answer : answers) {
      assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
      assertThat(answer.getBody()).as("the same answer every time").isEqualTo(answers.get(0).getBody());
    }
    if (message != null) {
      assertThat(answers.get(0).getBody()).contains("\"status\":" + status, "\"error\":\"Forbidden\"",
          "\"message\":\"" + message + "\"");
    }
  }

  private static Map<String, Object> complaint(String receivedOn, String kind) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("receivedOn", receivedOn);
    body.put("kind", kind);
    body.put("text", "The letter misreads the audits.");
    body.put("withholdOrWithdrawRequested", false);
    return body;
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, ApiClient.json(body),
        String.class);
  }
}
