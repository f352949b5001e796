package uk.jointinspections.frameworks;

import java.util.List;
import uk.jointinspections.inspection.StatementOfActionProcess;
import uk.jointinspections.inspection.SubmissionItem;

/**
 * {@code processes/ofsted-targeted-2016.bpmn}: the Ofsted targeted local authority inspection, framework and guidance
 * of January 2016 (No. 160007). Its element ids and variables, for the delegates, the API and the tests.
 */
public final class OfstedTargeted2016Process {

  public static final String KEY = "ofsted-targeted-2016";
  public static final String FRAMEWORK = "ofsted-targeted-2016";

  /** Paragraph 12: the DCS is notified nine working days before fieldwork begins. */
  public static final int FIELDWORK_START_DAY = 9;

  public static final String VAR_LETTER_PUBLISHED_ON = "letterPublishedOn";

  /** Paragraph 10: the senior analytical officer's briefing, day -2 (a reading: the guidance gives no day). */
  public static final String TASK_PRODUCE_PRE_INSPECTION_BRIEFING = "task_produce_pre_inspection_briefing";
  public static final String TASK_REVIEW_BRIEFING = "task_review_briefing";
  public static final String TASK_NOTIFY_DCS = "task_notify_dcs";
  public static final String TASK_SETUP_DISCUSSION = "task_setup_discussion";
  public static final String TASK_RECORD_DEEP_DIVE_LIST = "task_record_deep_dive_list";
  public static final String TASK_SELECT_20_CHILDREN = "task_select_20_children";
  public static final String TASK_RECORD_INFORMATION_20 = "task_record_information_20";
  public static final String TASK_SELECT_CHILDREN_TO_EVALUATE = "task_select_children_to_evaluate";
  /** Day 2: "details of multi-agency meetings and the remaining lists of children", awaited from day 0 on its own branch. */
  public static final String TASK_RECORD_MULTI_AGENCY_MEETINGS = "task_record_multi_agency_meetings";
  public static final String TASK_PRODUCE_BRIEFING_NOTE = "task_produce_briefing_note";
  public static final String TASK_PREPARE_OFF_SITE = "task_prepare_off_site";
  public static final String TASK_COMMENCE_TIMETABLE = "task_commence_timetable";
  public static final String TASK_RECORD_ANNEX_A_INFORMATION = "task_record_annex_a_information";
  public static final String TASK_REVIEW_CASE_FILES = "task_review_case_files";
  public static final String TASK_RECORD_EVALUATIONS = "task_record_evaluations";
  /** Day 8, paragraph 50: the local authority's written confirmation of consent, received before the evaluations are considered. */
  public static final String TASK_RECORD_CONSENT_CONFIRMATION = "task_record_consent_confirmation";
  public static final String TASK_CONSIDER_EVALUATIONS = "task_consider_evaluations";
  /** Paragraph 27: the team meets on site on Monday of week three (day 9), before the senior leadership team. */
  public static final String TASK_TEAM_BRIEFING = "task_team_briefing";
  public static final String TASK_INITIAL_MEETING = "task_initial_meeting";
  public static final String TASK_ANALYTICAL_SUPPORT_ON_SITE = "task_analytical_support_on_site";
  public static final String TASK_KIT_WEDNESDAY = "task_kit_wednesday";
  public static final String TASK_KIT_THURSDAY = "task_kit_thursday";
  public static final String TASK_AGREE_PROVISIONAL_FINDINGS = "task_agree_provisional_findings";
  public static final String TASK_IDENTIFY_FINDINGS = "task_identify_findings";
  public static final String TASK_FEEDBACK_MEETING = "task_feedback_meeting";
  public static final String TASK_SUBMIT_KEY_FINDINGS = "task_submit_key_findings";
  /** Paragraph 92: the QA manager usually on site on Thursday and Friday of the fieldwork (day 13). */
  public static final String TASK_QA_ON_SITE = "task_qa_on_site";
  /** Day 16, a joint step (paragraph 9): the lead inspector's and the QA manager's halves, two different people. */
  public static final String TASK_AGREE_DRAFT_LETTER_LEAD = "task_agree_draft_letter_lead";
  public static final String TASK_AGREE_DRAFT_LETTER_QA = "task_agree_draft_letter_qa";
  public static final String TASK_SIGN_OFF_DRAFT_LETTER = "task_sign_off_draft_letter";
  public static final String TASK_SEND_DRAFT_TO_DCS = "task_send_draft_to_dcs";
  public static final String TASK_RECORD_FACTUAL_ACCURACY_RESPONSE = "task_record_factual_accuracy_response";
  /** Day 24, a joint step (paragraph 9): the lead inspector's and the QA manager's halves. */
  public static final String TASK_CONSIDER_FACTUAL_ACCURACY_LEAD = "task_consider_factual_accuracy_lead";
  public static final String TASK_CONSIDER_FACTUAL_ACCURACY_QA = "task_consider_factual_accuracy_qa";
  public static final String TASK_SIGN_OFF_FINAL_LETTER = "task_sign_off_final_letter";
  public static final String TASK_PROOF_READ_LETTER = "task_proof_read_letter";
  public static final String TASK_SEND_PRE_PUBLICATION_LETTER = "task_send_pre_publication_letter";
  public static final String TASK_PUBLISH_LETTER = "task_publish_letter";
  /** Paragraph 93: after publication, beside the statement of action; 5 working days from publication (a reading). */
  public static final String TASK_REQUEST_EVALUATION_QUESTIONNAIRE = "task_request_evaluation_questionnaire";
  /** Runs the shared statement-of-action process ({@code statement-of-action.bpmn}); its steps follow. */
  public static final String CALL_STATEMENT_OF_ACTION = StatementOfActionProcess.CALL_STATEMENT_OF_ACTION;
  public static final String TASK_RECORD_STATEMENT_OF_ACTION = StatementOfActionProcess.TASK_RECORD_STATEMENT_OF_ACTION;
  public static final String END_INSPECTION = "end_inspection";

  /** What the local authority sends, each completing its "record receipt" step when it arrives through the API. */
  public static final List<SubmissionItem> SUBMISSIONS = List.of(
      SubmissionItem.recordTask("deep-dive-list", TASK_RECORD_DEEP_DIVE_LIST, "deepDiveList"),
      SubmissionItem.recordTask("information-on-20-children", TASK_RECORD_INFORMATION_20, "information20Children"),
      SubmissionItem.recordTask("multi-agency-meetings", TASK_RECORD_MULTI_AGENCY_MEETINGS, "multiAgencyMeetings"),
      SubmissionItem.recordTask("consent-confirmation", TASK_RECORD_CONSENT_CONFIRMATION, "consentConfirmation"),
      SubmissionItem.recordTask("annex-a-information", TASK_RECORD_ANNEX_A_INFORMATION, "annexAInformation"),
      SubmissionItem.recordTask("evaluations", TASK_RECORD_EVALUATIONS, "evaluations"),
      SubmissionItem.recordTask("factual-accuracy-response", TASK_RECORD_FACTUAL_ACCURACY_RESPONSE,
          "factualAccuracyResponse"),
      SubmissionItem.recordTask(SubmissionItem.STATEMENT_OF_ACTION, TASK_RECORD_STATEMENT_OF_ACTION, "statementOfAction"));

  private OfstedTargeted2016Process() {
  }
}
