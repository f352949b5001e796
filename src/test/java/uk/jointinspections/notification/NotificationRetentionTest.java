package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.MailTarget;

/**
 * A sent notification's record stays while its instance runs and while the instance's history is kept, and goes with
 * that history; a send-log key that no stored notification explains is left alone.
 */
@EngineTest
class NotificationRetentionTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired NotificationRetention retention;
  @Autowired NotificationSendLog sendLog;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ProcessEngine engine;
  @Autowired JavaMailSender mailSender;
  private MailTarget mail;
  @Autowired JdbcTemplate jdbc;

  private String deploymentId;
  private String instanceId;

  @BeforeEach
  void deployTestSteps() {
    mail = MailTarget.pointAt(mailSender, smtp.getSmtp().getPort());
    deploymentId = repository.createDeployment().addClasspathResource("notification/notified_steps.bpmn")
        .addClasspathResource("notification/notified_last_step.bpmn").deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    mail.close();
    NotificationJobs.deleteOfInstance(engine, instanceId);
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void aNotificationsRecordGoesWithItsInstancesHistory() {
    instanceId = runtime.startProcessInstanceByKey("test_notified_steps", "JTAI-RETENTION-" + UUID.randomUUID(),
        Map.of("leadInspector", "ofsted-lead")).getId();
    assertThat(NotificationJobs.runOfInstance(engine, instanceId)).as("failed notification jobs").isEmpty();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    String legacyKey = "legacy-notification-process:" + UUID.randomUUID();
    sendLog.claim(legacyKey, Instant.now());
    assertThat(stored()).isEqualTo(1);
    List<String> keys = jdbc.queryForList("SELECT KEY_ FROM " + NotificationStore.TABLE + " WHERE PROC_INST_ID_ = ?",
        String.class, instanceId);
    assertThat(sentKeys(keys)).isEqualTo(1);

    retention.removeExpired();
    assertThat(stored()).as("kept while the instance runs").isEqualTo(1);

    runtime.deleteProcessInstance(instanceId, "finished");
    retention.removeExpired();
    assertThat(stored()).as("kept while the instance's history is kept").isEqualTo(1);
    assertThat(sentKeys(keys)).isEqualTo(1);

    // What the history cleanup does when the history time to live has passed.
    history.deleteHistoricProcessInstance(instanceId);
    assertThat(retention.removeExpired()).isGreaterThanOrEqualTo(1);
    assertThat(stored()).as("gone with the history").isZero();
    assertThat(sentKeys(keys)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + NotificationSendLog.TABLE + " WHERE BUSINESS_KEY_ = ?",
        Long.class, legacyKey)).as("a key no stored notification explains").isEqualTo(1);
    jdbc.update("DELETE FROM " + NotificationSendLog.TABLE + " WHERE BUSINESS_KEY_ = ?", legacyKey);
  }

  private long stored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + NotificationStore.TABLE + " WHERE PROC_INST_ID_ = ?",
        Long.class, instanceId);
  }

  private long sentKeys(List<String> keys) {
    return keys.stream().mapToLong(key -> jdbc.queryForObject("SELECT COUNT(*) FROM " + NotificationSendLog.TABLE
        + " WHERE BUSINESS_KEY_ = ?", Long.class, key)).sum();
  }
}
