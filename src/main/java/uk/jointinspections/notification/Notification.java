package uk.jointinspections.notification;

import java.time.Instant;
import java.util.Map;

/**
 * One requested e-mail, as {@link NotificationStore} keeps it: what the mailer sends and the record operators and
 * tests read (who it is for, why, which step caused it).
 *
 * @param key what makes it unique, e.g. {@code taskId:event:recipient}: it is requested and sent at most once
 * @param processInstanceId the instance whose step caused it, on which a delivery failure shows as an incident
 * @param activityId the step that caused it (where Cockpit draws the incident)
 * @param variables recipient, subject, body (or body composer and source), purpose, addressee and the like, under the
 *     names of {@link NotificationProcess}
 * @param sentAt when the SMTP server accepted it; null while it waits
 */
public record Notification(String key, String processInstanceId, String activityId, String inspectionReference,
    Map<String, Object> variables, Instant requestedAt, Instant sentAt) {

  public String recipient() {
    return (String) variables.get(NotificationProcess.VAR_RECIPIENT);
  }

  public String subject() {
    return (String) variables.get(NotificationProcess.VAR_SUBJECT);
  }

  public String addressee() {
    return (String) variables.get(NotificationProcess.VAR_ADDRESSEE);
  }

  public String purpose() {
    return (String) variables.get(NotificationProcess.VAR_PURPOSE);
  }
}
