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
import uk.jointinspections.EngineTest;

/**
 * The process and outcome path of Annex D, walked with time travel for a complaint made on Friday 18 December 2026,
 * just before Christmas: 25 and 28 December (Boxing Day's substitute) and 1 January 2027 are bank holidays, so working
 * day 5 is Tuesday 29 December and day 30 is Wednesday 3 February 2027.
 */
@EngineTest
class ComplaintProcessOutcomeTest extends ComplaintTestSupport {

  private static final LocalDate MADE = LocalDate.of(2026, 12, 18);

  @Test
  void everyMilestoneIsDueOnItsWorkingDayAcrossChristmas() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 11));
    clock(MADE, 15, 0);

    ProcessInstance complaint = record(reference, body("2026-12-18", "process-outcome",
        "The judgement on the front door is not supported by the evidence.", null));

    assertThat(complaint).isStarted().hasBusinessKey(reference).hasVariables(VAR_WINDOW, VAR_EXPECTED_DEADLINES);
    assertThat(runtime.getVariable(complaint.getId(), VAR_WINDOW)).isEqualTo(WINDOW_IN_TIME);
    assertThat(runtime.getVariable(complaint.getId(), VAR_EDITION)).isEqualTo("2017");
    assertThat(conductOf(complaint)).isNull();

    Task appoint = task(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR);
    assertThat(appoint).hasCandidateGroup("complaints-team");
    assertThat(appoint.getDueDate()).isEqualTo(endOf("2026-12-29"));
    tasks.complete(appoint.getId(), Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));

    Task acknowledgement = task(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT);
    assertThat(acknowledgement).isAssignedTo("qa-manager");
    assertThat(acknowledgement.getDueDate()).isEqualTo(endOf("2026-12-29"));
    assertThat((String) runtime.getVariable(complaint.getId(), VAR_EXPECTED_DEADLINES))
        .contains("working day 5, Tuesday 29 December 2026")
        .contains("working day 10, Wednesday 6 January 2027")
        .contains("working day 20, Wednesday 20 January 2027")
        .contains("working day 22, Friday 22 January 2027")
        .contains("working day 25, Wednesday 27 January 2027")
        .contains("working day 30, Wednesday 3 February 2027");

    // The acknowledgement is late: the deadline passes at the end of 29 December and the manager is told.
    clock(LocalDate.of(2026, 12, 30), 0, 5);
    assertThat(fireDueTimers(complaint.getId())).isEqualTo(1);
    Task overdue = task(complaint.getId(), TASK_FOLLOW_UP_OVERDUE);
    assertThat(overdue).hasCandidateGroup("complaints-manager");
    assertThat(tasks.getVariable(overdue.getId(), VAR_OVERDUE_STEP)).isEqualTo(TASK_SEND_ACKNOWLEDGEMENT);
    assertThat((String) tasks.getVariable(overdue.getId(), VAR_OVERDUE_STEP_DUE))
        .isEqualTo("Tuesday 29 December 2026 at 23:59 (working day 5)");
    assertThat(acknowledgement.getId()).isEqualTo(task(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT).getId());
    tasks.complete(overdue.getId());
    tasks.complete(acknowledgement.getId(), Map.of("acknowledgementSent", true, "copiesShared", true));

    List<Task> comments = taskList(complaint.getId(), TASK_LEAD_INSPECTOR_COMMENTS);
    assertThat(comments).hasSize(3).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOf("2027-01-06")));
    assertThat(comments).extracting(t -> tasks.getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("cqc", "hmicfrs", "hmi-probation");
    comments.forEach(t -> tasks.complete(t.getId(), Map.of("leadInspectorComments", "Comments.")));

    Task draft = task(complaint.getId(), TASK_DRAFT_RESPONSE);
    assertThat(draft.getDueDate()).isEqualTo(endOf("2027-01-20"));
    tasks.complete(draft.getId(), Map.of("draftResponse", "Draft."));
    List<Task> draftComments = taskList(complaint.getId(), TASK_COMMENT_ON_DRAFT);
    assertThat(draftComments).hasSize(3).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(endOf("2027-01-22")));
    draftComments.forEach(t -> tasks.complete(t.getId()));
    Task finalise = task(complaint.getId(), TASK_FINALISE_RESPONSE);
    assertThat(finalise.getDueDate()).isEqualTo(endOf("2027-01-27"));
    tasks.complete(finalise.getId(), Map.of("finalResponse", "Final."));
    Task signOff = task(complaint.getId(), TASK_SIGN_OFF_RESPONSE);
    assertThat(signOff).hasCandidateGroup("complaints-manager");
    assertThat(signOff.getDueDate()).isEqualTo(endOf("2027-02-03"));
    tasks.complete(signOff.getId(), Map.of(VAR_RESPONSE_SHARED, true, VAR_RESPONSE_SENT, true, VAR_COMPLAINT_UPHELD, "no"));
    assertThat(runtime.getVariable(complaint.getId(), VAR_COMPLAINT_UPHELD)).isEqualTo(false);

    Task learning = task(complaint.getId(), TASK_RECORD_LEARNING_OUTCOMES);
    assertThat(learning).hasCandidateGroup("complaints-team");
    tasks.complete(learning.getId(), Map.of(VAR_LEARNING_OUTCOMES, "Explain the evidence base in the letter.",
        "learningShared", true));

    assertThat(complaint).isEnded().hasPassedInOrder(START, TASK_APPOINT_LEAD_INVESTIGATOR, TASK_SEND_ACKNOWLEDGEMENT,
        TASK_LEAD_INSPECTOR_COMMENTS, TASK_DRAFT_RESPONSE, TASK_COMMENT_ON_DRAFT, TASK_FINALISE_RESPONSE,
        TASK_SIGN_OFF_RESPONSE, TASK_RECORD_LEARNING_OUTCOMES, END_CLOSED);
  }

  @Test
  void theComplaintsMilestonesAppearOnTheInspectionsTimeline() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 11));
    clock(MADE, 15, 0);
    ProcessInstance complaint = record(reference, body("2026-12-18", "process-outcome", "A challenge.", null));
    complete(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR, Map.of(VAR_LEAD_INVESTIGATOR, "qa-manager"));
    complete(complaint.getId(), TASK_SEND_ACKNOWLEDGEMENT, Map.of("acknowledgementSent", true));
    clock(LocalDate.of(2027, 1, 7), 9, 0);

    JsonNode timeline = rest.withBasicAuth("ofsted-lead", "demo")
        .getForEntity("/api/inspections/" + reference + "/timeline", JsonNode.class).getBody();
    List<JsonNode> milestones = new java.util.ArrayList<>();
    timeline.forEach(entry -> {
      if (entry.get("id").asText().startsWith(ComplaintTimeline.ENTRY_PREFIX + complaint.getId())) {
        milestones.add(entry);
      }
    });

    assertThat(milestones).extracting(e -> e.get("day").asInt()).containsExactly(5, 10, 20, 22, 25, 30);
    assertThat(milestones).extracting(e -> e.get("due").asText()).containsExactly("2026-12-29T23:59:00+00:00",
        "2027-01-06T23:59:00+00:00", "2027-01-20T23:59:00+00:00", "2027-01-22T23:59:00+00:00",
        "2027-01-27T23:59:00+00:00", "2027-02-03T23:59:00+00:00");
    assertThat(milestones).extracting(e -> e.get("status").asText())
        .containsExactly("done", "overdue", "upcoming", "upcoming", "upcoming", "upcoming");
    assertThat(milestones.get(0).get("title").asText())
        .isEqualTo("Complaint 1 (challenge to the inspection process and/or outcome): "
            + "Send the acknowledgement letter and share the complaint");
    String ics = rest.withBasicAuth("ofsted-lead", "demo")
        .getForEntity("/api/inspections/" + reference + "/timeline.ics", String.class).getBody();
    assertThat(ics).contains("Final checks").contains("20270203");
  }

  @Test
  void aDecisionWithoutItsAnswerIsRefused() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 11));
    clock(MADE, 15, 0);
    ProcessInstance complaint = record(reference, body("2026-12-18", "process-outcome", "Challenge.", null));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(complaint.getId(), TASK_APPOINT_LEAD_INVESTIGATOR,
            Map.of(VAR_LEAD_INVESTIGATOR, "cqc-lead")))
        .hasMessageContaining("leadInvestigator: 'cqc-lead' is not a member of Ofsted");
    assertThat(complaint).isWaitingAt(TASK_APPOINT_LEAD_INVESTIGATOR);
  }
}
