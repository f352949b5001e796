package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.testkit.WithEngineAssertions;

/** {@code POST /api/inspections} with framework jtai-2024: its own fields and rules, its timeline and calendar file. */
@EngineTest
@WithEngineAssertions
class Jtai2024ApiTest {

  @Autowired TestRestTemplate http;
  private final ApiClient api = new ApiClient(() -> http);
  @Autowired HistoryService history;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @BeforeEach
  void clock() {
    FrameworkScenario.clock("2026-09-18T10:00");
  }

  private static Map<String, Object> request(String reference) {
    return JtaiStart.form2024(reference, "Eastshire", "2026-10-05");
  }

  private long instances(String reference) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKeyIn(InspectionDirectory.processKeys())
        .processInstanceBusinessKey(reference).count();
  }

  private static JsonNode find(JsonNode timeline, String id) {
    return ApiClient.entry(timeline, id);
  }

  @Test
  void startsA2024InspectionTenWorkingDaysBeforeFieldwork() {
    ResponseEntity<JsonNode> response = api.post("ofsted-lead", "/api/inspections", request("JTAI24-REST"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode timeline = response.getBody().get("timeline");
    // Paragraphs 14-15 first: the inspectorates share their analyses and meet on day -1, Friday 18 September.
    JsonNode first = timeline.get(0);
    assertThat(first.get("id").asText()).isIn(Jtai2024Steps.PRE_NOTIFICATION);
    assertThat(first.get("day").asInt()).isEqualTo(-1);
    assertThat(first.get("due").asText()).isEqualTo("2026-09-18T23:59:00+01:00");
    JsonNode notify = find(timeline, Jtai2024Process.TASK_NOTIFY_DCS);
    assertThat(notify.get("day").asInt()).isZero();
    assertThat(notify.get("due").asText()).isEqualTo("2026-09-21T23:59:00+01:00");
    assertThat(notify.get("performer").asText()).isEqualTo("lead inspector ofsted-lead");
    JsonNode thursday = find(timeline, Jtai2024Process.TASK_RECORD_ANSWERS_30);
    assertThat(thursday.get("day").asInt()).isEqualTo(3);
    assertThat(thursday.get("due").asText()).isEqualTo("2026-09-24T17:00:00+01:00");
    assertThat(find(timeline, Jtai2024Process.TASK_NOTIFY_HEALTH_LEADERS).get("performer").asText()).isEqualTo("cqc");
    JsonNode contact = find(timeline, Jtai2024Process.TASK_INFORMAL_CONCERN_CONTACT);
    assertThat(contact.get("day").asInt()).as("working day after fieldwork").isEqualTo(1);
    assertThat(contact.get("due").asText()).isEqualTo("2026-10-12T23:59:00+01:00");
    assertThat(contact.get("performer").asText()).isEqualTo("QA manager qa-manager");

    ResponseEntity<String> ics = http.withBasicAuth("ofsted-lead", "demo")
        .getForEntity("/api/inspections/JTAI24-REST/timeline.ics", String.class);
    assertThat(ics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ics.getBody().replace("\r\n ", "")).contains(
        "Select at least 5 children for the local agencies to audit", "Keep-in-touch meeting (Wednesday)",
        "Send the final letter to the local partnership under embargo");
  }

  @Test
  void refusesBadInputNamingTheFieldAndCreatesNothing() {
    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    Map<String, Object> theme = request("JTAI24-BAD-1");
    theme.put("deepDiveTheme", "neglect");
    cases.put("deepDiveTheme", theme);
    Map<String, Object> noQa = request("JTAI24-BAD-2");
    noQa.remove("qaManager");
    cases.put("qaManager", noQa);
    Map<String, Object> notSenior = request("JTAI24-BAD-3");
    notSenior.put("qaManager", "ofsted-lead");
    cases.put("qaManager ", notSenior);
    Map<String, Object> noDates = request("JTAI24-BAD-4");
    noDates.remove("plannedFieldworkStart");
    cases.put("plannedFieldworkStart", noDates);
    Map<String, Object> disagree = request("JTAI24-BAD-5");
    disagree.put("notificationDate", "2026-09-22");
    cases.put("notificationDate", disagree);
    Map<String, Object> holiday = request("JTAI24-BAD-6");
    holiday.put("plannedFieldworkStart", "2026-08-31");
    cases.put("plannedFieldworkStart ", holiday);
    // Paragraph 10: the lead inspector is a lead inspector of Ofsted, not any Ofsted user (an inspector, an editor).
    Map<String, Object> notLead = request("JTAI24-BAD-8");
    notLead.put("leadInspector", "ofsted-inspector");
    cases.put("leadInspector", notLead);
    Map<String, Object> editor = request("JTAI24-BAD-9");
    editor.put("leadInspector", "editor");
    cases.put("leadInspector ", editor);
    // Paragraph 89: the QA manager is independent of the inspection team, so never the lead inspector herself.
    Map<String, Object> sameAsLead = request("JTAI24-BAD-10");
    sameAsLead.put("leadInspector", "senior-lead-2024");
    sameAsLead.put("qaManager", "senior-lead-2024");
    cases.put("qaManager  ", sameAsLead);
    Map<String, Object> unknown = request("JTAI24-BAD-7");
    unknown.put("framework", "jtai-2025");
    cases.put("framework", unknown);

    if (identity.createUserQuery().userId("senior-lead-2024").count() == 0) {
      org.camunda.bpm.engine.identity.User user = identity.newUser("senior-lead-2024");
      user.setFirstName("Sam");
      user.setLastName("Senior HMI and lead inspector");
      identity.saveUser(user);
      for (String group : java.util.List.of("ofsted", "lead-inspector", "qa-manager")) {
        identity.createMembership("senior-lead-2024", group);
      }
    }
    cases.forEach((field, body) -> {
      ResponseEntity<JsonNode> response = api.post("ofsted-lead", "/api/inspections", body);
      assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().get("message").asText()).as(field).startsWith(field.strip() + ": ");
      assertThat(instances((String) body.get("reference"))).as(field).isZero();
      if (body == sameAsLead) {
        assertThat(response.getBody().get("message").asText()).contains("independent", "paragraph 89");
      }
    });
    assertThat(api.post("ofsted-lead", "/api/inspections", unknown).getBody().get("message").asText())
        .contains("jtai-2016", "jtai-2017", "jtai-2024");
  }

  @Test
  void aReferenceIsUniqueAcrossFrameworks() {
    Map<String, Object> jtai2017 = JtaiStart.form("SHARED-REF-1", "2026-10-05", "Eastshire");
    assertThat(api.post("ofsted-lead", "/api/inspections", jtai2017).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ResponseEntity<JsonNode> again = api.post("ofsted-lead", "/api/inspections", request("SHARED-REF-1"));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(instances("SHARED-REF-1")).isEqualTo(1);
  }

  @Test
  void theLocalPartnershipRequestsADeferral() {
    assertThat(api.post("ofsted-lead", "/api/inspections", request("JTAI24-REST-DEFER")).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);

    assertThat(api.post("ofsted-lead", "/api/inspections/JTAI24-REST-DEFER/deferral-request", Map.of("reason", " "))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // An unknown reference reads as an inspection she does not lead: 403, the same words (ApiAuthorizesFirstTest).
    assertThat(api.post("ofsted-lead", "/api/inspections/NO-SUCH-2024/deferral-request", Map.of("reason", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // Only the inspection's lead inspector records it: not an operator, not a lead inspector of nothing here.
    for (String other : java.util.List.of("operator", "qa-manager", "cqc-inspector")) {
      assertThat(api.post(other, "/api/inspections/JTAI24-REST-DEFER/deferral-request",
          Map.of("reason", "A deferral nobody asked for.")).getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey("JTAI24-REST-DEFER")
        .taskDefinitionKey(Jtai2024Process.TASK_DECIDE_DEFERRAL).count()).isZero();
    // Paragraph 19: "after they have been notified": not before the DCS is notified.
    assertThat(api.post("ofsted-lead", "/api/inspections/JTAI24-REST-DEFER/deferral-request",
        Map.of("reason", "A serious incident in the front door this week.")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    for (String step : Jtai2024Steps.PRE_NOTIFICATION) {
      tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey("JTAI24-REST-DEFER").taskDefinitionKey(step)
          .singleResult().getId());
    }
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey("JTAI24-REST-DEFER")
        .taskDefinitionKey(Jtai2024Process.TASK_NOTIFY_DCS).singleResult().getId(), Map.of("dcsNotified", true));
    assertThat(api.post("ofsted-lead", "/api/inspections/JTAI24-REST-DEFER/deferral-request",
        Map.of("reason", "A serious incident in the front door this week.")).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);
    // The inspectorates decide (paragraph 19): CQC's and HMICFRS's views first.
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey("JTAI24-REST-DEFER")
        .taskDefinitionKey(Jtai2024Process.TASK_DEFERRAL_VIEW_CQC).count()).isEqualTo(1);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey("JTAI24-REST-DEFER")
        .taskDefinitionKey(Jtai2024Process.TASK_DEFERRAL_VIEW_HMICFRS).count()).isEqualTo(1);
  }

  @Test
  void onlyLeadInspectorsStartThem() {
    assertThat(api.post("cqc-inspector", "/api/inspections", request("JTAI24-REST-CQC")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(instances("JTAI24-REST-CQC")).isZero();
  }
}
