package uk.jointinspections.inspection;

import java.util.Arrays;
import java.util.Optional;

/**
 * The joint targeted area inspection process (processes/jtai.bpmn): its key, the element ids code refers to and
 * the variables it reads and writes. Delegates, REST controllers and tests use these names so that a renamed
 * element breaks the build, not an inspection.
 */
public final class JtaiProcess {

  public static final String KEY = "jtai";

  // Start and the day −1 / day 0 steps
  public static final String START = "start_inspection";
  /** Day −2: the senior analytical officer's briefing that the day −1 reviews read (¶10). */
  public static final String TASK_PREPARE_PRE_INSPECTION_BRIEFING = "task_prepare_pre_inspection_briefing";
  public static final String TASK_REVIEW_BRIEFING_LEAD = "task_review_briefing_lead";
  /** Steps done by each inspectorate in parallel: one task per inspectorate, id = {@link #forInspectorate}. */
  public static final String TASK_REVIEW_BRIEFING = "task_review_briefing";
  public static final String TASK_NOTIFY_DCS = "task_notify_dcs";
  public static final String TASK_NOTIFY_SENIOR_LEADERS = "task_notify_senior_leaders";
  public static final String TASK_SETUP_DISCUSSION = "task_setup_discussion";
  // Weeks one and two
  public static final String TASK_SELECT_20_CHILDREN = "task_select_20_children";
  public static final String TASK_SELECT_CHILDREN_TO_EVALUATE = "task_select_children_to_evaluate";
  public static final String TASK_PRODUCE_BRIEFING_NOTE = "task_produce_briefing_note";
  public static final String TASK_PREPARE_OFF_SITE = "task_prepare_off_site";
  public static final String TASK_COMMENCE_TIMETABLE = "task_commence_timetable";
  public static final String TASK_REVIEW_CASE_FILES = "task_review_case_files";
  public static final String TASK_CONSIDER_JOINT_EVALUATIONS = "task_consider_joint_evaluations";
  public static final String TASK_AGREE_ONSITE_PROGRAMME = "task_agree_onsite_programme";
  // Week three, on site
  public static final String TASK_TEAM_BRIEFING = "task_team_briefing";
  public static final String TASK_INITIAL_MEETING = "task_initial_meeting";
  public static final String TASK_ANALYTICAL_SUPPORT_ON_SITE = "task_analytical_support_on_site";
  public static final String TASK_KIT_MEETING_DAY_10 = "task_kit_meeting_day_10";
  public static final String TASK_KIT_MEETING_DAY_11 = "task_kit_meeting_day_11";
  public static final String TIMER_DAY_12_EVIDENCE_CEASES = "timer_day_12_evidence_ceases";
  public static final String TASK_AGREE_PROVISIONAL_FINDINGS = "task_agree_provisional_findings";
  public static final String TASK_FINDINGS_MEETING = "task_findings_meeting";
  public static final String TASK_FEEDBACK_MEETING = "task_feedback_meeting";
  public static final String TASK_SUBMIT_KEY_FINDINGS = "task_submit_key_findings";
  // Weeks four to nine: the letter
  public static final String TASK_CONSOLIDATE_LETTER = "task_consolidate_letter";
  /** The QA manager's half of the day-16 agreement; {@link #TASK_AGREE_DRAFT_LETTER_LEAD} is the lead inspector's. */
  public static final String TASK_AGREE_DRAFT_LETTER = "task_agree_draft_letter";
  public static final String TASK_AGREE_DRAFT_LETTER_LEAD = "task_agree_draft_letter_lead";
  public static final String TASK_SIGN_OFF_DRAFT_LETTER = "task_sign_off_draft_letter";
  public static final String TASK_SIGN_OFF_DRAFT_NATIONAL_DIRECTOR = "task_sign_off_draft_national_director";
  public static final String TASK_REVIEW_DRAFT_EDITORS = "task_review_draft_editors";
  public static final String TASK_SEND_DRAFT_TO_DCS = "task_send_draft_to_dcs";
  /** The lead inspector's half of the day-34 consideration; {@link #TASK_CONSIDER_FACTUAL_ACCURACY_QA} is the QA manager's. */
  public static final String TASK_CONSIDER_FACTUAL_ACCURACY = "task_consider_factual_accuracy";
  public static final String TASK_CONSIDER_FACTUAL_ACCURACY_QA = "task_consider_factual_accuracy_qa";
  /** HMCI's decision proposed on day 34, so that the inspectorates agree it with the letter (¶97). */
  public static final String TASK_PROPOSE_STATEMENT_DECISION = "task_propose_statement_decision";
  public static final String TASK_AGREE_LETTER = "task_agree_letter";
  public static final String TASK_SIGN_OFF_FINAL_NATIONAL_DIRECTOR = "task_sign_off_final_national_director";
  public static final String TASK_REVIEW_FINAL_EDITORS = "task_review_final_editors";
  public static final String TASK_SEND_PRE_PUBLICATION_LETTER = "task_send_pre_publication_letter";
  public static final String TASK_PUBLISH_LETTER = "task_publish_letter";
  // Post inspection: statement of action
  public static final String GW_STATEMENT = "gw_split_statement";
  public static final String TASK_REVIEW_STATEMENT_OF_ACTION = "task_review_statement_of_action";
  public static final String TASK_AGREE_STATEMENT_RESPONSE = "task_agree_statement_response";
  public static final String TASK_SEND_STATEMENT_RESPONSE = "task_send_statement_response";
  public static final String END_PUBLISHED = "end_published";
  public static final String END_NO_STATEMENT = "end_no_statement";
  public static final String END_STATEMENT_RESPONSE_SENT = "end_statement_response_sent";
  // Publication held by an Annex D decision to withhold or withdraw (set by the complaint's PublicationHold)
  public static final String GW_PUBLICATION_HELD = "gw_publication_held";
  public static final String EVENT_PUBLICATION_RESUMED = "event_publication_resumed";
  public static final String BOUNDARY_PUBLICATION_WITHHELD = "boundary_publication_withheld";
  public static final String MSG_PUBLICATION_WITHHELD = "msg_publication_withheld";
  public static final String MSG_PUBLICATION_RESUMED = "msg_publication_resumed";
  public static final String VAR_PUBLICATION_WITHHELD = "publicationWithheld";
  public static final String VAR_PUBLICATION_WITHHELD_BY = "publicationWithheldBy";
  public static final String VAR_PUBLICATION_WITHHELD_AT = "publicationWithheldAt";
  public static final String VAR_PUBLICATION_HOLD_REASON = "publicationHoldReason";
  public static final String VAR_PUBLICATION_HOLD_COMPLAINT = "publicationHoldComplaint";
  // Overdue steps
  public static final String SUB_FOLLOW_UP_OVERDUE = "sub_follow_up_overdue";
  public static final String TASK_FOLLOW_UP_OVERDUE = "task_follow_up_overdue";

