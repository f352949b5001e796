package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.complaint.ComplaintProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionTeam;

/**
 * Each framework's complaints follow its own procedure, with its own inspectorates: the Ofsted targeted inspection
 * Ofsted's published procedure with no partner steps (paragraphs 96-97), the 2009 inspection its paragraph 73 (every
 * complaint first assessed) with CQC as the only partner, the 2024 JTAI Annex C with CQC and HMICFRS only.
 */
@EngineTest
class ComplaintFrameworkProcedureTest extends ComplaintTestSupport {

  private void refused(String reference, Map<String, Object> body, String field, String... contains) {
    ResponseEntity<JsonNode> response = post("complaints-officer", reference, body);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
    assertThat(response.getBody().toString()).contains(field).contains(contains);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(reference)
        .count()).isZero();
  }

  private static Map<String, Object> conduct(String inspectorate) {
    Map<String, Object> body = body("2026-03-03", "conduct", null, inspectorate);
    body.put("conductDetails", "The inspector was rude.");
    return body;
  }

  private List<String> groupsOf(List<Task> found) {
    return found.stream().map(t -> tasks.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId()).toList();
  }

  @Test
  void aTargetedInspectionsComplaintFollowsOfstedsOwnProcedureWithoutPartnerSteps() {
    String reference = "OTA-" + newReference();
    inspectionOf("ofsted-targeted-2016", reference, null, null, null);
    clock(LocalDate.of(2026, 3, 9), 11, 0);
    Map<String, Object> body = body("2026-03-09", "both", "The findings ignore our evidence.", "ofsted");
    body.put("conductDetails", "The inspector was dismissive.");

    // Paragraphs 96-97 set no time limit: a complaint during the inspection is recorded, not refused as too early.
    ProcessInstance complaint = record(reference, body);

    assertThat(runtime.getVariable(complaint.getId(), VAR_EDITION)).isEqualTo("ofsted-2016");
    assertThat(runtime.getVariable(complaint.getId(), VAR_WINDOW)).isEqualTo(WINDOW_IN_TIME);
    assertThat((String) runtime.getVariable(complaint.getId(), VAR_WINDOW_RULE)).contains("paragraphs 96-97");
    assertThat((String) runtime.getVariable(complaint.getId(), VAR_EXPECTED_DEADLINES))
        .doesNotContain("Written comments", "Comments on the draft");
    complete(complaint.getId(), TASK_DECIDE_BOTH_HANDLING, Map.of(VAR_CONDUCT_HANDLING, HANDLING_SEPARATELY,
        VAR_CONDUCT_MAY_AFFECT_FINDINGS, "yes", "conductHandlingReason", "It may have affected the evidence."));
    complete(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR, Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));
    complete(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT, Map.of(VAR_ACKNOWLEDGEMENT_SENT, true));
    assertThat(taskList(complaint.getId(), TASK_LEAD_INSPECTOR_COMMENTS)).isEmpty();
    complete(complaint.getId(), TASK_INVESTIGATE_COMPLAINT, Map.of("finalResponse", "Response."));
    // Ofsted's own procedure: nobody else to share the response with, so no sharing is asked for.
    complete(complaint.getId(), TASK_SIGN_OFF_RESPONSE, Map.of(VAR_RESPONSE_SENT, true, VAR_COMPLAINT_UPHELD, "no"));
    ProcessInstance conduct = conductOf(complaint);
    assertThat(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT)).hasCandidateGroup("ofsted");
    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT).getId());
    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT).getId(),
        Map.of(ComplaintConductProcess.VAR_CONDUCT_UPHELD, true, ComplaintConductProcess.VAR_CONDUCT_FINDINGS, "Upheld."));

    // No inspectorate besides Ofsted took part: nobody else is consulted on the robustness of the findings.
    assertThat(taskList(complaint.getId(), TASK_CONSULT_ON_ROBUSTNESS)).isEmpty();
    assertThat(complaint).hasPassed(TASK_INVESTIGATE_COMPLAINT).hasNotPassed(TASK_LEAD_INSPECTOR_COMMENTS,
        TASK_DRAFT_RESPONSE, TASK_COMMENT_ON_DRAFT);
  }

  /** SLAC 8, 2024 33: the steps cite the paragraphs of each procedure. */
  @Test
  void theStepsCiteEachProceduresParagraphs() {
    var complaint = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId());
    var conduct = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(ComplaintConductProcess.KEY).latestVersion().singleResult()
        .getId());
    assertThat(uk.jointinspections.calendar.DeadlineDefinition.of(
        (org.camunda.bpm.model.bpmn.instance.BaseElement) complaint.getModelElementById(TASK_SEND_ACKNOWLEDGEMENT))
        .paragraph()).contains("73 (2009, Ofsted's published complaints procedure)", "97 (Ofsted targeted 2016");
    assertThat(uk.jointinspections.calendar.DeadlineDefinition.of(
        (org.camunda.bpm.model.bpmn.instance.BaseElement) conduct.getModelElementById(
            ComplaintConductProcess.TASK_RECORD_CONDUCT_DETAILS)).paragraph())
        .contains("Annex C 123 (2024)");
    assertThat(((org.camunda.bpm.model.bpmn.instance.FlowElement) complaint.getModelElementById(TASK_INVESTIGATE_COMPLAINT))
        .getName()).doesNotContain("with the other inspectorates");
  }

  @Test
  void aConductComplaintGoesOnlyToAnInspectorateThatTookPart() {
    String targeted = "OTA-" + newReference();
    inspectionOf("ofsted-targeted-2016", targeted, LocalDate.of(2026, 3, 2), null, null);
    String jtai2024 = "J24-" + newReference();
    inspectionOf("jtai-2024", jtai2024, LocalDate.of(2026, 3, 2), null, null);
    String slac = "SLAC-" + newReference();
    inspectionOf("slac-2009", slac, LocalDate.of(2026, 3, 2), null, null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);

    refused(targeted, conduct("cqc"), "conductInspectorate",
        "'cqc' took no part", "its inspectorates are ofsted");
    refused(jtai2024, conduct("hmi-probation"), "conductInspectorate",
        "'hmi-probation' took no part", "ofsted, cqc, hmicfrs");
    refused(slac, conduct("hmicfrs"), "conductInspectorate",
        "'hmicfrs' took no part", "ofsted, cqc");

    ProcessInstance complaint = record(jtai2024, conduct("hmicfrs"));
    assertThat(task(conductOf(complaint).getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT))
        .hasCandidateGroup("hmicfrs");
  }

  @Test
  void theProcedureIsTheFrameworksAndCannotBeChosen() {
    String targeted = "OTA-" + newReference();
    inspectionOf("ofsted-targeted-2016", targeted, LocalDate.of(2026, 3, 2), null, null);
    String slac = "SLAC-" + newReference();
    inspectionOf("slac-2009", slac, LocalDate.of(2026, 3, 2), null, null);
    String jtai = newReference();
    inspection(jtai, LocalDate.of(2026, 3, 2), null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);

    Map<String, Object> as2017 = body("2026-03-03", "process-outcome", "Wrong findings.", null);
    as2017.put("complaintEdition", "2017");
    refused(targeted, as2017, "complaintEdition", "ofsted-targeted-2016 inspection", "follow procedure ofsted-2016");
    refused(slac, as2017, "complaintEdition", "follow procedure 2009");
    Map<String, Object> as2024 = body("2026-03-03", "process-outcome", "Wrong findings.", null);
    as2024.put("complaintEdition", "2024");
    refused(jtai, as2024, "complaintEdition", "jtai-2017 inspection", "follow procedure 2017");

    Map<String, Object> withhold = body("2026-03-03", "process-outcome", "Wrong findings.", null);
    withhold.put("withholdOrWithdrawRequested", true);
    withhold.put("exceptionalCircumstances", "A child is named.");
    refused(targeted, withhold, "withholdOrWithdrawRequested", "paragraphs 96-97", "no procedure to withhold");
    refused(slac, withhold, "withholdOrWithdrawRequested", "paragraph 59", "irrespective of appeals or complaints");

    Map<String, Object> asItsOwn = body("2026-03-03", "process-outcome", "Wrong findings.", null);
    asItsOwn.put("complaintEdition", "2009");
    assertThat(runtime.getVariable(record(slac, asItsOwn).getId(), VAR_EDITION)).isEqualTo("2009");
  }

  /** Annex D: the written comments go to the partner inspectorates' inspectors on this inspection (group for cover). */
  @Test
  void theLeadInspectorsCommentsAreOfferedToEachPartnersNamedInspectors() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), null,
        InspectionTeam.of(List.of("cqc-lead", "hmicfrs-lead", "ofsted-inspector")));
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    ProcessInstance complaint = record(reference, body("2026-03-03", "process-outcome", "Wrong findings.", null));
    complete(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR, Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));
    complete(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT, Map.of(VAR_ACKNOWLEDGEMENT_SENT, true));

    Map<String, List<String>> usersByGroup = new java.util.HashMap<>();
    for (Task comments : taskList(complaint.getId(), TASK_LEAD_INSPECTOR_COMMENTS)) {
      var links = tasks.getIdentityLinksForTask(comments.getId());
      String group = links.stream().filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
      usersByGroup.put(group, links.stream().filter(l -> l.getUserId() != null).map(l -> l.getUserId()).toList());
    }
    assertThat(usersByGroup).containsOnlyKeys("cqc", "hmicfrs", "hmi-probation")
        .containsEntry("cqc", List.of("cqc-lead")).containsEntry("hmicfrs", List.of("hmicfrs-lead"))
        .containsEntry("hmi-probation", List.of());
  }

  /** JTAI 2017 paragraph 102: a complaint about one inspectorate's own work is raised with that inspectorate. */
  @Test
  void aComplaintAboutOneInspectoratesOwnWorkIsReferredToItOrFollowsOfstedsProcedure() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), null);
    String jtai2024 = "J24-" + newReference();
    inspectionOf("jtai-2024", jtai2024, LocalDate.of(2026, 3, 2), null, null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    Map<String, Object> aboutCqc = body("2026-03-03", "process-outcome", "CQC's health findings are wrong.", null);
    aboutCqc.put("relatesTo", "cqc");
    Map<String, Object> aboutOfsted = body("2026-03-03", "process-outcome", "Ofsted's social care findings are wrong.", null);
    aboutOfsted.put("relatesTo", "ofsted");
    Map<String, Object> aboutProbation = body("2026-03-03", "process-outcome", "Probation's findings are wrong.", null);
    aboutProbation.put("relatesTo", "hmi-probation");
    refused(jtai2024, aboutProbation, "relatesTo", "use joint-arrangements or one of ofsted, cqc, hmicfrs");

    ProcessInstance referred = record(reference, aboutCqc);
    Task refer = task(referred.getId(), TASK_REFER_TO_INSPECTORATE);
    assertThat(refer).hasCandidateGroup("cqc");
    assertThat(taskList(referred.getId(), TASK_APPOINT_LEAD_INVESTIGATOR)).isEmpty();
    assertThat(runtime.getVariable(referred.getId(), VAR_RELATES_TO_TEXT)).isEqualTo("CQC's own work");
    tasks.complete(refer.getId(), Map.of(VAR_INSPECTORATE_RECEIVED_ON, "2026-03-04"));
    assertThat(referred).isWaitingAt(TASK_RECORD_LEARNING_OUTCOMES).hasNotPassed(TASK_SEND_ACKNOWLEDGEMENT);

    ProcessInstance ofsted = record(reference, aboutOfsted);
    assertThat((String) runtime.getVariable(ofsted.getId(), VAR_EXPECTED_DEADLINES)).doesNotContain("Written comments");
    complete(ofsted.getId(), TASK_APPOINT_LEAD_INVESTIGATOR, Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));
    complete(ofsted.getId(), TASK_SEND_ACKNOWLEDGEMENT, Map.of(VAR_ACKNOWLEDGEMENT_SENT, true));
    assertThat(ofsted).isWaitingAt(TASK_INVESTIGATE_COMPLAINT);
    assertThat(taskList(ofsted.getId(), TASK_LEAD_INSPECTOR_COMMENTS)).isEmpty();
  }

  /** 2024 Annex C 126: every complaint about both is considered for the findings, with CQC and HMICFRS only. */
  @Test
  void in2024EveryComplaintAboutBothIsConsultedOnWithCqcAndHmicfrsOnly() {
    String reference = "J24-" + newReference();
    inspectionOf("jtai-2024", reference, LocalDate.of(2026, 3, 2), null, null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    Map<String, Object> body = body("2026-03-03", "both", "Wrong findings.", "cqc");
    body.put("conductDetails", "The inspector was dismissive.");
    ProcessInstance complaint = record(reference, body);

    complete(complaint.getId(), TASK_DECIDE_BOTH_HANDLING, Map.of(VAR_CONDUCT_HANDLING, HANDLING_SEPARATELY,
        VAR_CONDUCT_MAY_AFFECT_FINDINGS, "no", "conductHandlingReason", "A separate matter."));
    complete(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR, Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));
    complete(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT, Map.of(VAR_ACKNOWLEDGEMENT_SENT, true));
    complete(complaint.getId(), TASK_INVESTIGATE_COMPLAINT, Map.of("finalResponse", "Response."));
    complete(complaint.getId(), TASK_SIGN_OFF_RESPONSE,
        Map.of(VAR_RESPONSE_SHARED, true, VAR_RESPONSE_SENT, true, VAR_COMPLAINT_UPHELD, "no"));
    complete(complaint.getId(), TASK_INFORM_CONDUCT_RECEIVED, Map.of("inspectoratesToldOfConductComplaint", true));
    ProcessInstance conduct = conductOf(complaint);
    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT).getId());
    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT).getId(),
        Map.of(ComplaintConductProcess.VAR_CONDUCT_UPHELD, false, ComplaintConductProcess.VAR_CONDUCT_FINDINGS, "No."));

    List<Task> consult = taskList(complaint.getId(), TASK_CONSULT_ON_ROBUSTNESS);
    assertThat(groupsOf(consult)).containsExactlyInAnyOrder("cqc", "hmicfrs");
    consult.forEach(t -> tasks.complete(t.getId(), Map.of("robustnessView", "The findings stand.")));
    complete(complaint.getId(), TASK_INFORM_CONDUCT_OUTCOME, Map.of());
    // The 2024 guidance has no learning-outcomes step: Ofsted's practice, recorded if there are any.
    complete(complaint.getId(), TASK_RECORD_LEARNING_OUTCOMES, Map.of());
    assertThat(complaint).isEnded();
  }

  /** 2024 Annex C 124: an upheld conduct complaint's implications for the findings are considered. */
  @Test
  void in2024AnUpheldConductOnlyComplaintIsConsideredForTheFindings() {
    String reference = "J24-" + newReference();
    inspectionOf("jtai-2024", reference, LocalDate.of(2026, 3, 2), null, null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    ProcessInstance upheld = record(reference, conduct("cqc"));
    ProcessInstance notUpheld = record(reference, conduct("hmicfrs"));

    for (ProcessInstance complaint : List.of(upheld, notUpheld)) {
      complete(complaint.getId(), TASK_INFORM_CONDUCT_RECEIVED, Map.of("inspectoratesToldOfConductComplaint", true));
      ProcessInstance conduct = conductOf(complaint);
      tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT).getId());
      tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT).getId(),
          Map.of(ComplaintConductProcess.VAR_CONDUCT_UPHELD, complaint == upheld,
              ComplaintConductProcess.VAR_CONDUCT_FINDINGS, "Findings."));
    }

    assertThat(groupsOf(taskList(upheld.getId(), TASK_CONSULT_ON_ROBUSTNESS))).containsExactlyInAnyOrder("cqc", "hmicfrs");
    assertThat(taskList(notUpheld.getId(), TASK_CONSULT_ON_ROBUSTNESS)).isEmpty();
  }

  /** 2009 paragraph 73: every complaint, conduct included, is first assessed by Ofsted; CQC is the only partner. */
  @Test
  void under2009AConductComplaintIsFirstAssessedAndResolvedWithoutAnInvestigation() {
    String reference = "SLAC-" + newReference();
    inspectionOf("slac-2009", reference, null, null, null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    ProcessInstance resolved = record(reference, conduct("cqc"));
    ProcessInstance investigated = record(reference, conduct("cqc"));

    for (ProcessInstance complaint : List.of(resolved, investigated)) {
      assertThat(task(complaint.getId(), TASK_INITIAL_ASSESSMENT)).hasCandidateGroup("complaints-team");
      assertThat(conductOf(complaint)).isWaitingAt(ComplaintConductProcess.MSG_RELEASED);
    }
    ProcessInstance resolvedConduct = conductOf(resolved);
    complete(resolved.getId(), TASK_INITIAL_ASSESSMENT, Map.of(VAR_RESOLVED_EARLY, "yes", "initialAssessment", "Apology."));
    assertThat(resolvedConduct).isEnded().hasPassed(ComplaintConductProcess.END_RESOLVED_EARLY)
        .hasNotPassed(ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT);
    assertThat(resolved).isWaitingAt(TASK_RECORD_LEARNING_OUTCOMES);

    complete(investigated.getId(), TASK_INITIAL_ASSESSMENT, Map.of(VAR_RESOLVED_EARLY, "no", "initialAssessment", "No."));
    assertThat(conductOf(investigated)).isWaitingAt(ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT);
    assertThat(taskList(investigated.getId(), TASK_APPOINT_LEAD_INVESTIGATOR)).isEmpty();
  }

  @Test
  void under2009TheRobustnessConsultationGoesToCqcOnly() {
    String reference = "SLAC-" + newReference();
    inspectionOf("slac-2009", reference, null, null, null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    Map<String, Object> body = body("2026-03-03", "both", "Wrong judgement.", "ofsted");
    body.put("conductDetails", "The inspector was dismissive.");
    ProcessInstance complaint = record(reference, body);

    complete(complaint.getId(), TASK_DECIDE_BOTH_HANDLING, Map.of(VAR_CONDUCT_HANDLING, HANDLING_SEPARATELY,
        VAR_CONDUCT_MAY_AFFECT_FINDINGS, "yes", "conductHandlingReason", "It may have affected the evidence."));
    ProcessInstance conduct = conductOf(complaint);
    assertThat(conduct).isWaitingAt(ComplaintConductProcess.MSG_RELEASED);
    complete(complaint.getId(), TASK_INITIAL_ASSESSMENT, Map.of(VAR_RESOLVED_EARLY, "no", "initialAssessment", "No."));
    complete(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR, Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));
    complete(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT, Map.of(VAR_ACKNOWLEDGEMENT_SENT, true));
    complete(complaint.getId(), TASK_INVESTIGATE_COMPLAINT, Map.of("finalResponse", "Response."));
    complete(complaint.getId(), TASK_SIGN_OFF_RESPONSE, Map.of(VAR_RESPONSE_SENT, true, VAR_COMPLAINT_UPHELD, "no"));
    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT).getId());
    tasks.complete(task(conduct.getId(), ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT).getId(),
        Map.of(ComplaintConductProcess.VAR_CONDUCT_UPHELD, true, ComplaintConductProcess.VAR_CONDUCT_FINDINGS, "Upheld."));

    assertThat(groupsOf(taskList(complaint.getId(), TASK_CONSULT_ON_ROBUSTNESS))).containsExactly("cqc");
  }
}
