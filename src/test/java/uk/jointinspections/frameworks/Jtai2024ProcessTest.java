package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.frameworks.Jtai2024Process.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionProblem;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The 2024 JTAI of the front door, notification to statement of action, with the clock moved through it: every step
 * due on the working day and hour of the guidance (Annex A and the table after paragraph 83), deferral granted and
 * refused, and the Annex B follow-up for each agency. Expected dates are written out by hand from the calendar.
 */
@EngineTest
@WithEngineAssertions
class Jtai2024ProcessTest {

  private static final String LEAD = "ofsted-lead";
  private static final String QA = "qa-manager";

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;
  @Autowired Jtai2024Deferrals deferrals;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  /** Scheduled, and the inspectorates have shared their analyses and met (paragraphs 14-15): ready to notify. */
  private FrameworkScenario start(String reference, String fieldworkStart, String now) {
    FrameworkScenario s = scheduled(reference, fieldworkStart, now);
    Jtai2024Steps.preNotification(s);
    return s;
  }

  private FrameworkScenario scheduled(String reference, String fieldworkStart, String now) {
    return FrameworkScenario.start(engine, starts, new InspectionStartRequest("jtai-2024", reference, "Northshire",
        null, null, fieldworkStart, LEAD, QA), now);
  }

  @Test
  void theInspectoratesShareTheirAnalysesAndMeetBeforeTheNotification() {
    // Fieldwork Monday 5 October 2026, notification Monday 21 September: day -1 is Friday 18 September.
    FrameworkScenario s = scheduled("JTAI24-PRE", "2026-10-05", "2026-09-16T10:00");
    s.waitsAtExactly(TASK_SHARE_ANALYSIS_OFSTED, TASK_SHARE_ANALYSIS_CQC, TASK_SHARE_ANALYSIS_HMICFRS);
    s.assigned(TASK_SHARE_ANALYSIS_OFSTED, LEAD, "2026-09-18T23:59");
    s.offered(TASK_SHARE_ANALYSIS_CQC, "cqc", "2026-09-18T23:59");
    s.offered(TASK_SHARE_ANALYSIS_HMICFRS, "hmicfrs", "2026-09-18T23:59");
    s.complete(TASK_SHARE_ANALYSIS_OFSTED, Map.of("analysisSharedOfsted", "ILACS findings and the front-door data."));
    s.complete(TASK_SHARE_ANALYSIS_CQC, Map.of("analysisSharedCqc", "Health provider intelligence."));
    s.waitsAtExactly(TASK_SHARE_ANALYSIS_HMICFRS);
    s.complete(TASK_SHARE_ANALYSIS_HMICFRS, Map.of("analysisSharedHmicfrs", "Force inspection findings."));
    // Paragraph 15: they meet "before they notify the local partners".
    s.waitsAtExactly(TASK_PRE_NOTIFICATION_MEETING);
    s.assigned(TASK_PRE_NOTIFICATION_MEETING, LEAD, "2026-09-18T23:59");
    assertThat(timeline.of("JTAI24-PRE")).filteredOn(e -> e.id().equals(TASK_PRE_NOTIFICATION_MEETING))
        .singleElement().satisfies(e -> assertThat(e.paragraph()).isEqualTo("14-15"));
    s.complete(TASK_PRE_NOTIFICATION_MEETING, Map.of("preNotificationMeetingHeld", true));
    s.waitsAtExactly(TASK_NOTIFY_DCS, TASK_NOTIFY_HEALTH_LEADERS, TASK_NOTIFY_POLICE_LEADERS);
    // Late: escalated to the lead inspector and the QA manager like every step with a deadline.
    FrameworkScenario late = scheduled("JTAI24-PRE-LATE", "2026-10-05", "2026-09-16T10:00");
    late.moveTo("2026-09-19T00:00");
    assertThat(late.tasks("task_follow_up_overdue")).hasSize(3);
  }

