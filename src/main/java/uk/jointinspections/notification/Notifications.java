package uk.jointinspections.notification;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Requests one e-mail: a row in {@link NotificationStore} and the job that sends it ({@link NotificationJobHandler}),
 * both written in the transaction of the step that causes the e-mail, so the request commits (or rolls back) with
 * the inspector's work and the mail goes out once it has committed. The key makes a request idempotent.
 *
 * <p>Until this release each e-mail was an instance of the notification process; instances started then still run on
 * it (processes/notification.bpmn), and {@link NotificationMailer} still sends them.
 */
@Service
public class Notifications {

  private final NotificationStore store;

  public Notifications(NotificationStore store) {
    this.store = store;
  }

  /**
   * Returns false when a notification with this key was already requested (nothing is sent twice).
   *
   * @param cause the execution of the step that causes the e-mail: a failed delivery is an incident on its instance
   */
  public boolean request(DelegateExecution cause, String key, String recipient, String subject, String body,
      Map<String, Object> record) {
    Map<String, Object> variables = new HashMap<>(record);
    variables.put(NotificationProcess.VAR_BODY, body);
    return request(cause, key, recipient, subject, variables);
  }

  /**
   * Like {@link #request(DelegateExecution, String, String, String, String, Map)}, for a body that must not be
   * stored with the notification: the named {@link NotificationBodyComposer} writes it from {@code source} when the
   * mail is sent.
   */
  public boolean requestComposed(DelegateExecution cause, String key, String recipient, String subject,
      String composer, String source, Map<String, Object> record) {
    Map<String, Object> variables = new HashMap<>(record);
    variables.put(NotificationProcess.VAR_BODY_COMPOSER, composer);
    variables.put(NotificationProcess.VAR_BODY_SOURCE, source);
    return request(cause, key, recipient, subject, variables);
  }

  private boolean request(DelegateExecution cause, String key, String recipient, String subject,
      Map<String, Object> variables) {
    if (key == null || key.isBlank() || key.contains("|")) {
      throw new IllegalArgumentException("A notification needs a key without '|', got '" + key + "'");
    }
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext == null || !(cause instanceof ExecutionEntity execution)) {
      throw new IllegalStateException("A notification is requested by a step, inside the engine's transaction");
    }
    if (recipient != null) {
      variables.put(NotificationProcess.VAR_RECIPIENT, recipient);
    }
    variables.put(NotificationProcess.VAR_SUBJECT, subject);
    ExecutionEntity instance = execution.getProcessInstance();
    String activityId = execution.getActivityId() != null ? execution.getActivityId() : execution.getCurrentActivityId();
    Notification notification = new Notification(key, instance.getId(), activityId,
        (String) variables.get(NotificationProcess.VAR_INSPECTION_REFERENCE), variables,
        ClockUtil.getCurrentTime().toInstant(), null);
    if (!store.add(notification)) {
      return false;
    }
    MessageEntity job = new MessageEntity();
    job.setJobHandlerType(NotificationJobHandler.TYPE);
    job.setJobHandlerConfiguration(
        new NotificationJobHandler.Configuration(instance.getId(), instance.getRootProcessInstanceId(), activityId, key));
    // The instance's definition, not its execution: operators with that definition's rights see and retry the job,
    // and the job outlives the instance's end (see NotificationJobHandler).
    job.setProcessDefinitionId(instance.getProcessDefinitionId());
    job.setProcessDefinitionKey(instance.getProcessDefinition().getKey());
    job.setTenantId(instance.getTenantId());
    commandContext.getJobManager().send(job);
    return true;
  }
}
