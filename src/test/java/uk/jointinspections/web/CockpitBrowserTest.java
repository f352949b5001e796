package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.jointinspections.ApplicationTest;
import uk.jointinspections.identity.StaffGroup;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.notification.Notification;
import uk.jointinspections.notification.NotificationJobs;
import uk.jointinspections.notification.NotificationStore;

/**
 * Cockpit in a real browser, for the operator (docs/authorization-matrix.md: operators see every inspection's
 * instances and incidents, not concerns or conduct complaints, and retry failed jobs). The incident is the one an
 * operator meets in real life: a JTAI starts while the mail server is unreachable, so its notification e-mails fail
 * until their retries are used up. The operator finds the incidents on the inspection itself, on the steps whose
 * e-mails failed, with the mail server's error, and, with the mail server back, retries one from Cockpit: the e-mail
 * is delivered and its incident is gone. Screenshots of every step in target/screenshots/.
 */
@ApplicationTest
@Tag("browser")
class CockpitBrowserTest {

  private static final String MAIL_DOWN = "Mail server connection failed";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JavaMailSender mailSender;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired NotificationStore store;

  private WebappBrowser browser;
  private int configuredMailPort;
  private int unreachableMailPort;
  private GreenMail mailServer;
  private String reference;
  private String inspection;

  @BeforeAll
  static void requireChromium() {
    WebappBrowser.assumeInstalled();
  }

  /**
   * The mail server is down: the application's mail sender points at a port nobody listens on. Set on the running
   * sender, as NotificationMailTest does, rather than through the test's properties: a second Spring context would
   * start a second process engine under the same name "default" in this JVM, and the webapps would find either.
   */
  @BeforeEach
  void mailServerDown(TestInfo info) throws IOException {
    configuredMailPort = sender().getPort();
    try (ServerSocket free = new ServerSocket(0)) {
      unreachableMailPort = free.getLocalPort();
    }
    sender().setPort(unreachableMailPort);
    browser = new WebappBrowser(port, info.getTestMethod().map(m -> m.getName()).orElse("cockpit"));
  }

