package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.ApiClient;

/**
 * The concern API over HTTP as real users: raising, refusals, the response (once), the printable record and who sees
 * a concern. A CQC inspector raises a concern about a health service; CQC, the lead inspector and the QA manager see
 * it, an HMICFRS inspector does not.
 */
@EngineTest
class ConcernApiTest extends ConcernDuringInspection {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;


  private static Map<String, Object> healthConcern() {
    return AnnexCConcern.categoryOne("HV-55102 (JT)",
        "No follow-up <visit> after the missed appointments & the referral was not shared.").body();
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, ApiClient.json(body), JSON);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, JSON);
  }

  private String raiseHealthConcern() {
    ResponseEntity<Map<String, Object>> created = post("cqc-inspector", "/api/inspections/" + reference + "/concerns",
        healthConcern());
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String id = (String) created.getBody().get("id");
    assertThat(created.getHeaders().getLocation()).hasToString("/api/concerns/" + id);
    return id;
  }

  @Test
  @SuppressWarnings("unchecked")
  void anInspectorRaisesAConcernAndItsTeamAloneSeesIt() {
    String id = raiseHealthConcern();

    Map<String, Object> concern = get("cqc-inspector", "/api/concerns/" + id).getBody();
    assertThat(concern).containsEntry("inspectionReference", reference).containsEntry("category", 1)
        .containsEntry("referringInspector", "cqc-inspector").containsEntry("referringInspectorate", "cqc")
        .containsEntry("caseNumbers", "HV-55102 (JT)").containsEntry("responseRequiredBy", "2026-12-29")
        .containsEntry("open", true);
    assertThat((List<Object>) concern.get("state")).contains("awaiting the agency's written response");

    for (String team : List.of("cqc-inspector", "cqc-lead", "ofsted-lead", "qa-manager")) {
      assertThat(get(team, "/api/concerns/" + id).getStatusCode()).as(team).isEqualTo(HttpStatus.OK);
      fixture.signIn(team);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).as(team).isEqualTo(1);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()).as(team)
          .isEqualTo(1);
      engine.getIdentityService().clearAuthentication();
    }
    ResponseEntity<String> operatorReadsVariables = rest.withBasicAuth("operator", "demo")
        .getForEntity("/engine-rest/process-instance/" + id + "/variables", String.class);
    assertThat(operatorReadsVariables.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("operator", "demo").getForObject(
        "/engine-rest/history/variable-instance?processInstanceId=" + id, List.class)).isEmpty();
    // On the team but of another inspectorate (hmicfrs, ofsted), of CQC but not on the team, on no team at all.
    for (String outsider : List.of("hmicfrs-inspector", "ofsted-inspector", "cqc-senior-manager",
        "probation-inspector")) {
      ResponseEntity<Map<String, Object>> refused = get(outsider, "/api/concerns/" + id);
      assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).containsEntry("status", 403).containsEntry("error", "Forbidden")
          .containsKey("message").doesNotContainKey("trace");
      assertThat(rest.withBasicAuth(outsider, "demo").getForEntity("/api/concerns/" + id + "/record.pdf", String.class)
          .getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      fixture.signIn(outsider);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).count()).as(outsider).isZero();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).count()).as(outsider).isZero();
      assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(id).count()).as(outsider)
          .isZero();
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(rest.withBasicAuth("hmicfrs-inspector", "demo")
        .getForObject("/api/inspections/" + reference + "/concerns", List.class)).isEmpty();
    assertThat(rest.withBasicAuth("cqc-lead", "demo")
        .getForObject("/api/inspections/" + reference + "/concerns", List.class)).hasSize(1);
    assertThat(get("cqc-inspector", "/api/concerns/no-such-concern").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theResponseIsCorrelatedOnceAndASecondIsAnsweredClearly() {
    String id = raiseHealthConcern();

    ResponseEntity<Map<String, Object>> first = post("ofsted-lead", "/api/concerns/" + id + "/response",
        Map.of("response", "A home visit took place on 24 December; the referral has been shared.",
            "receivedOn", "2026-12-24"));
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getBody()).containsEntry("recorded", true);

    ResponseEntity<Map<String, Object>> second = post("ofsted-lead", "/api/concerns/" + id + "/response",
        Map.of("response", "A second, different response."));
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(second.getBody()).containsEntry("recorded", false);
    assertThat((String) second.getBody().get("message")).contains("already recorded").contains("not recorded again");

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("response")
        .singleResult().getValue()).isEqualTo("A home visit took place on 24 December; the referral has been shared.");
    assertThat(history.createHistoricDetailQuery().processInstanceId(id).variableUpdates().list().stream()
        .filter(d -> "response".equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d).getVariableName()))
        .count()).isEqualTo(1);
    assertThat(tasks.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(ConcernReferralProcess.TASK_RECORD_RESPONSE).count()).isZero();
    assertThat(post("hmicfrs-inspector", "/api/concerns/" + id + "/response", Map.of("response", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aResponseRecordedByTheLeadInspectorIsNotRecordedAgainFromTheApi() {
    String id = raiseHealthConcern();
    tasks.complete(tasks.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(ConcernReferralProcess.TASK_RECORD_RESPONSE).singleResult().getId(),
        Map.of("response", "Given at the keep-in-touch meeting.", "responseReceivedDate", "2026-12-24"));

    ResponseEntity<Map<String, Object>> late = post("cqc-inspector", "/api/concerns/" + id + "/response",
        Map.of("response", "The same response, sent by the agency's system."));

    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(late.getBody()).containsEntry("recorded", false);
    assertThat((String) late.getBody().get("message")).contains("recorded-by-lead-inspector").contains("2026-12-24");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("response")
        .singleResult().getValue()).isEqualTo("Given at the keep-in-touch meeting.");
  }

  @Test
  void theRecordIsAPdfWithTheCaseNumberForTheTeamOnly() throws Exception {
    String id = raiseHealthConcern();

    ResponseEntity<byte[]> record = rest.withBasicAuth("qa-manager", "demo")
        .getForEntity("/api/concerns/" + id + "/record.pdf", byte[].class);

    assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(record.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(record.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(record.getBody())) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("HV-55102 (JT)").contains("Health visiting service").contains(reference)
          .contains("No follow-up <visit> after the missed appointments & the referral was not shared.")
          .contains("Annex C");
    }
    assertThat(rest.withBasicAuth("hmicfrs-inspector", "demo").getForEntity("/api/concerns/" + id + "/record.pdf",
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void badRequestsAreRefusedNamingTheFieldAndCreateNothing() {
    Map<String, Object> noCase = healthConcern();
    noCase.remove("caseNumbers");
    assertRefused(reference, noCase, HttpStatus.BAD_REQUEST, "caseNumbers");

    Map<String, Object> both = healthConcern();
    both.put("category2", true);
    assertRefused(reference, both, HttpStatus.BAD_REQUEST, "category");

    Map<String, Object> none = healthConcern();
    none.put("category1", false);
    assertRefused(reference, none, HttpStatus.BAD_REQUEST, "category");

    Map<String, Object> holiday = healthConcern();
    holiday.put("responseRequiredBy", "2026-12-28");
    assertRefused(reference, holiday, HttpStatus.BAD_REQUEST, "responseRequiredBy");

    Map<String, Object> past = healthConcern();
    past.put("responseRequiredBy", "2026-12-01");
    assertRefused(reference, past, HttpStatus.BAD_REQUEST, "responseRequiredBy");

    assertRefused("NO-SUCH-INSPECTION", healthConcern(), HttpStatus.NOT_FOUND, "inspectionReference");

    String published = ConcernFixture.newReference();
    var inspection = fixture.inspectionAt(published, JtaiProcess.TASK_PUBLISH_LETTER, "jtai-2017");
    tasks.complete(tasks.createTaskQuery().processInstanceId(inspection.getId()).singleResult().getId());
    assertRefused(published, healthConcern(), HttpStatus.CONFLICT, "inspectionReference");
  }

  private void assertRefused(String ref, Map<String, Object> body, HttpStatus status, String field) {
    ResponseEntity<Map<String, Object>> refused = post("cqc-inspector", "/api/inspections/" + ref + "/concerns", body);
    assertThat(refused.getStatusCode()).as(field).isEqualTo(status);
    assertThat(refused.getBody()).containsEntry("status", status.value()).containsEntry("field", field)
        .containsEntry("error", status.getReasonPhrase());
    assertThat((String) refused.getBody().get("message")).startsWith(field + ": ");
    assertThat(fixture.concernsOf(ref)).isZero();
  }
}
