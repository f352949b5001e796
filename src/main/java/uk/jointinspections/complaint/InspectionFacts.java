package uk.jointinspections.complaint;

import java.time.LocalDate;
import uk.jointinspections.inspection.InspectionTeam;

/**
 * What a complaint needs to know about the inspection it concerns.
 *
 * @param finalisedOn the London date the final (pre-publication) letter went to the local area; null if not yet
 * @param publishedOn the London date the letter was published; null if not yet
 * @param leadInspector the inspection's lead inspector (user id); null if not known
 * @param team the inspectors named at the inspection's start besides the lead inspector and the QA manager: the
 *     partner inspectorates' inspectors on this inspection, whom the complaint asks for their comments
 */
public record InspectionFacts(String reference, String processInstanceId, String framework, LocalDate finalisedOn,
    LocalDate publishedOn, String leadInspector, InspectionTeam team) {

  public InspectionFacts(String reference, String processInstanceId, String framework, LocalDate finalisedOn,
      LocalDate publishedOn) {
    this(reference, processInstanceId, framework, finalisedOn, publishedOn, null, InspectionTeam.nobody());
  }

  public boolean finalised() {
    return finalisedOn != null;
  }

  public boolean published() {
    return publishedOn != null;
  }
}
