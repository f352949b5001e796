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
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.testkit.JtaiStart;

/**
 * Cockpit in a real browser, for the operator (docs/authorization-matrix.md: operators see every inspection's
 * instances and incidents, not concerns or conduct complaints, and retry failed jobs). The incident is the one an
 * operator meets in real life: a JTAI starts while the mail server is unreachable, so its notification e-mails fail
 * until their retries are used up. The operator finds the incidents on the "Notification e-mail" definition, opens
 * the failed "Send the e-mail" step with the mail server's error, and, with the mail server back, retries it from
 * Cockpit: the e-mail is delivered and the incident is gone. Screenshots of every step in target/screenshots/.
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
        runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
            .variableValueEquals(NotificationProcess.VAR_INSPECTION_REFERENCE, reference).list()
            .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up"));
        if (runtime.createProcessInstanceQuery().processInstanceId(inspection).count() > 0) {
          runtime.deleteProcessInstance(inspection, "test clean-up");
        }
      }
    }
  }

  @Test
  void theOperatorFindsTheFailedNotificationOfAnInspectionAndRetriesItOnceTheMailServerIsBack() throws Exception {
    reference = "JTAI-OPS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    inspection = startJtai(reference);

    // The inspection's first steps are announced while the mail server is down; the job executor's attempts
    // (R5/PT5M) all fail, here made at once, until each notification is an incident.
    List<ProcessInstance> notifications = runtime.createProcessInstanceQuery()
        .processDefinitionKey(NotificationProcess.KEY)
        .variableValueEquals(NotificationProcess.VAR_INSPECTION_REFERENCE, reference).list();
    assertThat(notifications).as("the new inspection's steps are announced by e-mail").isNotEmpty();
    for (ProcessInstance notification : notifications) {
      failUntilRetriesAreUsedUp(notification.getId());
    }
    List<Incident> incidents = new ArrayList<>();
    for (ProcessInstance notification : notifications) {
      Incident incident = runtime.createIncidentQuery().processInstanceId(notification.getId()).singleResult();
      assertThat(incident).as("incident of notification " + notification.getBusinessKey()).isNotNull();
      assertThat(incident.getActivityId()).isEqualTo(NotificationProcess.TASK_SEND_MAIL);
      assertThat(incident.getIncidentMessage()).startsWith(MAIL_DOWN);
      incidents.add(incident);
    }
    String definitionId = notifications.get(0).getProcessDefinitionId();
    List<ProcessInstance> toCqcMailbox = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
        .variableValueEquals(NotificationProcess.VAR_INSPECTION_REFERENCE, reference)
        .variableValueEquals(NotificationProcess.VAR_ADDRESSEE, "cqc").list();
    assertThat(toCqcMailbox).as("a step offered to CQC is announced to CQC's mailbox").isNotEmpty();
    ProcessInstance toCqc = toCqcMailbox.get(0);
    long openIncidents = runtime.createIncidentQuery().processDefinitionId(definitionId).count();

    browser.logIn("cockpit", "operator", "demo");
    // The dashboard counts every incident the operator may see: ours among them.
    browser.waitUntil(d -> browser.text().contains("Open Incidents\n" + incidentsTheOperatorMaySee()));
    browser.screenshot("dashboard");

    // The running inspection, found by its reference among the JTAI's instances.
    browser.open("/camunda/app/cockpit/default/#/process-definition/"
        + runtime.createProcessInstanceQuery().processInstanceId(inspection).singleResult().getProcessDefinitionId()
        + "/runtime");
    browser.waitForText("Joint targeted area inspection", reference);
    browser.screenshot("running-inspection");

    // The process definitions: "Notification e-mail" with its incidents.
    browser.open("/camunda/app/cockpit/default/#/processes");
    By notificationIncidents = By.xpath("//tr[.//a[normalize-space(.)='Notification e-mail']]/td[contains(@class,'incidents')]");
    browser.waitForElementText(notificationIncidents, count -> count.strip().equals(String.valueOf(openIncidents)));
    browser.screenshot("processes-with-incidents");

    // The definition: the diagram marks "Send the e-mail" with its incidents, and the incidents tab says why.
    browser.open("/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
    By sendMailIncidents = By.cssSelector(".djs-overlays[data-container-id='" + NotificationProcess.TASK_SEND_MAIL
        + "'] .instance-incidents");
    browser.waitUntil(d -> d.findElements(sendMailIncidents).stream()
        .anyMatch(badge -> badge.getText().strip().equals(String.valueOf(openIncidents))));
    browser.screenshot("definition-diagram");
    browser.clickable(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Incidents']")).click();
    By incidentRows = By.xpath("//table[.//th[normalize-space(.)='Failing Activity']]/tbody/tr");
    List<String> rows = browser.waitUntil(d -> {
      List<String> texts = d.findElements(incidentRows).stream().map(WebElement::getText).toList();
      return texts.size() == openIncidents ? texts : null;
    });
    for (Incident incident : incidents) {
      assertThat(rows).as("the incident of notification " + incident.getProcessInstanceId())
          .anySatisfy(row -> assertThat(row).contains(incident.getProcessInstanceId(), MAIL_DOWN, "Send the e-mail",
              "Failed Job"));
    }
    browser.screenshot("definition-incidents");

    // The notification that should have told CQC: its incident, on the failed step, with the mail server's error.
    browser.open("/camunda/app/cockpit/default/#/process-instance/" + toCqc.getId() + "/runtime?tab=incidents-tab");
    browser.waitForText("Instance ID:", toCqc.getBusinessKey());
    String incidentRow = browser.waitForElementText(incidentRows, row -> row.contains(MAIL_DOWN));
    assertThat(incidentRow).contains("Send the e-mail", "Failed Job");
    browser.screenshot("instance-incident");

    // The mail server is back on the configured port; the operator retries the failed job from Cockpit.
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

    Job retried = management.createJobQuery().processInstanceId(toCqc.getId()).singleResult();
    assertThat(retried.getRetries()).as("Cockpit gave the failed job another attempt").isEqualTo(1);
    // What the job executor does with it next; it is off in tests, so that each test decides when jobs run.
    management.executeJob(retried.getId());

    MimeMessage[] delivered = mailServer.getReceivedMessages();
    assertThat(delivered).hasSize(1);
    assertThat(delivered[0].getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("cqc@inspections.example");
    assertThat(delivered[0].getSubject()).startsWith("[" + reference + "]");
    assertThat(runtime.createIncidentQuery().processInstanceId(toCqc.getId()).count()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(toCqc.getId()).count())
        .as("the notification has ended: its e-mail is sent").isZero();

    // Cockpit: one incident fewer on the definition, and the retried notification no longer among them.
    browser.open("/camunda/app/cockpit/default/#/processes");
    browser.waitForElementText(notificationIncidents, count -> count.strip().equals(String.valueOf(openIncidents - 1)));
    browser.screenshot("one-incident-fewer");
    browser.open("/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime");
    browser.clickable(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Incidents']")).click();
    browser.waitUntil(d -> d.findElements(incidentRows).size() == openIncidents - 1);
    assertThat(browser.text()).doesNotContain(toCqc.getId());
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
      Job job = management.createJobQuery().processInstanceId(notificationId).singleResult();
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
