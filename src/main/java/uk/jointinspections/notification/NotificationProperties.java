package uk.jointinspections.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inspection.notification.*}: the sender address, the link to Tasklist in e-mails, and the shared mailbox of
 * each inspectorate or role group (used when a task is offered to a group rather than assigned to a person).
 */
@ConfigurationProperties("inspection.notification")
public class NotificationProperties {

  private String from = "joint-inspections@localhost";
  private String tasklistUrl = "http://localhost:8080/camunda/app/tasklist/";
  private Map<String, String> mailboxes = new LinkedHashMap<>();

  public String getFrom() { return from; }
  public void setFrom(String from) { this.from = from; }
  public String getTasklistUrl() { return tasklistUrl; }
  public void setTasklistUrl(String tasklistUrl) { this.tasklistUrl = tasklistUrl; }
  public Map<String, String> getMailboxes() { return mailboxes; }
  public void setMailboxes(Map<String, String> mailboxes) { this.mailboxes = mailboxes; }

  public String mailboxOf(String group) {
    String mailbox = mailboxes.get(group);
    return mailbox == null || mailbox.isBlank() ? null : mailbox;
  }
}
