package uk.jointinspections.notification;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inspection.notification.*}: the sender address, the link to Tasklist in e-mails, and the shared mailbox of
 * each inspectorate or role group (used when a task is offered to a group rather than assigned to a person), and how
 * long SMTP connections stay open between e-mails ({@link SmtpConnections}).
 */
@ConfigurationProperties("inspection.notification")
public class NotificationProperties {

  private String from = "joint-inspections@localhost";
  private String tasklistUrl = "http://localhost:8080/camunda/app/tasklist/";
  private Map<String, String> mailboxes = new LinkedHashMap<>();
  private final Smtp smtp = new Smtp();

  /** {@code inspection.notification.smtp.*}: the connections kept open between e-mails. */
  public static class Smtp {
    private int maxIdle = 4;
    private Duration idleTimeout = Duration.ofSeconds(30);

    public int getMaxIdle() { return maxIdle; }
    public void setMaxIdle(int maxIdle) { this.maxIdle = maxIdle; }
    public Duration getIdleTimeout() { return idleTimeout; }
    public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
  }

  public String getFrom() { return from; }
  public void setFrom(String from) { this.from = from; }
  public String getTasklistUrl() { return tasklistUrl; }
  public void setTasklistUrl(String tasklistUrl) { this.tasklistUrl = tasklistUrl; }
  public Map<String, String> getMailboxes() { return mailboxes; }
  public void setMailboxes(Map<String, String> mailboxes) { this.mailboxes = mailboxes; }
  public Smtp getSmtp() { return smtp; }

  public String mailboxOf(String group) {
    String mailbox = mailboxes.get(group);
    return mailbox == null || mailbox.isBlank() ? null : mailbox;
  }
}
