package uk.jointinspections.complaint;

/**
 * The confidential conduct investigation (processes/complaint-conduct.bpmn), called by the complaint process. Only the
 * investigating inspectorate's group is authorized on its instance, tasks, variables and history.
 */
public final class ComplaintConductProcess {

  public static final String KEY = "complaint-conduct";

  public static final String START = "start_conduct";
  public static final String MSG_RELEASED = "msg_conduct_released";
  /** The message the complaint sends when its complaints team decided to consider a late complaint. */
  public static final String MESSAGE_RELEASED = "message_conduct_released";
  public static final String TASK_RECORD_CONDUCT_DETAILS = "task_record_conduct_details";
  public static final String TASK_SEND_CONDUCT_ACKNOWLEDGEMENT = "task_send_conduct_acknowledgement";
  public static final String TASK_INVESTIGATE_CONDUCT = "task_investigate_conduct";
  public static final String END_CONCLUDED = "end_conduct_concluded";

  /** True when the complaint was late and waits for the complaints team's decision. */
  public static final String VAR_AWAIT_RELEASE = "awaitRelease";
  /** 2009: the complaint was resolved at its initial assessment, so the conduct is not investigated. */
  public static final String VAR_RESOLVED_EARLY = "conductResolvedEarly";
  public static final String END_RESOLVED_EARLY = "end_conduct_resolved_early";
  public static final String VAR_CONDUCT_DETAILS = ComplaintProcess.VAR_CONDUCT_DETAILS;
  public static final String VAR_CONDUCT_DETAILS_RECORDED = "conductDetailsRecorded";
  public static final String VAR_CONDUCT_FINDINGS = "conductFindings";
  public static final String VAR_CONDUCT_UPHELD = ComplaintProcess.VAR_CONDUCT_UPHELD;

  private ComplaintConductProcess() {
  }
}
