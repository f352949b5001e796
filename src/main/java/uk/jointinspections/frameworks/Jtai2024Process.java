package uk.jointinspections.frameworks;

import java.util.List;
import uk.jointinspections.inspection.InspectionVariables;
import uk.jointinspections.inspection.StatementOfActionProcess;
import uk.jointinspections.inspection.SubmissionItem;

/**
 * {@code processes/jtai-2024.bpmn}: the JTAI of the multi-agency response to the identification of initial need and
 * risk, guidance of 5 April 2024. Its element ids and variables, for the delegates, the API and the tests.
 */
public final class Jtai2024Process {

  public static final String KEY = "jtai-2024";
  public static final String FRAMEWORK = "jtai-2024";
  public static final String TITLE = "Joint targeted area inspection of the multi-agency response to the identification"
      + " of initial need and risk (April 2024)";

  /** Fieldwork starts 10 working days after the notification (paragraphs 13 and 16) and lasts the week. */
  public static final int FIELDWORK_START_DAY = 10;
  public static final int FIELDWORK_END_DAY = 14;

  public static final String MESSAGE_DEFERRAL_REQUESTED = "jtai2024DeferralRequested";

  // Variables (framework, reference, localAuthority, dayZero, leadInspector, qaManager as in InspectionVariables)
  public static final String VAR_FIELDWORK_START = InspectionVariables.FIELDWORK_START;
  public static final String VAR_FIELDWORK_END = "fieldworkEnd";
  /**
   * Day 0 of the DCS's 9 working days for factual accuracy (paragraph 83): the day the draft letter was sent, or its
   * deadline (working day 15 after fieldwork) when it went earlier.
   */
  public static final String VAR_FACTUAL_ACCURACY_DAY_ZERO = "factualAccuracyDayZero";
  /**
   * Set when fieldwork begins on its day ({@code timer_fieldwork_starts}); the end of weeks 1 and 2 then opens
   * nothing more. Without it (an inspection moved from an older version), fieldwork starts once weeks 1 and 2 end.
   */
  public static final String VAR_FIELDWORK_STARTED = "fieldworkStarted";
  public static final String VAR_FIELDWORK_START_LABEL = InspectionVariables.FIELDWORK_START_LABEL;
  public static final String VAR_FIELDWORK_END_LABEL = "fieldworkEndLabel";
  public static final String VAR_DEFERRAL_REQUEST_REASON = "deferralRequestReason";
  public static final String VAR_DEFERRAL_DECISION = "deferralDecision";
  public static final String VAR_DEFERRED_FIELDWORK_START = "deferredFieldworkStart";
  public static final String VAR_DEFERRALS = "deferrals";
  /** Whether the partnership has asked for a deferral: the timeline lists the decision (day 9) only then. */
  public static final String VAR_DEFERRAL_REQUESTED = "deferralRequested";
  public static final String VAR_FINAL_LETTER_SENT_ON = "finalLetterSentOn";
  public static final String VAR_STATEMENT_REQUIRED = "statementOfActionRequired";
  public static final String VAR_PRIORITY_LOCAL_AUTHORITY = "priorityActionLocalAuthority";
  public static final String VAR_PRIORITY_HEALTH = "priorityActionHealth";
  public static final String VAR_PRIORITY_POLICE = "priorityActionPolice";
  public static final String VAR_PRIORITY_MASA = "priorityActionMasa";
  /** More than one agency, or the MASA, has an area for priority action (paragraph 110). */
  public static final String VAR_PRIORITY_MULTI_AGENCY = "priorityActionMultiAgency";
  public static final String VAR_STATEMENT_LEAD_AGENCY = "statementLeadAgency";
  public static final String VAR_STATEMENT_COOPERATING_AGENCIES = "statementCooperatingAgencies";
  public static final String VAR_FORCE_RESPONDING = "forceResponding";
  // Publication hold (Annex C, paragraph 121): set by the complaint side (PublicationHold)
  public static final String VAR_PUBLICATION_WITHHELD = "publicationWithheld";
  public static final String MESSAGE_PUBLICATION_WITHHELD = "msg_publication_withheld";
  public static final String MESSAGE_PUBLICATION_RESUMED = "msg_publication_resumed";

