package uk.jointinspections.inspection;

/**
 * {@code processes/statement-of-action.bpmn}: the local area's written statement of proposed action after the letter,
 * one called process for every framework that asks for one (issue 7: reuse through call activities, never copies).
 * The inspection diagrams call it from {@link #CALL_STATEMENT_OF_ACTION} with the same business key; what differs
 * per framework (the day 0 of its 70 working days, the paragraphs, the forms, whether the lead inspector reviews
 * the statement here) is passed in or chosen by the edition properties {@code from.<framework>} and
 * {@code paragraph.<framework>}.
 */
public final class StatementOfActionProcess {

  public static final String KEY = "statement-of-action";

  /** The call activity in each inspection diagram that runs this process. */
  public static final String CALL_STATEMENT_OF_ACTION = "call_statement_of_action";

  public static final String START = "start_statement_of_action";
  public static final String TASK_RECORD_STATEMENT_OF_ACTION = "task_record_statement_of_action";
  public static final String BOUNDARY_OVERDUE_RECORD = "boundary_overdue_record_statement_of_action";
  public static final String TASK_REVIEW_STATEMENT_OF_ACTION = "task_review_statement_of_action";
  public static final String END_STATEMENT_OF_ACTION = "end_statement_of_action";

  /** Working days the local area has for its statement (2024 paragraph 86, 2016 paragraph 95). */
  public static final int WORKING_DAYS = 70;

  // Passed in by the call activity
  public static final String VAR_LEAD_INSPECTOR = InspectionVariables.LEAD_INSPECTOR;
  public static final String VAR_FRAMEWORK = InspectionVariables.FRAMEWORK;
  public static final String VAR_RECORD_FORM = "statementOfActionRecordForm";
  public static final String VAR_REVIEW_FORM = "statementOfActionReviewForm";
  /** Whether the lead inspector reviews the statement in this process (2024: yes; 2016: no). */
  public static final String VAR_REVIEW = "statementOfActionReview";

  // Given back to the inspection
  public static final String VAR_STATEMENT_RECEIVED = "statementReceived";
  public static final String VAR_RECEIVED_ON = "statementOfActionReceivedOn";
  public static final String VAR_CHANNEL = "statementOfActionChannel";

  private StatementOfActionProcess() {
  }
}
