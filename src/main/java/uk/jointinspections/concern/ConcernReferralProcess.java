package uk.jointinspections.concern;

import java.util.Map;
import uk.jointinspections.inspection.InspectionVariables;

/**
 * The concern referral process (processes/concern-referral.bpmn, Annex C): one instance per concern about a child,
 * started from within an inspection of any framework, business key = the inspection reference. Its key, element ids,
 * decisions and variables, used by the delegates, the REST API and the tests.
 */
public final class ConcernReferralProcess {

  public static final String KEY = "concern-referral";

  // Start, rules
  public static final String START = "start_concern_raised";
  public static final String TASK_DECIDE_RESPONSE_DEADLINE = "task_decide_response_deadline";
  public static final String TASK_DECIDE_SENIOR_ESCALATION_DELAY = "task_decide_senior_escalation_delay";
  public static final String TASK_SET_RESPONSE_DEADLINE = "task_set_response_deadline";
  /** Annex C (JTAI and targeted inspections) or the 2009 paragraph 61 procedure, by the inspection's framework. */
  public static final String GW_PROCEDURE = "gw_procedure";
  // 2009 (paragraph 61): the DCS is told at once and the concern confirmed in writing; no categories or response
  public static final String TASK_INFORM_DCS_AT_ONCE = "task_inform_dcs_at_once";
  public static final String TASK_CONFIRM_IN_WRITING_TO_DCS = "task_confirm_in_writing_to_dcs";
  public static final String TASK_RECORD_DCS_ACTION = "task_record_dcs_action";
  public static final String END_DCS_INFORMED = "end_dcs_informed";
  /** The framework whose concerns follow paragraph 61 of 2009, not an Annex C. */
  public static final String FRAMEWORK_2009 = "slac-2009";
  // Notifying the agency and the lead inspector
  public static final String GW_CATEGORY = "gw_category";
  public static final String TASK_EMAIL_SENIOR_OFFICER = "task_email_senior_officer";
  public static final String TASK_NOTIFY_SENIOR_OFFICER = "task_notify_senior_officer";
  public static final String TASK_INFORM_LEAD_INSPECTOR = "task_inform_lead_inspector";
  // The agency's written response, and escalation while it is awaited
  public static final String SUB_AWAIT_RESPONSE = "sub_await_response";
  public static final String TASK_RECORD_RESPONSE = "task_record_response";
  public static final String MSG_RESPONSE_RECEIVED = "msg_response_received";
  public static final String TIMER_RESPONSE_OVERDUE = "timer_response_overdue";
  public static final String TASK_CHASE_RESPONSE = "task_chase_response";
  public static final String TIMER_SENIOR_ESCALATION = "timer_senior_escalation";
  public static final String TASK_DECIDE_SENIOR_ESCALATION_GROUP = "task_decide_senior_escalation_group";
  public static final String TASK_SENIOR_ESCALATION = "task_senior_escalation";
  // Evaluation and sign-off
  public static final String TASK_EVALUATE_RESPONSE = "task_evaluate_response";
  public static final String TASK_SHARE_EVALUATION = "task_share_evaluation";
  public static final String TASK_RECORD_CHIEF_OFFICER_SIGN_OFF = "task_record_chief_officer_sign_off";
  public static final String TASK_SIGN_OFF_LEAD_INSPECTOR = "task_sign_off_lead_inspector";
  public static final String END_CONCERN_CLOSED = "end_concern_closed";

  /** The message that carries the agency's written response (POST /api/concerns/{id}/response). */
  public static final String MESSAGE_RESPONSE = "concern_response";

  // Decisions (processes/concern-referral.dmn)
  public static final String DECISION_RESPONSE_DEADLINE = "concern_response_deadline";
  public static final String DECISION_SENIOR_ESCALATION_DELAY = "concern_senior_escalation_delay";
  public static final String DECISION_SENIOR_ESCALATION_GROUP = "concern_senior_escalation_group";
  /** Output of {@link #DECISION_SENIOR_ESCALATION_DELAY} meaning "no second-level escalation". */
  public static final String NO_SENIOR_ESCALATION = "none";

