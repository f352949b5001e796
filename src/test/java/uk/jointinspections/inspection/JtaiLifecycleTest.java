package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.JtaiProcess.Submission;
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.WithEngineAssertions;
import uk.jointinspections.notification.NotificationStore;

/**
 * The whole inspection, day −1 to publication and the statement of action, with the clock moved working day by
 * working day: each step appears for the right people, due on its framework day, and a late step escalates.
 */
@EngineTest
@WithEngineAssertions
class JtaiLifecycleTest {

  private static final List<String> PARTNERS = List.of("cqc", "hmicfrs", "hmi-probation");
  private static final List<String> ALL = List.of("ofsted", "cqc", "hmicfrs", "hmi-probation");
  private static final java.util.function.UnaryOperator<String> SENIOR_MANAGERS = group -> group + "-senior-manager";

  @Autowired ProcessEngine engine;
  @Autowired NotificationStore notificationStore;
  @Autowired WorkingDays workingDays;
  @Autowired InspectionStarts starts;
  @Autowired Submissions submissions;

  /** How a run differs: editions, how the local area's submissions arrive, HMCI's decision, lateness. */
  record Run(String framework, String reference, LocalDate notified, String theme, boolean byMessage,
      boolean statementRequired, boolean consentLate) {
  }

  private JtaiScenario start(Run run) {
    JtaiScenario s = new JtaiScenario(engine, workingDays, run.notified());
    if ("jtai-2016".equals(run.framework())) {
      s.editionOverrides = JtaiEdition2016Test.AUGUST_2016;
    }
    EngineClock.set(s.date(-2), LocalTime.of(9, 0));
    InspectionStarts.Started started = starts.start(JtaiScenario.startRequest(run.framework(), run.reference(),
        run.theme(), run.notified()));
    s.instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.processInstanceId())
        .singleResult();
    return s;
  }

  private void arrives(JtaiScenario s, Run run, Submission submission) {
    if (run.byMessage()) {
      submissions.submit(run.reference(), submission.kind, Submissions.LISTS_OF_CHILDREN.contains(submission.kind)
          ? "{\"children\": [\"NS-2001\", \"NS-2002\"]}" : "{\"documents\":\"portal folder " + submission.kind + "\"}");
    } else {
      s.complete(submission.recordTaskId, Map.of(submission.receivedOnVariable(), ClockUtil.getCurrentTime().toString(),
          submission.channelVariable(), "email"));
    }
    assertThat(s.instance).hasPassed(submission.subProcessId);
  }

  /** Walks every step in order; returns the scenario at the end of day 41 (letter sent). */
  private JtaiScenario walkToLetterSent(Run run) {
    JtaiScenario s = start(run);
    ProcessInstance pi = s.instance;

    // Day −2: the senior analytical officer prepares the pre-inspection briefing (¶10).
    assertThat(pi).isWaitingAtExactly(TASK_PREPARE_PRE_INSPECTION_BRIEFING);
    s.roleStep(TASK_PREPARE_PRE_INSPECTION_BRIEFING, "senior-analytical-officer", -2, null);
    s.complete(TASK_PREPARE_PRE_INSPECTION_BRIEFING);
    s.clock(-1, "09:00");

    // Day −1: the lead inspector and an inspector of each other inspectorate review the briefing (¶11).
    assertThat(pi).isWaitingAtExactly(TASK_REVIEW_BRIEFING_LEAD, forInspectorate(TASK_REVIEW_BRIEFING, "cqc"),
        forInspectorate(TASK_REVIEW_BRIEFING, "hmicfrs"), forInspectorate(TASK_REVIEW_BRIEFING, "hmi-probation"));
    s.leadStep(TASK_REVIEW_BRIEFING_LEAD, -1, null);
    s.groupSteps(TASK_REVIEW_BRIEFING, PARTNERS, -1, null);
    s.complete(TASK_REVIEW_BRIEFING_LEAD);
    s.completeGroups(TASK_REVIEW_BRIEFING, PARTNERS);

    // Day 0 by 9.30am: the DCS is telephoned (¶12); then each inspectorate calls its senior leaders (¶13).
    assertThat(pi).isWaitingAtExactly(TASK_NOTIFY_DCS);
    s.leadStep(TASK_NOTIFY_DCS, 0, "09:30");
    s.clock(0, "09:00");
    s.complete(TASK_NOTIFY_DCS, Map.of(VAR_DCS_EMAIL, "dcs@northshire.example"));
    assertThat(pi).isWaitingAt(Submission.DEEP_DIVE_LIST.recordTaskId, TASK_SETUP_DISCUSSION,
        forInspectorate(TASK_NOTIFY_SENIOR_LEADERS, "cqc"));
    s.groupSteps(TASK_NOTIFY_SENIOR_LEADERS, PARTNERS, 0, null);
    s.completeEach(TASK_NOTIFY_SENIOR_LEADERS, PARTNERS, group -> Map.of(VAR_SENIOR_LEADER_EMAILS, group + "-leader@northshire.example"));
    s.leadStep(TASK_SETUP_DISCUSSION, 0, null);
    s.complete(TASK_SETUP_DISCUSSION);
    s.leadStep(Submission.DEEP_DIVE_LIST.recordTaskId, 0, null);
    assertThat(notificationStore.ofInspection(run.reference()).stream()
        .filter(notification -> NotificationProcess.PURPOSE_ANNEX_B.equals(notification.purpose())).count())
        .as("Annex B e-mails: the DCS and one senior leader per other inspectorate").isEqualTo(4);
    s.clock(0, "17:00");
    arrives(s, run, Submission.DEEP_DIVE_LIST);

    // Day 1: 20 children (¶21).
    s.leadStep(TASK_SELECT_20_CHILDREN, 1, null);
    s.clock(1, "10:00");
    s.complete(TASK_SELECT_20_CHILDREN, Map.of(VAR_SELECTED_CHILD_IDS, JtaiScenario.childIds(1, 20)));
    s.leadStep(Submission.INFORMATION_ON_20_CHILDREN.recordTaskId, 3, null);
    s.leadStep(Submission.MULTI_AGENCY_MEETINGS.recordTaskId, 3, null);

    // Days 2–3: information on the 20, five to seven of them for joint evaluation, the briefing note.
    s.clock(2, "14:00");
    arrives(s, run, Submission.INFORMATION_ON_20_CHILDREN);
    s.leadStep(TASK_SELECT_CHILDREN_TO_EVALUATE, 3, null);
    s.complete(TASK_SELECT_CHILDREN_TO_EVALUATE, Map.of(VAR_EVALUATION_CHILD_IDS, JtaiScenario.childIds(3, 6)));
    s.leadStep(TASK_PRODUCE_BRIEFING_NOTE, 3, null);
    s.clock(2, "16:00");
    arrives(s, run, Submission.MULTI_AGENCY_MEETINGS);
    s.clock(3, "12:00");
    s.complete(TASK_PRODUCE_BRIEFING_NOTE);

    // Day 4: preparation off site by every inspectorate; the lead inspector starts the timetable.
    s.clock(4, "10:00");
    s.groupSteps(TASK_PREPARE_OFF_SITE, ALL, 4, null);
    s.completeGroups(TASK_PREPARE_OFF_SITE, ALL);
    s.leadStep(TASK_COMMENCE_TIMETABLE, 4, null);
    s.complete(TASK_COMMENCE_TIMETABLE);
    s.leadStep(Submission.ANNEX_A_INFORMATION.recordTaskId, 5, null);
    s.leadStep(Submission.JOINT_EVALUATIONS.recordTaskId, 7, null);
    s.leadStep(Submission.CONSENT_CONFIRMATION.recordTaskId, 8, null);

    s.clock(5, "16:00");
    arrives(s, run, Submission.ANNEX_A_INFORMATION);
    s.clock(6, "10:00");
    s.leadStep(TASK_REVIEW_CASE_FILES, 6, null);
    s.complete(TASK_REVIEW_CASE_FILES);
    s.clock(7, "16:00");
    arrives(s, run, Submission.JOINT_EVALUATIONS);
    s.clock(8, "10:00");
    if ("jtai-2016".equals(run.framework())) {
      // The August 2016 edition's Annex A, day 8: the local authority provides case file lists (K3).
      s.leadStep(Submission.CASE_FILE_LISTS.recordTaskId, 8, null);
      arrives(s, run, Submission.CASE_FILE_LISTS);
    } else {
      assertThat(s.tasks(Submission.CASE_FILE_LISTS.recordTaskId)).as("the 2017 edition has no such milestone").isEmpty();
    }
    s.groupSteps(TASK_CONSIDER_JOINT_EVALUATIONS, ALL, 8, null);
    s.completeGroups(TASK_CONSIDER_JOINT_EVALUATIONS, ALL);
    s.leadStep(TASK_AGREE_ONSITE_PROGRAMME, 8, null);
    s.complete(TASK_AGREE_ONSITE_PROGRAMME);
    assertThat(s.followUps()).as("nothing was late so far").isZero();

    if (run.consentLate()) {
      // The consent confirmation (end of day 8) has not come: on day 9 the lead inspector is asked to chase it,
      // and the lead inspector and the QA manager get the overdue step.
      s.clock(9, "08:00");
      assertThat(s.task(Submission.CONSENT_CONFIRMATION.chaseTaskId)).isAssignedTo("ofsted-lead");
      Task followUp = s.task(TASK_FOLLOW_UP_OVERDUE);
      assertThat(followUp).hasCandidateUser("ofsted-lead").hasCandidateUser("qa-manager").hasCandidateGroup("qa-manager");
      assertThat(engine.getTaskService().getVariable(followUp.getId(), VAR_OVERDUE_STEP))
          .isEqualTo(Submission.CONSENT_CONFIRMATION.recordTaskId);
      assertThat(engine.getTaskService().getVariable(followUp.getId(), VAR_OVERDUE_STEP_DAY)).isEqualTo("8");
      s.fireDueTimers();
      assertThat(s.followUps()).as("a deadline escalates once").isEqualTo(1);
      arrives(s, run, Submission.CONSENT_CONFIRMATION);
      assertThat(s.tasks(Submission.CONSENT_CONFIRMATION.chaseTaskId)).as("the chase ends when it arrives").isEmpty();
      s.complete(TASK_FOLLOW_UP_OVERDUE, Map.of("overdueFollowUpAction", "Link person telephoned; sent at 08:20."));
    } else {
      s.clock(8, "15:00");
      arrives(s, run, Submission.CONSENT_CONFIRMATION);
    }

    // Week three on site (¶27–40).
    s.clock(9, "09:00");
    assertThat(pi).isWaitingAt(TASK_TEAM_BRIEFING, TASK_ANALYTICAL_SUPPORT_ON_SITE);
    s.leadStep(TASK_TEAM_BRIEFING, 9, null);
    s.complete(TASK_TEAM_BRIEFING);
    s.leadStep(TASK_INITIAL_MEETING, 9, null);
    s.complete(TASK_INITIAL_MEETING);
    s.clock(10, "12:00");
    s.roleStep(TASK_ANALYTICAL_SUPPORT_ON_SITE, "senior-analytical-officer", 10, null);
    s.complete(TASK_ANALYTICAL_SUPPORT_ON_SITE);
    // KIT meetings on Wednesday and Thursday morning of week three (¶35): days 11 and 12 by 12:00.
    s.leadStep(TASK_KIT_MEETING_DAY_10, 11, "12:00");
    s.clock(11, "10:00");
    s.complete(TASK_KIT_MEETING_DAY_10);
    s.leadStep(TASK_KIT_MEETING_DAY_11, 12, "12:00");
    s.clock(12, "10:00");
    s.complete(TASK_KIT_MEETING_DAY_11);
    assertThat(pi).isWaitingAt(TIMER_DAY_12_EVIDENCE_CEASES);
    Job evidenceCeases = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_DAY_12_EVIDENCE_CEASES).singleResult();
    assertThat(evidenceCeases.getDuedate()).isEqualTo(s.deadline(12, "15:00"));
    s.clock(12, "14:59");
    assertThat(pi).isWaitingAt(TIMER_DAY_12_EVIDENCE_CEASES);
    s.clock(12, "15:00");
    s.leadStep(TASK_AGREE_PROVISIONAL_FINDINGS, 12, null);
    s.complete(TASK_AGREE_PROVISIONAL_FINDINGS);
    s.clock(13, "09:00");
    s.leadStep(TASK_FINDINGS_MEETING, 13, "12:00");
    s.complete(TASK_FINDINGS_MEETING, Map.of(VAR_STRENGTHS, "Strong multi-agency front door.",
        VAR_AREAS_FOR_DEVELOPMENT, "Timeliness of strategy discussions.", VAR_AREAS_FOR_PRIORITY_ACTION, ""));
    s.leadStep(TASK_FEEDBACK_MEETING, 13, "15:00");
    s.groupSteps(TASK_SUBMIT_KEY_FINDINGS, ALL, 13, null);
    s.complete(TASK_FEEDBACK_MEETING);
    s.completeGroups(TASK_SUBMIT_KEY_FINDINGS, ALL);

    // Weeks four to nine: the letter (¶83–96).
    s.clock(16, "10:00");
    s.leadStep(TASK_CONSOLIDATE_LETTER, 16, null);
    s.complete(TASK_CONSOLIDATE_LETTER);
    // The lead inspector and the QA manager agree the draft (table day 16): two tasks, both must be done.
    Task qa = s.task(TASK_AGREE_DRAFT_LETTER);
    assertThat(qa).isAssignedTo("qa-manager").hasDueDate(s.deadline(TASK_AGREE_DRAFT_LETTER, 16, null));
    assertThat(s.candidateGroup(qa)).as("colleagues can cover for the named QA manager").isEqualTo("qa-manager");
    s.leadStep(TASK_AGREE_DRAFT_LETTER_LEAD, 16, null);
    s.complete(TASK_AGREE_DRAFT_LETTER);
    assertThat(pi).isWaitingAt(TASK_AGREE_DRAFT_LETTER_LEAD).hasNotPassed(forInspectorate(TASK_SIGN_OFF_DRAFT_LETTER, "cqc"));
    s.complete(TASK_AGREE_DRAFT_LETTER_LEAD);
    s.clock(21, "10:00");
    // Senior managers in all inspectorates review and agree the findings (¶96).
    s.groupSteps(TASK_SIGN_OFF_DRAFT_LETTER, PARTNERS, 21, null, SENIOR_MANAGERS);
    s.completeGroups(TASK_SIGN_OFF_DRAFT_LETTER, PARTNERS);
    s.clock(22, "10:00");
    s.roleStep(TASK_SIGN_OFF_DRAFT_NATIONAL_DIRECTOR, "ofsted-national-director", 22, null);
    s.complete(TASK_SIGN_OFF_DRAFT_NATIONAL_DIRECTOR);
    s.clock(23, "10:00");
    s.roleStep(TASK_REVIEW_DRAFT_EDITORS, "editors", 23, null);
    s.complete(TASK_REVIEW_DRAFT_EDITORS);
    s.clock(24, "10:00");
    s.leadStep(TASK_SEND_DRAFT_TO_DCS, 24, null);
    s.complete(TASK_SEND_DRAFT_TO_DCS);
    s.leadStep(Submission.FACTUAL_ACCURACY_RESPONSE.recordTaskId, 33, null);
    s.clock(33, "16:00");
    arrives(s, run, Submission.FACTUAL_ACCURACY_RESPONSE);
    s.clock(34, "10:00");
    // Day 34: the lead inspector and the QA manager consider the comments, each in their own task.
    s.leadStep(TASK_CONSIDER_FACTUAL_ACCURACY, 34, null);
    assertThat(s.task(TASK_CONSIDER_FACTUAL_ACCURACY_QA)).isAssignedTo("qa-manager")
        .hasDueDate(s.deadline(TASK_CONSIDER_FACTUAL_ACCURACY_QA, 34, null));
    s.complete(TASK_CONSIDER_FACTUAL_ACCURACY);
    s.complete(TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    // HMCI's decision is proposed before the inspectorates agree the letter that includes it (¶97).
    Map<String, Object> decision = run.statementRequired()
        ? Map.of(VAR_STATEMENT_OF_ACTION_REQUIRED, true, VAR_STATEMENT_LEAD_AGENCY, "local-authority")
        : Map.of(VAR_STATEMENT_OF_ACTION_REQUIRED, false);
    s.roleStep(TASK_PROPOSE_STATEMENT_DECISION, "ofsted-national-director", 34, null);
    s.complete(TASK_PROPOSE_STATEMENT_DECISION, decision);
    s.clock(37, "10:00");
    s.groupSteps(TASK_AGREE_LETTER, PARTNERS, 37, null, SENIOR_MANAGERS);
    s.completeGroups(TASK_AGREE_LETTER, PARTNERS);
    s.clock(39, "10:00");
    s.roleStep(TASK_SIGN_OFF_FINAL_NATIONAL_DIRECTOR, "ofsted-national-director", 39, null);
    s.complete(TASK_SIGN_OFF_FINAL_NATIONAL_DIRECTOR);
    s.clock(40, "10:00");
    s.roleStep(TASK_REVIEW_FINAL_EDITORS, "editors", 40, null);
    s.complete(TASK_REVIEW_FINAL_EDITORS);
    s.clock(41, "10:00");
    s.leadStep(TASK_SEND_PRE_PUBLICATION_LETTER, 41, null);
    s.complete(TASK_SEND_PRE_PUBLICATION_LETTER);
    return s;
  }

  private void publish(JtaiScenario s) {
    s.clock(43, "09:00");
    s.roleStep(TASK_PUBLISH_LETTER, "editors", 43, null);
    s.complete(TASK_PUBLISH_LETTER, Map.of("publicationUrl", "https://reports.example/northshire"));
    assertThat(s.instance).hasPassed(END_PUBLISHED);
    // Only now may the partnership answer the evaluation questionnaire (¶95); the lead inspector records it.
    s.complete(Submission.EVALUATION_QUESTIONNAIRE.recordTaskId, Map.of("evaluationQuestionnaireOutcome", "received",
        Submission.EVALUATION_QUESTIONNAIRE.receivedOnVariable(), ClockUtil.getCurrentTime().toString(),
        Submission.EVALUATION_QUESTIONNAIRE.channelVariable(), "email"));
  }

  @Test
  void edition2017WalksFromDayMinusOneToPublicationAndTheStatementOfAction() {
    Run run = new Run("jtai-2017", "JTAI-2017-LIFE", LocalDate.of(2026, 11, 3), "neglect", true, true, true);
    JtaiScenario s = walkToLetterSent(run);
    Date letterSent = ClockUtil.getCurrentTime();

    // The statement of action is due 70 working days after the letter was sent (¶99).
    ZonedDateTime expected = workingDays.deadlineAfter(letterSent.toInstant(), 70, null);
    assertThat(s.task(Submission.STATEMENT_OF_ACTION.recordTaskId)).isAssignedTo("ofsted-lead")
        .hasDueDate(Date.from(expected.toInstant()));
    publish(s);

    ClockUtil.setCurrentTime(Date.from(expected.minusDays(3).toInstant()));
    submissions.submit(run.reference(), Submission.STATEMENT_OF_ACTION.kind, "{\"plan\":\"portal folder SoA\"}");
    assertThat(s.task(TASK_REVIEW_STATEMENT_OF_ACTION)).isAssignedTo("ofsted-lead");
    s.complete(TASK_REVIEW_STATEMENT_OF_ACTION, Map.of("statementReviewDraftResponse", "The plan addresses the findings."));
    PARTNERS.forEach(g -> assertThat(s.candidateGroup(s.task(forInspectorate(TASK_AGREE_STATEMENT_RESPONSE, g)))).isEqualTo(g));
    s.completeGroups(TASK_AGREE_STATEMENT_RESPONSE, PARTNERS);
    s.complete(TASK_SEND_STATEMENT_RESPONSE);

    assertThat(s.instance).isEnded().hasPassedInOrder(TASK_PREPARE_PRE_INSPECTION_BRIEFING, TASK_REVIEW_BRIEFING_LEAD, TASK_NOTIFY_DCS, TASK_SELECT_20_CHILDREN,
        TASK_SELECT_CHILDREN_TO_EVALUATE, TASK_TEAM_BRIEFING, TIMER_DAY_12_EVIDENCE_CEASES, TASK_FINDINGS_MEETING,
        TASK_AGREE_DRAFT_LETTER, TASK_SIGN_OFF_FINAL_NATIONAL_DIRECTOR, TASK_SEND_PRE_PUBLICATION_LETTER,
        TASK_REVIEW_STATEMENT_OF_ACTION, forInspectorate(TASK_AGREE_STATEMENT_RESPONSE, "cqc"), TASK_SEND_STATEMENT_RESPONSE);
    assertThat(s.instance).hasPassed(END_STATEMENT_RESPONSE_SENT, END_PUBLISHED).hasNotPassed(END_NO_STATEMENT);
  }

  @Test
  void notifiedJustBeforeChristmasEveryDateSkipsTheBankHolidaysAndNoStatementIsRequired() {
    Run run = new Run("jtai-2017", "JTAI-2017-XMAS", LocalDate.of(2026, 12, 22), "domestic-abuse", false, false, false);
    JtaiScenario s = walkToLetterSent(run);
    assertThat(s.instance).isWaitingAtExactly(TASK_PUBLISH_LETTER);
    assertThatThrownBy(() -> submissions.submit(run.reference(), Submission.STATEMENT_OF_ACTION.kind, "{}"))
        .isInstanceOf(InspectionProblem.class).hasMessageContaining("No statement of action is required");
    publish(s);
    assertThat(s.instance).isEnded().hasPassed(END_NO_STATEMENT, END_PUBLISHED)
        .hasNotPassed(Submission.STATEMENT_OF_ACTION.subProcessId, TASK_REVIEW_STATEMENT_OF_ACTION);

    // Christmas Day (Fri 25), the Boxing Day substitute (Mon 28) and New Year's Day (Fri 1 Jan) are not working days.
    Map<String, String> due = Map.ofEntries(
        Map.entry(TASK_PREPARE_PRE_INSPECTION_BRIEFING, "2026-12-18T23:59"),
        Map.entry(TASK_REVIEW_BRIEFING_LEAD, "2026-12-21T23:59"),
        Map.entry(TASK_NOTIFY_DCS, "2026-12-22T09:30"),
        Map.entry(TASK_SELECT_20_CHILDREN, "2026-12-23T23:59"),
        Map.entry(TASK_SELECT_CHILDREN_TO_EVALUATE, "2026-12-29T23:59"),
        Map.entry(TASK_COMMENCE_TIMETABLE, "2026-12-30T23:59"),
        Map.entry(Submission.ANNEX_A_INFORMATION.recordTaskId, "2026-12-31T23:59"),
        Map.entry(TASK_REVIEW_CASE_FILES, "2027-01-04T23:59"),
        Map.entry(Submission.JOINT_EVALUATIONS.recordTaskId, "2027-01-05T23:59"),
        Map.entry(TASK_AGREE_ONSITE_PROGRAMME, "2027-01-06T23:59"),
        Map.entry(TASK_TEAM_BRIEFING, "2027-01-07T23:59"),
        Map.entry(TASK_FINDINGS_MEETING, "2027-01-13T12:00"),
        Map.entry(TASK_PUBLISH_LETTER, "2027-02-24T23:59"));
    due.forEach((step, when) -> assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(s.instance.getId()).taskDefinitionKey(step).list())
        .as(step).isNotEmpty().allSatisfy(task -> assertThat(task.getDueDate().toInstant())
            .isEqualTo(java.time.LocalDateTime.parse(when).atZone(WorkingDayCalendar.LONDON).toInstant())));
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(s.instance.getId())
        .activityId(TIMER_DAY_12_EVIDENCE_CEASES).singleResult().getEndTime().toInstant())
        .isEqualTo(java.time.LocalDateTime.parse("2027-01-12T15:00").atZone(WorkingDayCalendar.LONDON).toInstant());
    assertThat(s.followUps()).isZero();
  }

  @Test
  void edition2016WalksFromDayMinusOneToPublicationAndTheStatementOfActionAtThe2016Times() {
    Run run = new Run("jtai-2016", "JTAI-2016-LIFE", LocalDate.of(2027, 3, 2), "domestic-abuse", true, true, false);
    JtaiScenario s = walkToLetterSent(run);
    publish(s);
    submissions.submit(run.reference(), Submission.STATEMENT_OF_ACTION.kind, "{\"plan\":\"portal folder SoA\"}");
    s.complete(TASK_REVIEW_STATEMENT_OF_ACTION);
    s.completeGroups(TASK_AGREE_STATEMENT_RESPONSE, PARTNERS);
    s.complete(TASK_SEND_STATEMENT_RESPONSE);
    assertThat(s.instance).isEnded().hasPassed(END_STATEMENT_RESPONSE_SENT, END_PUBLISHED);
    assertThat(s.followUps()).isZero();
  }
}
