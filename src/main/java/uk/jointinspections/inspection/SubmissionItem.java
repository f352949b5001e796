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
 * @param callActivityId the call activity of the {@link LocalAreaSubmissionProcess} building block that awaits the item
 *     in the diagrams that have it; its record step is then the block's. Older versions of the same framework, still
 *     running, await it with their own step {@link #recordTaskId}.
 */
public record SubmissionItem(String kind, String variablePrefix, String messageName, String recordTaskId,
    String receivedActivityId, String callActivityId) {

  public static final String STATEMENT_OF_ACTION = "statement-of-action";

  public static SubmissionItem message(JtaiProcess.Submission submission) {
    return new SubmissionItem(submission.kind, submission.variablePrefix, submission.messageName, null,
        submission.subProcessId, null);
  }

  public static SubmissionItem recordTask(String kind, String recordTaskId, String variablePrefix) {
    return new SubmissionItem(kind, variablePrefix, null, recordTaskId, recordTaskId, null);
  }

  /**
   * Awaited by the building block called from {@code callActivityId}; inspections started on a version from before
   * the block await it with their own step {@code recordTaskId}.
   */
  public static SubmissionItem called(String kind, String callActivityId, String recordTaskId, String variablePrefix) {
    return new SubmissionItem(kind, variablePrefix, null, recordTaskId, callActivityId, callActivityId);
  }

  /** The ids that stand for this item in an inspection's diagrams: its own record step, its call activity. */
  public java.util.List<String> stepIds() {
    return java.util.stream.Stream.of(recordTaskId, callActivityId).filter(java.util.Objects::nonNull).toList();
  }

  public boolean byMessage() {
    return messageName != null;
  }

  public String receivedOnVariable() { return variablePrefix + "ReceivedOn"; }
  public String channelVariable() { return variablePrefix + "Channel"; }
  public String contentVariable() { return variablePrefix + "Content"; }
  public String submittedByVariable() { return variablePrefix + "SubmittedBy"; }
}
