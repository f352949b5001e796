package uk.jointinspections.complaint;

import uk.jointinspections.inspection.InspectionVariables;

/**
 * The complaint process (processes/complaint.bpmn): one instance per challenge or complaint about a joint inspection
 * (Annex D), business key = the inspection reference. Its key, the element ids code refers to and its variables.
 */
public final class ComplaintProcess {

  public static final String KEY = "complaint";
  public static final String DECISION_WINDOW = "complaint_window";

  public static final String START = "start_complaint";
  public static final String CALL_CONDUCT_INVESTIGATION = "call_conduct_investigation";
  public static final String TASK_DECIDE_LATE_COMPLAINT = "task_decide_late_complaint";
  public static final String END_NOT_CONSIDERED = "end_not_considered";
  public static final String TASK_RELEASE_CONDUCT = "task_release_conduct";
  public static final String TASK_DECIDE_BOTH_HANDLING = "task_decide_both_handling";
  public static final String TASK_INITIAL_ASSESSMENT = "task_initial_assessment";
  public static final String TASK_APPOINT_LEAD_INVESTIGATOR = "task_appoint_lead_investigator";
  public static final String TASK_SEND_ACKNOWLEDGEMENT = "task_send_acknowledgement";
  public static final String TASK_LEAD_INSPECTOR_COMMENTS = "task_lead_inspector_comments";
  public static final String TASK_DRAFT_RESPONSE = "task_draft_response";
  public static final String TASK_COMMENT_ON_DRAFT = "task_comment_on_draft";
  public static final String TASK_FINALISE_RESPONSE = "task_finalise_response";
  public static final String TASK_INVESTIGATE_COMPLAINT = "task_investigate_complaint";
  public static final String TASK_SIGN_OFF_RESPONSE = "task_sign_off_response";
  public static final String TASK_DECIDE_WITHHOLD_WITHDRAW = "task_decide_withhold_withdraw";
  public static final String TASK_ADVISE_INSPECTORATES_OF_DECISION = "task_advise_inspectorates_of_decision";
  public static final String TASK_WITHHOLD_PUBLICATION = "task_withhold_publication";
  public static final String TASK_WITHDRAW_LETTER = "task_withdraw_letter";
  public static final String TASK_LIFT_PUBLICATION_HOLD = "task_lift_publication_hold";
  public static final String TASK_RESUME_PUBLICATION = "task_resume_publication";
  public static final String TASK_REPUBLISH_LETTER = "task_republish_letter";
  public static final String TASK_INFORM_CONDUCT_RECEIVED = "task_inform_conduct_received";
  public static final String TASK_CONSULT_ON_ROBUSTNESS = "task_consult_on_robustness";
  public static final String TASK_INFORM_CONDUCT_OUTCOME = "task_inform_conduct_outcome";
  public static final String TASK_RECORD_LEARNING_OUTCOMES = "task_record_learning_outcomes";
  public static final String END_CLOSED = "end_complaint_closed";
  public static final String SUB_FOLLOW_UP_OVERDUE = "sub_follow_up_overdue";
  public static final String TASK_FOLLOW_UP_OVERDUE = "task_follow_up_overdue";
  /** Prefix of the non-interrupting deadline timer on a step: {@code boundary_overdue_<step without task_>}. */
  public static final String BOUNDARY_OVERDUE_PREFIX = "boundary_overdue_";