  // Before the notification (paragraphs 14-15)
  public static final String TASK_SHARE_ANALYSIS_OFSTED = "task_share_analysis_ofsted";
  public static final String TASK_SHARE_ANALYSIS_CQC = "task_share_analysis_cqc";
  public static final String TASK_SHARE_ANALYSIS_HMICFRS = "task_share_analysis_hmicfrs";
  public static final String TASK_PRE_NOTIFICATION_MEETING = "task_pre_notification_meeting";
  // Weeks 1 and 2
  public static final String SUB_NOTIFICATION_TO_FIELDWORK = "sub_notification_to_fieldwork";
  public static final String TASK_NOTIFY_DCS = "task_notify_dcs";
  public static final String TASK_NOTIFY_HEALTH_LEADERS = "task_notify_health_leaders";
  public static final String TASK_NOTIFY_POLICE_LEADERS = "task_notify_police_leaders";
  /**
   * Each Annex A arrival waits in its own scope ({@code sub_record_<kind>}), so that recording it closes its chase
   * step; fieldwork starts on its day through {@code timer_fieldwork_starts} and {@code boundary_fieldwork_starts}.
   */
  public static final String SUB_RECORD_CHILD_LEVEL_DATA = "sub_record_child_level_data";
  public static final String SUB_RECORD_CASE_RECORDS = "sub_record_case_records";
  public static final String SUB_RECORD_AUDITS = "sub_record_audits";
  public static final String TIMER_FIELDWORK_STARTS = "timer_fieldwork_starts";
  public static final String BOUNDARY_FIELDWORK_STARTS = "boundary_fieldwork_starts";
  public static final String TASK_CHASE_RECORD_CHILD_LEVEL_DATA = "task_chase_record_child_level_data";
  public static final String TASK_CHASE_RECORD_CASE_RECORDS = "task_chase_record_case_records";
  public static final String TASK_RECORD_CHILD_LEVEL_DATA = "task_record_child_level_data";
  public static final String TASK_SELECT_30_CHILDREN = "task_select_30_children";
  public static final String TASK_RECORD_ANSWERS_30 = "task_record_answers_30";
  public static final String TASK_SELECT_AUDIT_CHILDREN = "task_select_audit_children";
  /** Paragraph 105: CQC decides which health agencies to ask for the selected children's records. */
  public static final String TASK_REQUEST_HEALTH_RECORDS_CQC = "task_request_health_records_cqc";
  public static final String TASK_RECORD_CASE_RECORDS = "task_record_case_records";
  public static final String TASK_RECORD_AUDITS = "task_record_audits";
  public static final String TASK_CONFIRM_MASA_NOTIFIED = "task_confirm_masa_notified";
  public static final String TASK_SETUP_DISCUSSION = "task_setup_discussion";
  public static final String TASK_MEET_MASA_BEFORE_FIELDWORK = "task_meet_masa_before_fieldwork";
  /** Paragraph 31: CQC's and HMICFRS's lead inspectors liaise with their agencies on the timetable. */
  public static final String TASK_TIMETABLE_LIAISON_CQC = "task_timetable_liaison_cqc";
  public static final String TASK_TIMETABLE_LIAISON_HMICFRS = "task_timetable_liaison_hmicfrs";
  public static final String TASK_AGREE_FIELDWORK_TIMETABLE = "task_agree_fieldwork_timetable";
  public static final String TASK_DECIDE_DEFERRAL = "task_decide_deferral";
  public static final String TASK_DEFERRAL_VIEW_CQC = "task_deferral_view_cqc";
  public static final String TASK_DEFERRAL_VIEW_HMICFRS = "task_deferral_view_hmicfrs";
  // Week 3
  public static final String TASK_INITIAL_MEETING = "task_initial_meeting";
  public static final String TASK_KIT_WEDNESDAY = "task_kit_wednesday";
  public static final String TASK_KIT_THURSDAY = "task_kit_thursday";
  public static final String TASK_MEET_MASA_DURING_FIELDWORK = "task_meet_masa_during_fieldwork";
  public static final String TASK_AGREE_PROVISIONAL_FINDINGS = "task_agree_provisional_findings";
  public static final String TASK_FEEDBACK_MEETING = "task_feedback_meeting";
  /** Paragraphs 72-75: each inspectorate completes its inspectors' evidence records by the end of fieldwork. */
  public static final String TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED = "task_complete_evidence_records_ofsted";
  public static final String TASK_COMPLETE_EVIDENCE_RECORDS_CQC = "task_complete_evidence_records_cqc";
  public static final String TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS = "task_complete_evidence_records_hmicfrs";
  // After fieldwork
  public static final String TASK_INFORMAL_CONCERN_CONTACT = "task_informal_concern_contact";
  /** Paragraph 81: senior managers in each inspectorate agree the findings (one step per inspectorate). */
  public static final String TASK_AGREE_FINDINGS_OFSTED = "task_agree_findings_ofsted";
  public static final String TASK_AGREE_FINDINGS_CQC = "task_agree_findings_cqc";
  public static final String TASK_AGREE_FINDINGS_HMICFRS = "task_agree_findings_hmicfrs";
  public static final String TASK_SEND_DRAFT_LETTER = "task_send_draft_letter";
  public static final String TASK_RECORD_DCS_COMMENTS = "task_record_dcs_comments";
  public static final String TASK_SEND_FINAL_LETTER = "task_send_final_letter";
  /** Paragraph 80: the QA manager reviews the findings in the draft letter and the final letter. */
  public static final String TASK_QA_REVIEW_DRAFT_LETTER = "task_qa_review_draft_letter";
  public static final String TASK_QA_REVIEW_FINAL_LETTER = "task_qa_review_final_letter";
  /** Paragraph 85: CQC and HMICFRS give their views; HMCI decides on a statement of action. */
  public static final String TASK_CONSULT_STATEMENT_CQC = "task_consult_statement_cqc";
  public static final String TASK_CONSULT_STATEMENT_HMICFRS = "task_consult_statement_hmicfrs";
  public static final String TASK_DECIDE_STATEMENT_OF_ACTION = "task_decide_statement_of_action";
  /** Paragraph 110: the government departments see the letter before it is published. */
  public static final String TASK_SHARE_LETTER_WITH_DEPARTMENTS = "task_share_letter_with_departments";
  public static final String GW_PUBLICATION_HELD = "gw_publication_held";
  public static final String EVENT_PUBLICATION_RESUMED = "event_publication_resumed";
  public static final String BOUNDARY_PUBLICATION_WITHHELD = "boundary_publication_withheld";
  public static final String TASK_PUBLISH_LETTER = "task_publish_letter";
  /** Runs the shared statement-of-action process ({@code statement-of-action.bpmn}); its steps follow. */
  public static final String CALL_STATEMENT_OF_ACTION = StatementOfActionProcess.CALL_STATEMENT_OF_ACTION;
  public static final String TASK_RECORD_STATEMENT_OF_ACTION = StatementOfActionProcess.TASK_RECORD_STATEMENT_OF_ACTION;
  public static final String TASK_REVIEW_STATEMENT_OF_ACTION = StatementOfActionProcess.TASK_REVIEW_STATEMENT_OF_ACTION;
  // Annex B
  public static final String TASK_INFORM_DFE = "task_inform_dfe";
  public static final String TASK_REQUEST_LA_ACTION_PLAN = "task_request_la_action_plan";
  /** Paragraph 112: CQC inspectors notify their manager immediately, at the end of fieldwork. */
  public static final String TASK_CQC_NOTIFY_MANAGER = "task_cqc_notify_manager";
  public static final String TASK_CQC_MANAGEMENT_REVIEW = "task_cqc_management_review";
  public static final String TASK_DECIDE_REGULATORY_ACTION = "task_decide_regulatory_action";
  public static final String TASK_REPORT_CAUSE_OF_CONCERN = "task_report_cause_of_concern";
  public static final String TASK_MONITOR_SCAN = "task_monitor_scan";
  public static final String TASK_ENGAGE_FORCE = "task_engage_force";
  public static final String TASK_COORDINATE_FOLLOW_UP_OFSTED = "task_coordinate_follow_up_ofsted";
  public static final String TASK_COORDINATE_FOLLOW_UP_CQC = "task_coordinate_follow_up_cqc";
  public static final String TASK_COORDINATE_FOLLOW_UP_HMICFRS = "task_coordinate_follow_up_hmicfrs";
  public static final String END_INSPECTION = "end_inspection";

  /**
   * What the local partnership sends (Annex A and the letter stages), each completing its "record receipt" step when
   * it arrives through {@code POST /api/inspections/{reference}/submissions/{kind}}.
   */
  public static final List<SubmissionItem> SUBMISSIONS = List.of(
      SubmissionItem.recordTask("child-level-data", TASK_RECORD_CHILD_LEVEL_DATA, "childLevelData"),
      SubmissionItem.recordTask("answers-for-30-children", TASK_RECORD_ANSWERS_30, "answers30Children"),
      SubmissionItem.recordTask("case-records", TASK_RECORD_CASE_RECORDS, "caseRecords"),
      SubmissionItem.recordTask("audits", TASK_RECORD_AUDITS, "audits"),
      SubmissionItem.recordTask("factual-accuracy-comments", TASK_RECORD_DCS_COMMENTS, "factualAccuracyComments"),
      SubmissionItem.recordTask(SubmissionItem.STATEMENT_OF_ACTION, TASK_RECORD_STATEMENT_OF_ACTION, "statementOfAction"));

  private Jtai2024Process() {
  }
}
