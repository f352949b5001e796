package uk.jointinspections.frameworks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.jointinspections.inspection.SubmissionItem;

/**
 * {@code processes/slac-2009.bpmn}: the inspection of safeguarding and looked after children services, framework and
 * guidance of 2009, with its limiting judgements in {@code processes/slac-limiting-judgements.dmn}. Day numbers are
 * table 1's: day 1 is the notification, so the variable {@code dayZero} holds the working day before it.
 */
public final class Slac2009Process {

  public static final String KEY = "slac-2009";
  public static final String FRAMEWORK = "slac-2009";

  /** Table 1: the notification is day 1, fieldwork starts on day 11 (at most 10 working days' notice, paragraph 11). */
  public static final int NOTIFICATION_DAY = 1;
  public static final int FIELDWORK_START_DAY = 11;

  public static final String VAR_NO_NOTICE = "noNotice";
  public static final String VAR_NO_NOTICE_REASON = "noNoticeReason";
  public static final List<String> NO_NOTICE_REASONS = List.of("inadequate", "serious-concerns");

  /**
   * Paragraph 18: nearly always both elements as a single inspection event; exceptionally, for the reasons of
   * {@link #SCOPE_REASONS}, a separate inspection of safeguarding or of looked after children.
   */
  public static final String VAR_SCOPE = "scope";
  public static final String VAR_SCOPE_REASON = "scopeReason";
  public static final String SCOPE_BOTH = "both";
  public static final String SCOPE_SAFEGUARDING = "safeguarding";
  public static final String SCOPE_LOOKED_AFTER_CHILDREN = "looked-after-children";
  public static final List<String> SCOPES = List.of(SCOPE_BOTH, SCOPE_SAFEGUARDING, SCOPE_LOOKED_AFTER_CHILDREN);
  /** Paragraph 18: "judged inadequate previously or where serious concerns about safeguarding have been raised". */
  public static final List<String> SCOPE_REASONS = List.of("inadequate", "serious-concerns");

  /** Whether the scope (null for an inspection started before the field existed: both) covers safeguarding. */
  public static boolean coversSafeguarding(Object scope) {
    return !SCOPE_LOOKED_AFTER_CHILDREN.equals(scope);
  }

  /** Whether the scope (null for an inspection started before the field existed: both) covers looked after children. */
  public static boolean coversLookedAfterChildren(Object scope) {
    return !SCOPE_SAFEGUARDING.equals(scope);
  }

  /** Paragraph 29: the four-point scale. */
  public static final List<String> GRADES = List.of("outstanding", "good", "adequate", "inadequate");

  /** The safeguarding evaluation schedule (paragraph 27, report headings of paragraph 55). */
  public static final Map<String, String> SAFEGUARDING_JUDGEMENTS = ordered(
      "sgOverallEffectiveness", "Overall effectiveness",
      "sgCapacityToImprove", "Capacity for improvement",
      "sgChildrenSafe", "Children and young people are safe",
      "sgChildrenFeelSafe", "Children and young people feel safe",
      "sgQualityOfProvision", "Quality of provision",
      "sgServiceResponsiveness", "Service responsiveness, including complaints",
      "sgAssessmentDirectWork", "Assessment and direct work with children and families",
      "sgCasePlanning", "Case planning, reviews and recording",
      "sgLeadershipManagement", "Leadership and management",
      "sgAmbition", "Ambition and prioritisation",
      "sgEvaluation", "Evaluation, including performance management, quality assurance and workforce development",
      "sgUserEngagement", "User engagement",
      "sgPartnerships", "Partnerships",
      "sgEqualityDiversity", "Equality and diversity",
      "sgValueForMoney", "Value for money");

