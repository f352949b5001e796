package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.testkit.MailTarget;

/**
 * The demo's own mail server receives the notifications of a new inspection, none of them fails, and administrators,
 * and nobody else, read them in the Mailbox through the real {@code /api} endpoints (the JSON and the page).
 */
@EngineTest
class MailboxTest {

  static final String ADMIN_PASSWORD = "test-admin-secret";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired ManagementService management;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired DemoMailServer mailServer;
  @Autowired JavaMailSender mailSender;
  private MailTarget mail;

  private String reference;
  private String inspection;

  /**
   * The application points its sender here when it starts (DemoMailServerConditionTest); other mail tests of the
   * shared context then point it at their own GreenMail, so this one points it back.
   */
  @BeforeEach
  void pointMailAtTheDemoMailServer() {
    mail = MailTarget.pointAt(mailSender, DemoMailServer.LOOPBACK, mailServer.port());
  }

  @AfterEach
  void cleanUp() {
    mail.close();
    if (inspection != null) {
      NotificationJobs.deleteOfInstance(engine, inspection);
      if (runtime.createProcessInstanceQuery().processInstanceId(inspection).count() > 0) {
        runtime.deleteProcessInstance(inspection, "test clean-up");
      }
    }
  }

  @Test
  void aNewInspectionsNotificationsReachTheDemoMailServerWithoutIncidentsAndOnlyAdministratorsReadThem() {
    reference = "JTAI-MBX-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    long incidentsBefore = runtime.createIncidentQuery().count();
    inspection = startJtai(reference);
    List<Job> notifications = NotificationJobs.ofInstance(engine, inspection);
    assertThat(notifications).as("the new inspection's first steps are announced").isNotEmpty();
    // The job executor is off in tests; each notification's job runs here, as the executor would run it.
    assertThat(NotificationJobs.runOfInstance(engine, inspection)).as("notification jobs that failed").isEmpty();
    assertThat(NotificationJobs.ofInstance(engine, inspection)).as("notifications still waiting").isEmpty();
    assertThat(runtime.createIncidentQuery().processInstanceId(inspection).count()).as("incidents of the inspection")
        .isZero();
    assertThat(runtime.createIncidentQuery().count()).as("incidents").isEqualTo(incidentsBefore);

    ResponseEntity<JsonNode> asAdmin = rest.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/api/mailbox",
        JsonNode.class);
    assertThat(asAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(asAdmin.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    List<JsonNode> ours = new ArrayList<>();
    Instant previous = null;
    for (JsonNode mail : asAdmin.getBody()) {
      Instant received = Instant.parse(mail.get("receivedAt").asText());
      assertThat(previous == null || !received.isAfter(previous)).as("newest first: %s after %s", received, previous)
          .isTrue();
      previous = received;
      if (mail.get("subject").asText().startsWith("[" + reference + "]")) {
        ours.add(mail);
      }
    }
    assertThat(ours).as("a mail for each notification of " + reference).hasSize(notifications.size());
    for (JsonNode mail : ours) {
      assertThat(mail.get("to")).as("recipient").hasSize(1);
      assertThat(mail.get("to").get(0).asText()).contains("@");
      assertThat(mail.get("from").asText()).isEqualTo("joint-inspections@inspections.example");
      assertThat(mail.get("body").asText()).contains("A step of inspection " + reference + " is waiting for")
          .contains("Open it in Tasklist: ");
    }
    assertThat(ours).extracting(mail -> mail.get("to").get(0).asText())
        .as("a step offered to CQC goes to CQC's mailbox").contains("cqc@inspections.example");

    ResponseEntity<String> page = rest.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity("/api/mailbox.html",
        String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getHeaders().get("Content-Security-Policy")).containsExactly(MailboxController.PAGE_POLICY);
    assertThat(page.getHeaders().getFirst("Cache-Control")).isEqualTo("no-store");
    assertThat(page.getBody()).contains("[" + reference + "]", "cqc@inspections.example",
        "A step of inspection " + reference);

    for (String user : List.of("ofsted-inspector", "ofsted-lead", "cqc-inspector", "operator", "qa-manager")) {
      for (String path : List.of("/api/mailbox", "/api/mailbox.html")) {
        ResponseEntity<String> refused = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(refused.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).as(user + " " + path).doesNotContain(reference)
            .contains("Only administrators (group camunda-admin) may read the demo's mailbox");
      }
    }
    ResponseEntity<String> anonymous = rest.getForEntity("/api/mailbox.html", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).as("the browser asks for user and password")
        .startsWith("Basic");
  }

  /** The page shows what a mail says, never runs it: mails carry what people wrote (a concern's issues). */
  @Test
  void thePageShowsMarkupInAMailAsText() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
    helper.setFrom("joint-inspections@inspections.example");
    helper.setTo("ofsted@inspections.example");
    helper.setSubject("<b>" + tag + "</b>");
    helper.setText("<script>alert('" + tag + "')</script> & <img src=x onerror=alert(1)>");
    mailSender.send(message);

    String page = rest.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/api/mailbox.html", String.class);
    assertThat(page).contains("&lt;b&gt;" + tag + "&lt;/b&gt;")
        .contains("&lt;script&gt;alert(&#39;" + tag + "&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<b>" + tag).doesNotContain("<script>alert('" + tag);
  }

  @Test
  void adminsDashboardLinksToTheMailbox() {
    ResponseEntity<String> script = rest.getForEntity("/camunda/app/admin/scripts/mailbox-link.js", String.class);
    assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(script.getHeaders().getContentType().toString()).startsWith("text/javascript");
    assertThat(script.getBody()).contains("pluginPoint: 'admin.dashboard.section'", "href=\"/api/mailbox.html\"");
    String config = rest.getForObject("/camunda/app/admin/scripts/config.js", String.class);
    assertThat(config).contains("customScripts: ['scripts/mailbox-link']");
  }

  private String startJtai(String reference) {
    // Past the analytical officer's briefing (¶10), so the inspectorates' day −1 reviews are offered and announced.
    return JtaiStart.pastTheAnalystsBriefing(rest, tasks, reference, "2027-03-15");
  }
}
