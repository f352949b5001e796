package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * Every step with a deadline in the three later frameworks escalates when its deadline passes, as the 2017 JTAI does:
 * the step's boundary timer fires at the step's own working day and hour, not a minute before, the step stays open,
 * and the lead inspector and the QA manager (group qa-manager) get "Follow up an overdue step" describing it.
 */
@EngineTest
@WithEngineAssertions
class OverdueEscalationTest {

  private static final String LEAD = "ofsted-lead";
  private static final String QA = "qa-manager";

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;

  private FrameworkScenario start(InspectionStartRequest request, String now) {
    return FrameworkScenario.start(engine, starts, request, now);
  }

  @Test
  void jtai2024SelectionOfChildrenToAuditEscalatesAtNoonOnFridayOfWeekOne() {
    // Fieldwork Monday 5 October 2026: notification Monday 21 September; Annex A: Friday 25 September by 12pm.
    FrameworkScenario s = start(new InspectionStartRequest("jtai-2024", "JTAI24-OVERDUE", "Northshire", null, null,
        "2026-10-05", LEAD, QA), "2026-09-18T10:00");
    Jtai2024Steps.preNotification(s);
    s.complete(Jtai2024Process.TASK_NOTIFY_DCS, Map.of("dcsNotified", true));
    s.complete(Jtai2024Process.TASK_NOTIFY_HEALTH_LEADERS);
    s.complete(Jtai2024Process.TASK_NOTIFY_POLICE_LEADERS);
    s.complete(Jtai2024Process.TASK_CONFIRM_MASA_NOTIFIED);
    s.complete(Jtai2024Process.TASK_RECORD_CHILD_LEVEL_DATA);
    s.complete(Jtai2024Process.TASK_SELECT_30_CHILDREN, Map.of("selectedChildIds", Jtai2024Steps.THIRTY));
    s.complete(Jtai2024Process.TASK_RECORD_ANSWERS_30);

    assertEscalatesAt(s, Jtai2024Process.TASK_SELECT_AUDIT_CHILDREN, "2026-09-25T12:00", "4",
        "Select at least 5 children for the local agencies to audit", "counted from the notification day", LEAD, QA);
  }

  @Test
  void ofstedTargeted2016NotificationOfTheDcsEscalatesAtHalfPastNineOnDayZero() {
    FrameworkScenario s = start(new InspectionStartRequest("ofsted-targeted-2016", "OTA16-OVERDUE", "Westshire",
        "cse-and-missing", "2026-03-03", null, LEAD, QA), "2026-02-27T10:00");
    s.complete(OfstedTargeted2016Process.TASK_PRODUCE_PRE_INSPECTION_BRIEFING);
    s.complete(OfstedTargeted2016Process.TASK_REVIEW_BRIEFING);

    assertEscalatesAt(s, OfstedTargeted2016Process.TASK_NOTIFY_DCS, "2026-03-03T09:30", "0", null,
        "counted from the notification day", LEAD, QA);
  }

  @Test
  void slac2009SetUpCallEscalatesAtTheEndOfDayTwoAfterTheMayBankHoliday() {
    // Day 1 Friday 1 May 2026; Monday 4 May is a bank holiday, so day 2 is Tuesday 5 May.
    FrameworkScenario s = start(new InspectionStartRequest("slac-2009", "SLAC-OVERDUE", "Northshire", null, null,
        "2026-05-18", LEAD, null, false, null), "2026-04-30T10:00");
    s.complete(Slac2009Process.TASK_SEND_NOTIFICATION);
    s.complete(Slac2009Process.CALL_RECORD_CORE_DOCUMENTS);

    // No QA manager named at the start: the lead inspector and the QA managers' group.
    assertEscalatesAt(s, Slac2009Process.TASK_AGREE_SETUP_MEETING, "2026-05-05T23:59", "2", null,
        "in table 1, day 1 being the notification day", LEAD);
  }

