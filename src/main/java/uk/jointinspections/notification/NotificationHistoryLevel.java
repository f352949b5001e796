package uk.jointinspections.notification;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.runtime.Job;

/**
 * History level "full" for everything but notifications: a notification job ({@link NotificationJobHandler}) logs its
 * failures and its success, not its creation; and instances of the notification process, which e-mails were until
 * they became jobs and which those started then still run on, keep only what an operator uses:
 * the instance (started, ended, its business key), its variables (recipient, subject, body, sentAt), incidents and
 * the log of failed attempts and of the one that sent it (which node, when: in a cluster, what an operator asks
 * about a late or repeated e-mail). Left out for notifications: activity instances (start, send, end: the same three
 * for every e-mail), variable details (each variable is written once) and the log of created jobs. A JTAI announces about 76 e-mails, so this is most of the history the
 * notifications wrote (README "Performance", "Tuning, before and after").
 *
 * <p>It has the id and name of "full" (3): a database created with "full" keeps working, and going back to Camunda's
 * own "full" needs no migration. Camunda picks it for {@code camunda.bpm.history-level: full} because custom levels are
 * matched by name after the built-in ones.
 */
final class NotificationHistoryLevel implements HistoryLevel {

  private static final Set<HistoryEventType> LEFT_OUT = Set.of(
      HistoryEventTypes.ACTIVITY_INSTANCE_START, HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE,
      HistoryEventTypes.ACTIVITY_INSTANCE_END, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE,
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
      HistoryEventTypes.JOB_CREATE);

  /** Process definition id → whether it is the notification process; ids never change their key. */
  private final Map<String, Boolean> notificationDefinitions = new ConcurrentHashMap<>();

  @Override
  public int getId() {
    return HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return HISTORY_LEVEL_FULL.getName();
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (LEFT_OUT.contains(eventType) && ofNotification(entity)) {
      return false;
    }
    return HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }

  private boolean ofNotification(Object entity) {
    if (entity instanceof Job job) {
      return NotificationProcess.KEY.equals(job.getProcessDefinitionKey())
          || job instanceof JobEntity jobEntity && NotificationJobHandler.isNotification(jobEntity);
    }
    if (entity instanceof HistoryEvent event) {
      return event.getProcessDefinitionKey() != null ? NotificationProcess.KEY.equals(event.getProcessDefinitionKey())
          : isNotificationDefinition(event.getProcessDefinitionId());
    }
    if (entity instanceof ExecutionEntity execution) {
      return isNotificationDefinition(execution.getProcessDefinitionId());
    }
    // At parse time (no entity) and for anything else: as "full".
    return false;
  }

  private boolean isNotificationDefinition(String processDefinitionId) {
    if (processDefinitionId == null) {
      return false;
    }
    Boolean known = notificationDefinitions.get(processDefinitionId);
    if (known != null) {
      return known;
    }
    var configuration = Context.getProcessEngineConfiguration();
    DeploymentCache cache = configuration == null ? null : configuration.getDeploymentCache();
    ProcessDefinitionEntity definition = cache == null ? null : cache.findProcessDefinitionFromCache(processDefinitionId);
    if (definition == null) {
      // Not cached yet (an engine starting): decide next time rather than guess from the id.
      return false;
    }
    boolean notification = NotificationProcess.KEY.equals(definition.getKey());
    notificationDefinitions.put(processDefinitionId, notification);
    return notification;
  }
}