  // Variables copied from the inspection at start
  public static final String VAR_INSPECTION_REFERENCE = InspectionVariables.INSPECTION_REFERENCE;
  public static final String VAR_INSPECTION_PROCESS_INSTANCE_ID = "inspectionProcessInstanceId";
  public static final String VAR_FRAMEWORK = InspectionVariables.FRAMEWORK;
  public static final String VAR_LEAD_INSPECTOR = InspectionVariables.LEAD_INSPECTOR;
  public static final String VAR_QA_MANAGER = InspectionVariables.QA_MANAGER;
  /** The inspection's day 0 (yyyy-MM-dd) when the concern was raised: the keep-in-touch meetings count from it. */
  public static final String VAR_INSPECTION_DAY_ZERO = "inspectionDayZero";
  // Set automatically at start
  public static final String VAR_CONCERN_NUMBER = "concernNumber";
  public static final String VAR_REFERRING_INSPECTOR = "referringInspector";
  public static final String VAR_REFERRING_INSPECTORATE = "referringInspectorate";
  public static final String VAR_REFERRAL_DATE = "referralDate";
  // Annex C, as the inspector fills it in
  public static final String VAR_CASE_NUMBERS = "caseNumbers";
  public static final String VAR_AGENCY_SERVICE = "agencyService";
  public static final String VAR_SENIOR_OFFICER_ROLE = "seniorOfficerRole";
  public static final String VAR_SENIOR_OFFICER_EMAIL = "seniorOfficerEmail";
  /** The form's radio: "1" or "2"; stored as the Integer 1 or 2 once validated. */
  public static final String VAR_CATEGORY = "category";
  /** REST only, mirroring the two boxes of Annex C; replaced by {@link #VAR_CATEGORY} at start. */
  public static final String VAR_CATEGORY_1 = "category1";
  public static final String VAR_CATEGORY_2 = "category2";
  public static final String VAR_ISSUES = "issues";
  /** Optional yyyy-MM-dd; the decision's default applies when empty. */
  public static final String VAR_RESPONSE_REQUIRED_BY = "responseRequiredBy";
  // Deadlines
  /** Output of the response-deadline decision: a working-day duration such as P1WD. */
  public static final String VAR_RESPONSE_DEADLINE = "responseDeadline";
  /** The moment (java.util.Date) the response and explanation are required by: end of that working day, London. */
  public static final String VAR_RESPONSE_DUE_DATE = "responseDueDate";
  public static final String VAR_SENIOR_ESCALATION_DELAY = "seniorEscalationDelay";
  public static final String VAR_SENIOR_ESCALATION_GROUP = "seniorEscalationGroup";
  // The response
  public static final String VAR_RESPONSE = "response";
  public static final String VAR_RESPONSE_RECEIVED_ON = "responseReceivedOn";
  /** {@code api} or {@code recorded-by-lead-inspector}. */
  public static final String VAR_RESPONSE_CHANNEL = "responseChannel";
  public static final String CHANNEL_API = "api";
  public static final String CHANNEL_RECORDED = "recorded-by-lead-inspector";
  // Evaluation and sign-off
  public static final String VAR_EVALUATION = "evaluation";
  public static final String VAR_EVALUATION_SHARED_ON = "evaluationSharedOn";
  public static final String VAR_CHIEF_OFFICER_ROLE = "chiefOfficerRole";
  public static final String VAR_CHIEF_OFFICER_SIGNED_ON = "chiefOfficerSignedOn";
  public static final String VAR_LEAD_INSPECTOR_SIGNED_ON = "leadInspectorSignedOn";
  // 2009: telling the DCS
  public static final String VAR_DCS_INFORMED_ON = "dcsInformedOn";
  public static final String VAR_DCS_INFORMED_HOW = "dcsInformedHow";
  public static final String VAR_DCS_ACTION = "dcsAction";
  // The framework's variant (ConcernVariant)
  public static final String VAR_AGENCY_CONTACT = "agencyContact";
  public static final String VAR_SIGNATORY_TITLE = "signatoryTitle";
  public static final String VAR_RECORD_TITLE = "recordTitle";
  public static final String VAR_PARAGRAPH = "paragraph";
  /** Where the inspection's framework says to record no names (2017: 81; 2016 editions: 80; 2024: 76; 2009: 63). */
  public static final String VAR_NAMES_PARAGRAPH = "namesParagraph";

  /** What the open concern is waiting for, by the activity it waits at (most advanced first). */
  public static final Map<String, String> STATES = Map.ofEntries(
      Map.entry(TASK_INFORM_DCS_AT_ONCE, "the DCS is to be informed at once"),
      Map.entry(TASK_RECORD_DCS_ACTION, "DCS informed and confirmed in writing: what was done to be recorded"),
      Map.entry(TASK_NOTIFY_SENIOR_OFFICER, "the senior officer is to be notified"),
      Map.entry(TASK_INFORM_LEAD_INSPECTOR, "the lead inspector is to be informed"),
      Map.entry(TASK_RECORD_RESPONSE, "awaiting the agency's written response"),
      Map.entry(TASK_CHASE_RESPONSE, "response overdue: escalated to the lead inspector and QA manager"),
      Map.entry(TASK_SENIOR_ESCALATION, "response overdue: escalated to the senior manager"),
      Map.entry(TASK_EVALUATE_RESPONSE, "response received: being evaluated"),
      Map.entry(TASK_SHARE_EVALUATION, "evaluation to be agreed and shared with the agency"),
      Map.entry(TASK_RECORD_CHIEF_OFFICER_SIGN_OFF, "awaiting the agency's sign-off"),
      Map.entry(TASK_SIGN_OFF_LEAD_INSPECTOR, "awaiting the lead inspector's sign-off"));

  private ConcernReferralProcess() {
  }
}
