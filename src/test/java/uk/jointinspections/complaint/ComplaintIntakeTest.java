package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.complaint.ComplaintProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;

/** Bad input is refused with a message naming the field, creating nothing; late complaints go to the team. */
@EngineTest
class ComplaintIntakeTest extends ComplaintTestSupport {

  private long complaints() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count()
        + history.createHistoricProcessInstanceQuery().processDefinitionKey(ComplaintConductProcess.KEY).count();
  }

  private void assertRefused(String user, String reference, Map<String, Object> body, int status, String message) {
    long before = complaints();
    ResponseEntity<JsonNode> response = post(user, reference, body);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
    assertThat(response.getBody().get("error").asText()).isNotBlank();
    assertThat(response.getBody().get("message").asText()).contains(message);
    assertThat(response.getBody().has("trace")).isFalse();
    assertThat(complaints()).isEqualTo(before);
  }

  @Test
  void badInputIsRefusedAndNothingIsCreated() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    String notFinalised = newReference();
    inspection(notFinalised, null, null);
    clock(LocalDate.of(2026, 3, 9), 11, 0);

    assertRefused("complaints-officer", reference, body("2026-03-09", "process-outcome", " ", null), 400, "text:");
    assertRefused("complaints-officer", reference, body("2026-03-09", null, "A challenge.", null), 400, "kind:");
    assertRefused("complaints-officer", reference, body("2026-03-09", "rudeness", "A challenge.", null), 400, "kind:");
    assertRefused("complaints-officer", reference, body("2026-03-09", "conduct", "Rude.", null), 400, "conductInspectorate:");
    assertRefused("complaints-officer", reference, body("2026-03-09", "both", "Wrong and rude.", " "), 400,
        "conductInspectorate:");
    assertRefused("complaints-officer", reference, body("9 March", "process-outcome", "A challenge.", null), 400,
        "receivedOn:");
    assertRefused("complaints-officer", reference, body("2026-03-10", "process-outcome", "A challenge.", null), 400,
        "receivedOn: 2026-03-10 is in the future");
    Map<String, Object> withdraw = body("2026-03-09", "process-outcome", "A challenge.", null);
    withdraw.put("withholdOrWithdrawRequested", true);
    assertRefused("complaints-officer", reference, withdraw, 400, "exceptionalCircumstances:");
    assertRefused("complaints-officer", "JTAI-NO-SUCH", body("2026-03-09", "process-outcome", "A challenge.", null),
        404, "There is no inspection with reference 'JTAI-NO-SUCH'");
    assertRefused("complaints-officer", notFinalised, body("2026-03-09", "process-outcome", "A challenge.", null),
        409, "not yet at the stage");
    String notFinalised2024 = "J24-" + newReference();
    inspectionOf("jtai-2024", notFinalised2024, null, null, null);
    assertRefused("complaints-officer", notFinalised2024, body("2026-03-09", "process-outcome", "A challenge.", null),
        409, "from receipt of the final letter of findings");
    // Only the complaints team records complaints.
    assertRefused("cqc-lead", reference, body("2026-03-09", "process-outcome", "A challenge.", null), 403,
        "only Ofsted's complaints team");
  }

  @Test
  void theComplaintsTeamAndNobodyElseCanStartAComplaintFromTheTasklist() {
    assertThat(startableBy("complaints-officer", "ofsted", "complaints-team")).contains(KEY)
        .doesNotContain(ComplaintConductProcess.KEY);
    assertThat(startableBy("hmicfrs-lead", "hmicfrs")).doesNotContain(KEY, ComplaintConductProcess.KEY);
    assertThat(startableBy("ofsted-lead", "ofsted", "lead-inspector")).doesNotContain(KEY, ComplaintConductProcess.KEY);
  }

  private java.util.List<String> startableBy(String user, String... groups) {
    engine.getIdentityService().setAuthentication(user, java.util.List.of(groups));
    try {
      return engine.getRepositoryService().createProcessDefinitionQuery().startableInTasklist()
          .startablePermissionCheck().latestVersion().list().stream().map(d -> d.getKey()).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void underThe2009RuleAComplaintDuringTheInspectionIsAccepted() {
    String notFinalised = "SLAC-" + newReference();
    inspectionOf("slac-2009", notFinalised, null, null, null);
    clock(LocalDate.of(2026, 3, 9), 11, 0);
    Map<String, Object> in2009 = body("2026-03-09", "process-outcome", "The inspectors ignored our evidence.", null);

    ProcessInstance complaint = record(notFinalised, in2009);

    Task assessment = task(complaint.getId(), TASK_INITIAL_ASSESSMENT);
    assertThat(assessment).hasCandidateGroup("complaints-team");
    assertThat(assessment.getDueDate()).isEqualTo(endOf("2026-03-16"));
    tasks.complete(assessment.getId(), Map.of(VAR_RESOLVED_EARLY, "yes", "initialAssessment", "Resolved by phone."));
    tasks.complete(task(complaint.getId(), TASK_RECORD_LEARNING_OUTCOMES).getId(),
        Map.of(VAR_LEARNING_OUTCOMES, "Explain how evidence is weighed.", "learningShared", true));
    assertThat(complaint).isEnded().hasNotPassed(TASK_APPOINT_LEAD_INVESTIGATOR);
  }

  @Test
  void aLateComplaintGoesToTheComplaintsTeamWhoseDecisionAndReasonAreRecorded() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 25), 9, 0);

    ProcessInstance complaint = record(reference, body("2026-03-25", "process-outcome", "A late challenge.", null));

    assertThat(runtime.getVariable(complaint.getId(), VAR_WINDOW)).isEqualTo(WINDOW_LATE);
    assertThat((String) runtime.getVariable(complaint.getId(), VAR_WINDOW_RULE)).contains("more than 10 working days");
    Task decision = task(complaint.getId(), TASK_DECIDE_LATE_COMPLAINT);
    assertThat(decision).hasCandidateGroup("complaints-team");
    assertThat(decision.getDueDate()).isEqualTo(endOf("2026-04-01"));
    tasks.complete(decision.getId(), Map.of(VAR_LATE_CONSIDERED, "no",
        VAR_LATE_REASON, "Fifteen working days after publication; no reason given for the delay."));

    assertThat(complaint).isEnded().hasPassed(END_NOT_CONSIDERED).hasNotPassed(TASK_APPOINT_LEAD_INVESTIGATOR);
    HistoricVariableInstance considered = history.createHistoricVariableInstanceQuery()
        .processInstanceId(complaint.getId()).variableName(VAR_LATE_CONSIDERED).singleResult();
    HistoricVariableInstance reason = history.createHistoricVariableInstanceQuery()
        .processInstanceId(complaint.getId()).variableName(VAR_LATE_REASON).singleResult();
    assertThat(considered.getValue()).isEqualTo(false);
    assertThat(reason.getValue()).isEqualTo("Fifteen working days after publication; no reason given for the delay.");
  }

  @Test
  void aLateConductComplaintWaitsForTheTeamsDecisionBeforeTheInspectorateActs() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 25), 9, 0);

    ProcessInstance complaint = record(reference, body("2026-03-25", "conduct", "The inspector was rude.", "cqc"));
    ProcessInstance conduct = conductOf(complaint);

    assertThat(conduct).isWaitingAt(ComplaintConductProcess.MSG_RELEASED);
    assertThat(runtime.getVariable(conduct.getId(), VAR_CONDUCT_DETAILS)).isEqualTo("The inspector was rude.");
    tasks.complete(task(complaint.getId(), TASK_DECIDE_LATE_COMPLAINT).getId(),
        Map.of(VAR_LATE_CONSIDERED, "yes", VAR_LATE_REASON, "The local area was told the wrong deadline."));

    assertThat(conduct).isWaitingAt(ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT);
    assertThat(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT)).hasCandidateGroup("cqc");
  }

  @Test
  void aLateConductComplaintNotConsideredEndsItsInvestigationToo() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 25), 9, 0);
    ProcessInstance complaint = record(reference, body("2026-03-25", "conduct", "The inspector was rude.", "cqc"));
    ProcessInstance conduct = conductOf(complaint);

    tasks.complete(task(complaint.getId(), TASK_DECIDE_LATE_COMPLAINT).getId(),
        Map.of(VAR_LATE_CONSIDERED, false, VAR_LATE_REASON, "Months after publication."));

    assertThat(complaint).isEnded().hasPassed(END_NOT_CONSIDERED);
    assertThat(conduct).isEnded();
  }
}
