package uk.jointinspections.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Tells an inspectorate, or a person, that a step is waiting for them: on "create" every candidate group's mailbox
 * ({@code inspection.notification.mailboxes.<group>}) and every candidate user; on "assignment" the assignee, at the
 * e-mail address of their user in the identity service. A task created with an assignee is announced once, by its
 * assignment event.
 */
@Component("inspectorateNotifier")
public class InspectorateNotifier implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(InspectorateNotifier.class);
  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private final Notifications notifications;
  private final NotificationProperties properties;
  private final IdentityService identityService;

  public InspectorateNotifier(Notifications notifications, NotificationProperties properties,
      @Lazy IdentityService identityService) {
    this.notifications = notifications;
    this.properties = properties;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String event = task.getEventName();
    if (EVENTNAME_ASSIGNMENT.equals(event)) {
      if (task.getAssignee() != null) {
        toUser(task, event, task.getAssignee());
      }
    } else if (EVENTNAME_CREATE.equals(event) && task.getAssignee() == null) {
      for (IdentityLink candidate : task.getCandidates()) {
        if (!IdentityLinkType.CANDIDATE.equals(candidate.getType())) {
          continue;
        }
        if (candidate.getGroupId() != null) {
          toGroup(task, event, candidate.getGroupId());
        } else if (candidate.getUserId() != null) {
          toUser(task, event, candidate.getUserId());
        }
      }
    }
  }

  private void toGroup(DelegateTask task, String event, String group) {
    String mailbox = properties.mailboxOf(group);
    if (mailbox == null) {
      LOG.warn("No mailbox configured for group '{}' (inspection.notification.mailboxes.{}); task {} not announced",
          group, group, task.getId());
      return;
    }
    send(task, event, mailbox, group);
  }

  private void toUser(DelegateTask task, String event, String userId) {
    User user = Context.getCommandContext().runWithoutAuthorization(
        () -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
      LOG.warn("User '{}' has no e-mail address in the identity service; task {} not announced", userId, task.getId());
      return;
    }
    send(task, event, user.getEmail(), userId);
  }

  private void send(DelegateTask task, String event, String address, String addressee) {
    String reference = task.getExecution().getProcessBusinessKey();
    String due = task.getDueDate() == null ? "no deadline" : DUE.format(task.getDueDate().toInstant());
    String subject = "[" + reference + "] " + task.getName() + " (due " + due + ")";
    String body = "A step of inspection " + reference + " is waiting for "
        + (EVENTNAME_ASSIGNMENT.equals(event) ? "you" : addressee) + ".\n\n"
        + "Step: " + task.getName() + "\n"
        + "Due: " + due + "\n\n"
        + "Open it in Tasklist: " + properties.getTasklistUrl() + "#/?task=" + task.getId() + "\n";
    Map<String, Object> record = new LinkedHashMap<>();
    record.put(NotificationProcess.VAR_PURPOSE, EVENTNAME_ASSIGNMENT.equals(event)
        ? NotificationProcess.PURPOSE_TASK_ASSIGNED : NotificationProcess.PURPOSE_TASK_CREATED);
    record.put(NotificationProcess.VAR_INSPECTION_REFERENCE, reference);
    record.put(NotificationProcess.VAR_TASK_ID, task.getId());
    record.put(NotificationProcess.VAR_ADDRESSEE, addressee);
    notifications.request(task.getExecution(), task.getId() + ":" + event + ":" + address, address, subject, body, record);
  }
}
