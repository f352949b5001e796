package uk.jointinspections.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/** Tests' view of notification jobs ({@link NotificationJobHandler}), which no public job query filters on. */
public final class NotificationJobs {

  private NotificationJobs() {
  }

  /** Every notification job waiting to run, or failed. */
  public static List<Job> all(ProcessEngine engine) {
    return query(engine, "%");
  }

  /** The notification jobs requested by steps of this process instance. */
  public static List<Job> ofInstance(ProcessEngine engine, String processInstanceId) {
    return query(engine, processInstanceId + "|%");
  }

  /** The job of one notification, or null once it has been sent. */
  public static Job ofKey(ProcessEngine engine, String key) {
    return query(engine, "%|" + key).stream().findFirst().orElse(null);
  }

  /** The jobs of the notifications whose key starts so, e.g. a task's ({@code taskId:}). */
  public static List<Job> withKeyPrefix(ProcessEngine engine, String prefix) {
    return query(engine, "%|" + prefix + "%");
  }

  /** Deletes those jobs (a test's leftovers, not another test's business). */
  public static void deleteWithKeyPrefix(ProcessEngine engine, String prefix) {
    withKeyPrefix(engine, prefix).forEach(job -> engine.getManagementService().deleteJob(job.getId()));
  }

  /** Runs the instance's notification jobs, as the job executor would; returns the failures' messages. */
  public static List<String> runOfInstance(ProcessEngine engine, String processInstanceId) {
    ManagementService management = engine.getManagementService();
    List<String> failures = new ArrayList<>();
    for (Job job : ofInstance(engine, processInstanceId)) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException e) {
        failures.add(job.getId() + ": " + e.getMessage());
      }
    }
    return failures;
  }

  /** Deletes the instance's notification jobs (a test's leftovers, not another test's business). */
  public static void deleteOfInstance(ProcessEngine engine, String processInstanceId) {
    ofInstance(engine, processInstanceId).forEach(job -> engine.getManagementService().deleteJob(job.getId()));
  }

  /** Requests a notification as a step of the instance would, inside one engine command (the step's transaction). */
  public static boolean request(ProcessEngine engine, String processInstanceId, String key, String recipient,
      String subject, String body, Map<String, Object> record, Notifications notifications) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
          return notifications.request(instance, key, recipient, subject, body, record);
        });
  }

  private static List<Job> query(ProcessEngine engine, String configurationLike) {
    JdbcTemplate jdbc = new JdbcTemplate(engine.getProcessEngineConfiguration().getDataSource());
    List<String> ids = jdbc.queryForList("SELECT ID_ FROM " + engine.getManagementService().getTableName(Job.class)
            + " WHERE HANDLER_TYPE_ = ? AND HANDLER_CFG_ LIKE ? ORDER BY ID_", String.class,
        NotificationJobHandler.TYPE, configurationLike);
    return ids.stream().map(id -> engine.getManagementService().createJobQuery().jobId(id).singleResult())
        .filter(Objects::nonNull).toList();
  }
}
