package uk.jointinspections.frameworks;

import static uk.jointinspections.frameworks.Jtai2024Process.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What a 2024 JTAI step needs to complete in a test: valid selections, the findings' flags, HMCI's decision. */
final class Jtai2024Steps {

  /** Thirty different case reference numbers, as the lead inspector selects them on day 2 (paragraph 97). */
  static final String THIRTY = IntStream.rangeClosed(1, 30).mapToObj(i -> String.format("C%03d", i))
      .collect(Collectors.joining(", "));
  /** Five of the thirty, for the local agencies to audit (paragraph 99). */
  static final String FIVE = "C001, C002, C003, C004, C005";

  /**
   * Before the notification (paragraphs 14-15): each inspectorate shares its analysis, then an inspector of each meets
   * to discuss the arrangements; the local partners are notified only after that.
   */
  static final List<String> PRE_NOTIFICATION = List.of(TASK_SHARE_ANALYSIS_OFSTED, TASK_SHARE_ANALYSIS_CQC,
      TASK_SHARE_ANALYSIS_HMICFRS, TASK_PRE_NOTIFICATION_MEETING);

  static void preNotification(FrameworkScenario s) {
    completeAll(s, PRE_NOTIFICATION);
  }

  /** Weeks 1 and 2, every step, in an order that completes them (after {@link #PRE_NOTIFICATION}). */
  static final List<String> WEEKS_ONE_AND_TWO = List.of(TASK_NOTIFY_DCS, TASK_NOTIFY_HEALTH_LEADERS,
      TASK_NOTIFY_POLICE_LEADERS, TASK_RECORD_CHILD_LEVEL_DATA, TASK_SELECT_30_CHILDREN, TASK_RECORD_ANSWERS_30,
      TASK_SELECT_AUDIT_CHILDREN, TASK_REQUEST_HEALTH_RECORDS_CQC, TASK_RECORD_CASE_RECORDS, TASK_RECORD_AUDITS, TASK_CONFIRM_MASA_NOTIFIED,
      TASK_SETUP_DISCUSSION, TASK_MEET_MASA_BEFORE_FIELDWORK, TASK_TIMETABLE_LIAISON_CQC,
      TASK_TIMETABLE_LIAISON_HMICFRS, TASK_AGREE_FIELDWORK_TIMETABLE);
  /**
   * Fieldwork and the letter up to (not including) the final letter; each inspectorate's evidence records (paragraph
   * 74) after the feedback meeting, still on day 14.
   */
  static final List<String> FIELDWORK_TO_DECISION = List.of(TASK_INITIAL_MEETING, TASK_KIT_WEDNESDAY,
      TASK_KIT_THURSDAY, TASK_MEET_MASA_DURING_FIELDWORK, TASK_AGREE_PROVISIONAL_FINDINGS, TASK_FEEDBACK_MEETING,
      TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, TASK_COMPLETE_EVIDENCE_RECORDS_CQC, TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS,
      TASK_INFORMAL_CONCERN_CONTACT, TASK_AGREE_FINDINGS_OFSTED, TASK_AGREE_FINDINGS_CQC, TASK_AGREE_FINDINGS_HMICFRS,
      TASK_QA_REVIEW_DRAFT_LETTER, TASK_SEND_DRAFT_LETTER, TASK_RECORD_DCS_COMMENTS, TASK_CONSULT_STATEMENT_CQC,
      TASK_CONSULT_STATEMENT_HMICFRS, TASK_DECIDE_STATEMENT_OF_ACTION, TASK_QA_REVIEW_FINAL_LETTER);

  private Jtai2024Steps() {
  }

  /** The variables a step needs to complete, for a test that does not care about their content. */
  static Map<String, Object> defaults(String step) {
    Map<String, Object> v = new HashMap<>();
    switch (step) {
      case TASK_SELECT_30_CHILDREN -> v.put("selectedChildIds", THIRTY);
      case TASK_SELECT_AUDIT_CHILDREN -> v.put("auditChildIds", FIVE);
      case TASK_AGREE_PROVISIONAL_FINDINGS -> v.putAll(findings(false, false, false, false));
      case TASK_DECIDE_STATEMENT_OF_ACTION -> v.putAll(statement(false, "none"));
      default -> { }
    }
    return v;
  }

  static Map<String, Object> findings(boolean la, boolean health, boolean police, boolean masa) {
    Map<String, Object> v = new HashMap<>();
    v.put(VAR_PRIORITY_LOCAL_AUTHORITY, la);
    v.put(VAR_PRIORITY_HEALTH, health);
    v.put(VAR_PRIORITY_POLICE, police);
    v.put(VAR_PRIORITY_MASA, masa);
    v.put("areasForPriorityAction", la || health || police || masa ? "Decisions at the front door are too slow." : "");
    return v;
  }

  static Map<String, Object> statement(boolean required, String lead) {
    Map<String, Object> v = new HashMap<>();
    v.put(VAR_STATEMENT_REQUIRED, required);
    v.put(VAR_STATEMENT_LEAD_AGENCY, lead);
    return v;
  }

  /**
   * Paragraph 19: "the inspectorates will decide": CQC and HMICFRS record their views (offered to their groups, due
   * on day 9 as the decision), and only then does the lead inspector's decision open, showing both.
   */
  static void deferralViews(FrameworkScenario s, String due, String cqcView, String hmicfrsView) {
    org.assertj.core.api.Assertions.assertThat(s.tasks(TASK_DECIDE_DEFERRAL)).as("waits for both views").isEmpty();
    s.offered(TASK_DEFERRAL_VIEW_CQC, "cqc", due);
    s.offered(TASK_DEFERRAL_VIEW_HMICFRS, "hmicfrs", due);
    s.complete(TASK_DEFERRAL_VIEW_CQC, Map.of("deferralViewCqc", cqcView, "deferralViewCqcReason", "CQC's reason."));
    org.assertj.core.api.Assertions.assertThat(s.tasks(TASK_DECIDE_DEFERRAL)).as("waits for HMICFRS's view").isEmpty();
    s.complete(TASK_DEFERRAL_VIEW_HMICFRS, Map.of("deferralViewHmicfrs", hmicfrsView, "deferralViewHmicfrsReason",
        "HMICFRS's reason."));
  }

  /**
   * Fieldwork opens on its day, not when weeks 1 and 2 are done (paragraphs 13, 101): the clock moves to 08:00 on the
   * inspection's {@code fieldworkStart} (London) and the timer fires.
   */
  static void fieldworkStarts(FrameworkScenario s) {
    java.util.Date start = (java.util.Date) s.engine.getRuntimeService().getVariable(s.processInstanceId,
        VAR_FIELDWORK_START);
    s.moveTo(start.toInstant().atZone(uk.jointinspections.calendar.WorkingDayCalendar.LONDON).toLocalDate()
        + "T08:00");
  }

  /**
   * Completes each step with its defaults, overridden by what the test gives for it; at the initial meeting, when it
   * is not open yet, the clock first moves to the start of fieldwork ({@link #fieldworkStarts}).
   */
  static void completeAll(FrameworkScenario s, List<String> steps, Map<String, Map<String, Object>> given) {
    for (String step : steps) {
      if (step.equals(TASK_INITIAL_MEETING) && s.tasks(TASK_INITIAL_MEETING).isEmpty()) {
        fieldworkStarts(s);
      }
      Map<String, Object> v = defaults(step);
      v.putAll(given.getOrDefault(step, Map.of()));
      s.complete(step, v);
    }
  }

  static void completeAll(FrameworkScenario s, List<String> steps) {
    completeAll(s, steps, Map.of());
  }
}
