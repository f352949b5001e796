package uk.jointinspections.inspection;

import org.springframework.http.HttpStatus;

/** A request the inspection API refuses, with the status and the plain-English reason the caller sees. */
public class InspectionProblem extends RuntimeException {

  private final HttpStatus status;

  public InspectionProblem(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /**
   * The one answer for an inspection that does not exist and one the caller may not read, so that an outsider cannot
   * tell them apart (or learn that a reference is in use) from the timeline.
   */
  public static InspectionProblem notVisible(String reference) {
    return new InspectionProblem(HttpStatus.NOT_FOUND, "There is no inspection with reference '" + reference
        + "' that you may see.");
  }

  public static InspectionProblem notFound(String reference) {
    return new InspectionProblem(HttpStatus.NOT_FOUND, "There is no joint targeted area inspection with reference '"
        + reference + "'.");
  }
}
