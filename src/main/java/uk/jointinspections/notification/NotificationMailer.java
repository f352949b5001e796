package uk.jointinspections.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mail of one notification: a {@link NotificationJobHandler} job, or an instance of the notification
 * process started before notifications were jobs. Runs in its own job: when the SMTP server refuses, the exception
 * rolls back this job only, the engine retries it (R5/PT5M) and, when retries run out, raises an incident.
 * Idempotent by business key (task, event, address): {@link NotificationSendLog} lets one transaction only send a
 * key, and the Message-ID derived from the key lets a mail server or client drop the one duplicate SMTP cannot
 * prevent (a node dying after the server accepted the mail but before its transaction committed).
 */
@Component("notificationMailer")
public class NotificationMailer implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationMailer.class);

  private final JavaMailSender mailSender;
  private final SmtpConnections connections;
  private final NotificationProperties properties;
  private final NotificationSendLog sendLog;
  private final Map<String, NotificationBodyComposer> composers;
  private final NotificationStore store;

  public NotificationMailer(JavaMailSender mailSender, SmtpConnections connections, NotificationProperties properties,
      NotificationSendLog sendLog, Map<String, NotificationBodyComposer> composers, NotificationStore store) {
    this.store = store;
    this.mailSender = mailSender;
    this.connections = connections;
    this.properties = properties;
    this.sendLog = sendLog;
    this.composers = composers;
  }

  /** An instance of the notification process started before notifications were jobs. */
  @Override
  public void execute(DelegateExecution execution) {
    if (send(execution.getProcessBusinessKey(), execution.getVariables())) {
      execution.setVariable(NotificationProcess.VAR_SENT_AT, ClockUtil.getCurrentTime());
    }
  }

  /** The notification of this key, as {@link NotificationStore} holds it: a {@link NotificationJobHandler} job. */
  void send(String key) {
    Notification notification = store.find(key)
        .orElseThrow(() -> new IllegalStateException("No notification '" + key + "' was requested"));
    send(key, notification.variables());
  }

  /** False when another job has sent, or is sending, this key. */
  private boolean send(String key, Map<String, Object> variables) {
    if (key != null && !sendLog.claim(key, ClockUtil.getCurrentTime().toInstant())) {
      LOG.info("Notification {} was already sent by another job; not sending it again", key);
      return false;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.getFrom());
    NotificationBodyComposer composer = composer(variables);
    String source = (String) variables.get(NotificationProcess.VAR_BODY_SOURCE);
    message.setTo(composer == null ? (String) variables.get(NotificationProcess.VAR_RECIPIENT)
        : composer.recipient(source, variables));
    message.setSubject((String) variables.get(NotificationProcess.VAR_SUBJECT));
    message.setText(composer == null ? (String) variables.get(NotificationProcess.VAR_BODY)
        : composer.compose(source, variables));
    MimeMessage mime = mailSender.createMimeMessage();
    try {
      message.copyTo(new MimeMailMessage(mime));
      if (key != null) {
        // Kept when the message is saved before sending (JavaMailSenderImpl and SmtpConnections alike).
        mime.setHeader("Message-ID", messageId(key));
      }
    } catch (MessagingException e) {
      throw new MailPreparationException(e);
    }
    connections.send(mime);
    return true;
  }

  /** The composer that writes the body (and may resolve the recipient); null for a body stored with the notification. */
  private NotificationBodyComposer composer(Map<String, Object> variables) {
    String composerName = (String) variables.get(NotificationProcess.VAR_BODY_COMPOSER);
    if (composerName == null) {
      return null;
    }
    NotificationBodyComposer composer = composers.get(composerName);
    if (composer == null) {
      // Fails the job, so the notification waits as an incident until a release that knows the composer retries it.
      throw new IllegalStateException("No e-mail body composer '" + composerName + "' in this application");
    }
    return composer;
  }

  /** The same for every attempt at one notification, so that a duplicate delivery is recognisable as such. */
  static String messageId(String businessKey) {
    String domain = "joint-inspections.local";
    return "<" + UUID.nameUUIDFromBytes(businessKey.getBytes(StandardCharsets.UTF_8)) + "@" + domain + ">";
  }
}