  /**
   * The id of one inspectorate's task of a step the inspectorates do in parallel, e.g.
   * {@code forInspectorate(TASK_SIGN_OFF_DRAFT_LETTER, "hmi-probation")} is {@code task_sign_off_draft_letter_hmi_probation}.
   */
  public static String forInspectorate(String step, String group) {
    return step + "_" + group.replace('-', '_');
  }

  /** Prefix of the non-interrupting deadline timer on a step: {@code boundary_overdue_<step without task_>}. */
  public static final String BOUNDARY_OVERDUE_PREFIX = "boundary_overdue_";

  // Variables set at start
  public static final String VAR_FRAMEWORK = InspectionVariables.FRAMEWORK;
  public static final String VAR_REFERENCE = InspectionVariables.REFERENCE;
  public static final String VAR_LOCAL_AUTHORITY = InspectionVariables.LOCAL_AUTHORITY;
  public static final String VAR_DEEP_DIVE_THEME = "deepDiveTheme";
  /** Day 0, the notification date (java.util.Date at midnight Europe/London). */
  public static final String VAR_DAY_ZERO = InspectionVariables.DAY_ZERO;
  /** Day 9, the first day of fieldwork (java.util.Date at midnight Europe/London). */
  public static final String VAR_FIELDWORK_START = InspectionVariables.FIELDWORK_START;
  /** Day 0 and day 9 in words ("Tuesday 3 November 2026"), shown by the forms. */
  public static final String VAR_DAY_ZERO_LABEL = InspectionVariables.DAY_ZERO_LABEL;
  public static final String VAR_FIELDWORK_START_LABEL = InspectionVariables.FIELDWORK_START_LABEL;
  public static final String VAR_LEAD_INSPECTOR = InspectionVariables.LEAD_INSPECTOR;
  /** User id of the named QA manager; always present, null until one is named. */
  public static final String VAR_QA_MANAGER = InspectionVariables.QA_MANAGER;
  // Form-captured variables code relies on
  public static final String VAR_SELECTED_CHILD_IDS = "selectedChildIds";
  public static final String VAR_EVALUATION_CHILD_IDS = "evaluationChildIds";
  public static final String VAR_DCS_EMAIL = "dcsEmail";
  public static final String VAR_SENIOR_LEADER_EMAILS = "seniorLeaderEmails";
  public static final String VAR_STRENGTHS = "strengths";
  public static final String VAR_AREAS_FOR_DEVELOPMENT = "areasForDevelopment";
  public static final String VAR_AREAS_FOR_PRIORITY_ACTION = "areasForPriorityAction";
  public static final String VAR_STATEMENT_OF_ACTION_REQUIRED = "statementOfActionRequired";
  public static final String VAR_STATEMENT_LEAD_AGENCY = "statementLeadAgency";
  /** Escalation code (= id of the overdue element) caught by the overdue event subprocess. */
  public static final String VAR_OVERDUE_STEP = "overdueStep";
  public static final String VAR_OVERDUE_STEP_TITLE = "overdueStepTitle";
  public static final String VAR_OVERDUE_STEP_DAY = "overdueStepDay";
  /** What the overdue step's working day counts from, in words (the notification, the last day of fieldwork, ...). */
  public static final String VAR_OVERDUE_STEP_COUNTED_FROM = "overdueStepCountedFrom";
  public static final String VAR_OVERDUE_STEP_DUE = "overdueStepDue";

