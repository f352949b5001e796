package uk.jointinspections.inspection;

/**
 * One thing the local area sends in an inspection of some framework, as {@code POST
 * /api/inspections/{reference}/submissions/{kind}} knows it. The 2017 JTAI waits for each with a message event on a
 * subprocess ({@link #messageName}); the later diagrams wait with the lead inspector's "record receipt" step
 * ({@link #recordTaskId}), which an API submission completes. Either way the same variables record it:
 * {@code <prefix>ReceivedOn}, {@code <prefix>Channel} ("api"), {@code <prefix>Content}, {@code <prefix>SubmittedBy}.
 *
 * @param kind the {kind} segment of the endpoint, e.g. {@code child-level-data}
 * @param receivedActivityId the element whose completion means "received" (the subprocess or the record step)
 */
public record SubmissionItem(String kind, String variablePrefix, String messageName, String recordTaskId,
    String receivedActivityId) {

  public static final String STATEMENT_OF_ACTION = "statement-of-action";

  public static SubmissionItem message(JtaiProcess.Submission submission) {
    return new SubmissionItem(submission.kind, submission.variablePrefix, submission.messageName, null,
        submission.subProcessId);
  }

  public static SubmissionItem recordTask(String kind, String recordTaskId, String variablePrefix) {
    return new SubmissionItem(kind, variablePrefix, null, recordTaskId, recordTaskId);
  }

  public boolean byMessage() {
    return messageName != null;
  }

  public String receivedOnVariable() { return variablePrefix + "ReceivedOn"; }
  public String channelVariable() { return variablePrefix + "Channel"; }
  public String contentVariable() { return variablePrefix + "Content"; }
  public String submittedByVariable() { return variablePrefix + "SubmittedBy"; }
}