  @Test
  void slac2009CaseListEscalatesFromItsCalledBuildingBlockInsideThePreparationPhase() {
    // Day 4 is Thursday 7 May 2026; the case list is awaited by local-area-submission, called from sub_preparation.
    FrameworkScenario s = start(new InspectionStartRequest("slac-2009", "SLAC-OVERDUE-CALLED", "Northshire", null,
        null, "2026-05-18", LEAD, QA, false, null), "2026-04-30T10:00");
    s.complete(Slac2009Process.TASK_SEND_NOTIFICATION);
    s.complete(Slac2009Process.TASK_AGREE_SETUP_MEETING);
    s.complete(Slac2009Process.CALL_RECORD_CORE_DOCUMENTS);
    s.complete(Slac2009Process.TASK_RECORD_LAC_LETTER);
    Task record = s.task(Slac2009Process.CALL_RECORD_CASE_LIST);
    assertThat(record.getProcessInstanceId()).as("the record step runs in the called block")
        .isNotEqualTo(s.processInstanceId);
    assertThat(record.getDueDate()).isEqualTo(FrameworkScenario.at("2026-05-07T23:59"));

    s.moveTo("2026-05-07T23:58");
    assertThat(s.tasks(JtaiProcess.TASK_FOLLOW_UP_OVERDUE)).isEmpty();
    s.moveTo("2026-05-07T23:59");
    Task followUp = s.task(JtaiProcess.TASK_FOLLOW_UP_OVERDUE);
    assertThat(followUp.getProcessInstanceId()).as("the inspection's own follow-up").isEqualTo(s.processInstanceId);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(followUp.getProcessInstanceId())
        .singleResult().getBusinessKey()).isEqualTo("SLAC-OVERDUE-CALLED");
    assertThat(engine.getTaskService().getVariables(followUp.getId()))
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP, Slac2009Process.CALL_RECORD_CASE_LIST)
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_TITLE, "Record receipt: the list of current cases")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DAY, "4")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_COUNTED_FROM, "in table 1, day 1 being the notification day")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DUE, "Thursday 7 May 2026 at 23:59");
    assertThat(engine.getTaskService().getIdentityLinksForTask(followUp.getId()))
        .filteredOn(link -> "candidate".equals(link.getType())).extracting(IdentityLink::getUserId)
        .contains(LEAD, QA);
    assertThat(s.tasks(Slac2009Process.CALL_RECORD_CASE_LIST)).as("still awaited").hasSize(1);
    assertThat(s.tasks(Slac2009Process.CALL_RECORD_CASE_LIST + "/" + uk.jointinspections.inspection
        .LocalAreaSubmissionProcess.TASK_CHASE)).as("the case list is escalated, not chased (table 1)").isEmpty();
  }

  private void assertEscalatesAt(FrameworkScenario s, String step, String due, String day, String title,
      String countedFrom, String... followers) {
    String boundary = JtaiProcess.BOUNDARY_OVERDUE_PREFIX + step.substring("task_".length());
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(s.processInstanceId)
        .activityId(boundary).singleResult();
    assertThat(timer).as(boundary).isNotNull();
    assertThat(timer.getDuedate()).as(boundary + " fires at the step's deadline").isEqualTo(FrameworkScenario.at(due));
    assertThat(s.task(step).getDueDate()).isEqualTo(FrameworkScenario.at(due));

    s.moveTo(java.time.LocalDateTime.parse(due).minusMinutes(1).toString());
    assertThat(s.tasks(JtaiProcess.TASK_FOLLOW_UP_OVERDUE)).as("a minute before the deadline").isEmpty();

    s.moveTo(due);
    Task followUp = s.task(JtaiProcess.TASK_FOLLOW_UP_OVERDUE);
    assertThat(s.tasks(step)).as("the overdue step stays open").hasSize(1);
    assertThat(followUp.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(followUp.getId()))
        .filteredOn(link -> "candidate".equals(link.getType()))
        .satisfies(links -> {
          assertThat(links.stream().map(IdentityLink::getUserId).filter(java.util.Objects::nonNull))
              .containsExactlyInAnyOrder(followers);
          assertThat(links.stream().map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull))
              .containsExactly("qa-manager");
        });
    Map<String, Object> described = engine.getTaskService().getVariables(followUp.getId());
    assertThat(described).containsEntry(JtaiProcess.VAR_OVERDUE_STEP, step)
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DAY, day)
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_COUNTED_FROM, countedFrom)
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_TITLE, title == null ? s.task(step).getName() : title);
    assertThat((String) described.get(JtaiProcess.VAR_OVERDUE_STEP_DUE)).endsWith(due.substring(11));

    s.moveTo(java.time.LocalDateTime.parse(due).plusDays(1).toString());
    java.util.List<Task> forThisStep = s.tasks(JtaiProcess.TASK_FOLLOW_UP_OVERDUE).stream()
        .filter(t -> step.equals(engine.getTaskService().getVariable(t.getId(), JtaiProcess.VAR_OVERDUE_STEP)))
        .toList();
    assertThat(forThisStep).as("escalated once").extracting(Task::getId).containsExactly(followUp.getId());
    engine.getTaskService().complete(followUp.getId(), Map.of("overdueFollowUpAction", "Rang the DCS's office."));
    assertThat(s.tasks(step)).as("following up does not close the step").hasSize(1);
  }
}
