package uk.jointinspections.inspection;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A start request (REST or Tasklist start form) the framework does not allow; the message names the field. Being the
 * engine's form validation failure, the REST API (the Tasklist's too) answers a refused start form with 400 and this
 * message, where any other engine exception would be a 500.
 */
public class InvalidInspectionException extends FormFieldValidationException {

  private final String field;

  public InvalidInspectionException(String field, String reason) {
    super(field, field + ": " + reason);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
