package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.complaint.ComplaintProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.PublicationHold;

/**
 * Annex D (2016/2017) and Annex C 121 (2024): an agreed request to withhold or withdraw publication holds the
 * inspection's publication, a published letter is withdrawn, and the complaints manager lifts the hold (republishing
 * a withdrawn letter). The inspection side is the contract's gateway, boundary and catch event: here a probe diagram
 * under the inspection's key, deployed for the test only, or the real jtai diagram, which is told by its variables.
 */
@EngineTest
class PublicationHoldTest extends ComplaintTestSupport {

  @Autowired PublicationHold hold;

  private static Map<String, Object> withdrawal(String receivedOn) {
    Map<String, Object> body = body(receivedOn, "process-outcome", "The letter names a child's school.", null);
    body.put("withholdOrWithdrawRequested", true);
    body.put("exceptionalCircumstances", "A child is identifiable from the letter.");
    return body;
  }

  private void completeAs(String user, List<String> groups, String taskId, Map<String, Object> variables) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      tasks.complete(taskId, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void agree(ProcessInstance complaint) {
    completeAs("complaints-manager", List.of("ofsted", "complaints-manager"),
        task(complaint.getId(), TASK_DECIDE_WITHHOLD_WITHDRAW).getId(), Map.of(VAR_VIEWS_SOUGHT, true,
            VAR_EXCEPTIONAL_FOUND, "yes", VAR_WITHHOLD_REASON, "A child is identifiable."));
  }

  @Test
  void anAgreedRequestHoldsTheUnpublishedLetterUntilTheComplaintsManagerLiftsTheHold() {
    String reference = newReference();
    String jtai = inspection(reference, LocalDate.of(2026, 3, 2), null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    ProcessInstance complaint = record(reference, withdrawal("2026-03-03"));

    agree(complaint);

    Map<String, Object> inspection = runtime.getVariables(jtai);
    assertThat(inspection).containsEntry(PublicationHold.VAR_WITHHELD, true)
        .containsEntry(PublicationHold.VAR_WITHHELD_BY, "complaints-manager")
        .containsEntry(PublicationHold.VAR_REASON, "A child is identifiable.")
        .containsEntry(PublicationHold.VAR_COMPLAINT, complaint.getId());
    assertThat((Date) inspection.get(PublicationHold.VAR_WITHHELD_AT)).isEqualTo(at(LocalDate.of(2026, 3, 3), 10, 0));
    // The real diagram: the editors' publication step is taken away while the hold lasts.
    ProcessInstance held = runtime.createProcessInstanceQuery().processInstanceId(jtai).singleResult();
    assertThat(held).isWaitingAtExactly(JtaiProcess.EVENT_PUBLICATION_RESUMED)
        .hasPassed(JtaiProcess.BOUNDARY_PUBLICATION_WITHHELD);
    assertThat(taskList(jtai, JtaiProcess.TASK_PUBLISH_LETTER)).isEmpty();
    assertThat(runtime.getVariable(complaint.getId(), VAR_LETTER_WITHDRAWN)).isEqualTo(false);
    assertThat(taskList(complaint.getId(), TASK_WITHDRAW_LETTER)).isEmpty();
    Task lift = task(complaint.getId(), TASK_LIFT_PUBLICATION_HOLD);
    assertThat(lift).hasCandidateGroup("complaints-manager");
    assertThat(hold.withheld(reference)).isTrue();

    // Who lifted it is recorded: nobody signed in, no lifting.
    assertThatThrownBy(() -> tasks.complete(lift.getId(), Map.of(VAR_HOLD_LIFT_REASON, "The school is no longer named.")))
        .hasMessageContaining(VAR_HOLD_LIFTED_BY);
    clock(LocalDate.of(2026, 3, 5), 14, 0);
    completeAs("complaints-manager", List.of("ofsted", "complaints-manager"), lift.getId(),
        Map.of(VAR_HOLD_LIFT_REASON, "The school is no longer named."));

    assertThat(runtime.getVariables(jtai)).containsEntry(PublicationHold.VAR_WITHHELD, false)
        .containsEntry(PublicationHold.VAR_RESUMED_BY, "complaints-manager")
        .containsEntry(PublicationHold.VAR_RESUME_REASON, "The school is no longer named.")
        .containsEntry(PublicationHold.VAR_RESUMED_AT, at(LocalDate.of(2026, 3, 5), 14, 0));
    assertThat(taskList(complaint.getId(), TASK_REPUBLISH_LETTER)).isEmpty();
    assertThat(held).isWaitingAtExactly(JtaiProcess.TASK_PUBLISH_LETTER);
    assertThat(complaint).hasPassed(TASK_WITHHOLD_PUBLICATION, TASK_RESUME_PUBLICATION)
        .hasNotPassed(TASK_WITHDRAW_LETTER, TASK_REPUBLISH_LETTER);
  }

  @Test
  void anAgreedRequestAfterPublicationHasTheLetterWithdrawnAndThenRepublished() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 5), 10, 0);
    ProcessInstance complaint = record(reference, withdrawal("2026-03-05"));