  /** Extension properties on the elements (read by the deadline calculation and the timeline). */
  public static final String PROPERTY_DAY = "day";
  public static final String PROPERTY_TIME = "time";
  public static final String PROPERTY_PARAGRAPH = "paragraph";

  /** What the local area sends; each is a message boundary on a subprocess the lead inspector can also close by hand. */
  public enum Submission {
    DEEP_DIVE_LIST("deep-dive-list", "deep_dive_list", "deepDiveList"),
    INFORMATION_ON_20_CHILDREN("information-on-20-children", "information_20_children", "information20Children"),
    MULTI_AGENCY_MEETINGS("multi-agency-meetings", "multi_agency_meetings", "multiAgencyMeetings"),
    ANNEX_A_INFORMATION("annex-a-information", "annex_a_information", "annexAInformation"),
    JOINT_EVALUATIONS("joint-evaluations", "joint_evaluations", "jointEvaluations"),
    CONSENT_CONFIRMATION("consent-confirmation", "consent_confirmation", "consentConfirmation"),
    /** The August 2016 edition's Annex A day 8 only (the 2017 text has no such milestone). */
    CASE_FILE_LISTS("case-file-lists", "case_file_lists", "caseFileLists"),
    FACTUAL_ACCURACY_RESPONSE("factual-accuracy-response", "factual_accuracy_response", "factualAccuracyResponse"),
    STATEMENT_OF_ACTION("statement-of-action", "statement_of_action", "statementOfAction"),
    /** ¶95 (2016 ¶94): only after the final letter is published; no deadline. */
    EVALUATION_QUESTIONNAIRE("evaluation-questionnaire", "evaluation_questionnaire", "evaluationQuestionnaire");

    /** The {kind} segment of POST /api/inspections/{reference}/submissions/{kind}. */
    public final String kind;
    public final String subProcessId;
    public final String messageName;
    public final String recordTaskId;
    public final String chaseTaskId;
    public final String receivedGatewayId;
    /** Prefix of the variables: {@code <prefix>ReceivedOn}, {@code <prefix>Channel}, {@code <prefix>Content}. */
    public final String variablePrefix;

    Submission(String kind, String suffix, String variablePrefix) {
      this.kind = kind;
      this.subProcessId = "sub_" + suffix;
      this.messageName = "msg_" + suffix;
      this.recordTaskId = "task_record_" + suffix;
      this.chaseTaskId = "task_chase_" + suffix;
      this.receivedGatewayId = "gw_received_" + suffix;
      this.variablePrefix = variablePrefix;
    }

    public String receivedOnVariable() { return variablePrefix + "ReceivedOn"; }
    public String channelVariable() { return variablePrefix + "Channel"; }
    public String contentVariable() { return variablePrefix + "Content"; }

    public static Optional<Submission> ofKind(String kind) {
      return Arrays.stream(values()).filter(s -> s.kind.equals(kind)).findFirst();
    }
  }

  private JtaiProcess() {
  }
}
