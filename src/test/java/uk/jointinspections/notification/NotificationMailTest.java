package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import java.time.Instant;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Incident;
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
import uk.jointinspections.testkit.MailTarget;

/**
 * Notifications reach a real SMTP server (GreenMail) after the commit, are never sent twice, and survive an outage as
 * an incident on the instance whose step caused them, which an operator retries.
 */
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
  @Autowired ProcessEngine engine;
  @Autowired NotificationStore store;
  @Autowired NotificationSendLog sendLog;

  private String deploymentId;
  private String instanceId;
  private MailTarget mail;

  /** GreenMail listens on a free port, so that test runs on one machine do not collide; restarted, on a new one. */
  private void pointMailAtGreenMail() {
    ((JavaMailSenderImpl) mailSender).setPort(smtp.getSmtp().getPort());
  }

  @BeforeEach
  void deployTestSteps() {
    mail = MailTarget.pointAt(mailSender, smtp.getSmtp().getPort());
    deploymentId = repository.createDeployment().addClasspathResource("notification/notified_steps.bpmn")
        .addClasspathResource("notification/notified_last_step.bpmn").deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    mail.close();
    identity.clearAuthentication();
    if (instanceId != null) {
      NotificationJobs.deleteOfInstance(engine, instanceId);
    }
    repository.deleteDeployment(deploymentId, true);
  }

  private ProcessInstance start(String reference) {
    ProcessInstance steps = runtime.startProcessInstanceByKey("test_notified_steps", reference,
        Map.of("leadInspector", "ofsted-lead"));
    instanceId = steps.getId();
    return steps;
  }

  private List<Job> mailJobs() {
    return NotificationJobs.ofInstance(engine, instanceId);
  }

  private void sendQueuedMail() {
    assertThat(NotificationJobs.runOfInstance(engine, instanceId)).as("failed notification jobs").isEmpty();
  }

  private static String unique(String reference) {
    return reference + "-" + UUID.randomUUID();
  }

  @Test
  void aTaskOfferedToAnInspectorateIsMailedToItsMailboxAfterTheCommitOnlyOnce() throws Exception {
    String reference = unique("JTAI-TEST-1");
    ProcessInstance steps = start(reference);

    assertThat(smtp.getReceivedMessages()).as("nothing is sent inside the inspector's transaction").isEmpty();
    assertThat(mailJobs()).hasSize(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
        .processInstanceBusinessKeyLike("%" + reference + "%").count()).as("no process instance per e-mail").isZero();
    sendQueuedMail();

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("cqc@inspections.example");
    assertThat(received[0].getSubject()).isEqualTo("[" + reference + "] Sign off the draft letter (CQC) (due no deadline)");
    Notification record = store.ofInspection(reference).get(0);
    assertThat(record.key()).endsWith(":create:cqc@inspections.example");
    assertThat(record.processInstanceId()).isEqualTo(steps.getId());
    assertThat(record.activityId()).isEqualTo("task_for_cqc");
    assertThat(record.purpose()).isEqualTo(NotificationProcess.PURPOSE_TASK_CREATED);
    assertThat(record.sentAt()).isNotNull();
    assertThat(mailJobs()).as("the sent notification's job is done").isEmpty();

    Task cqcTask = tasks.createTaskQuery().processInstanceId(steps.getId()).singleResult();
    tasks.claim(cqcTask.getId(), "cqc-inspector");
    sendQueuedMail();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(smtp.getReceivedMessages()[1].getRecipients(Message.RecipientType.TO)[0].toString())
        .isEqualTo("cqc-inspector@inspections.example");
  }

  @Test
  void aTaskCreatedForANamedPersonIsAnnouncedOnceToThatPerson() throws Exception {
    String reference = unique("JTAI-TEST-2");
    ProcessInstance steps = start(reference);
    sendQueuedMail();
    tasks.complete(tasks.createTaskQuery().processInstanceId(steps.getId()).singleResult().getId());

    sendQueuedMail();

    assertThat(smtp.getReceivedMessages()).hasSize(2);
    MimeMessage toLead = smtp.getReceivedMessages()[1];
    assertThat(toLead.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ofsted-lead@inspections.example");
    assertThat(toLead.getSubject()).startsWith("[" + reference + "] Notify the DCS");
  }

  @Test
  void aRepeatedRequestWithTheSameKeySendsNothingMore() {
    start(unique("JTAI-TEST-3"));
    sendQueuedMail();
    String key = instanceId + ":create:cqc@inspections.example";
    assertThat(request(key, "S")).isTrue();
    assertThat(request(key, "S")).isFalse();

    assertThat(mailJobs()).hasSize(1);
    sendQueuedMail();

    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aJobWhoseKeyWasSentAlreadySendsNothing() {
    start(unique("JTAI-TEST-4"));
    sendQueuedMail();
    String key = "sent-elsewhere:" + instanceId;
    request(key, "Sent by another node");
    // Another node's job, or an instance of the notification process, sent this key and committed.
    assertThat(sendLog.claim(key, Instant.now())).isTrue();

    sendQueuedMail();

    assertThat(smtp.getReceivedMessages()).as("only the steps' own announcement").hasSize(1);
    assertThat(mailJobs()).as("the job ends without sending").isEmpty();
  }

  @Test
  void anSmtpOutageBecomesAnIncidentOnTheInspectionAndRetryingSendsTheMailOnce() {
    ProcessInstance steps = start(unique("JTAI-TEST-5"));
    smtp.stop();
    Job failed;
    try {
      for (int attempt = 0; attempt < 6 && !mailJobs().isEmpty() && mailJobs().get(0).getRetries() > 0; attempt++) {
        String jobId = mailJobs().get(0).getId();
        Date before = mailJobs().get(0).getDuedate();
        assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
        if (mailJobs().get(0).getRetries() > 0) {
          assertThat(mailJobs().get(0).getDuedate()).as("retried five minutes later (R5/PT5M), not at once")
              .isAfter(new Date(System.currentTimeMillis() + 4 * 60_000));
        }
      }
      failed = mailJobs().get(0);
      assertThat(failed.getRetries()).isZero();
      assertThat(failed.getExceptionMessage()).as("the mail server's error").isNotBlank();
      Incident incident = runtime.createIncidentQuery().processInstanceId(steps.getId()).singleResult();
      assertThat(incident).as("the incident is on the inspection's own instance").isNotNull();
      assertThat(incident.getConfiguration()).isEqualTo(failed.getId());
      assertThat(incident.getActivityId()).as("on the step that caused the e-mail").isEqualTo("task_for_cqc");
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(history.createHistoricIncidentQuery().processInstanceId(steps.getId()).count()).isEqualTo(1);
      assertThat(smtp.getReceivedMessages()).isEmpty();
    } finally {
      smtp.start();
      pointMailAtGreenMail();
    }

    // What Cockpit's "retry" does.
    management.setJobRetries(failed.getId(), 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(steps.getId()).count()).as("resolved by the retry").isZero();
    management.executeJob(failed.getId());

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(mailJobs()).isEmpty();
    assertThat(runtime.createIncidentQuery().processInstanceId(steps.getId()).count()).isZero();
  }

  @Test
  void aNotificationOfTheLastStepIsSentAfterItsInstanceHasEnded() throws Exception {
    ProcessInstance last = runtime.startProcessInstanceByKey("test_notified_last_step", unique("JTAI-TEST-6"));
    instanceId = last.getId();
    Task task = tasks.createTaskQuery().processInstanceId(last.getId()).singleResult();
    String key = "last-step:" + last.getId();
    // The step's notification and its completion, which ends the instance, in one transaction.
    ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> {
          notifications.request(context.getExecutionManager().findExecutionById(task.getExecutionId()), key,
              "ofsted@inspections.example", "The last step", "Body", Map.of());
          tasks.complete(task.getId());
          return null;
        });
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(last.getId()).count()).isZero();

    assertThat(mailJobs()).as("the job outlives the instance").hasSize(1);
    sendQueuedMail();

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("The last step");
  }

  @Test
  void aSuspendedInspectionsNotificationIsStillSent() {
    ProcessInstance steps = start(unique("JTAI-TEST-7"));
    runtime.suspendProcessInstanceById(steps.getId());
    try {
      assertThat(mailJobs()).singleElement().satisfies(job -> assertThat(job.isSuspended()).isFalse());
      sendQueuedMail();
      assertThat(smtp.getReceivedMessages()).hasSize(1);
    } finally {
      runtime.activateProcessInstanceById(steps.getId());
    }
  }

  @Test
  void aNotificationLogsItsFailuresAndSuccessUnderItsInstanceButNotItsCreation() {
    ProcessInstance steps = start(unique("JTAI-TEST-8"));
    String jobId = mailJobs().get(0).getId();
    smtp.stop();
    try {
      assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
    } finally {
      smtp.start();
      pointMailAtGreenMail();
    }
    management.executeJob(jobId);

    assertThat(history.createHistoricJobLogQuery().jobId(jobId).processInstanceId(steps.getId()).failureLog().count())
        .as("the failed attempt stays in the job log, under the inspection").isEqualTo(1);
    assertThat(history.createHistoricJobLogQuery().jobId(jobId).successLog().list())
        .as("the attempt that sent it, with the node that ran it").singleElement()
        .satisfies(sent -> {
          assertThat(sent.getHostname()).isNotBlank();
          assertThat(sent.getProcessInstanceId()).isEqualTo(steps.getId());
          assertThat(sent.getRootProcessInstanceId()).as("removed with the inspection's history")
              .isEqualTo(steps.getId());
        });
    assertThat(history.createHistoricJobLogQuery().jobId(jobId).creationLog().count()).isZero();
    assertThat(history.createHistoricIncidentQuery().processInstanceId(steps.getId()).count())
        .as("no incident: one failure leaves retries").isZero();
    // The inspection itself keeps Camunda's full history.
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(steps.getId()).count()).isPositive();
    assertThat(history.createHistoricDetailQuery().processInstanceId(steps.getId()).count()).isPositive();
  }

  private boolean request(String key, String subject) {
    return NotificationJobs.request(engine, instanceId, key, "cqc@inspections.example", subject, "B", Map.of(),
        notifications);
  }
}
