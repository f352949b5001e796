package uk.jointinspections.inspection;

/**
 * {@code processes/local-area-submission.bpmn}: one thing the local area sends, with its record step, its overdue
 * escalation and, where the framework chases it, its chase (issue 17: building blocks instead of copies). The
 * inspection diagrams call it from one call activity per item, with the same business key; the call activity carries
 * the item's working day ({@code day}, {@code time}, {@code from}, {@code paragraph}, {@code onlyIf}), which the
 * called steps read through {@code ${deadlines.dueOfCall(execution)}} and the inspection's timeline reads as the
 * item's milestone.
 */
public final class LocalAreaSubmissionProcess {

  public static final String KEY = "local-area-submission";

  public static final String START = "start_submission";
  public static final String TASK_RECORD = "task_record_submission";
  public static final String TIMER_OVERDUE = "timer_overdue_submission";
  public static final String EVENT_ESCALATE = "event_escalate_submission";
  public static final String TASK_CHASE = "task_chase_submission";
  public static final String END_RECEIVED = "end_submission_received";

  // Passed in by the call activity
  public static final String VAR_LEAD_INSPECTOR = InspectionVariables.LEAD_INSPECTOR;
  public static final String VAR_FRAMEWORK = InspectionVariables.FRAMEWORK;
  /** The record step's name, as the task shows it (usually the call activity's own name). */
  public static final String VAR_NAME = "submissionName";
  /** What the chase names: "Chase: " and this. */
  public static final String VAR_ITEM = "submissionItem";
  public static final String VAR_RECORD_FORM = "submissionRecordForm";
  /** The chase step's form; without it the item is escalated but not chased. */
  public static final String VAR_CHASE_FORM = "submissionChaseForm";

  private LocalAreaSubmissionProcess() {
  }
}
