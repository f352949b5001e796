package uk.jointinspections.complaint;

/** A complaint that cannot be recorded: the HTTP status and a message that names the field or the rule. */
public class ComplaintRefused extends RuntimeException {

  private final int status;

  public ComplaintRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  static ComplaintRefused badField(String field, String message) {
    return new ComplaintRefused(400, field + ": " + message);
  }
}
