package uk.jointinspections.concern;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A concern that cannot be raised, with a message naming the field. Thrown by the start listener, so that the engine
 * rolls back and nothing is created; being a {@link BadUserRequestException}, Tasklist shows the message on the start
 * form and the REST API maps the reason to its status.
 */
public class ConcernRefusedException extends BadUserRequestException {

  public enum Reason { INVALID, UNKNOWN_INSPECTION, PUBLISHED }

  private final Reason reason;
  private final String field;

  public ConcernRefusedException(Reason reason, String field, String message) {
    super(field + ": " + message);
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