  /** The looked after children evaluation schedule (paragraph 28, report headings of paragraph 55). */
  public static final Map<String, String> LAC_JUDGEMENTS = ordered(
      "lacOverallEffectiveness", "Overall effectiveness",
      "lacCapacityToImprove", "Capacity for improvement",
      "lacBeingHealthy", "Being healthy",
      "lacStayingSafe", "Staying safe",
      "lacEnjoyingAchieving", "Enjoying and achieving",
      "lacPositiveContribution", "Making a positive contribution",
      "lacEconomicWellbeing", "Achieving economic well-being",
      "lacQualityOfProvision", "Quality of provision",
      "lacServiceResponsiveness", "Service responsiveness, including complaints",
      "lacAssessmentDirectWork", "Assessment and direct work with children",
      "lacCasePlanning", "Case planning, reviews and recording",
      "lacLeadershipManagement", "Leadership and management",
      "lacAmbition", "Ambition and prioritisation",
      "lacEvaluation", "Evaluation, including performance management, quality assurance and workforce development",
      "lacUserEngagement", "User engagement",
      "lacPartnerships", "Partnerships",
      "lacEqualityDiversity", "Equality and diversity",
      "lacValueForMoney", "Value for money",
      "lacPromotingSafeguarding", "Effectiveness in promoting safeguarding");

  /** Paragraph 47: the initial eight (or more) cases, chosen at the set-up meeting (on site without notice). */
  public static final String VAR_INITIAL_SAFEGUARDING_CASES = "initialSafeguardingCaseIds";
  public static final String VAR_INITIAL_LAC_CASES = "initialLacCaseIds";
  /** Paragraph 47: the further 12 (or more) cases, chosen at the start of fieldwork. */
  public static final String VAR_ADDITIONAL_SAFEGUARDING_CASES = "additionalSafeguardingCaseIds";
  public static final String VAR_ADDITIONAL_LAC_CASES = "additionalLacCaseIds";

  public static final String VAR_EDUCATIONAL_PROGRESS = "lacEducationalProgressAtLeastGood";

  /**
   * The judgements paragraphs 31-32 limit, in the order the decisions run: each decision writes
   * {@code <judgement>Suggested}; the lead inspector confirms it as {@code <judgement>Final} or overrides it with
   * {@code <judgement>OverrideReason}, recorded as {@code <judgement>Overridden}.
   */
  public static final List<String> LIMITED_JUDGEMENTS = List.of("sgOverallEffectiveness", "sgLeadershipManagement",
      "lacEnjoyingAchieving", "lacLeadershipManagement", "lacOverallEffectiveness");

  /** The limited judgements of the schedules the scope covers, in {@link #LIMITED_JUDGEMENTS}' order. */
  public static List<String> limitedJudgements(Object scope) {
    return LIMITED_JUDGEMENTS.stream().filter(judgement -> judgement.startsWith("sg") ? coversSafeguarding(scope)
        : coversLookedAfterChildren(scope)).toList();
  }

  public static final String SUFFIX_SUGGESTED = "Suggested";
  public static final String SUFFIX_FINAL = "Final";
  public static final String SUFFIX_OVERRIDE_REASON = "OverrideReason";
  public static final String SUFFIX_OVERRIDDEN = "Overridden";

  /**
   * The phases, each a subprocess in its own plane of the diagram; the steps keep their ids inside them. With notice
   * the notification and the preparation run; without notice the arrival does instead.
   */
  public static final String SUB_NOTIFICATION = "sub_notification";
  public static final String SUB_PREPARATION = "sub_preparation";
  public static final String SUB_ARRIVAL_WITHOUT_NOTICE = "sub_arrival_without_notice";
  public static final String SUB_FIELDWORK = "sub_fieldwork";
  public static final String SUB_JUDGEMENTS = "sub_judgements";
  public static final String SUB_LIMIT_JUDGEMENTS = "sub_limit_judgements";
  public static final String SUB_DRAFT_REPORT = "sub_draft_report";
  public static final String SUB_PUBLICATION = "sub_publication";

  /**
   * What the council sends, each a call activity of the shared {@code local-area-submission} process (its record step,
   * overdue escalation and chase), carrying the item's working day.
   */
  public static final String CALL_RECORD_CORE_DOCUMENTS = "call_record_core_documents";
  public static final String CALL_RECORD_CASE_LIST = "call_record_case_list";
  public static final String CALL_RECEIVE_COUNCIL_AUDIT = "call_receive_council_audit";
  public static final String CALL_RECORD_FACTUAL_ACCURACY = "call_record_factual_accuracy";

