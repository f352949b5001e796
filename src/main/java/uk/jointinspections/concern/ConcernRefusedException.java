package uk.jointinspections.concern;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A concern that cannot be raised, with a message naming the field. Thrown by the start listener, so that the engine
 * rolls back and nothing is created; being the engine's form validation failure, the Tasklist's start form gets 400
 * and the message, and our REST API maps the reason to its status.
 */
public class ConcernRefusedException extends FormFieldValidationException {

  public enum Reason { INVALID, UNKNOWN_INSPECTION, NOT_ON_TEAM, PUBLISHED }

  private final Reason reason;
  private final String field;

  public ConcernRefusedException(Reason reason, String field, String message) {
    super(field, field + ": " + message);
    this.reason = reason;
    this.field = field;
  }

  public static ConcernRefusedException invalid(String field, String message) {
    return new ConcernRefusedException(Reason.INVALID, field, message);
  }

  public Reason reason() {
    return reason;
  }

  public String field() {
    return field;
  }
}