  // Recorded at start (start form or POST /api/inspections/{reference}/complaints)
  public static final String VAR_INSPECTION_REFERENCE = InspectionVariables.INSPECTION_REFERENCE;
  /** Day 0 of every working-day milestone: the day the complaint was made (java.util.Date, midnight London). */
  public static final String VAR_RECEIVED_ON = "receivedOn";
  /** {@link ComplaintKind#id}: process-outcome, conduct or both. */
  public static final String VAR_KIND = "kind";
  /** Group id of the inspectorate whose inspector's conduct is complained about; null for process-outcome. */
  public static final String VAR_CONDUCT_INSPECTORATE = "conductInspectorate";
  /** The challenge to process or outcome. Never the conduct part of a complaint (kinds conduct and both). */
  public static final String VAR_TEXT = "text";
  public static final String VAR_WITHHOLD_REQUESTED = "withholdOrWithdrawRequested";
  public static final String VAR_EXCEPTIONAL_CIRCUMSTANCES = "exceptionalCircumstances";
  /** Optional at start; otherwise derived from the inspection's framework ({@link ComplaintEdition}). */
  public static final String VAR_EDITION = "complaintEdition";
  /**
   * What the challenge to process or outcome is about: {@link #RELATES_TO_JOINT} (the default) or the group of the one
   * inspectorate whose own work it concerns (JTAI 2017 paragraph 102, 2016 paragraph 101).
   */
  public static final String VAR_RELATES_TO = "relatesTo";
  /** A partner inspectorate's own work: referred to it (task_refer_to_inspectorate) instead of the joint procedure. */
  public static final String VAR_REFERRED_TO_INSPECTORATE = "referredToInspectorate";
  public static final String VAR_RELATES_TO_TEXT = "relatesToText";
  public static final String VAR_INSPECTORATE_RECEIVED_ON = "inspectorateReceivedOn";
  public static final String RELATES_TO_JOINT = "joint-arrangements";
  public static final String TASK_REFER_TO_INSPECTORATE = "task_refer_to_inspectorate";
  /**
   * The conduct part of a complaint (kinds conduct and both), as it arrives and as the conduct instance stores it.
   * Never stored in the complaint, whichever way it arrived: the start listener takes it out ({@link
   * ConductPartInTransit}) on its way to the confidential complaint-conduct instance, called at intake.
   */
  public static final String VAR_CONDUCT_DETAILS = "conductDetails";
  // Derived at start
  public static final String VAR_FRAMEWORK = InspectionVariables.FRAMEWORK;
  /** The inspection's lead inspector and team, copied at start (the names teamMembers reads). */
  public static final String VAR_LEAD_INSPECTOR_OF_INSPECTION = InspectionVariables.LEAD_INSPECTOR;
  public static final String VAR_INSPECTION_TEAM = uk.jointinspections.inspection.InspectionTeam.VARIABLE;
  public static final String VAR_WINDOW = "window";
  public static final String VAR_WINDOW_RULE = "windowRule";
  public static final String VAR_PUBLISHED_ON = "publishedOn";
  public static final String VAR_FINALISED_ON = "finalisedOn";
  /** When the request to withhold or withdraw was recorded: the start of its 48 calendar hours. */
  public static final String VAR_WITHHOLD_REQUEST_RECEIVED_AT = "withholdRequestReceivedAt";
  public static final String VAR_EXPECTED_DEADLINES = "expectedDeadlines";
  // Decisions
  public static final String VAR_LATE_CONSIDERED = "lateComplaintConsidered";
  public static final String VAR_LATE_REASON = "lateComplaintReason";
  /** within-investigation or separately (a conduct-only complaint is always separately). */
  public static final String VAR_CONDUCT_HANDLING = "conductHandling";
  public static final String VAR_CONDUCT_MAY_AFFECT_FINDINGS = "conductMayAffectFindings";
  public static final String VAR_RESOLVED_EARLY = "resolvedEarly";
  public static final String VAR_LEAD_INVESTIGATOR = "leadInvestigator";
  public static final String VAR_ACKNOWLEDGEMENT_SENT = "acknowledgementSent";
  /**
   * Whether every other inspectorate gave its views before the decision (Annex D: "whenever practicable"): set from
   * their answers to task_give_views_on_withhold when the decision is completed, not typed by the decider.
   */
  public static final String VAR_VIEWS_SOUGHT = "viewsSought";
  /** Set when the request is decided: closes the views not yet given (conditional boundary). */
  public static final String VAR_WITHHOLD_DECIDED = "withholdDecided";
  /** One inspectorate's views (task variable of task_give_views_on_withhold). */
  public static final String VAR_WITHHOLD_VIEWS = "withholdViews";
  /** The views given so far, one paragraph per inspectorate, and how many inspectorates gave them. */
  public static final String VAR_PARTNER_VIEWS = "partnerViewsOnWithhold";
  public static final String VAR_PARTNER_VIEWS_COUNT = "partnerViewsCount";
  public static final String TASK_GIVE_VIEWS_ON_WITHHOLD = "task_give_views_on_withhold";
  /** 2024: the Ofsted Regional Director the National Director discussed the request with (Annex C 121). */
  public static final String VAR_REGIONAL_DIRECTOR_CONSULTED = "regionalDirectorConsulted";
  public static final String VAR_PARTNERS_CONSULTED = "partnersConsulted";
  public static final String VAR_EXCEPTIONAL_FOUND = "exceptionalCircumstancesFound";
  public static final String VAR_WITHHOLD_REASON = "withholdDecisionReason";
  /** Who agreed or refused the request to withhold or withdraw: the user completing the decision. */
  public static final String VAR_WITHHOLD_DECIDED_BY = "withholdDecidedBy";
  /** The letter was already published when the hold was agreed: it was withdrawn and is republished on resuming. */
  public static final String VAR_LETTER_WITHDRAWN = "letterWithdrawn";
  public static final String VAR_WITHDRAWN_ON = "letterWithdrawnOn";
  public static final String VAR_WITHDRAWN_ADDRESS = "withdrawnAddress";
  /** Who lifted the hold (the user completing task_lift_publication_hold) and why. */
  public static final String VAR_HOLD_LIFTED_BY = "publicationHoldLiftedBy";
  public static final String VAR_HOLD_LIFT_REASON = "publicationHoldLiftReason";
  public static final String VAR_REPUBLISHED_ADDRESS = "republishedAddress";
  public static final String VAR_RESPONSE_SENT = "responseSent";
  public static final String VAR_RESPONSE_SHARED = "responseSharedWithInspectorates";
  public static final String VAR_COMPLAINT_UPHELD = "complaintUpheld";
  public static final String VAR_LEARNING_OUTCOMES = "learningOutcomes";
  /** The only thing the confidential conduct investigation returns: upheld or not (null until it ends). */
  public static final String VAR_CONDUCT_UPHELD = "conductUpheld";
  // Texts for the forms
  public static final String VAR_RECEIVED_ON_TEXT = "receivedOnText";
  public static final String VAR_KIND_TEXT = "kindText";
  public static final String VAR_EDITION_TEXT = "complaintEditionText";
  public static final String VAR_CONDUCT_INSPECTORATE_TEXT = "conductInspectorateText";
  public static final String VAR_WITHHOLD_DECISION_TEXT = "withholdDecisionText";
  public static final String VAR_WITHHOLD_REQUEST_RECEIVED_AT_TEXT = "withholdRequestReceivedAtText";
  // Overdue follow-up
  public static final String VAR_OVERDUE_STEP = "overdueStep";
  public static final String VAR_OVERDUE_STEP_TITLE = "overdueStepTitle";
  public static final String VAR_OVERDUE_STEP_DUE = "overdueStepDue";
  public static final String VAR_OVERDUE_STEP_PERFORMER = "overdueStepPerformer";

  public static final String WINDOW_IN_TIME = "in-time";
  public static final String WINDOW_LATE = "late";
  public static final String WINDOW_TOO_EARLY = "too-early";
  public static final String HANDLING_WITHIN_INVESTIGATION = "within-investigation";
  public static final String HANDLING_SEPARATELY = "separately";

  private ComplaintProcess() {
  }
}
