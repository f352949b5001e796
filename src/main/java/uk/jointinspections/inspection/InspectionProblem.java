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

  public static InspectionProblem notFound(String reference) {
    return new InspectionProblem(HttpStatus.NOT_FOUND, "There is no joint targeted area inspection with reference '"
        + reference + "'.");
  }
}
