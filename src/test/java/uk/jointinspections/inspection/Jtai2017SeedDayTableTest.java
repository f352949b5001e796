package uk.jointinspections.inspection;

import static uk.jointinspections.inspection.JtaiSeedDayTable.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The April 2017 framework's day table (seed 001, paragraph 9), row by row, against an inspection notified on Tuesday
 * 23 March 2027, whose weeks one and two cross Good Friday and Easter Monday.
 */
@EngineTest
@WithEngineAssertions
class Jtai2017SeedDayTableTest {

  /** element | working day | time (empty: end of day) | performer | paragraph. Readings: jtai-2017.md R1–R8. */
  static final List<Row> TABLE = rows("""
      # ¶10 (no day in the seed; read as day -2): the senior analytical officer's pre-inspection briefing.
      task_prepare_pre_inspection_briefing | -2 | | senior-analytical-officer | 10
      # -1 The lead inspector and an inspector from each of CQC, HMIC and HMI Probation review the briefing.
      task_review_briefing_lead | -1 | | LI | 9, 11
      task_review_briefing_cqc | -1 | | cqc | 9, 11
      task_review_briefing_hmicfrs | -1 | | hmicfrs | 9, 11
      task_review_briefing_hmi_probation | -1 | | hmi-probation | 9, 11
      # 0 By 9.30 am the lead inspector notifies the DCS; calls from each inspectorate to senior leaders.
      task_notify_dcs | 0 | 09:30 | LI | 9, 12, 14
      task_notify_senior_leaders_cqc | 0 | | cqc | 9, 13
      task_notify_senior_leaders_hmicfrs | 0 | | hmicfrs | 9, 13
      task_notify_senior_leaders_hmi_probation | 0 | | hmi-probation | 9, 13
      # 0 set-up discussion later that day; the DCS sends the list(s) of children from the deep dive theme.
      task_setup_discussion | 0 | | LI | 12, 15
      sub_deep_dive_list | 0 | | local area | 9, 19
      # 1 The lead inspector selects 20 children.
      task_select_20_children | 1 | | LI | 9, 19, 21
      # 2-3 (read as 3) information on the 20; five to seven children; multi-agency meetings; briefing note.
      sub_information_20_children | 3 | | local area | 9, 21
      task_select_children_to_evaluate | 3 | | LI | 9, 21, 22
      sub_multi_agency_meetings | 3 | | local area | 9, Annex A
      task_produce_briefing_note | 3 | | LI | 9
      # 4 Preparation off site; the lead inspector commences timetable development.
      task_prepare_off_site_ofsted | 4 | | ofsted | 9, 11
      task_prepare_off_site_cqc | 4 | | cqc | 9, 11
      task_prepare_off_site_hmicfrs | 4 | | hmicfrs | 9, 11
      task_prepare_off_site_hmi_probation | 4 | | hmi-probation | 9, 11
      task_commence_timetable | 4 | | LI | 9, 25
      # 5 Annex A information not yet submitted; 6 case file documents reviewed and allocated.
      sub_annex_a_information | 5 | | local area | 9, 24, Annex A
      task_review_case_files | 6 | | LI | 9
      # 7 joint evaluations; 8 the team considers them, consent in writing, on-site programme agreed.
      sub_joint_evaluations | 7 | | local area | 9, 22, 24
      task_consider_joint_evaluations_ofsted | 8 | | ofsted | 9, 23
      task_consider_joint_evaluations_cqc | 8 | | cqc | 9, 23
      task_consider_joint_evaluations_hmicfrs | 8 | | hmicfrs | 9, 23
      task_consider_joint_evaluations_hmi_probation | 8 | | hmi-probation | 9, 23
      sub_consent_confirmation | 8 | | local area | 9, 50
      task_agree_onsite_programme | 8 | | LI | 9, 25, 26
      # 9-12 Day 9 team arrives and meets senior leaders; analytical officer days 9-10; KIT meetings (¶35, R4);
      # evidence collection ceases at 3.00pm on day 12; team meets in the afternoon to agree provisional findings.
      task_team_briefing | 9 | | LI | 9, 27
      task_initial_meeting | 9 | | LI | 9, 28, 29
      task_analytical_support_on_site | 10 | | senior-analytical-officer | 9, 70
      task_kit_meeting_day_10 | 11 | 12:00 | LI | 35-38
      task_kit_meeting_day_11 | 12 | 12:00 | LI | 35-38
      timer_day_12_evidence_ceases | 12 | 15:00 | inspection team | 9
      task_agree_provisional_findings | 12 | | LI | 9, 39
      # 13 findings by lunchtime; feedback meeting by mid-afternoon; written-up key findings.
      task_findings_meeting | 13 | 12:00 | LI | 9, 39, 86-89
      task_feedback_meeting | 13 | 15:00 | LI | 9, 40-45
      task_submit_key_findings_ofsted | 13 | | ofsted | 9, 79
      task_submit_key_findings_cqc | 13 | | cqc | 9, 79
      task_submit_key_findings_hmicfrs | 13 | | hmicfrs | 9, 79
      task_submit_key_findings_hmi_probation | 13 | | hmi-probation | 9, 79
      # 14-16 consolidation; day 16 the lead inspector and the QA manager agree a draft.
      task_consolidate_letter | 16 | | LI | 9, 83
      task_agree_draft_letter_lead | 16 | | LI | 9, 93, 96
      task_agree_draft_letter | 16 | | QA | 9, 93, 96
      # 16-23 partners' senior managers sign off (¶96) (16-21); National Director (21-22); editors (23).
      task_sign_off_draft_letter_cqc | 21 | | cqc-senior-manager | 9, 96
      task_sign_off_draft_letter_hmicfrs | 21 | | hmicfrs-senior-manager | 9, 96
      task_sign_off_draft_letter_hmi_probation | 21 | | hmi-probation-senior-manager | 9, 96
      task_sign_off_draft_national_director | 22 | | ofsted-national-director | 9
      task_review_draft_editors | 23 | | editors | 9
      # 24-33 draft to the DCS; 10 working days to respond (day 33: the sending day counts as the first, R5).
      task_send_draft_to_dcs | 24 | | LI | 9, 96
      sub_factual_accuracy_response | 33 | | local area | 9, 96
      # 34-40 lead inspector and QA manager consider comments (34); inspectorates agree (37); ND (38-39); editors (40).
      task_consider_factual_accuracy | 34 | | LI | 9, 96, 101
      task_consider_factual_accuracy_qa | 34 | | QA | 9, 96, 101
      # ¶97: HMCI's decision proposed (day 34, our reading) so that the inspectorates agree it with the letter.
      task_propose_statement_decision | 34 | | ofsted-national-director | 9, 97
      task_agree_letter_cqc | 37 | | cqc-senior-manager | 9, 96
      task_agree_letter_hmicfrs | 37 | | hmicfrs-senior-manager | 9, 96
      task_agree_letter_hmi_probation | 37 | | hmi-probation-senior-manager | 9, 96
      task_sign_off_final_national_director | 39 | | ofsted-national-director | 9, 97
      task_review_final_editors | 40 | | editors | 9
      # 41 pre-publication letter; 43 published (R1).
      task_send_pre_publication_letter | 41 | | LI | 9, 92
      task_publish_letter | 43 | | editors | 9
      # Post inspection: the statement of action within 70 working days of the letter being sent (day 41 + 70).
      sub_statement_of_action | 111 | | local area | 9, 97-99
      """);

  static final LocalDate NOTIFIED = LocalDate.of(2027, 3, 23);

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;

  @AfterEach
  void resetClockAndRemoveTheTablesInspections() {
    removeInspections(engine, "JTAI-2017-TABLE");
  }

  @Test
  void everyTimelineEntryAndEveryTaskIsTheTablesDayTimePerformerAndParagraph() {
    atStart(NOTIFIED);
    InspectionStarts.Started started = starts.start(JtaiScenario.startRequest("jtai-2017", "JTAI-2017-TABLE", "neglect",
        NOTIFIED));
    checkTimeline(timeline.of(started.reference()), NOTIFIED, TABLE);
    Map<String, Object> variables = engine.getRuntimeService().getVariables(started.processInstanceId());
    checkTasklist(engine, variables, "JTAI-2017-TABLE-STEP", NOTIFIED, TABLE);
  }
}
