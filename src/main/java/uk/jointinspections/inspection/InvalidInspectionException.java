package uk.jointinspections.inspection;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A start request (REST or Tasklist start form) the framework does not allow; the message names the field. Being a
 * {@link BadUserRequestException}, the Tasklist shows its message when the start form is refused.
 */
public class InvalidInspectionException extends BadUserRequestException {

  private final String field;

  public InvalidInspectionException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
