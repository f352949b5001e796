package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.complaint.ComplaintProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

/** The 48-hour request to withhold or withdraw, the 2024 variant, and a complaint of both kinds. */
@EngineTest
class ComplaintWithdrawalAndBothTest extends ComplaintTestSupport {

  @Autowired FormService forms;
  @Autowired RepositoryService repository;

  /** Submits the complaint's start form as the complaints officer, as the Tasklist does. */
  private ProcessInstance startFromTheTasklist(Map<String, Object> fields) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
        .singleResult().getId();
    engine.getIdentityService().setAuthentication("complaints-officer", List.of("ofsted", "complaints-team"));
    try {
      return forms.submitStartForm(definition, fields);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static Map<String, Object> withdrawal(Map<String, Object> body) {
    body.put("withholdOrWithdrawRequested", true);
    body.put("exceptionalCircumstances", "The letter names a child's school.");
    return body;
  }

  @Test
  void aRequestMadeOnFridayAfternoonFallsDueOnSundayAfternoon() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 6), 15, 30);

    ProcessInstance complaint = record(reference,
        withdrawal(body("2026-03-06", "process-outcome", "The findings are wrong.", null)));

    Task decision = task(complaint.getId(), TASK_DECIDE_WITHHOLD_WITHDRAW);
    assertThat(decision).hasCandidateGroup("complaints-manager");
    assertThat(decision.getDueDate()).isEqualTo(at(LocalDate.of(2026, 3, 8), 15, 30));
    assertThat(task(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR)).isNotNull();

    clock(LocalDate.of(2026, 3, 8), 15, 29);
    assertThat(fireDueTimers(complaint.getId())).isZero();
    clock(LocalDate.of(2026, 3, 8), 15, 31);
    assertThat(fireDueTimers(complaint.getId())).isEqualTo(1);
    Task overdue = task(complaint.getId(), TASK_FOLLOW_UP_OVERDUE);
    assertThat(overdue).hasCandidateGroup("complaints-manager");
    assertThat(tasks.getVariable(overdue.getId(), VAR_OVERDUE_STEP_DUE)).isEqualTo("Sunday 8 March 2026 at 15:30");

    // Decided alone in a very urgent case: the other inspectorates are advised at the earliest opportunity.
    tasks.complete(decision.getId(), Map.of(VAR_VIEWS_SOUGHT, "no", VAR_EXCEPTIONAL_FOUND, "no",
        VAR_WITHHOLD_REASON, "The school is not named in a way that identifies a child."));
    assertThat(runtime.getVariable(complaint.getId(), VAR_WITHHOLD_DECISION_TEXT)).asString().startsWith("not agreed");
    Task advise = task(complaint.getId(), TASK_ADVISE_INSPECTORATES_OF_DECISION);
    assertThat(advise).hasCandidateGroup("complaints-team");
    // One working day from a Sunday: the calendar counts a non-working day 0 from the next working day, Monday.
    assertThat(advise.getDueDate()).isEqualTo(endOf("2026-03-10"));
    tasks.complete(advise.getId(), Map.of("inspectoratesAdvised", true));
    assertThat(complaint).isWaitingAt(TASK_APPOINT_LEAD_INVESTIGATOR, TASK_FOLLOW_UP_OVERDUE);
  }

  @Test
  void in2024TheNationalDirectorDecidesAndTheAcknowledgementStatesTheDecision() {
    String reference = "J24-" + newReference();
    inspectionOf("jtai-2024", reference, LocalDate.of(2026, 3, 2), null, null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    // HMICFRS: HMI Probation takes no part in a 2024 JTAI (Annex C 123; refused otherwise).
    Map<String, Object> body = withdrawal(body("2026-03-03", "both", "Wrong findings.", "hmicfrs"));
    body.put("conductDetails", "The inspector was dismissive.");

    ProcessInstance complaint = record(reference, body);

    assertThat(runtime.getVariable(complaint.getId(), VAR_WINDOW)).isEqualTo(WINDOW_IN_TIME);
    tasks.complete(task(complaint.getId(), TASK_DECIDE_BOTH_HANDLING).getId(), Map.of(VAR_CONDUCT_HANDLING, HANDLING_SEPARATELY,
        VAR_CONDUCT_MAY_AFFECT_FINDINGS, "no", "conductHandlingReason", "Confidential performance matter."));
    Task decision = task(complaint.getId(), TASK_DECIDE_WITHHOLD_WITHDRAW);
    assertThat(decision).hasCandidateGroup("ofsted-national-director");
    assertThat(decision.getDueDate()).isEqualTo(endOf("2026-03-10"));
    Task received = task(complaint.getId(), TASK_INFORM_CONDUCT_RECEIVED);
    assertThat(received.getDueDate()).isEqualTo(endOf("2026-03-10"));
    // The conduct part went to HMICFRS's confidential investigation when the complaint was recorded.
    ProcessInstance conduct = conductOf(complaint);
    assertThat(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT))
        .hasCandidateGroup("hmicfrs");
    assertThat(runtime.getVariable(conduct.getId(), VAR_CONDUCT_DETAILS)).isEqualTo("The inspector was dismissive.");
    assertThat(runtime.getVariables(complaint.getId())).containsEntry(VAR_TEXT, "Wrong findings.")
        .doesNotContainKey(VAR_CONDUCT_DETAILS);

    tasks.complete(task(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR).getId(), Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));
    String acknowledgement = task(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT).getId();
    assertThatThrownBy(() -> tasks.complete(acknowledgement, Map.of("acknowledgementSent", true)))
        .hasMessageContaining("the National Director has not decided it yet");
    // Annex C 121: after discussion with the Regional Director and, where possible, CQC and HMICFRS, who give
    // their own views (Annex D J6 task).
    List<Task> views = taskList(complaint.getId(), TASK_GIVE_VIEWS_ON_WITHHOLD);
    assertThat(views).extracting(t -> tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("cqc", "hmicfrs");
    views.forEach(t -> tasks.complete(t.getId(), Map.of("withholdViews", "Withdraw it.")));
    assertThatThrownBy(() -> tasks.complete(decision.getId(), Map.of(VAR_VIEWS_SOUGHT, true, VAR_EXCEPTIONAL_FOUND, true,
        VAR_WITHHOLD_REASON, "A child is identifiable.", VAR_REGIONAL_DIRECTOR_CONSULTED, "cqc-lead",
        VAR_PARTNERS_CONSULTED, true))).hasMessageContaining("not an Ofsted Regional Director");
    tasks.complete(decision.getId(), Map.of(VAR_VIEWS_SOUGHT, true, VAR_EXCEPTIONAL_FOUND, true,
        VAR_WITHHOLD_REASON, "A child is identifiable.", VAR_REGIONAL_DIRECTOR_CONSULTED, "regional-director",
        VAR_PARTNERS_CONSULTED, true));
    assertThat(runtime.getVariable(complaint.getId(), VAR_WITHHOLD_DECISION_TEXT)).asString().startsWith("agreed");
    tasks.complete(acknowledgement, Map.of("acknowledgementSent", true));
    // Agreed: publication is withheld until the complaints manager lifts the hold (PublicationHoldTest).
    engine.getIdentityService().setAuthentication("complaints-manager", List.of("ofsted", "complaints-manager"));
    try {
      tasks.complete(task(complaint.getId(), TASK_LIFT_PUBLICATION_HOLD).getId(),
          Map.of(VAR_HOLD_LIFT_REASON, "The child's school is no longer named."));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    // 2024 has no milestones between the acknowledgement and the final response; day 30 is Thursday 16 April, after
    // Good Friday and Easter Monday.
    // the acknowledgement and the final response on day 30.
    Task investigate = task(complaint.getId(), TASK_INVESTIGATE_COMPLAINT);
    assertThat(investigate.getDueDate()).isEqualTo(endOf("2026-04-16"));
    assertThat(taskList(complaint.getId(), TASK_LEAD_INSPECTOR_COMMENTS)).isEmpty();
    tasks.complete(investigate.getId(), Map.of("finalResponse", "Response."));
    tasks.complete(task(complaint.getId(), TASK_SIGN_OFF_RESPONSE).getId(),
        Map.of(VAR_RESPONSE_SHARED, true, VAR_RESPONSE_SENT, true, VAR_COMPLAINT_UPHELD, "yes"));
    tasks.complete(received.getId(), Map.of("inspectoratesToldOfConductComplaint", true));

    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT).getId());
    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT).getId(),
        Map.of(ComplaintConductProcess.VAR_CONDUCT_UPHELD, "no", ComplaintConductProcess.VAR_CONDUCT_FINDINGS, "No evidence."));

    // 2024 (Annex C 126): a complaint about both is always considered for the findings, with CQC and HMICFRS.
    List<Task> consult = taskList(complaint.getId(), TASK_CONSULT_ON_ROBUSTNESS);
    assertThat(consult).extracting(t -> tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("cqc", "hmicfrs");
    consult.forEach(t -> tasks.complete(t.getId(), Map.of("robustnessView", "The findings stand.")));
    // 2024: all inspectorates are told within 30 working days whether it was upheld.
    Task outcome = task(complaint.getId(), TASK_INFORM_CONDUCT_OUTCOME);
    assertThat(outcome.getDueDate()).isEqualTo(endOf("2026-04-16"));
    assertThat(runtime.getVariable(complaint.getId(), VAR_CONDUCT_UPHELD)).isEqualTo(false);
    tasks.complete(outcome.getId());
    tasks.complete(task(complaint.getId(), TASK_RECORD_LEARNING_OUTCOMES).getId(), Map.of(VAR_LEARNING_OUTCOMES, "None."));
    assertThat(complaint).isEnded().hasPassed(CALL_CONDUCT_INVESTIGATION, TASK_INFORM_CONDUCT_RECEIVED,
        TASK_INFORM_CONDUCT_OUTCOME, TASK_CONSULT_ON_ROBUSTNESS).hasNotPassed(TASK_DRAFT_RESPONSE);
  }

  /**
   * Both kinds, 2017, made on Friday 22 May 2026 before the spring bank holiday: day 5 is Monday 1 June, day 10 Monday
   * 8 June, day 30 Monday 6 July. Recorded from the Tasklist's start form, without the conduct part: HMICFRS records
   * that in its own task. The complaints team decides it is answered separately; its outcome may affect the findings,
   * so the other inspectorates are consulted once it is known.
   */
  @Test
  void bothKindsWithConductSeparatelyAndTheInspectoratesConsultedOnRobustness() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 20));
    clock(LocalDate.of(2026, 5, 22), 16, 0);

    ProcessInstance complaint = startFromTheTasklist(Map.of(VAR_INSPECTION_REFERENCE, reference,
        VAR_RECEIVED_ON, "2026-05-22", VAR_KIND, "both", VAR_CONDUCT_INSPECTORATE, "hmicfrs",
        VAR_TEXT, "The findings on missing children are wrong.", VAR_WITHHOLD_REQUESTED, false));

    ProcessInstance conduct = conductOf(complaint);
    assertThat(conduct).isWaitingAt(ComplaintConductProcess.TASK_RECORD_CONDUCT_DETAILS);
    Task handling = task(complaint.getId(), TASK_DECIDE_BOTH_HANDLING);
    assertThat(handling).hasCandidateGroup("complaints-team");
    assertThat(handling.getDueDate()).isEqualTo(endOf("2026-06-01"));
    tasks.complete(handling.getId(), Map.of(VAR_CONDUCT_HANDLING, HANDLING_SEPARATELY, VAR_CONDUCT_MAY_AFFECT_FINDINGS, "yes",
        "conductHandlingReason", "The hostility is said to have stopped evidence being gathered."));

    assertThat(complaint).isWaitingAt(TASK_APPOINT_LEAD_INVESTIGATOR, CALL_CONDUCT_INVESTIGATION);
    tasks.complete(task(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR).getId(), Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));
    tasks.complete(task(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT).getId(), Map.of("acknowledgementSent", true));
    List<Task> comments = taskList(complaint.getId(), TASK_LEAD_INSPECTOR_COMMENTS);
    assertThat(comments).hasSize(3).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOf("2026-06-08")));
    comments.forEach(t -> tasks.complete(t.getId()));
    tasks.complete(task(complaint.getId(), TASK_DRAFT_RESPONSE).getId());
    taskList(complaint.getId(), TASK_COMMENT_ON_DRAFT).forEach(t -> tasks.complete(t.getId()));
    tasks.complete(task(complaint.getId(), TASK_FINALISE_RESPONSE).getId());
    Task signOff = task(complaint.getId(), TASK_SIGN_OFF_RESPONSE);
    assertThat(signOff.getDueDate()).isEqualTo(endOf("2026-07-06"));
    tasks.complete(signOff.getId(), Map.of(VAR_RESPONSE_SHARED, true, VAR_RESPONSE_SENT, true, VAR_COMPLAINT_UPHELD, "no"));
    assertThat(complaint).isWaitingAt(CALL_CONDUCT_INVESTIGATION);

    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_RECORD_CONDUCT_DETAILS).getId(),
        Map.of(VAR_CONDUCT_DETAILS, "The inspector told the sergeant the force was 'hopeless'."));
    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT).getId());
    Task outcome = task(conduct.getId(), ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT);
    assertThat(outcome.getDueDate()).isEqualTo(endOf("2026-07-06"));
    clock(LocalDate.of(2026, 6, 10), 12, 0);
    tasks.complete(outcome.getId(), Map.of(ComplaintConductProcess.VAR_CONDUCT_UPHELD, true,
        ComplaintConductProcess.VAR_CONDUCT_FINDINGS, "Upheld."));

    List<Task> consult = taskList(complaint.getId(), TASK_CONSULT_ON_ROBUSTNESS);
    assertThat(consult).hasSize(3).extracting(t -> tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("cqc", "hmicfrs", "hmi-probation");
    Date fiveWorkingDaysLater = endOf("2026-06-17");
    assertThat(consult).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(fiveWorkingDaysLater));
    assertThat(tasks.getVariables(consult.get(0).getId())).containsEntry(VAR_CONDUCT_UPHELD, true)
        .doesNotContainKeys(ComplaintConductProcess.VAR_CONDUCT_FINDINGS, VAR_CONDUCT_DETAILS);
    consult.forEach(t -> tasks.complete(t.getId(), Map.of("robustnessView", "The findings stand.")));
    tasks.complete(task(complaint.getId(), TASK_RECORD_LEARNING_OUTCOMES).getId(), Map.of(VAR_LEARNING_OUTCOMES, "Noted."));
    assertThat(complaint).isEnded().hasPassedInOrder(TASK_DECIDE_BOTH_HANDLING, TASK_APPOINT_LEAD_INVESTIGATOR,
        TASK_SIGN_OFF_RESPONSE, TASK_CONSULT_ON_ROBUSTNESS, TASK_RECORD_LEARNING_OUTCOMES, END_CLOSED);
  }
}