  @AfterEach
  void cleanUp() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      sender().setPort(configuredMailPort);
      if (mailServer != null) {
        mailServer.stop();
      }
      if (inspection != null) {
        // The inspection and its notifications, so that other tests do not meet this test's incidents.
        NotificationJobs.deleteOfInstance(engine, inspection);
        if (runtime.createProcessInstanceQuery().processInstanceId(inspection).count() > 0) {
          runtime.deleteProcessInstance(inspection, "test clean-up");
        }
      }
    }
  }

  @Test
  void theOperatorFindsTheFailedNotificationsOnTheInspectionAndRetriesOneOnceTheMailServerIsBack() throws Exception {
    reference = "JTAI-OPS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    inspection = startJtai(reference);

    // The inspection's first steps are announced while the mail server is down; the job executor's attempts
    // (R5/PT5M) all fail, here made at once, until each notification is an incident.
    List<Job> notifications = NotificationJobs.ofInstance(engine, inspection);
    assertThat(notifications).as("the new inspection's steps are announced by e-mail").isNotEmpty();
    for (Job notification : notifications) {
      failUntilRetriesAreUsedUp(notification.getId());
    }
    List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(inspection).list();
    assertThat(incidents).as("one incident per notification, on the inspection itself").hasSize(notifications.size());
    assertThat(incidents).extracting(Incident::getConfiguration)
        .containsExactlyInAnyOrderElementsOf(notifications.stream().map(Job::getId).toList());
    for (Incident incident : incidents) {
      assertThat(incident.getIncidentMessage()).startsWith(MAIL_DOWN);
      assertThat(incident.getActivityId()).as("on the step that caused the e-mail").isNotNull();
    }
    assertThat(store.ofInspection(reference)).extracting(Notification::addressee)
        .as("a step offered to CQC is announced to CQC's mailbox").contains("cqc");

    browser.logIn("cockpit", "operator", "demo");
    // The dashboard counts every incident the operator may see: ours among them.
    browser.waitUntil(d -> browser.text().contains("Open Incidents\n" + incidentsTheOperatorMaySee()));
    browser.screenshot("dashboard");

    // The running inspection, found by its reference among the JTAI's instances.
    String definitionId = runtime.createProcessInstanceQuery().processInstanceId(inspection).singleResult()
        .getProcessDefinitionId();
    browser.open("/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
    browser.waitForText("Joint targeted area inspection", reference);
    browser.screenshot("running-inspection");

    // The inspection: its incidents tab lists the failed e-mails, each with the step that caused it and why. (The
    // diagram marks no step: the incidents are the instance's own, not of an activity instance, and a step that
    // caused an e-mail may well be done.)
    browser.open("/camunda/app/cockpit/default/#/process-instance/" + inspection + "/runtime?tab=incidents-tab");
    browser.waitForText("Instance ID:", reference);
    By incidentRows = By.xpath("//table[.//th[normalize-space(.)='Failing Activity']]/tbody/tr");
    List<String> rows = browser.waitUntil(d -> {
      List<String> texts = d.findElements(incidentRows).stream().map(WebElement::getText).toList();
      return texts.size() == incidents.size() ? texts : null;
    });
    assertThat(rows).allSatisfy(row -> assertThat(row).contains(MAIL_DOWN, "Failed Job"));
    browser.screenshot("inspection-incidents");

    // The mail server is back on the configured port; the operator retries one failed e-mail from Cockpit.
    mailServer = new GreenMail(new ServerSetup(unreachableMailPort, null, ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    browser.clickable(By.cssSelector("a[ng-click='openJobRetryDialog(incident)']")).click();
    By retry = By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Retry']");
    browser.clickable(retry);
    browser.screenshot("retry-dialog");
    browser.clickable(retry).click();
    By ok = By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='OK']");
    browser.clickable(ok);
    browser.waitForText("successfully");
    browser.screenshot("retried");
    browser.clickable(ok).click();

    List<Job> retried = NotificationJobs.ofInstance(engine, inspection).stream().filter(job -> job.getRetries() > 0)
        .toList();
    assertThat(retried).as("Cockpit gave one failed job another attempt").singleElement()
        .satisfies(job -> assertThat(job.getRetries()).isEqualTo(1));
    // What the job executor does with it next; it is off in tests, so that each test decides when jobs run.
    management.executeJob(retried.get(0).getId());

    MimeMessage[] delivered = mailServer.getReceivedMessages();
    assertThat(delivered).hasSize(1);
    assertThat(delivered[0].getSubject()).startsWith("[" + reference + "]");
    assertThat(runtime.createIncidentQuery().processInstanceId(inspection).count()).isEqualTo(incidents.size() - 1);
    assertThat(NotificationJobs.ofInstance(engine, inspection)).as("the sent notification's job is done")
        .hasSize(notifications.size() - 1);

    // Cockpit: one incident fewer on the inspection.
    browser.open("/camunda/app/cockpit/default/#/process-instance/" + inspection + "/runtime?tab=incidents-tab");
    browser.waitForText("Instance ID:", reference);
    browser.waitUntil(d -> d.findElements(incidentRows).size() == incidents.size() - 1);
    browser.screenshot("remaining-incidents");
  }

  private long incidentsTheOperatorMaySee() {
    identity.setAuthentication("operator", List.of(StaffGroup.OPERATORS.id()));
    try {
      return runtime.createIncidentQuery().count();
    } finally {
      identity.clearAuthentication();
    }
  }

  private void failUntilRetriesAreUsedUp(String notificationId) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Job job = management.createJobQuery().jobId(notificationId).singleResult();
      if (job.getRetries() == 0) {
        return;
      }
      assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(MailSendException.class);
    }
    throw new AssertionError("notification " + notificationId + " still has retries after 10 failed attempts");
  }

  private JavaMailSenderImpl sender() {
    return (JavaMailSenderImpl) mailSender;
  }

  /** Started, and past the senior analytical officer's briefing (¶10), so that the day −1 reviews are announced. */
  private String startJtai(String reference) {
    return JtaiStart.pastTheAnalystsBriefing(rest, tasks, reference, "2027-03-15");
  }

}
