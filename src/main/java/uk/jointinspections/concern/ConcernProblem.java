package uk.jointinspections.concern;

import org.springframework.http.HttpStatus;

/** A concern request the API refuses, with its status and the plain-English reason the caller sees. */
public class ConcernProblem extends RuntimeException {

  private final HttpStatus status;

  public ConcernProblem(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
