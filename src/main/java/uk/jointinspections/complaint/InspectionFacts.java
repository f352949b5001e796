package uk.jointinspections.complaint;

import java.time.LocalDate;

/**
 * What a complaint needs to know about the inspection it concerns.
 *
 * @param finalisedOn the London date the final (pre-publication) letter went to the local area; null if not yet
 * @param publishedOn the London date the letter was published; null if not yet
 */
public record InspectionFacts(String reference, String processInstanceId, String framework, LocalDate finalisedOn,
    LocalDate publishedOn) {

  public boolean finalised() {
    return finalisedOn != null;
  }

  public boolean published() {
    return publishedOn != null;
  }
}
