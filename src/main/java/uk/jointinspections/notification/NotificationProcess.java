package uk.jointinspections.notification;

import uk.jointinspections.inspection.InspectionVariables;

/** The notification process (processes/notification.bpmn): one instance per e-mail, its history the record. */
public final class NotificationProcess {

  public static final String KEY = "notification";
  public static final String TASK_SEND_MAIL = "task_send_mail";

  public static final String VAR_RECIPIENT = "recipient";
  public static final String VAR_SUBJECT = "subject";
  public static final String VAR_BODY = "body";
  /** Instead of {@link #VAR_BODY}: the {@link NotificationBodyComposer} bean that writes the body when it is sent. */
  public static final String VAR_BODY_COMPOSER = "bodyComposer";
  /** What that composer reads, e.g. a concern's process instance id. */
  public static final String VAR_BODY_SOURCE = "bodySource";
  /** {@code task-created}, {@code task-assigned} or {@code annex-b}. */
  public static final String VAR_PURPOSE = "purpose";
  public static final String VAR_INSPECTION_REFERENCE = InspectionVariables.INSPECTION_REFERENCE;
  public static final String VAR_TASK_ID = "taskId";
  /** The inspectorate (group) or user the mail is addressed to, as the listener resolved it. */
  public static final String VAR_ADDRESSEE = "addressee";
  /** Set by the mailer once the SMTP server accepted the message. */
  public static final String VAR_SENT_AT = "sentAt";

  public static final String PURPOSE_TASK_CREATED = "task-created";
  public static final String PURPOSE_TASK_ASSIGNED = "task-assigned";
  public static final String PURPOSE_ANNEX_B = "annex-b";

  private NotificationProcess() {
  }
}