  public static final String GW_NOTICE = "gw_notice";
  public static final String TASK_NOTIFY_ON_ARRIVAL = "task_notify_on_arrival";
  public static final String TASK_SEND_NOTIFICATION = "task_send_notification";
  public static final String TASK_AGREE_SETUP_MEETING = "task_agree_setup_meeting";
  /** The council's items as steps of their own: the versions before the call activities, still running. */
  public static final String TASK_RECORD_CORE_DOCUMENTS = "task_record_core_documents";
  public static final String TASK_RECORD_LAC_LETTER = "task_record_lac_letter";
  public static final String TASK_RECORD_CASE_LIST = "task_record_case_list";
  public static final String TASK_SETUP_MEETING = "task_setup_meeting";
  public static final String TASK_RECORD_CASE_LIST_ON_SITE = "task_record_case_list_on_site";
  public static final String TASK_SETUP_MEETING_ON_SITE = "task_setup_meeting_on_site";
  /** Received as fieldwork begins (paragraph 47), beside the fieldwork steps rather than before them. */
  public static final String TASK_RECEIVE_COUNCIL_AUDIT = "task_receive_council_audit";
  public static final String TASK_SELECT_ADDITIONAL_CASES = "task_select_additional_cases";
  public static final String TASK_FIELDWORK = "task_fieldwork";
  public static final String TASK_CQC_FIELDWORK = "task_cqc_fieldwork";
  public static final String TASK_RECORD_JUDGEMENTS = "task_record_judgements";
  public static final String GW_SCOPE_SAFEGUARDING = "gw_scope_safeguarding";
  public static final String GW_SCOPE_LAC = "gw_scope_lac";
  public static final String TASK_LIMIT_SG_OVERALL = "task_limit_sg_overall";
  public static final String TASK_LIMIT_SG_LEADERSHIP = "task_limit_sg_leadership";
  public static final String TASK_LIMIT_LAC_ENJOYING = "task_limit_lac_enjoying";
  public static final String TASK_LIMIT_LAC_LEADERSHIP = "task_limit_lac_leadership";
  public static final String TASK_LIMIT_LAC_OVERALL = "task_limit_lac_overall";
  public static final String TASK_CONFIRM_JUDGEMENTS = "task_confirm_judgements";
  public static final String TASK_FEEDBACK = "task_feedback";
  public static final String TASK_QUALITY_ASSURE_REPORT = "task_quality_assure_report";
  public static final String TASK_SEND_DRAFT_REPORT = "task_send_draft_report";
  public static final String TASK_RECORD_FACTUAL_ACCURACY = "task_record_factual_accuracy";
  public static final String TASK_SEND_FINAL_REPORT = "task_send_final_report";
  public static final String TASK_REQUEST_EVALUATION_FORM = "task_request_evaluation_form";
  public static final String TASK_PUBLISH_REPORT = "task_publish_report";
  public static final String END_INSPECTION = "end_inspection";

  /**
   * What the council sends (table 1), each completing its "record receipt" step when it arrives through the API: the
   * step of the building block its call activity started, or, in an inspection started on an older version, the
   * inspection's own step. The letter to looked after children is the council's to send on, not to submit, so it is
   * recorded by hand only.
   */
  public static final List<SubmissionItem> SUBMISSIONS = List.of(
      SubmissionItem.called("core-documents", CALL_RECORD_CORE_DOCUMENTS, TASK_RECORD_CORE_DOCUMENTS, "coreDocuments"),
      SubmissionItem.called("case-list", CALL_RECORD_CASE_LIST, TASK_RECORD_CASE_LIST, "caseList"),
      SubmissionItem.called("council-audit", CALL_RECEIVE_COUNCIL_AUDIT, TASK_RECEIVE_COUNCIL_AUDIT, "councilAudit"),
      SubmissionItem.called("factual-accuracy-response", CALL_RECORD_FACTUAL_ACCURACY, TASK_RECORD_FACTUAL_ACCURACY,
          "factualAccuracyResponse"));

  private Slac2009Process() {
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
