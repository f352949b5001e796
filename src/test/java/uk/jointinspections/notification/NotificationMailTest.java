package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.jointinspections.EngineTest;

/** Notifications reach a real SMTP server (GreenMail) after the commit, are never sent twice, and survive an outage. */
@EngineTest
class NotificationMailTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired Notifications notifications;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JavaMailSender mailSender;

  private String deploymentId;

  /** GreenMail listens on a free port, so that test runs on one machine do not collide. */
  private void pointMailAtGreenMail() {
    ((JavaMailSenderImpl) mailSender).setPort(smtp.getSmtp().getPort());
  }

  @BeforeEach
  void deployTestSteps() {
    pointMailAtGreenMail();
    // Other tests of the shared context leave announcements queued (the job executor is off); they are not ours to count.
    runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up"));
    deploymentId = repository.createDeployment().addClasspathResource("notification/notified_steps.bpmn").deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    repository.deleteDeployment(deploymentId, true);
    runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up"));
  }

  private List<Job> mailJobs() {
    return management.createJobQuery().processDefinitionKey(NotificationProcess.KEY).activityId(NotificationProcess.TASK_SEND_MAIL).list();
  }

  private void sendQueuedMail() {
    mailJobs().forEach(job -> management.executeJob(job.getId()));
  }

  @Test
  void aTaskOfferedToAnInspectorateIsMailedToItsMailboxAfterTheCommitOnlyOnce() throws Exception {
    ProcessInstance steps = runtime.startProcessInstanceByKey("test_notified_steps", "JTAI-TEST-1",
        Map.of("leadInspector", "ofsted-lead"));

    assertThat(smtp.getReceivedMessages()).as("nothing is sent inside the inspector's transaction").isEmpty();
    assertThat(mailJobs()).hasSize(1);
    sendQueuedMail();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("cqc@inspections.example");
    assertThat(received[0].getSubject()).isEqualTo("[JTAI-TEST-1] Sign off the draft letter (CQC) (due no deadline)");
    HistoricProcessInstance record = history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
        .variableValueEquals(NotificationProcess.VAR_INSPECTION_REFERENCE, "JTAI-TEST-1").singleResult();
    assertThat(record.getBusinessKey()).endsWith(":create:cqc@inspections.example");
    assertThat(record.getState()).isEqualTo("COMPLETED");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(record.getId())
        .variableName(NotificationProcess.VAR_SENT_AT).singleResult().getValue()).isNotNull();

    Task cqcTask = tasks.createTaskQuery().processInstanceId(steps.getId()).singleResult();
    tasks.claim(cqcTask.getId(), "cqc-inspector");
    sendQueuedMail();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(smtp.getReceivedMessages()[1].getRecipients(Message.RecipientType.TO)[0].toString())
        .isEqualTo("cqc-inspector@inspections.example");
  }

  @Test
  void aTaskCreatedForANamedPersonIsAnnouncedOnceToThatPerson() throws Exception {
    ProcessInstance steps = runtime.startProcessInstanceByKey("test_notified_steps", "JTAI-TEST-2",
        Map.of("leadInspector", "ofsted-lead"));
    sendQueuedMail();
    tasks.complete(tasks.createTaskQuery().processInstanceId(steps.getId()).singleResult().getId());

    sendQueuedMail();

    assertThat(smtp.getReceivedMessages()).hasSize(2);
    MimeMessage toLead = smtp.getReceivedMessages()[1];
    assertThat(toLead.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ofsted-lead@inspections.example");
    assertThat(toLead.getSubject()).startsWith("[JTAI-TEST-2] Notify the DCS");
  }

  @Test
  void aRepeatedRequestWithTheSameKeySendsNothingMore() {
    assertThat(notifications.request("task-1:create:cqc@inspections.example", "cqc@inspections.example", "S", "B", Map.of()))
        .isTrue();
    assertThat(notifications.request("task-1:create:cqc@inspections.example", "cqc@inspections.example", "S", "B", Map.of()))
        .isFalse();

    sendQueuedMail();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anSmtpOutageBecomesAnIncidentAndRetryingSendsTheMail() {
    notifications.request("outage:1", "hmicfrs@inspections.example", "Outage test", "Body", Map.of());
    smtp.stop();
    try {
      for (int attempt = 0; attempt < 6 && !mailJobs().isEmpty() && mailJobs().get(0).getRetries() > 0; attempt++) {
        String jobId = mailJobs().get(0).getId();
        assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
      }
      Job failed = mailJobs().get(0);
      assertThat(failed.getRetries()).isZero();
      assertThat(runtime.createIncidentQuery().processInstanceId(failed.getProcessInstanceId()).count()).isEqualTo(1);
      assertThat(history.createHistoricIncidentQuery().processInstanceId(failed.getProcessInstanceId()).count()).isEqualTo(1);
    } finally {
      smtp.start();
      pointMailAtGreenMail();
    }

    // What Cockpit's "retry" does.
    Job failed = mailJobs().get(0);
    management.setJobRetries(failed.getId(), 1);
    management.executeJob(failed.getId());

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(failed.getProcessInstanceId()).count()).isZero();
  }
  @Test
  void aNotificationKeepsItsRecordFailuresSuccessAndIncidentButNotItsActivityHistory() {
    notifications.request("history:1", "ofsted@inspections.example", "History test", "Body", Map.of(
        NotificationProcess.VAR_PURPOSE, NotificationProcess.PURPOSE_TASK_CREATED));
    String instanceId = mailJobs().get(0).getProcessInstanceId();
    smtp.stop();
    try {
      String jobId = mailJobs().get(0).getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
    } finally {
      smtp.start();
      pointMailAtGreenMail();
    }
    management.executeJob(mailJobs().get(0).getId());

    HistoricProcessInstance record = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    assertThat(record.getBusinessKey()).isEqualTo("history:1");
    assertThat(record.getState()).isEqualTo("COMPLETED");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).list())
        .extracting(v -> v.getName()).contains(NotificationProcess.VAR_RECIPIENT, NotificationProcess.VAR_SUBJECT,
            NotificationProcess.VAR_BODY, NotificationProcess.VAR_SENT_AT);
    assertThat(history.createHistoricJobLogQuery().processInstanceId(instanceId).failureLog().count())
        .as("the failed attempt stays in the job log").isEqualTo(1);
    assertThat(history.createHistoricJobLogQuery().processInstanceId(instanceId).successLog().list())
        .as("the attempt that sent it, with the node that ran it").singleElement()
        .satisfies(sent -> assertThat(sent.getHostname()).isNotBlank());
    assertThat(history.createHistoricJobLogQuery().processInstanceId(instanceId).creationLog().count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(instanceId).count())
        .as("no incident: one failure leaves retries").isZero();

    // Every other process keeps Camunda's full history.
    ProcessInstance steps = runtime.startProcessInstanceByKey("test_notified_steps", "JTAI-TEST-H",
        Map.of("leadInspector", "ofsted-lead"));
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(steps.getId()).count()).isPositive();
    assertThat(history.createHistoricDetailQuery().processInstanceId(steps.getId()).count()).isPositive();
  }
}