  private static ProcessInstance calledStatement(ProcessInstance inspection) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(inspection)
        .calledProcessInstance(uk.jointinspections.inspection.StatementOfActionProcess.KEY).getActual();
  }

  private ProcessInstance instance(FrameworkScenario s) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(s.processInstanceId).singleResult();
  }

  /** Weeks 1 and 2, Annex A and the meetings; dates: notification, then the six Annex A deadlines, then day 1, 4, 9. */
  private void weeksOneAndTwo(FrameworkScenario s, String[] due) {
    s.waitsAtExactly(TASK_NOTIFY_DCS, TASK_NOTIFY_HEALTH_LEADERS, TASK_NOTIFY_POLICE_LEADERS);
    s.assigned(TASK_NOTIFY_DCS, LEAD, due[0]);
    s.offered(TASK_NOTIFY_HEALTH_LEADERS, "cqc", due[0]);
    s.offered(TASK_NOTIFY_POLICE_LEADERS, "hmicfrs", due[0]);
    s.complete(TASK_NOTIFY_DCS, Map.of("dcsNotified", true));
    s.complete(TASK_NOTIFY_HEALTH_LEADERS);
    s.complete(TASK_NOTIFY_POLICE_LEADERS);

    String[] annexA = {TASK_RECORD_CHILD_LEVEL_DATA, TASK_SELECT_30_CHILDREN, TASK_RECORD_ANSWERS_30,
        TASK_SELECT_AUDIT_CHILDREN, TASK_RECORD_CASE_RECORDS, TASK_RECORD_AUDITS};
    String[] meetings = {TASK_CONFIRM_MASA_NOTIFIED, TASK_SETUP_DISCUSSION, TASK_MEET_MASA_BEFORE_FIELDWORK,
        TASK_AGREE_FIELDWORK_TIMETABLE};
    for (int i = 0; i < annexA.length; i++) {
      s.assigned(annexA[i], LEAD, due[1 + i]);
      s.complete(annexA[i], Jtai2024Steps.defaults(annexA[i]));
      if (annexA[i].equals(TASK_SELECT_AUDIT_CHILDREN)) {
        // Paragraph 105: CQC decides which health agencies to ask, the day the children are selected (day 4).
        s.offered(TASK_REQUEST_HEALTH_RECORDS_CQC, "cqc", due[4].replace("12:00", "23:59"));
        s.complete(TASK_REQUEST_HEALTH_RECORDS_CQC, Map.of("healthAgenciesAsked", "The ICB's community trust and the GP federation."));
      }
    }
    for (int i = 0; i < meetings.length; i++) {
      if (meetings[i].equals(TASK_AGREE_FIELDWORK_TIMETABLE)) {
        // Paragraph 31: CQC's and HMICFRS's lead inspectors make their arrangements first, by day 8.
        s.waitsAtExactly(TASK_TIMETABLE_LIAISON_CQC, TASK_TIMETABLE_LIAISON_HMICFRS);
        s.offered(TASK_TIMETABLE_LIAISON_CQC, "cqc", due[6].replace("17:00", "23:59"));
        s.offered(TASK_TIMETABLE_LIAISON_HMICFRS, "hmicfrs", due[6].replace("17:00", "23:59"));
        s.complete(TASK_TIMETABLE_LIAISON_CQC);
        s.waitsAtExactly(TASK_TIMETABLE_LIAISON_HMICFRS);
        s.complete(TASK_TIMETABLE_LIAISON_HMICFRS);
      }
      s.assigned(meetings[i], LEAD, due[7 + i]);
      s.complete(meetings[i]);
    }
  }

  /**
   * Fieldwork week and the letter: fieldwork days 10, 12, 13, 14 then +1, +15, +24, +30, +31 after fieldwork. The
   * areas for priority action are agreed at the end of fieldwork (paragraph 36); HMCI decides the statement of action
   * after CQC and HMICFRS give their views (paragraph 85); the QA manager reviews the draft and the final letter
   * (paragraph 80); senior managers of each inspectorate agree the findings (paragraph 81).
   */
  private void fieldworkAndLetter(FrameworkScenario s, String[] due, Map<String, Object> findings,
      Map<String, Object> decision) {
    String[] fieldwork = {TASK_INITIAL_MEETING, TASK_KIT_WEDNESDAY, TASK_KIT_THURSDAY, TASK_MEET_MASA_DURING_FIELDWORK,
        TASK_AGREE_PROVISIONAL_FINDINGS, TASK_FEEDBACK_MEETING};
    String[] fieldworkDue = {due[0], due[1], due[2], due[3], due[3], due[3]};
    java.util.Date before = ClockUtil.getCurrentTime();
    assertThat(s.tasks(TASK_INITIAL_MEETING)).as("fieldwork opens on its day, not before").isEmpty();
    Jtai2024Steps.fieldworkStarts(s);
    ClockUtil.setCurrentTime(before);
    for (int i = 0; i < fieldwork.length; i++) {
      s.assigned(fieldwork[i], LEAD, fieldworkDue[i]);
      s.complete(fieldwork[i], fieldwork[i].equals(TASK_AGREE_PROVISIONAL_FINDINGS) ? findings : Map.of());
    }
    // Paragraph 74: every inspectorate's evidence records by the end of fieldwork; the letter waits for them.
    s.waitsAtExactly(TASK_INFORMAL_CONCERN_CONTACT, TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED,
        TASK_COMPLETE_EVIDENCE_RECORDS_CQC, TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS);
    s.assigned(TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, LEAD, due[3]);
    s.offered(TASK_COMPLETE_EVIDENCE_RECORDS_CQC, "cqc", due[3]);
    s.offered(TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS, "hmicfrs", due[3]);
    Jtai2024Steps.completeAll(s, List.of(TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, TASK_COMPLETE_EVIDENCE_RECORDS_CQC,
        TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS));
    // Paragraph 89: the QA manager's availability runs beside the letter; the findings do not wait for it.
    s.waitsAtExactly(TASK_INFORMAL_CONCERN_CONTACT, TASK_AGREE_FINDINGS_OFSTED, TASK_AGREE_FINDINGS_CQC,
        TASK_AGREE_FINDINGS_HMICFRS, TASK_QA_REVIEW_DRAFT_LETTER);
    s.assigned(TASK_INFORMAL_CONCERN_CONTACT, QA, due[4]);
    s.complete(TASK_INFORMAL_CONCERN_CONTACT, Map.of("informalConcernRaised", "no"));
    s.waitsAtExactly(TASK_AGREE_FINDINGS_OFSTED, TASK_AGREE_FINDINGS_CQC, TASK_AGREE_FINDINGS_HMICFRS,
        TASK_QA_REVIEW_DRAFT_LETTER);
    s.offeredToGroups(TASK_AGREE_FINDINGS_OFSTED, due[5], "ofsted-national-director", "regional-director");
    s.offered(TASK_AGREE_FINDINGS_CQC, "cqc-senior-manager", due[5]);
    s.offered(TASK_AGREE_FINDINGS_HMICFRS, "hmicfrs-senior-manager", due[5]);
    s.assigned(TASK_QA_REVIEW_DRAFT_LETTER, QA, due[5]);
    s.completeAs("national-director", TASK_AGREE_FINDINGS_OFSTED, Map.of("findingsAgreedOfsted", "agreed"));
    s.completeAs("cqc-senior-manager", TASK_AGREE_FINDINGS_CQC, Map.of());
    s.completeAs("hmicfrs-senior-manager", TASK_AGREE_FINDINGS_HMICFRS, Map.of());
    s.completeAs(QA, TASK_QA_REVIEW_DRAFT_LETTER, Map.of("qaDraftLetterOutcome", "supported"));
    s.assigned(TASK_SEND_DRAFT_LETTER, LEAD, due[5]);
    // Sent on its day: the DCS's 9 working days (paragraph 83) then end on day 24 after fieldwork.
    java.util.Date now = ClockUtil.getCurrentTime();
    FrameworkScenario.clock(due[5].substring(0, 10) + "T10:00");
    s.complete(TASK_SEND_DRAFT_LETTER);
    ClockUtil.setCurrentTime(now);
    s.assigned(TASK_RECORD_DCS_COMMENTS, LEAD, due[6]);
    s.complete(TASK_RECORD_DCS_COMMENTS, Map.of("factualAccuracyOutcome", "comments"));
    s.offered(TASK_CONSULT_STATEMENT_CQC, "cqc-senior-manager", due[7]);
    s.offered(TASK_CONSULT_STATEMENT_HMICFRS, "hmicfrs-senior-manager", due[7]);
    s.completeAs("cqc-senior-manager", TASK_CONSULT_STATEMENT_CQC, Map.of("statementViewCqc", "required"));
    s.completeAs("hmicfrs-senior-manager", TASK_CONSULT_STATEMENT_HMICFRS, Map.of("statementViewHmicfrs", "required"));
    s.offered(TASK_DECIDE_STATEMENT_OF_ACTION, "ofsted-national-director", due[7]);
    s.completeAs("national-director", TASK_DECIDE_STATEMENT_OF_ACTION, decision);
    s.assigned(TASK_QA_REVIEW_FINAL_LETTER, QA, due[8]);
    s.completeAs(QA, TASK_QA_REVIEW_FINAL_LETTER, Map.of("qaFinalLetterApproved", true));
    s.assigned(TASK_SEND_FINAL_LETTER, LEAD, due[8]);
    s.complete(TASK_SEND_FINAL_LETTER, Map.of("finalLetterSentConfirmed", true));
  }

  private static Map<String, Object> noPriorityAction() {
    return Jtai2024Steps.findings(false, false, false, false);
  }

  @Test
  void wholeTimelineFromNotificationToStatementOfAction() {
    // Fieldwork Monday 5 October 2026: notification Monday 21 September, 10 working days before.
    FrameworkScenario s = start("JTAI24-OCT-2026", "2026-10-05", "2026-09-18T10:00");
    weeksOneAndTwo(s, new String[] {"2026-09-21T23:59",
        "2026-09-22T17:00", "2026-09-23T17:00", "2026-09-24T17:00", "2026-09-25T12:00", // week 1 Tue, Wed, Thu, Fri 12pm
        "2026-09-29T17:00", "2026-10-01T17:00", // week 2 Tuesday, Thursday
        "2026-09-22T23:59", "2026-09-25T23:59", "2026-10-02T23:59", "2026-10-02T23:59"});
    FrameworkScenario.clock("2026-11-23T11:00"); // the final letter goes on its deadline day
    fieldworkAndLetter(s, new String[] {"2026-10-05T23:59", "2026-10-07T23:59", "2026-10-08T23:59", "2026-10-09T23:59",
        "2026-10-12T23:59", "2026-10-30T23:59", "2026-11-12T23:59", "2026-11-20T23:59", "2026-11-23T23:59"},
        noPriorityAction(), Jtai2024Steps.statement(true, "local-authority"));

    ProcessInstance pi = instance(s);
    s.waitsAtExactly(TASK_PUBLISH_LETTER, TASK_RECORD_STATEMENT_OF_ACTION);
    s.assigned(TASK_PUBLISH_LETTER, LEAD, "2026-11-26T23:59"); // 34 working days after fieldwork
    // 70 working days after Monday 23 November 2026, over Christmas (25, 28 December) and New Year (1 January 2027).
    s.assigned(TASK_RECORD_STATEMENT_OF_ACTION, LEAD, "2027-03-04T23:59");
    // The statement of action is the shared called process, with this inspection's reference, framework and day 0.
    assertThat(pi).isWaitingAt(CALL_STATEMENT_OF_ACTION);
    ProcessInstance statement = calledStatement(pi);
    assertThat(statement.getBusinessKey()).isEqualTo("JTAI24-OCT-2026");
    assertThat(statement).isWaitingAt(TASK_RECORD_STATEMENT_OF_ACTION).variables()
        .containsEntry("framework", FRAMEWORK).containsEntry("leadInspector", LEAD)
        .containsEntry("finalLetterSentOn", engine.getRuntimeService().getVariable(pi.getId(), "finalLetterSentOn"));
    s.complete(TASK_PUBLISH_LETTER);
    s.complete(TASK_RECORD_STATEMENT_OF_ACTION, Map.of("statementReceived", true));
    // The shared step opens this framework's own form, named by the call activity.
    assertThat(engine.getFormService().getTaskFormData(s.assigned(TASK_REVIEW_STATEMENT_OF_ACTION, LEAD, null).getId())
        .getCamundaFormRef().getKey()).isEqualTo("form_jtai2024_review_statement_of_action");
    s.complete(TASK_REVIEW_STATEMENT_OF_ACTION, Map.of("statementResponse", "The plan shows the findings are understood."));
    // Paragraph 87: the inspectorates (CQC and HMICFRS, each its own task) agree the response; the lead sends it.
    List<org.camunda.bpm.engine.task.Task> agree = s.tasks("task_agree_statement_response");
    assertThat(agree).hasSize(2);
    assertThat(agree.stream().flatMap(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream())
        .filter(l -> "candidate".equals(l.getType())).map(l -> l.getGroupId()).toList())
        .containsExactlyInAnyOrder("cqc", "hmicfrs");
    assertThat(statement).isWaitingAt("task_agree_statement_response");
    for (org.camunda.bpm.engine.task.Task task : agree) {
      engine.getTaskService().complete(task.getId(), Map.of("statementResponseAgreed", true));
    }
    s.assigned("task_send_statement_response", LEAD, null);
    s.complete("task_send_statement_response", Map.of("statementResponseSentOn", "2027-03-10"));
    assertThat(statement).isEnded();
    // What the lead inspector recorded comes back to the inspection (camunda:out).
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("statementResponse").singleResult().getValue()).isEqualTo("The plan shows the findings are understood.");
    assertThat(pi).isEnded().hasPassed(END_INSPECTION).hasNotPassed(TASK_INFORM_DFE, TASK_CQC_MANAGEMENT_REVIEW,
        TASK_REPORT_CAUSE_OF_CONCERN, TASK_COORDINATE_FOLLOW_UP_OFSTED, TASK_COORDINATE_FOLLOW_UP_CQC,
        TASK_COORDINATE_FOLLOW_UP_HMICFRS);
  }

  @Test
  void bankHolidayInWeekOneMovesTheNotificationEarlier() {
    // Fieldwork Monday 8 June 2026; Monday 25 May is the spring bank holiday, so the notification is Friday 22 May and
    // week 1's Annex A deadlines fall on the working days after it (Tuesday 26 May is working day 1).
    FrameworkScenario s = start("JTAI24-JUN-2026", "2026-06-08", "2026-05-21T10:00");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "notificationDate")).isEqualTo("2026-05-22");
    weeksOneAndTwo(s, new String[] {"2026-05-22T23:59",
        "2026-05-26T17:00", "2026-05-27T17:00", "2026-05-28T17:00", "2026-05-29T12:00",
        "2026-06-02T17:00", "2026-06-04T17:00", // paragraph 106: 2 working days before fieldwork = Thursday 4 June
        "2026-05-26T23:59", "2026-05-29T23:59", "2026-06-05T23:59", "2026-06-05T23:59"});
    FrameworkScenario.clock("2026-08-13T10:00");
    // After fieldwork (ends Friday 12 June): +15 = 3 July, +24 = 16 July, +30 = 24 July, +31 = 27 July, +34 = 30 July.
    fieldworkAndLetter(s, new String[] {"2026-06-08T23:59", "2026-06-10T23:59", "2026-06-11T23:59", "2026-06-12T23:59",
        "2026-06-15T23:59", "2026-07-03T23:59", "2026-07-16T23:59", "2026-07-24T23:59", "2026-07-27T23:59"},
        noPriorityAction(), Jtai2024Steps.statement(false, "none"));
    s.assigned(TASK_PUBLISH_LETTER, LEAD, "2026-07-30T23:59");
    s.complete(TASK_PUBLISH_LETTER);
    assertThat(instance(s)).isNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(s.processInstanceId)
        .activityId(TASK_RECORD_STATEMENT_OF_ACTION).count()).isZero();
  }

  @Test
  void timelineShowsTheGuidancesOwnDaysTitlesAndHours() {
    start("JTAI24-TIMELINE", "2026-10-05", "2026-09-18T10:00");
    List<TimelineEntry> entries = timeline.of("JTAI24-TIMELINE");
    assertThat(entries.subList(0, 4)).extracting(TimelineEntry::id).containsExactlyInAnyOrderElementsOf(
        Jtai2024Steps.PRE_NOTIFICATION);
    assertThat(entries).extracting(TimelineEntry::id).contains(TASK_NOTIFY_DCS, TASK_RECORD_AUDITS,
        TASK_KIT_WEDNESDAY, TASK_SEND_FINAL_LETTER, TASK_PUBLISH_LETTER, TASK_RECORD_STATEMENT_OF_ACTION)
        .doesNotContain(TASK_DECIDE_DEFERRAL);
    TimelineEntry friday = entries.stream().filter(e -> e.id().equals(TASK_SELECT_AUDIT_CHILDREN)).findFirst().orElseThrow();
    assertThat(friday.day()).isEqualTo(4);
    assertThat(friday.getDue()).isEqualTo("2026-09-25T12:00:00+01:00");
    assertThat(friday.title()).isEqualTo("Select at least 5 children for the local agencies to audit");
    TimelineEntry published = entries.stream().filter(e -> e.id().equals(TASK_PUBLISH_LETTER)).findFirst().orElseThrow();
    assertThat(published.day()).as("34 working days after fieldwork").isEqualTo(34);
    assertThat(published.getDue()).isEqualTo("2026-11-26T23:59:00+00:00");
    // The steps of the called statement-of-action process, once each, with this guidance's paragraphs.
    assertThat(entries).filteredOn(e -> e.id().equals(TASK_RECORD_STATEMENT_OF_ACTION)).singleElement()
        .satisfies(e -> {
          assertThat(e.day()).isEqualTo(70);
          assertThat(e.paragraph()).isEqualTo("85-86");
        });
    assertThat(entries).filteredOn(e -> e.id().equals(TASK_REVIEW_STATEMENT_OF_ACTION)).singleElement()
        .satisfies(e -> assertThat(e.paragraph()).isEqualTo("87"));
    // What the partnership sends is the local area's step, as the 2017 JTAI shows it, even though the lead inspector
    // records receipt when it comes by hand; reviewing it is the lead inspector's.
    assertThat(entries).filteredOn(e -> e.id().equals(TASK_RECORD_CHILD_LEVEL_DATA)).singleElement()
        .extracting(TimelineEntry::performer).isEqualTo("local area");
    assertThat(entries).filteredOn(e -> e.id().equals(TASK_RECORD_STATEMENT_OF_ACTION)).singleElement()
        .extracting(TimelineEntry::performer).isEqualTo("local area");
    assertThat(entries).filteredOn(e -> e.id().equals(TASK_REVIEW_STATEMENT_OF_ACTION)).singleElement()
        .extracting(TimelineEntry::performer).isEqualTo("lead inspector " + LEAD);
  }

  @Test
  void deferralGrantedMovesTheTimeline() {
    FrameworkScenario s = start("JTAI24-DEFER-YES", "2026-10-05", "2026-09-18T10:00");
    s.complete(TASK_NOTIFY_DCS);
    FrameworkScenario.clock("2026-09-23T09:00");
    deferrals.request("JTAI24-DEFER-YES", "The DCS is on sick leave and the MASA chair has just changed.");
    Jtai2024Steps.deferralViews(s, "2026-10-02T23:59", "grant", "grant");
    // Paragraph 19: decided before fieldwork starts, so due on day 9 (Friday 2 October), with its overdue timer.
    s.assigned(TASK_DECIDE_DEFERRAL, LEAD, "2026-10-02T23:59");
    assertThat(timeline.of("JTAI24-DEFER-YES")).filteredOn(e -> e.id().equals(TASK_DECIDE_DEFERRAL)).singleElement()
        .satisfies(e -> assertThat(e.day()).isEqualTo(9));
    assertThat(engine.getTaskService().getVariable(s.task(TASK_DECIDE_DEFERRAL).getId(), VAR_DEFERRAL_REQUEST_REASON))
        .isEqualTo("The DCS is on sick leave and the MASA chair has just changed.");
    s.complete(TASK_DECIDE_DEFERRAL, Map.of(VAR_DEFERRAL_DECISION, "granted", VAR_DEFERRED_FIELDWORK_START, "2026-11-16",
        "deferralDecisionReasons", "Exceptional circumstances under the deferral policy."));

    // Weeks 1 and 2 start again: notification Monday 2 November, 10 working days before fieldwork on 16 November.
    ProcessInstance pi = instance(s);
    s.waitsAtExactly(TASK_NOTIFY_DCS, TASK_NOTIFY_HEALTH_LEADERS, TASK_NOTIFY_POLICE_LEADERS);
    s.assigned(TASK_NOTIFY_DCS, LEAD, "2026-11-02T23:59");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), VAR_DEFERRALS)).isEqualTo(1);
    List<TimelineEntry> moved = timeline.of("JTAI24-DEFER-YES");
    TimelineEntry notify = moved.stream().filter(e -> e.id().equals(TASK_NOTIFY_DCS)).findFirst().orElseThrow();
    assertThat(notify.status()).as("done before the deferral, to do again").isEqualTo(TimelineEntry.Status.open);
    assertThat(notify.getDue()).isEqualTo("2026-11-02T23:59:00+00:00");
    TimelineEntry audits = moved.stream().filter(e -> e.id().equals(TASK_RECORD_AUDITS)).findFirst().orElseThrow();
    assertThat(audits.getDue()).isEqualTo("2026-11-12T17:00:00+00:00");
  }

  @Test
  void deferralRefusedContinuesAndAPastDateIsRefused() {
    FrameworkScenario s = start("JTAI24-DEFER-NO", "2026-10-05", "2026-09-18T10:00");
    s.complete(TASK_NOTIFY_DCS);
    s.complete(TASK_NOTIFY_HEALTH_LEADERS);
    s.complete(TASK_NOTIFY_POLICE_LEADERS);
    FrameworkScenario.clock("2026-09-22T09:00");
    deferrals.request("JTAI24-DEFER-NO", "Local elections.");
    Jtai2024Steps.deferralViews(s, "2026-10-02T23:59", "refuse", "grant");
    assertThat(engine.getTaskService().getVariable(s.task(TASK_DECIDE_DEFERRAL).getId(), "deferralViewCqc"))
        .isEqualTo("refuse");
    // Granted, but to a fieldwork start whose notification would already have passed: refused, nothing moves.
    assertThatThrownBy(() -> s.complete(TASK_DECIDE_DEFERRAL, Map.of(VAR_DEFERRAL_DECISION, "granted",
        VAR_DEFERRED_FIELDWORK_START, "2026-10-05"))).hasMessageContaining(VAR_DEFERRED_FIELDWORK_START)
        .hasMessageContaining("later");
    s.complete(TASK_DECIDE_DEFERRAL, Map.of(VAR_DEFERRAL_DECISION, "refused", "deferralDecisionReasons", "Not exceptional."));

    ProcessInstance pi = instance(s);
    s.waitsAtExactly(TASK_RECORD_CHILD_LEVEL_DATA, TASK_CONFIRM_MASA_NOTIFIED);
    s.assigned(TASK_RECORD_CHILD_LEVEL_DATA, LEAD, "2026-09-22T17:00");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), VAR_DEFERRALS)).isEqualTo(0);
  }

  @Test
  void noDeferralOnceFieldworkHasStarted() {
    FrameworkScenario s = start("JTAI24-DEFER-LATE", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    Jtai2024Steps.fieldworkStarts(s);
    s.waitsAtExactly(TASK_INITIAL_MEETING);
    assertThatThrownBy(() -> deferrals.request("JTAI24-DEFER-LATE", "Too late."))
        .isInstanceOfSatisfying(InspectionProblem.class, p -> assertThat(p.getMessage()).contains("paragraph 19"));
  }

  @Test
  void aDeferralCanBeRequestedBeforeFieldworkEvenWhenWeeksOneAndTwoAreDone() {
    // Paragraph 19: "before fieldwork starts", not "before the local area has sent everything". Everything is done
    // early; on Friday 2 October (day 9) the partnership asks, and the grant moves fieldwork and its timer.
    FrameworkScenario s = start("JTAI24-DEFER-DAY9", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    assertThat(s.tasks(TASK_INITIAL_MEETING)).as("fieldwork waits for its day").isEmpty();
    FrameworkScenario.clock("2026-10-02T15:00");
    deferrals.request("JTAI24-DEFER-DAY9", "The DCS has resigned.");
    Jtai2024Steps.deferralViews(s, "2026-10-02T23:59", "grant", "grant");
    s.complete(TASK_DECIDE_DEFERRAL, Map.of(VAR_DEFERRAL_DECISION, "granted", VAR_DEFERRED_FIELDWORK_START,
        "2026-11-16", "deferralDecisionReasons", "Exceptional."));
    s.waitsAtExactly(TASK_NOTIFY_DCS, TASK_NOTIFY_HEALTH_LEADERS, TASK_NOTIFY_POLICE_LEADERS);
    s.assigned(TASK_NOTIFY_DCS, LEAD, "2026-11-02T23:59");
    s.moveTo("2026-10-05T08:00");
    assertThat(s.tasks(TASK_INITIAL_MEETING)).as("the old fieldwork day passes without fieldwork").isEmpty();
  }

  @Test
  void aDeferralStillUndecidedWhenFieldworkStartsCanOnlyBeRefused() {
    FrameworkScenario s = start("JTAI24-DEFER-OPEN", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    FrameworkScenario.clock("2026-10-02T15:00");
    deferrals.request("JTAI24-DEFER-OPEN", "Local elections.");
    Jtai2024Steps.deferralViews(s, "2026-10-02T23:59", "grant", "refuse");
    Jtai2024Steps.fieldworkStarts(s);
    s.assigned(TASK_INITIAL_MEETING, LEAD, "2026-10-05T23:59");
    assertThatThrownBy(() -> s.complete(TASK_DECIDE_DEFERRAL, Map.of(VAR_DEFERRAL_DECISION, "granted",
        VAR_DEFERRED_FIELDWORK_START, "2026-11-16"))).hasMessageContaining("fieldwork started on 2026-10-05")
        .hasMessageContaining("paragraph 19");
    s.complete(TASK_DECIDE_DEFERRAL, Map.of(VAR_DEFERRAL_DECISION, "refused", "deferralDecisionReasons", "Too late."));
    assertThat(s.tasks(TASK_INITIAL_MEETING)).hasSize(1);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, VAR_FIELDWORK_START))
        .isEqualTo(FrameworkScenario.at("2026-10-05T00:00"));
  }

  @Test
  void fieldworkStartsOnItsDayWhileTheCaseRecordsAreStillAwaited() {
    FrameworkScenario s = start("JTAI24-PAPERWORK", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, List.of(TASK_NOTIFY_DCS, TASK_NOTIFY_HEALTH_LEADERS, TASK_NOTIFY_POLICE_LEADERS,
        TASK_RECORD_CHILD_LEVEL_DATA, TASK_SELECT_30_CHILDREN, TASK_RECORD_ANSWERS_30, TASK_SELECT_AUDIT_CHILDREN,
        TASK_REQUEST_HEALTH_RECORDS_CQC));
    // Paragraphs 27 and 106: the audits are due on day 8 whether or not the case records (day 6) have come.
    s.assigned(TASK_RECORD_CASE_RECORDS, LEAD, "2026-09-29T17:00");
    s.assigned(TASK_RECORD_AUDITS, LEAD, "2026-10-01T17:00");
    s.complete(TASK_RECORD_AUDITS);
    // Late case records are chased at 17:00 on day 6.
    s.moveTo("2026-09-29T17:00");
    s.assigned(TASK_CHASE_RECORD_CASE_RECORDS, LEAD, null);
    Jtai2024Steps.completeAll(s, List.of(TASK_CONFIRM_MASA_NOTIFIED, TASK_SETUP_DISCUSSION,
        TASK_MEET_MASA_BEFORE_FIELDWORK, TASK_TIMETABLE_LIAISON_CQC, TASK_TIMETABLE_LIAISON_HMICFRS,
        TASK_AGREE_FIELDWORK_TIMETABLE));
    // Paragraph 101: records not shared in week 2 are seen during fieldwork, which starts on Monday 5 October anyway.
    s.moveTo("2026-10-05T00:00");
    s.assigned(TASK_INITIAL_MEETING, LEAD, "2026-10-05T23:59");
    s.assigned(TASK_RECORD_CASE_RECORDS, LEAD, "2026-09-29T17:00");
    s.complete(TASK_RECORD_CASE_RECORDS);
    assertThat(s.tasks(TASK_CHASE_RECORD_CASE_RECORDS)).as("recording the arrival closes its chase").isEmpty();
    assertThat(s.tasks(TASK_INITIAL_MEETING)).as("fieldwork opened once").hasSize(1);
    s.complete(TASK_INITIAL_MEETING);
    s.assigned(TASK_KIT_WEDNESDAY, LEAD, "2026-10-07T23:59");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(s.processInstanceId)
        .taskDefinitionKey(TASK_INITIAL_MEETING).count()).isEqualTo(1);
  }

  @Test
  void deferralOnlyAfterTheNotificationAndBeforeFieldworkStarts() {
    FrameworkScenario s = start("JTAI24-DEFER-WHEN", "2026-10-05", "2026-09-18T10:00");
    // Scheduled, not yet notified: "after they have been notified" (paragraph 19).
    assertThatThrownBy(() -> deferrals.request("JTAI24-DEFER-WHEN", "Before anyone told us."))
        .isInstanceOfSatisfying(InspectionProblem.class, p -> assertThat(p.getMessage()).contains("not been notified")
            .contains("2026-10-05"));
    assertThat(s.tasks(TASK_DECIDE_DEFERRAL)).isEmpty();
    s.complete(TASK_NOTIFY_DCS, Map.of("dcsNotified", true));
    // Fieldwork day (Monday 5 October) with the local area's case records still to come: too late, although a
    // week-2 step is still open.
    FrameworkScenario.clock("2026-10-05T08:30");
    assertThatThrownBy(() -> deferrals.request("JTAI24-DEFER-WHEN", "During fieldwork."))
        .isInstanceOfSatisfying(InspectionProblem.class, p -> assertThat(p.getMessage()).contains("paragraph 19")
            .contains("2026-10-05"));
    assertThat(s.tasks(TASK_DECIDE_DEFERRAL)).isEmpty();
    // The Friday before fieldwork: accepted.
    FrameworkScenario.clock("2026-10-02T16:00");
    deferrals.request("JTAI24-DEFER-WHEN", "The DCS has resigned.");
    assertThat(s.tasks(TASK_DEFERRAL_VIEW_CQC)).hasSize(1);
  }

  @Test
  void aLateDraftLetterStillLeavesTheDcsNineWorkingDays() {
    FrameworkScenario s = start("JTAI24-LATE-DRAFT", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    List<String> toDraft = Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0,
        Jtai2024Steps.FIELDWORK_TO_DECISION.indexOf(TASK_SEND_DRAFT_LETTER));
    Jtai2024Steps.completeAll(s, toDraft);
    s.assigned(TASK_SEND_DRAFT_LETTER, LEAD, "2026-10-30T23:59"); // day 15 after fieldwork (ends Friday 9 October)
    // Sent on day 17 (Tuesday 3 November): the DCS's 9 working days run to Monday 16 November, not day 24 (12th).
    FrameworkScenario.clock("2026-11-03T10:00");
    s.complete(TASK_SEND_DRAFT_LETTER);
    s.assigned(TASK_RECORD_DCS_COMMENTS, LEAD, "2026-11-16T23:59");
  }

  @Test
  void anEarlyDraftLetterKeepsTheDay24Deadline() {
    FrameworkScenario s = start("JTAI24-EARLY-DRAFT", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0,
        Jtai2024Steps.FIELDWORK_TO_DECISION.indexOf(TASK_SEND_DRAFT_LETTER)));
    FrameworkScenario.clock("2026-10-20T10:00"); // day 7 after fieldwork
    s.complete(TASK_SEND_DRAFT_LETTER);
    s.assigned(TASK_RECORD_DCS_COMMENTS, LEAD, "2026-11-12T23:59"); // day 24 after fieldwork, as planned
  }

  private FrameworkScenario atFinalLetter(String reference, boolean la, boolean health, boolean police) {
    return atFinalLetter(reference, Jtai2024Steps.findings(la, health, police, false));
  }

  /** Completes every step to the final letter with these findings, then publication (after the departments). */
  private FrameworkScenario atFinalLetter(String reference, Map<String, Object> findings) {
    FrameworkScenario s = start(reference, "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION, Map.of(TASK_AGREE_PROVISIONAL_FINDINGS, findings));
    s.complete(TASK_SEND_FINAL_LETTER, Map.of("finalLetterSentConfirmed", true));
    if (!s.tasks(TASK_SHARE_LETTER_WITH_DEPARTMENTS).isEmpty()) {
      s.complete(TASK_SHARE_LETTER_WITH_DEPARTMENTS, Map.of("departmentsOffered", true));
    }
    s.complete(TASK_PUBLISH_LETTER);
    return s;
  }

  @Test
  void priorityActionForTheLocalAuthority() {
    FrameworkScenario s = atFinalLetter("JTAI24-PA-LA", true, false, false);
    s.waitsAtExactly(TASK_INFORM_DFE);
    assertThat(timeline.of("JTAI24-PA-LA")).as("no statement of action was required")
        .extracting(TimelineEntry::id).contains(TASK_PUBLISH_LETTER).doesNotContain(TASK_RECORD_STATEMENT_OF_ACTION);
    s.offered(TASK_INFORM_DFE, "ofsted", null);
    s.complete(TASK_INFORM_DFE);
    s.offered(TASK_REQUEST_LA_ACTION_PLAN, "ofsted", null);
    s.complete(TASK_REQUEST_LA_ACTION_PLAN);
    assertThat(instance(s)).isNull();
  }

  @Test
  void priorityActionForHealthIsWithCqcsManagerAtTheEndOfFieldworkNotAfterTheLetter() {
    // Paragraph 112: CQC inspectors "will immediately notify their manager": the step opens when the provisional
    // findings are agreed on day 14 (Friday 9 October 2026), beside the feedback meeting, due that day.
    FrameworkScenario s = start("JTAI24-PA-HEALTH", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    Jtai2024Steps.completeAll(s, List.of(TASK_INITIAL_MEETING, TASK_KIT_WEDNESDAY, TASK_KIT_THURSDAY,
        TASK_MEET_MASA_DURING_FIELDWORK));
    s.complete(TASK_AGREE_PROVISIONAL_FINDINGS, Jtai2024Steps.findings(false, true, false, false));
    // The evidence records (paragraph 74) are open all fieldwork week.
    s.waitsAtExactly(TASK_FEEDBACK_MEETING, TASK_CQC_NOTIFY_MANAGER,
        TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, TASK_COMPLETE_EVIDENCE_RECORDS_CQC, TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS);
    s.offered(TASK_CQC_NOTIFY_MANAGER, "cqc", "2026-10-09T23:59");
    s.complete(TASK_CQC_NOTIFY_MANAGER, Map.of("cqcManagerNotified", true));
    s.offered(TASK_CQC_MANAGEMENT_REVIEW, "cqc-senior-manager", null);
    s.complete(TASK_CQC_MANAGEMENT_REVIEW);
    s.offered(TASK_DECIDE_REGULATORY_ACTION, "cqc", null);
    s.complete(TASK_DECIDE_REGULATORY_ACTION, Map.of("regulatoryActionDecision", "visit"));
    // The letter goes on; the inspection ends when it is published.
    s.waitsAtExactly(TASK_FEEDBACK_MEETING,
        TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, TASK_COMPLETE_EVIDENCE_RECORDS_CQC, TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS);
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(5, Jtai2024Steps.FIELDWORK_TO_DECISION.size()));
    s.complete(TASK_SEND_FINAL_LETTER, Map.of("finalLetterSentConfirmed", true));
    s.complete(TASK_PUBLISH_LETTER);
    assertThat(instance(s)).isNull();
  }

  @Test
  void withoutAHealthPriorityActionCqcHasNothingToDo() {
    FrameworkScenario s = start("JTAI24-PA-NOHEALTH", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0, 5),
        Map.of(TASK_AGREE_PROVISIONAL_FINDINGS, Jtai2024Steps.findings(true, false, false, false)));
    s.waitsAtExactly(TASK_FEEDBACK_MEETING,
        TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, TASK_COMPLETE_EVIDENCE_RECORDS_CQC, TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS);
  }

  @Test
  void priorityActionsNeedTheirTextAndTheTextNeedsAnAgency() {
    FrameworkScenario s = start("JTAI24-PA-TEXT", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0, 4));
    Map<String, Object> flagWithoutText = Jtai2024Steps.findings(false, true, false, false);
    flagWithoutText.put("areasForPriorityAction", " ");
    assertThatThrownBy(() -> s.complete(TASK_AGREE_PROVISIONAL_FINDINGS, flagWithoutText))
        .hasMessageContaining("areasForPriorityAction");
    Map<String, Object> textWithoutFlag = Jtai2024Steps.findings(false, false, false, false);
    textWithoutFlag.put("areasForPriorityAction", "The police do not attend strategy meetings.");
    assertThatThrownBy(() -> s.complete(TASK_AGREE_PROVISIONAL_FINDINGS, textWithoutFlag))
        .hasMessageContaining("areasForPriorityAction");
    s.waitsAtExactly(TASK_AGREE_PROVISIONAL_FINDINGS,
        TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, TASK_COMPLETE_EVIDENCE_RECORDS_CQC, TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS);
  }

  @Test
  void priorityActionForThePoliceWithScanThenEngage() {
    FrameworkScenario s = atFinalLetter("JTAI24-PA-POLICE", false, false, true);
    s.waitsAtExactly(TASK_REPORT_CAUSE_OF_CONCERN);
    s.offered(TASK_REPORT_CAUSE_OF_CONCERN, "hmicfrs", null);
    s.complete(TASK_REPORT_CAUSE_OF_CONCERN, Map.of("causeOfConcernRecommendations", "Recommendation 1"));
    s.complete(TASK_MONITOR_SCAN, Map.of(VAR_FORCE_RESPONDING, "no"));
    s.offered(TASK_ENGAGE_FORCE, "hmicfrs", null);
    s.complete(TASK_ENGAGE_FORCE);
    assertThat(instance(s)).isNull();
  }

  @Test
  void priorityActionForThePoliceRespondingStaysInScan() {
    FrameworkScenario s = atFinalLetter("JTAI24-PA-SCAN", false, false, true);
    s.complete(TASK_REPORT_CAUSE_OF_CONCERN);
    s.complete(TASK_MONITOR_SCAN, Map.of(VAR_FORCE_RESPONDING, "yes"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(s.processInstanceId)
        .singleResult().getEndTime()).isNotNull();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(s.processInstanceId)
        .activityId(TASK_ENGAGE_FORCE).count()).isZero();
  }

  @Test
  void priorityActionForMoreThanOneAgencyIsCoordinated() {
    FrameworkScenario s = atFinalLetter("JTAI24-PA-MULTI", true, false, true);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(s.processInstanceId)
        .taskDefinitionKey(TASK_SHARE_LETTER_WITH_DEPARTMENTS).finished().count()).isEqualTo(1);
    // Paragraph 110: "the inspectorates will discuss": each records its part; Ofsted the repeat-JTAI decision.
    s.waitsAtExactly(TASK_INFORM_DFE, TASK_REPORT_CAUSE_OF_CONCERN, TASK_COORDINATE_FOLLOW_UP_OFSTED,
        TASK_COORDINATE_FOLLOW_UP_CQC, TASK_COORDINATE_FOLLOW_UP_HMICFRS);
    s.assigned(TASK_COORDINATE_FOLLOW_UP_OFSTED, LEAD, null);
    s.offered(TASK_COORDINATE_FOLLOW_UP_CQC, "cqc", null);
    s.offered(TASK_COORDINATE_FOLLOW_UP_HMICFRS, "hmicfrs", null);
    s.complete(TASK_COORDINATE_FOLLOW_UP_OFSTED, Map.of("repeatJtaiDecision", "considered-planned"));
    s.complete(TASK_COORDINATE_FOLLOW_UP_CQC, Map.of("followUpCoordinationCqc", "CQC follows up the ICB."));
    s.complete(TASK_COORDINATE_FOLLOW_UP_HMICFRS, Map.of("followUpCoordinationHmicfrs", "Through the force's plan."));
    s.complete(TASK_INFORM_DFE);
    s.complete(TASK_REQUEST_LA_ACTION_PLAN);
    s.complete(TASK_REPORT_CAUSE_OF_CONCERN);
    s.complete(TASK_MONITOR_SCAN, Map.of(VAR_FORCE_RESPONDING, "yes"));
    assertThat(instance(s)).isNull();
  }

  @Test
  void noPriorityActionEndsWithPublication() {
    FrameworkScenario s = atFinalLetter("JTAI24-PA-NONE", false, false, false);
    assertThat(instance(s)).isNull();
  }

  @Test
  void aComplaintAfterTheFinalLetterFollowsThe2024Procedure() {
    FrameworkScenario s = start("JTAI24-COMPLAINT", "2026-10-05", "2026-09-18T10:00");
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION);
    FrameworkScenario.clock("2026-11-23T10:00");
    s.complete(TASK_SEND_FINAL_LETTER, Map.of("finalLetterSentConfirmed", true));
    FrameworkScenario.clock("2026-11-24T10:00");

    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    Map<String, Object> body = new HashMap<>(Map.of("receivedOn", "2026-11-24", "kind", "process-outcome",
        "text", "The findings about the MASH do not reflect the evidence."));
    var response = http.withBasicAuth("complaints-officer", "demo").postForEntity(
        "/api/inspections/JTAI24-COMPLAINT/complaints", new org.springframework.http.HttpEntity<>(body, headers),
        com.fasterxml.jackson.databind.JsonNode.class);

    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    String complaint = response.getBody().get("id").asText();
    assertThat(engine.getRuntimeService().getVariable(complaint, "complaintEdition")).isEqualTo("2024");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(complaint).singleResult()
        .getBusinessKey()).isEqualTo("JTAI24-COMPLAINT");
  }

  @Test
  void lateChildLevelDataIsChasedFromFivePmOnTuesday() {
    FrameworkScenario s = start("JTAI24-LATE", "2026-10-05", "2026-09-18T10:00");
    s.complete(TASK_NOTIFY_DCS);
    s.complete(TASK_NOTIFY_HEALTH_LEADERS);
    s.complete(TASK_NOTIFY_POLICE_LEADERS);
    s.moveTo("2026-09-22T16:59");
    assertThat(s.tasks("task_chase_record_child_level_data")).isEmpty();
    s.moveTo("2026-09-22T17:00");
    s.assigned("task_chase_record_child_level_data", LEAD, null);
    s.assigned(TASK_RECORD_CHILD_LEVEL_DATA, LEAD, "2026-09-22T17:00"); // still open: the timer does not cancel it
    s.complete(TASK_RECORD_CHILD_LEVEL_DATA);
    assertThat(s.tasks("task_chase_record_child_level_data")).as("the arrival closes the chase").isEmpty();
    s.assigned(TASK_SELECT_30_CHILDREN, LEAD, "2026-09-23T17:00");
  }
}