    agree(complaint);

    assertThat(runtime.getVariable(complaint.getId(), VAR_LETTER_WITHDRAWN)).isEqualTo(true);
    Task withdraw = task(complaint.getId(), TASK_WITHDRAW_LETTER);
    assertThat(withdraw).hasCandidateGroup("editors");
    assertThatThrownBy(() -> tasks.complete(withdraw.getId(), Map.of(VAR_WITHDRAWN_ON, "2026-03-05")))
        .hasMessageContaining(VAR_WITHDRAWN_ADDRESS);
    tasks.complete(withdraw.getId(), Map.of(VAR_WITHDRAWN_ON, "2026-03-05",
        VAR_WITHDRAWN_ADDRESS, "https://reports.example/" + reference));
    completeAs("complaints-manager", List.of("ofsted", "complaints-manager"),
        task(complaint.getId(), TASK_LIFT_PUBLICATION_HOLD).getId(), Map.of(VAR_HOLD_LIFT_REASON, "Redacted."));
    Task republish = task(complaint.getId(), TASK_REPUBLISH_LETTER);
    assertThat(republish).hasCandidateGroup("editors");
    tasks.complete(republish.getId(), Map.of(VAR_REPUBLISHED_ADDRESS, "https://reports.example/" + reference + "-v2"));
    assertThat(complaint).hasPassedInOrder(TASK_WITHHOLD_PUBLICATION, TASK_WITHDRAW_LETTER,
        TASK_LIFT_PUBLICATION_HOLD, TASK_RESUME_PUBLICATION, TASK_REPUBLISH_LETTER);
  }

  @Test
  void aRefusedRequestChangesNothingInTheInspection() {
    String reference = newReference();
    String jtai = inspection(reference, LocalDate.of(2026, 3, 2), null);
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    ProcessInstance complaint = record(reference, withdrawal("2026-03-03"));

    tasks.complete(task(complaint.getId(), TASK_DECIDE_WITHHOLD_WITHDRAW).getId(), Map.of(VAR_VIEWS_SOUGHT, true,
        VAR_EXCEPTIONAL_FOUND, "no", VAR_WITHHOLD_REASON, "Nothing identifies a child."));

    assertThat(runtime.getVariables(jtai)).doesNotContainKeys(PublicationHold.VAR_WITHHELD, PublicationHold.VAR_WITHHELD_BY);
    assertThat(taskList(complaint.getId(), TASK_LIFT_PUBLICATION_HOLD)).isEmpty();
    assertThat(task(jtai, uk.jointinspections.inspection.JtaiProcess.TASK_PUBLISH_LETTER)).isNotNull();
  }

  /** Annex D: "Ofsted will seek the views of the lead inspectors from all other inspectorates": theirs to give. */
  @Test
  void theOtherInspectoratesGiveTheirOwnViewsAndTheDecisionDoesNotWaitForThem() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), null,
        uk.jointinspections.inspection.InspectionTeam.of(List.of("cqc-lead")));
    clock(LocalDate.of(2026, 3, 3), 10, 0);
    ProcessInstance early = record(reference, withdrawal("2026-03-03"));
    ProcessInstance heard = record(reference, withdrawal("2026-03-03"));

    List<Task> views = taskList(early.getId(), TASK_GIVE_VIEWS_ON_WITHHOLD);
    Task decision = task(early.getId(), TASK_DECIDE_WITHHOLD_WITHDRAW);
    assertThat(views).hasSize(3).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(decision.getDueDate()));
    Task cqc = views.stream().filter(t -> tasks.getIdentityLinksForTask(t.getId()).stream()
        .anyMatch(l -> "cqc".equals(l.getGroupId()))).findFirst().orElseThrow();
    assertThat(cqc).hasCandidateUser("cqc-lead");
    tasks.complete(cqc.getId(), Map.of("withholdViews", "Withhold: the school is named."));
    tasks.complete(decision.getId(), Map.of(VAR_EXCEPTIONAL_FOUND, "no", VAR_WITHHOLD_REASON, "Nothing identifies a child."));

    // Decided before HMIC and HMI Probation answered: their tasks close, and they are advised of the decision.
    assertThat(taskList(early.getId(), TASK_GIVE_VIEWS_ON_WITHHOLD)).isEmpty();
    assertThat(runtime.getVariable(early.getId(), VAR_VIEWS_SOUGHT)).isEqualTo(false);
    assertThat(runtime.getVariable(early.getId(), VAR_PARTNER_VIEWS)).isEqualTo("CQC: Withhold: the school is named.");
    assertThat(task(early.getId(), TASK_ADVISE_INSPECTORATES_OF_DECISION)).isNotNull();

    taskList(heard.getId(), TASK_GIVE_VIEWS_ON_WITHHOLD).forEach(t -> tasks.complete(t.getId(),
        Map.of("withholdViews", "Do not withhold.")));
    assertThat(heard).hasPassed(TASK_GIVE_VIEWS_ON_WITHHOLD);
    tasks.complete(task(heard.getId(), TASK_DECIDE_WITHHOLD_WITHDRAW).getId(),
        Map.of(VAR_EXCEPTIONAL_FOUND, "no", VAR_WITHHOLD_REASON, "Nothing identifies a child."));
    assertThat(runtime.getVariable(heard.getId(), VAR_VIEWS_SOUGHT)).isEqualTo(true);
    assertThat((String) runtime.getVariable(heard.getId(), VAR_PARTNER_VIEWS)).contains("CQC: Do not withhold.",
        "HMIC: Do not withhold.", "HMI Probation: Do not withhold.");
    assertThat(taskList(heard.getId(), TASK_ADVISE_INSPECTORATES_OF_DECISION)).isEmpty();
  }

  /**
   * Annex C 121 of the 2024 JTAI: a withdrawal agreed before publication holds the real 2024 diagram at its
   * publication step, and lifting the hold gives the editors the step back.
   */
  @Test
  void a2024WithdrawalHoldsTheFrontDoorLetterUntilLifted() {
    String reference = newReference();
    String inspection = inspectionOf("jtai-2024", reference, LocalDate.of(2025, 12, 1), null, List.of());
    ProcessInstance jtai2024 = runtime.createProcessInstanceQuery().processInstanceId(inspection).singleResult();
    assertThat(jtai2024).isWaitingAt(Jtai2024Process.TASK_PUBLISH_LETTER);
    clock(LocalDate.of(2025, 12, 2), 10, 0);
    ProcessInstance complaint = record(reference, withdrawal("2025-12-02"));

    taskList(complaint.getId(), TASK_GIVE_VIEWS_ON_WITHHOLD)
        .forEach(t -> tasks.complete(t.getId(), Map.of("withholdViews", "Withdraw it.")));
    completeAs("national-director", List.of("ofsted", "ofsted-national-director"),
        task(complaint.getId(), TASK_DECIDE_WITHHOLD_WITHDRAW).getId(), Map.of(VAR_VIEWS_SOUGHT, true,
            VAR_EXCEPTIONAL_FOUND, true, VAR_WITHHOLD_REASON, "A child is identifiable.",
            VAR_REGIONAL_DIRECTOR_CONSULTED, "regional-director", VAR_PARTNERS_CONSULTED, true));

    assertThat(jtai2024).isWaitingAt(Jtai2024Process.EVENT_PUBLICATION_RESUMED);
    assertThat(taskList(inspection, Jtai2024Process.TASK_PUBLISH_LETTER)).isEmpty();
    assertThat(runtime.getVariable(inspection, PublicationHold.VAR_WITHHELD_BY)).isEqualTo("national-director");

    completeAs("complaints-manager", List.of("ofsted", "complaints-manager"),
        task(complaint.getId(), TASK_LIFT_PUBLICATION_HOLD).getId(), Map.of(VAR_HOLD_LIFT_REASON, "Redacted."));
    assertThat(jtai2024).isWaitingAt(Jtai2024Process.TASK_PUBLISH_LETTER);
    assertThat(complaint).hasNotPassed(TASK_WITHDRAW_LETTER);
  }
}
