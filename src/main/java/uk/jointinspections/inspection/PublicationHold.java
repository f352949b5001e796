package uk.jointinspections.inspection;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The complaint side of the publication hold (JTAI 2016/2017 Annex D and 2024 Annex C 121: a request to withhold or
 * withdraw publication, agreed in exceptional circumstances). {@link #withhold} records the hold on the inspection's
 * process instance (business key = the reference) and, if it waits at its publication step, interrupts it through the
 * message {@link #MSG_WITHHELD}; {@link #resume} lifts it and releases an inspection waiting at {@link #MSG_RESUMED}.
 * The inspection side (gateway {@code gw_publication_held} before {@code task_publish_letter}, boundary
 * {@code boundary_publication_withheld}, catch event {@code event_publication_resumed}) reads
 * {@link #VAR_WITHHELD}. A message is correlated only to an inspection that has a subscription for it, so that an
 * inspection not yet at (or past) publication is not refused: it finds the variable when it gets there.
 */
@Component("publicationHold")
public class PublicationHold {

  public static final String MSG_WITHHELD = "msg_publication_withheld";
  public static final String MSG_RESUMED = "msg_publication_resumed";
  public static final String VAR_WITHHELD = "publicationWithheld";
  public static final String VAR_WITHHELD_BY = "publicationWithheldBy";
  public static final String VAR_WITHHELD_AT = "publicationWithheldAt";
  public static final String VAR_REASON = "publicationHoldReason";
  public static final String VAR_COMPLAINT = "publicationHoldComplaint";
  public static final String VAR_RESUMED_BY = "publicationResumedBy";
  public static final String VAR_RESUMED_AT = "publicationResumedAt";
  public static final String VAR_RESUME_REASON = "publicationResumeReason";

  private final InspectionDirectory directory;
  private final RuntimeService runtimeService;
  private final WithoutAuthorization unrestricted;

  public PublicationHold(InspectionDirectory directory, @Lazy RuntimeService runtimeService,
      WithoutAuthorization unrestricted) {
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.unrestricted = unrestricted;
  }

  /**
   * Withholds publication of the inspection's letter.
   *
   * @param decidedBy the user id of whoever agreed the request
   * @param complaint the process instance id of the complaint that asked for it (its business key is the inspection's
   *     reference, so the id is what finds it in Cockpit)
   * @return whether the letter was already published: it must then be withdrawn (taken down), which the complaint
   *     process asks the editors to do
   * @throws IllegalArgumentException when there is no inspection with this reference
   */
  public boolean withhold(String reference, String decidedBy, String reason, String complaint) {
    InspectionDirectory.Inspection inspection = inspection(reference);
    Map<String, Object> hold = new HashMap<>();
    hold.put(VAR_WITHHELD, true);
    hold.put(VAR_WITHHELD_BY, decidedBy);
    hold.put(VAR_WITHHELD_AT, ClockUtil.getCurrentTime());
    hold.put(VAR_REASON, reason);
    hold.put(VAR_COMPLAINT, complaint);
    signal(inspection, hold, MSG_WITHHELD);
    return inspection.published();
  }

  /** Lifts the hold: the inspection may publish (again). */
  public void resume(String reference, String resumedBy, String reason) {
    InspectionDirectory.Inspection inspection = inspection(reference);
    Map<String, Object> resumed = new HashMap<>();
    resumed.put(VAR_WITHHELD, false);
    resumed.put(VAR_RESUMED_BY, resumedBy);
    resumed.put(VAR_RESUMED_AT, ClockUtil.getCurrentTime());
    resumed.put(VAR_RESUME_REASON, reason);
    signal(inspection, resumed, MSG_RESUMED);
  }

  /** Whether publication of the inspection's letter is withheld now. */
  public boolean withheld(String reference) {
    InspectionDirectory.Inspection inspection = inspection(reference);
    return inspection.running() && Boolean.TRUE.equals(unrestricted.call(
        () -> runtimeService.getVariable(inspection.processInstanceId(), VAR_WITHHELD)));
  }

  private InspectionDirectory.Inspection inspection(String reference) {
    return directory.find(reference)
        .orElseThrow(() -> new IllegalArgumentException("There is no inspection with reference '" + reference + "'."));
  }

  /** An ended inspection keeps its history as it was: there is nothing left to hold or release. */
  private void signal(InspectionDirectory.Inspection inspection, Map<String, Object> variables, String message) {
    if (!inspection.running()) {
      return;
    }
    String id = inspection.processInstanceId();
    unrestricted.call(() -> {
      runtimeService.setVariables(id, variables);
      boolean subscribed = runtimeService.createEventSubscriptionQuery().processInstanceId(id).eventType("message")
          .eventName(message).count() > 0;
      if (subscribed) {
        runtimeService.createMessageCorrelation(message).processInstanceId(id).correlateAll();
      }
      return null;
    });
  }
}
