package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import uk.jointinspections.ApplicationTest;
import uk.jointinspections.notification.DemoMailServer;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.notification.NotificationJobs;
import uk.jointinspections.testkit.MailTarget;

/**
 * The administrator's Mailbox in a real browser: Admin's dashboard has a "Mailbox" section whose link opens the page of
 * the e-mails the demo's mail server received, the new inspection's among them; the operator, who signs in with the
 * same kind of password, is refused. Screenshots in target/screenshots/.
 */
@ApplicationTest
@Tag("browser")
class MailboxBrowserTest {

  private static final String ADMIN_PASSWORD = "test-admin-secret";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired DemoMailServer mailServer;
  @Autowired JavaMailSender mailSender;
  private MailTarget mail;

  private final List<WebappBrowser> browsers = new ArrayList<>();
  private String inspection;

  @BeforeAll
  static void requireChromium() {
    WebappBrowser.assumeInstalled();
  }

  /** Other mail tests of the shared context point the sender at their own GreenMail; this one reads the demo's. */
  @BeforeEach
  void pointMailAtTheDemoMailServer() {
    mail = MailTarget.pointAt(mailSender, "127.0.0.1", mailServer.port());
  }

  @AfterEach
  void cleanUp() {
    mail.close();
    browsers.forEach(WebappBrowser::close);
    if (inspection != null && runtime.createProcessInstanceQuery().processInstanceId(inspection).count() > 0) {
      runtime.deleteProcessInstance(inspection, "test clean-up");
    }
  }

  @Test
  void theAdministratorOpensTheMailboxFromAdminAndReadsTheNewInspectionsMailsWhileTheOperatorIsRefused() {
    String reference = "JTAI-MBX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    inspection = JtaiStart.pastTheAnalystsBriefing(rest, tasks, reference, "2027-03-15");
    assertThat(NotificationJobs.ofInstance(engine, inspection)).isNotEmpty();
    assertThat(NotificationJobs.runOfInstance(engine, inspection)).as("failed notification jobs").isEmpty();

    WebappBrowser admin = browser("mailbox-admin");
    admin.logIn("admin", "admin", ADMIN_PASSWORD);
    admin.waitForText("Mailbox", "Open the mailbox");
    WebElement link = admin.visible(By.cssSelector("a.inspection-mailbox-link"));
    assertThat(link.getAttribute("href")).isEqualTo(admin.url("/api/mailbox.html"));
    admin.screenshot("admin-dashboard");

    // The page is part of /api: the browser asks for the user and password (HTTP basic). A headless browser cannot
    // answer the dialog, so it is given them once in the address, as it then keeps them for the rest of /api.
    String dashboard = admin.driver().getWindowHandle();
    admin.driver().get("http://admin:" + ADMIN_PASSWORD + "@localhost:" + port + "/api/mailbox.html");
    admin.waitForText("Mailbox", "[" + reference + "]");
    admin.driver().get(admin.url("/camunda/app/admin/default/#/"));
    admin.waitForText("Open the mailbox");
    admin.clickable(By.cssSelector("a.inspection-mailbox-link")).click();
    admin.waitUntil(d -> d.getWindowHandles().size() > 1);
    for (String handle : admin.driver().getWindowHandles()) {
      if (!handle.equals(dashboard)) {
        admin.driver().switchTo().window(handle);
      }
    }
    admin.waitForText("Joint inspections · Mailbox", "[" + reference + "]", "cqc@inspections.example",
        "A step of inspection " + reference + " is waiting for", "Open it in Tasklist:");
    admin.screenshot("mailbox");

    WebappBrowser operator = browser("mailbox-operator");
    operator.driver().get("http://operator:demo@localhost:" + port + "/api/mailbox.html");
    String refused = operator.waitForText("Only administrators (group camunda-admin) may read the demo's mailbox");
    assertThat(refused).doesNotContain(reference);
    operator.screenshot("refused");
  }

  private WebappBrowser browser(String name) {
    WebappBrowser browser = new WebappBrowser(port, name);
    browsers.add(browser);
    return browser;
  }
}
