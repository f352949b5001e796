package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.JtaiProcess.Submission;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * When the local area's submissions are accepted and what waits for them. ¶16: "They should provide the information
 * as soon as is practical and by the milestones in Annex A", all of it requested on day 0 (J11). ¶12, ¶27: fieldwork
 * begins nine working days after notification, the team meets on site on Monday of week three, whatever has not
 * arrived yet (J19).
 */
@EngineTest
@WithEngineAssertions
class JtaiSubmissionTimingTest {

  /** startBefore's inspection: notified Tuesday 2 March 2027. */
  private static final LocalDate NOTIFIED = LocalDate.of(2027, 3, 2);
  private static final List<String> ALL = List.of("ofsted", "cqc", "hmicfrs", "hmi-probation");
  private static final List<String> PARTNERS = List.of("cqc", "hmicfrs", "hmi-probation");

  @Autowired ProcessEngine engine;
  @Autowired WorkingDays workingDays;
  @Autowired Submissions submissions;
  @Autowired Timeline timeline;

  private JtaiScenario notified(String reference) {
    JtaiScenario s = new JtaiScenario(engine, workingDays, NOTIFIED);
    EngineClock.set(s.date(0), LocalTime.of(10, 0));
    s.instance = JtaiScenario.startBefore(engine, reference, "gw_split_notified", Map.of());
    return s;
  }

  @Test
  void theAnnexAInformationAndTheMultiAgencyMeetingsAreAcceptedFromTheNotificationAndMeetTheirMilestone() {
    JtaiScenario s = notified("JTAI-J11-EARLY");
    ProcessInstance pi = s.instance;
    s.leadStep(Submission.MULTI_AGENCY_MEETINGS.recordTaskId, 3, null);
    s.leadStep(Submission.ANNEX_A_INFORMATION.recordTaskId, 5, null);

    // Day 0, before the 20 children are chosen: both are accepted and recorded.
    submissions.submit("JTAI-J11-EARLY", Submission.ANNEX_A_INFORMATION.kind, "{\"documents\": \"portal folder A\"}");
    submissions.submit("JTAI-J11-EARLY", Submission.MULTI_AGENCY_MEETINGS.kind,
        "{\"children\": [\"NS-3001\", \"NS-3002\"], \"meetings\": \"strategy meetings, week three\"}");
    assertThat(pi).hasPassed(Submission.ANNEX_A_INFORMATION.subProcessId, Submission.MULTI_AGENCY_MEETINGS.subProcessId);
    assertThat(timeline.of("JTAI-J11-EARLY")).filteredOn(e -> e.id().equals(Submission.ANNEX_A_INFORMATION.subProcessId)
        || e.id().equals(Submission.MULTI_AGENCY_MEETINGS.subProcessId))
        .hasSize(2).allSatisfy(e -> assertThat(e.status()).isEqualTo(TimelineEntry.Status.done));
    // The case files are reviewed once the five to seven children are chosen, not before.
    assertThat(s.tasks(TASK_REVIEW_CASE_FILES)).isEmpty();
    s.clock(6, "08:00");
    assertThat(s.tasks(Submission.ANNEX_A_INFORMATION.chaseTaskId)).as("a met milestone is not chased").isEmpty();
    assertThat(s.tasks(Submission.MULTI_AGENCY_MEETINGS.chaseTaskId)).isEmpty();

    submissions.submit("JTAI-J11-EARLY", Submission.DEEP_DIVE_LIST.kind, "{\"children\": [\"NS-1001\"]}");
    s.complete(TASK_SELECT_20_CHILDREN, Map.of(VAR_SELECTED_CHILD_IDS, JtaiScenario.childIds(1, 20)));
    submissions.submit("JTAI-J11-EARLY", Submission.INFORMATION_ON_20_CHILDREN.kind, "{\"documents\": \"folder B\"}");
    assertThat(s.tasks(TASK_REVIEW_CASE_FILES)).isEmpty();
    s.complete(TASK_SELECT_CHILDREN_TO_EVALUATE, Map.of(VAR_EVALUATION_CHILD_IDS, JtaiScenario.childIds(3, 6)));
    s.leadStep(TASK_REVIEW_CASE_FILES, 6, null);
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test finished");
  }

  @Test
  void fieldworkStartsOnDayNineWithSubmissionsOutstandingAndTheProvisionalFindingsWaitForThem() {
    JtaiScenario s = notified("JTAI-J19-ONSITE");
    ProcessInstance pi = s.instance;
    s.completeEach(TASK_NOTIFY_SENIOR_LEADERS, PARTNERS,
        group -> Map.of(VAR_SENIOR_LEADER_EMAILS, group + "-leader@northshire.example"));
    s.complete(TASK_SETUP_DISCUSSION);
    s.complete(TASK_PRODUCE_BRIEFING_NOTE);
    s.complete(TASK_COMMENCE_TIMETABLE);
    s.completeGroups(TASK_PREPARE_OFF_SITE, ALL);
    s.complete(TASK_AGREE_ONSITE_PROGRAMME);

    // Nothing has come from the local area; on day 9 the team is on site all the same, the list still chased.
    s.clock(9, "08:00");
    s.leadStep(TASK_TEAM_BRIEFING, 9, null);
    s.roleStep(TASK_ANALYTICAL_SUPPORT_ON_SITE, "senior-analytical-officer", 10, null);
    assertThat(s.task(Submission.DEEP_DIVE_LIST.chaseTaskId)).isAssignedTo("ofsted-lead");
    assertThat(s.tasks(Submission.DEEP_DIVE_LIST.recordTaskId)).hasSize(1);
    s.complete(TASK_TEAM_BRIEFING);
    s.complete(TASK_INITIAL_MEETING);
    s.complete(TASK_ANALYTICAL_SUPPORT_ON_SITE);
    s.complete(TASK_KIT_MEETING_DAY_10);
    s.complete(TASK_KIT_MEETING_DAY_11);
    s.clock(12, "15:00");
    assertThat(pi).hasPassed(TIMER_DAY_12_EVIDENCE_CEASES);
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(pi.getId())
        .activityId("gw_join_submissions").count()).as("the on-site branch waits at the join").isPositive();
    assertThat(s.tasks(TASK_AGREE_PROVISIONAL_FINDINGS)).as("the findings wait for what the local area sends").isEmpty();
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test finished");
  }
}
