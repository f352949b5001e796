package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.frameworks.Slac2009Process;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The inspection team (issue 15): named at the start besides the lead inspector and the QA manager, each an existing
 * user of an inspectorate taking part in the framework, kept as the variable {@code inspectionTeam}; the inspection is
 * then readable, instance, history and variables, by those people alone, not by the lead inspectors as a group.
 */
@EngineTest
@WithEngineAssertions
class InspectionTeamTest {

  private static final String OTHER_LEAD = "team-test-other-lead";

  @Autowired TestRestTemplate http;
  private final ApiClient api = new ApiClient(() -> http);
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;

  @BeforeEach
  void clockAndAnotherLeadInspector() {
    EngineClock.set("2027-02-26T10:00");
    if (identity.createUserQuery().userId(OTHER_LEAD).count() == 0) {
      User user = identity.newUser(OTHER_LEAD);
      user.setPassword("Another-lead-1");
      identity.saveUser(user);
      identity.createMembership(OTHER_LEAD, Inspectorates.OFSTED);
      identity.createMembership(OTHER_LEAD, Inspectorates.LEAD_INSPECTOR);
    }
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  private Map<String, Object> request(String framework, Object team) {
    Map<String, Object> body = new HashMap<>();
    body.put("framework", framework);
    body.put("reference", "TEAM-" + UUID.randomUUID().toString().substring(0, 8));
    body.put("localAuthority", "Northshire");
    if (framework.equals("jtai-2017")) {
      body.put("deepDiveTheme", "neglect");
    } else if (framework.equals(OfstedTargeted2016Process.FRAMEWORK)) {
      body.put("deepDiveTheme", "cse-and-missing");
    }
    body.put("plannedFieldworkStart", "2027-03-15");
    body.put("leadInspector", "ofsted-lead");
    body.put("qaManager", "qa-manager");
    if (team != null) {
      body.put(InspectionTeam.FIELD, team);
    }
    return body;
  }

  private ResponseEntity<JsonNode> post(String user, String password, String path, Object body) {
    return api.post(user, password, path, body);
  }

  private long historyCount(String user, String password, String path) {
    ResponseEntity<JsonNode> answer = api.get(user, password, path);
    assertThat(answer.getStatusCode().value()).as(user + " " + path).isEqualTo(200);
    return answer.getBody().size();
  }

  @Test
  void theTeamNamedAtTheStartReadsTheInspectionAndNobodyElseDoes() {
    ResponseEntity<JsonNode> started = post("ofsted-lead", "demo", "/api/inspections",
        request("jtai-2017", List.of("cqc-inspector", " hmicfrs-inspector", "cqc-inspector")));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
    String id = started.getBody().get("processInstanceId").asText();
    assertThat(runtime.getVariable(id, InspectionTeam.VARIABLE)).isEqualTo("cqc-inspector,hmicfrs-inspector");

    for (String reader : List.of("ofsted-lead", "qa-manager", "cqc-inspector", "hmicfrs-inspector")) {
      assertThat(historyCount(reader, "demo", "/engine-rest/history/process-instance?processInstanceId=" + id))
          .as(reader).isEqualTo(1);
      assertThat(historyCount(reader, "demo", "/engine-rest/process-instance?processInstanceIds=" + id))
          .as(reader).isEqualTo(1);
      // A variable of the inspection's own, not one of the card's lines that each open task also carries for its holders.
      assertThat(historyCount(reader, "demo", "/engine-rest/history/variable-instance?processInstanceId=" + id
          + "&variableName=deepDiveTheme")).as(reader).isEqualTo(1);
    }
    // probation-inspector: an inspectorate taking part but not named; ofsted-inspector: of the lead's inspectorate;
    // another lead inspector: leads other inspections; the operator reads every inspection in Cockpit.
    for (String outsider : List.of("probation-inspector", "ofsted-inspector", OTHER_LEAD)) {
      String password = outsider.equals(OTHER_LEAD) ? "Another-lead-1" : "demo";
      assertThat(historyCount(outsider, password, "/engine-rest/history/process-instance?processInstanceId=" + id))
          .as(outsider).isZero();
      assertThat(historyCount(outsider, password, "/engine-rest/history/variable-instance?processInstanceId=" + id))
          .as(outsider).isZero();
    }
    assertThat(historyCount("operator", "demo", "/engine-rest/history/process-instance?processInstanceId=" + id))
        .isEqualTo(1);
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_PROCESS_INSTANCE)
        .resourceId(id).list()).as("one grant per person, none to a group")
        .extracting(a -> a.getUserId() + " " + a.getGroupId()).containsExactlyInAnyOrder(
            "ofsted-lead null", "qa-manager null", "cqc-inspector null", "hmicfrs-inspector null");
    assertThat(authorizations.isUserAuthorized(OTHER_LEAD, List.of("ofsted", "lead-inspector"),
        Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION, JtaiProcess.KEY)).isFalse();
    assertThat(authorizations.isUserAuthorized(OTHER_LEAD, List.of("ofsted", "lead-inspector"),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, JtaiProcess.KEY)).as("still starts them").isTrue();
  }

  @Test
  void eachMemberIsAnExistingUserOfAnInspectorateTakingPart() {
    Map<String, Map<String, Object>> refused = new java.util.LinkedHashMap<>();
    refused.put("there is no user 'nobody-of-that-name'", request("jtai-2017", List.of("nobody-of-that-name")));
    refused.put("'operator' is not in an inspectorate taking part", request("jtai-2017", List.of("operator")));
    refused.put("'cqc-inspector' is not in an inspectorate taking part in a ofsted-targeted-2016 inspection (Ofsted)",
        request(OfstedTargeted2016Process.FRAMEWORK, List.of("cqc-inspector")));
    refused.put("'hmicfrs-inspector' is not in an inspectorate taking part in a slac-2009 inspection (Ofsted, CQC)",
        request(Slac2009Process.FRAMEWORK, List.of("cqc-inspector", "hmicfrs-inspector")));
    refused.put("member 1 is not a user id", request("jtai-2017", List.of("cqc inspector;DROP")));
    refused.forEach((reason, body) -> {
      ResponseEntity<JsonNode> answer = post("ofsted-lead", "demo", "/api/inspections", body);
      assertThat(answer.getStatusCode().value()).as(reason + ": " + answer.getBody()).isEqualTo(400);
      assertThat(answer.getBody().toString()).as(reason).contains(InspectionTeam.FIELD).contains(reason);
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey((String) body.get("reference"))
          .count()).as(reason).isZero();
    });
    ResponseEntity<JsonNode> slac = post("ofsted-lead", "demo", "/api/inspections",
        request(Slac2009Process.FRAMEWORK, List.of("cqc-inspector", "ofsted-inspector")));
    assertThat(slac.getStatusCode().value()).as(String.valueOf(slac.getBody())).isEqualTo(201);
  }

  @Test
  void theTasklistStartFormTakesTheTeamAsCommaSeparatedUserIds() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(JtaiProcess.KEY).latestVersion()
        .singleResult().getId();
    Map<String, Object> form = new HashMap<>(request("jtai-2017", null));
    String reference = (String) form.get("reference");
    identity.setAuthentication("ofsted-lead", List.of("ofsted", "lead-inspector"));
    form.put(InspectionTeam.FIELD, "probation-inspector, ofsted-nobody");
    assertThatThrownBy(() -> forms.submitStartForm(definition, form)).hasMessageContaining("there is no user 'ofsted-nobody'");
    form.put(InspectionTeam.FIELD, "probation-inspector, cqc-inspector");
    String id = forms.submitStartForm(definition, form).getId();
    identity.clearAuthentication();

    assertThat(runtime.getVariable(id, InspectionTeam.VARIABLE)).isEqualTo("probation-inspector,cqc-inspector");
    assertThat(historyCount("probation-inspector", "demo", "/engine-rest/history/process-instance?processInstanceId="
        + id)).isEqualTo(1);
    assertThat(historyCount("hmicfrs-inspector", "demo", "/engine-rest/history/process-instance?processInstanceId="
        + id)).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
  }
}
