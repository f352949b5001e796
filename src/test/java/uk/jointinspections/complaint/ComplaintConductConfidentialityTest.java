package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.complaint.ComplaintProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;

/**
 * A complaint about the conduct of an HMICFRS inspector: handled by HMICFRS alone. Its details are visible to the
 * hmicfrs group only; Ofsted's complaints team sees whether it was upheld and nothing more, in the engine and through
 * the REST API (tasks, runtime variables, history).
 */
@EngineTest
class ComplaintConductConfidentialityTest extends ComplaintTestSupport {

  private static final String DETAILS = "The HMICFRS inspector shouted at the custody sergeant during the case audit.";
  private static final String FINDINGS = "Witnesses confirm the inspector raised their voice; words of advice given.";

  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;

  private JsonNode get(String user, String path) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").getForEntity("/engine-rest" + path, JsonNode.class);
    return response.getStatusCode().is2xxSuccessful() ? response.getBody() : null;
  }

  private int status(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity("/engine-rest" + path, String.class).getStatusCode().value();
  }

  @Test
  void theDetailsOfAConductComplaintStayWithTheInvestigatingInspectorate() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 9), 11, 0);
    ProcessInstance complaint = record(reference, body("2026-03-09", "conduct", DETAILS, "hmicfrs"));
    ProcessInstance conduct = conductOf(complaint);

    assertThat(conduct).isNotNull().hasBusinessKey(reference);
    assertThat(runtime.getVariable(conduct.getId(), VAR_CONDUCT_DETAILS)).isEqualTo(DETAILS);
    assertThat(runtime.getVariables(complaint.getId())).doesNotContainKeys(VAR_TEXT, VAR_CONDUCT_DETAILS)
        .containsEntry(VAR_CONDUCT_INSPECTORATE, "hmicfrs").containsEntry(VAR_CONDUCT_UPHELD, null);
    assertNothingOfTheComplaintStoredIn(complaint.getId(), DETAILS);

    Task acknowledgement = task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT);
    assertThat(acknowledgement).hasCandidateGroup("hmicfrs");
    assertThat(acknowledgement.getDueDate()).isEqualTo(endOf("2026-03-16"));

    // HMICFRS sees the task, the instance's variables (through its open step and the instance's history; reading
    // runtime variables by instance is a definition-wide permission, enforce-specific-variable-permission) and its
    // history, through the REST API.
    assertThat(get("hmicfrs-inspector", "/task?processInstanceId=" + conduct.getId())).hasSize(1);
    assertThat(get("hmicfrs-inspector", "/task/" + acknowledgement.getId() + "/variables")
        .get(VAR_CONDUCT_DETAILS).get("value").asText()).isEqualTo(DETAILS);
    assertThat(values(get("hmicfrs-inspector", "/history/variable-instance?processInstanceId=" + conduct.getId())))
        .contains(DETAILS);

    // Ofsted's complaints team, and any other inspectorate, see none of it.
    for (String outsider : List.of("complaints-officer", "complaints-manager", "cqc-lead", "ofsted-lead")) {
      assertThat(get(outsider, "/task?processInstanceId=" + conduct.getId())).as(outsider).isEmpty();
      assertThat(status(outsider, "/process-instance/" + conduct.getId() + "/variables")).as(outsider).isIn(403, 404);
      assertThat(get(outsider, "/history/variable-instance?processInstanceId=" + conduct.getId())).as(outsider).isEmpty();
      assertThat(get(outsider, "/history/detail?processInstanceId=" + conduct.getId())).as(outsider).isEmpty();
      assertThat(get(outsider, "/history/task?processInstanceId=" + conduct.getId())).as(outsider).isEmpty();
      assertThat(get(outsider, "/history/process-instance?processInstanceId=" + conduct.getId())).as(outsider).isEmpty();
    }

    // The milestone passes unacknowledged: the complaints manager is told which milestone and whose, not what.
    clock(LocalDate.of(2026, 3, 17), 8, 0);
    assertThat(fireDueTimers(conduct.getId())).isEqualTo(1);
    Task overdue = task(complaint.getId(), TASK_FOLLOW_UP_OVERDUE);
    assertThat(overdue).hasCandidateGroup("complaints-manager");
    assertThat(tasks.getVariable(overdue.getId(), VAR_OVERDUE_STEP_TITLE))
        .isEqualTo("Send the acknowledgement of the conduct complaint");
    assertThat((String) tasks.getVariable(overdue.getId(), VAR_OVERDUE_STEP_PERFORMER)).startsWith("HMIC");
    assertThat(tasks.getVariables(overdue.getId()).values()).doesNotContain(DETAILS);
    tasks.complete(overdue.getId());

    tasks.complete(acknowledgement.getId(), Map.of("conductAcknowledgementSent", true));
    Task investigation = task(conduct.getId(), ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT);
    assertThat(investigation).hasCandidateGroup("hmicfrs");
    assertThat(investigation.getDueDate()).isEqualTo(endOf("2026-04-22"));
    tasks.complete(investigation.getId(), Map.of(ComplaintConductProcess.VAR_CONDUCT_FINDINGS, FINDINGS,
        ComplaintConductProcess.VAR_CONDUCT_UPHELD, "yes", "conductResponseSent", true));

    assertThat(conduct).isEnded();
    assertThat(complaint).isWaitingAt(TASK_RECORD_LEARNING_OUTCOMES);
    // Ofsted's complaints team: the upheld flag, and nothing more.
    JsonNode complaintVariables = get("complaints-officer", "/process-instance/" + complaint.getId() + "/variables");
    assertThat(complaintVariables.get(VAR_CONDUCT_UPHELD).get("value").asBoolean()).isTrue();
    assertThat(complaintVariables.has(ComplaintConductProcess.VAR_CONDUCT_FINDINGS)).isFalse();
    assertThat(values(complaintVariables)).doesNotContain(DETAILS, FINDINGS);
    assertThat(get("complaints-officer", "/history/variable-instance?variableName=conductFindings&processInstanceId="
        + conduct.getId())).isEmpty();
    assertThat(values(get("complaints-officer", "/history/variable-instance?processInstanceIdIn=" + complaint.getId()
        + "," + conduct.getId()))).doesNotContain(DETAILS, FINDINGS).isNotEmpty();
    assertThat(values(get("hmicfrs-lead", "/history/variable-instance?processInstanceId=" + conduct.getId())))
        .contains(DETAILS, FINDINGS);
    assertNothingOfTheComplaintStoredIn(complaint.getId(), DETAILS);
    assertNothingOfTheComplaintStoredIn(complaint.getId(), FINDINGS);

    tasks.complete(task(complaint.getId(), TASK_RECORD_LEARNING_OUTCOMES).getId(),
        Map.of(VAR_LEARNING_OUTCOMES, "Remind inspectors of the code of conduct.", "learningShared", true));
    assertThat(complaint).isEnded().hasPassed(CALL_CONDUCT_INVESTIGATION).hasNotPassed(TASK_APPOINT_LEAD_INVESTIGATOR);
  }

  @Test
  void fromTheTasklistTheInspectorateRecordsTheDetailsInItsOwnTask() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 9), 11, 0);
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getId();
    identity.setAuthentication("complaints-officer", List.of("ofsted", "complaints-team"));
    ProcessInstance complaint;
    try {
      complaint = forms.submitStartForm(definition, Map.of(VAR_INSPECTION_REFERENCE, reference,
          VAR_RECEIVED_ON, "2026-03-09", VAR_KIND, "conduct", VAR_CONDUCT_INSPECTORATE, "hmicfrs",
          VAR_WITHHOLD_REQUESTED, false));
    } finally {
      identity.clearAuthentication();
    }

    assertThat(complaint).hasBusinessKey(reference);
    ProcessInstance conduct = conductOf(complaint);
    Task record = task(conduct.getId(), ComplaintConductProcess.TASK_RECORD_CONDUCT_DETAILS);
    assertThat(record).hasCandidateGroup("hmicfrs");
    assertThat(record.getDueDate()).isEqualTo(endOf("2026-03-16"));
    tasks.complete(record.getId(), Map.of(VAR_CONDUCT_DETAILS, DETAILS));
    assertThat(conduct).isWaitingAt(ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT);
    assertNothingOfTheComplaintStoredIn(complaint.getId(), DETAILS);
  }

  @Test
  void theStartFormRefusesConductDetailsThatWouldBeStoredOutsideTheInspectorate() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 9), 11, 0);
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getId();
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of(
            VAR_INSPECTION_REFERENCE, reference, VAR_RECEIVED_ON, "2026-03-09", VAR_KIND, "conduct",
            VAR_CONDUCT_INSPECTORATE, "hmicfrs", VAR_TEXT, DETAILS)))
        .hasMessageContaining("text: do not record the details of a conduct complaint as its text");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(before);
    assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals(VAR_TEXT, DETAILS).count()).isZero();
  }

  /** Neither the complaint's variables nor any of its historic variable updates hold the text. */
  private void assertNothingOfTheComplaintStoredIn(String processInstanceId, String text) {
    assertThat(runtime.getVariables(processInstanceId).values()).doesNotContain(text);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list())
        .noneMatch(v -> text.equals(v.getValue()));
    List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(processInstanceId).list();
    assertThat(details).isNotEmpty()
        .noneMatch(d -> d instanceof HistoricVariableUpdate u && text.equals(u.getValue()));
  }

  private static List<String> values(JsonNode node) {
    List<String> values = new java.util.ArrayList<>();
    if (node == null) {
      return values;
    }
    node.forEach(v -> {
      JsonNode value = v.get("value");
      values.add(value == null ? "" : value.asText());
    });
    return values;
  }
}
