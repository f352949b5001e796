package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.ApiClient;

/**
 * A concern is the named team's (issue 15): raised only by a member of the inspection's team for an inspectorate
 * taking part in its framework, from every entry path (our API, the Tasklist start form, the engine's REST start),
 * and read by the referring inspector, the lead inspector, the QA manager and the team's members of the referring
 * inspectorate, per user; never by the rest of that inspectorate.
 */
@EngineTest
class ConcernTeamTest extends ConcernDuringInspection {

  private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService history;

  private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, ApiClient.json(body), JSON);
  }

  private static Map<String, Object> category2() {
    return AnnexCConcern.categoryTwo("HV-55102 (JT)", "The health visitor was not told of the strategy discussion.")
        .body();
  }

  @Test
  void onlyTheInspectionTeamRaisesAConcernThroughTheApi() {
    // cqc-senior-manager is in CQC but not on this inspection's team; probation-inspector is on no team.
    for (String outsider : List.of("cqc-senior-manager", "probation-inspector", "complaints-officer", "operator")) {
      ResponseEntity<Map<String, Object>> refused = post(outsider, "/api/inspections/" + reference + "/concerns",
          category2());
      assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).as(outsider).containsEntry("status", 403);
    }
    // The operator may not start one at all (no CREATE_INSTANCE); the others are refused by the team rule.
    for (String outsider : List.of("cqc-senior-manager", "probation-inspector", "complaints-officer")) {
      assertThat(post(outsider, "/api/inspections/" + reference + "/concerns", category2()).getBody())
          .as(outsider).containsEntry("field", "inspectionReference");
    }
    assertThat((String) post("probation-inspector", "/api/inspections/" + reference + "/concerns", category2())
        .getBody().get("message")).contains("'probation-inspector' is not on that team");
    assertThat(fixture.concernsOf(reference)).isZero();

    for (String member : List.of("cqc-lead", "ofsted-lead", "qa-manager")) {
      assertThat(post(member, "/api/inspections/" + reference + "/concerns", category2()).getStatusCode())
          .as(member).isEqualTo(HttpStatus.CREATED);
    }
    assertThat(fixture.concernsOf(reference)).isEqualTo(3);
  }

  @Test
  void aTeamMemberOfAnInspectorateNotTakingPartIsRefused() {
    // The 2016 targeted inspection is Ofsted's alone; a CQC inspector named on its team (as no start would accept)
    // still cannot raise a concern on it.
    String targeted = ConcernFixture.newReference();
    Map<String, Object> variables = new HashMap<>();
    variables.put(JtaiProcess.VAR_FRAMEWORK, OfstedTargeted2016Process.FRAMEWORK);
    variables.put(JtaiProcess.VAR_REFERENCE, targeted);
    variables.put(JtaiProcess.VAR_LEAD_INSPECTOR, "ofsted-lead");
    variables.put(JtaiProcess.VAR_QA_MANAGER, "qa-manager");
    variables.put(InspectionTeam.VARIABLE, "cqc-inspector");
    variables.put(JtaiProcess.VAR_DAY_ZERO, "2026-12-14");
    engine.getRuntimeService().createProcessInstanceByKey(OfstedTargeted2016Process.KEY).businessKey(targeted)
        .setVariables(variables).startBeforeActivity(OfstedTargeted2016Process.TASK_NOTIFY_DCS).execute();

    ResponseEntity<Map<String, Object>> refused = post("cqc-inspector", "/api/inspections/" + targeted + "/concerns",
        category2());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) refused.getBody().get("message")).contains("inspectorate taking part in it (Ofsted)");
    assertThat(fixture.concernsOf(targeted)).isZero();
  }

  /** 2024 paragraph 2: Ofsted, CQC and HMICFRS; HMI Probation takes no part, even when named on the team. */
  @Test
  void anHmiProbationInspectorOnA2024TeamIsRefusedByTheFrameworksInspectorates() {
    String jtai2024 = ConcernFixture.newReference();
    Map<String, Object> variables = new HashMap<>();
    variables.put(JtaiProcess.VAR_FRAMEWORK, Jtai2024Process.FRAMEWORK);
    variables.put(JtaiProcess.VAR_REFERENCE, jtai2024);
    variables.put(JtaiProcess.VAR_LEAD_INSPECTOR, "ofsted-lead");
    variables.put(JtaiProcess.VAR_QA_MANAGER, "qa-manager");
    variables.put(InspectionTeam.VARIABLE, "probation-inspector,cqc-inspector");
    variables.put(JtaiProcess.VAR_DAY_ZERO, "2026-12-07");
    engine.getRuntimeService().createProcessInstanceByKey(Jtai2024Process.KEY).businessKey(jtai2024)
        .setVariables(variables).startBeforeActivity(Jtai2024Process.TASK_KIT_WEDNESDAY).execute();

    ResponseEntity<Map<String, Object>> refused = post("probation-inspector", "/api/inspections/" + jtai2024
        + "/concerns", category2());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).containsEntry("field", "inspectionReference");
    assertThat((String) refused.getBody().get("message"))
        .contains("inspectorate taking part in it (Ofsted, CQC, HMIC)").contains("'probation-inspector' is in none");
    assertThat(fixture.concernsOf(jtai2024)).isZero();
    assertThat(post("cqc-inspector", "/api/inspections/" + jtai2024 + "/concerns", category2()).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void theTasklistAndTheEnginesRestStartRefuseAnOutsiderToo() {
    Map<String, Object> annexC = ConcernFixture.annexC(2);
    assertThatThrownBy(() -> fixture.raise("cqc-senior-manager", reference, annexC))
        .hasMessageContaining("'cqc-senior-manager' is not on that team");

    Map<String, Object> variables = new HashMap<>();
    annexC.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    variables.put(ConcernReferralProcess.VAR_INSPECTION_REFERENCE, Map.of("value", reference));
    ResponseEntity<Map<String, Object>> refused = post("probation-inspector",
        "/engine-rest/process-definition/key/" + ConcernReferralProcess.KEY + "/start", Map.of("variables", variables));
    assertThat(refused.getStatusCode().is2xxSuccessful()).as(String.valueOf(refused.getBody())).isFalse();
    assertThat(String.valueOf(refused.getBody())).contains("'probation-inspector' is not on that team");
    assertThat(fixture.concernsOf(reference)).isZero();

    ProcessInstance raised = fixture.raise("cqc-inspector", reference, annexC);
    assertThat(raised.getBusinessKey()).isEqualTo(reference);
  }

  @Test
  void nobodyButTheAdministratorStartsAConcernPastItsStartListener() {
    Map<String, Object> variables = new HashMap<>();
    ConcernFixture.annexC(2).forEach((name, value) -> variables.put(name, Map.of("value", value)));
    variables.put(ConcernReferralProcess.VAR_INSPECTION_REFERENCE, Map.of("value", reference));
    Map<String, Object> body = Map.of("businessKey", reference, "variables", variables, "skipCustomListeners", true,
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "task_decide_response_deadline")));
    for (String inspector : List.of("probation-inspector", "cqc-inspector")) {
      ResponseEntity<Map<String, Object>> refused = post(inspector,
          "/engine-rest/process-definition/key/" + ConcernReferralProcess.KEY + "/start", body);
      assertThat(refused.getStatusCode()).as(inspector + ": " + refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(fixture.concernsOf(reference)).isZero();
  }

  @Test
  void theConcernIsReadByTheNamedTeamAloneNotByTheRestOfTheInspectorate() {
    String id = (String) post("cqc-inspector", "/api/inspections/" + reference + "/concerns", category2()).getBody()
        .get("id");

    // cqc-lead: a CQC member of the team; ofsted-lead and qa-manager: the inspection's lead and QA manager.
    for (String reader : List.of("cqc-inspector", "cqc-lead", "ofsted-lead", "qa-manager")) {
      assertThat(rest.withBasicAuth(reader, "demo").getForEntity("/api/concerns/" + id, String.class)
          .getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(rest.withBasicAuth(reader, "demo").getForObject(
          "/engine-rest/history/variable-instance?processInstanceId=" + id + "&variableName=issues", List.class))
          .as(reader).hasSize(1);
    }
    // hmicfrs-inspector and ofsted-inspector are on the team for other inspectorates; cqc-senior-manager is CQC's
    // but not on the team; the operator watches processes, never a concern.
    for (String outsider : List.of("hmicfrs-inspector", "ofsted-inspector", "cqc-senior-manager", "operator")) {
      assertThat(rest.withBasicAuth(outsider, "demo").getForEntity("/api/concerns/" + id, String.class)
          .getStatusCode()).as(outsider).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.withBasicAuth(outsider, "demo").getForObject(
          "/engine-rest/history/variable-instance?processInstanceId=" + id, List.class)).as(outsider).isEmpty();
      assertThat(rest.withBasicAuth(outsider, "demo").getForObject(
          "/engine-rest/history/process-instance?processInstanceId=" + id, List.class)).as(outsider).isEmpty();
    }
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceId(id).list())
        .as("per-user grants only, no group").allSatisfy(a -> assertThat(a.getGroupId()).isNull());
  }
}
