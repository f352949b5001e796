package uk.jointinspections.notification;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Requests one e-mail by starting a notification process instance. Called from listeners inside the engine's
 * transaction, so the request commits (or rolls back) with the inspector's work, and the mail itself is sent by the
 * instance's asynchronous job afterwards. The business key makes a request idempotent.
 */
@Service
public class Notifications {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  public Notifications(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  /** Returns false when a notification with this key was already requested (nothing is sent twice). */
  public boolean request(String businessKey, String recipient, String subject, String body, Map<String, Object> record) {
    Map<String, Object> variables = new HashMap<>(record);
    variables.put(NotificationProcess.VAR_BODY, body);
    return request(businessKey, recipient, subject, variables);
  }

  /**
   * Like {@link #request(String, String, String, String, Map)}, for a body that must not be stored with the
   * notification: the named {@link NotificationBodyComposer} writes it from {@code source} when the mail is sent.
   */
  public boolean requestComposed(String businessKey, String recipient, String subject, String composer, String source,
      Map<String, Object> record) {
    Map<String, Object> variables = new HashMap<>(record);
    variables.put(NotificationProcess.VAR_BODY_COMPOSER, composer);
    variables.put(NotificationProcess.VAR_BODY_SOURCE, source);
    return request(businessKey, recipient, subject, variables);
  }

  private boolean request(String businessKey, String recipient, String subject, Map<String, Object> variables) {
    variables.put(NotificationProcess.VAR_RECIPIENT, recipient);
    variables.put(NotificationProcess.VAR_SUBJECT, subject);
    // The inspector whose action triggers a mail may not start processes or read other instances; the request is the
    // application's, not theirs.
    CommandContext commandContext = Context.getCommandContext();
    if (commandContext != null) {
      return commandContext.runWithoutAuthorization(() -> start(businessKey, variables));
    }
    return start(businessKey, variables);
  }

  private boolean start(String businessKey, Map<String, Object> variables) {
    long already = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NotificationProcess.KEY).processInstanceBusinessKey(businessKey).count();
    if (already > 0) {
      return false;
    }
    runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, businessKey, variables);
    return true;
  }
}
