package uk.jointinspections.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mail of one notification instance. Runs in its own job: when the SMTP server refuses, the exception
 * rolls back this job only, the engine retries it (R5/PT5M) and, when retries run out, raises an incident.
 */
@Component("notificationMailer")
public class NotificationMailer implements JavaDelegate {

  private final JavaMailSender mailSender;
  private final NotificationProperties properties;

  public NotificationMailer(JavaMailSender mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(properties.getFrom());
    message.setTo((String) execution.getVariable(NotificationProcess.VAR_RECIPIENT));
    message.setSubject((String) execution.getVariable(NotificationProcess.VAR_SUBJECT));
    message.setText((String) execution.getVariable(NotificationProcess.VAR_BODY));
    mailSender.send(message);
    execution.setVariable(NotificationProcess.VAR_SENT_AT, ClockUtil.getCurrentTime());
  }
}
