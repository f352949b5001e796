package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.concern.ConcernFixture.CHRISTMAS_EVE_2026;
import static uk.jointinspections.concern.ConcernFixture.annexC;
import static uk.jointinspections.concern.ConcernFixture.clockAt;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSender;
import uk.jointinspections.EngineTest;
import uk.jointinspections.notification.DemoMailServer;
import uk.jointinspections.notification.NotificationJobs;
import uk.jointinspections.testkit.MailTarget;

/**
 * A Category 1 concern's e-mail, with the child's case numbers and what the inspector wrote, reaches the demo's mail
 * server, and the Mailbox shows it to the administrator only: not even the concern's own lead inspector and referring
 * inspector, who may read the concern itself, nor the operator who retries notifications.
 */
@EngineTest
class ConcernInTheMailboxTest {

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired TestRestTemplate rest;
  @Autowired DemoMailServer mailServer;
  @Autowired JavaMailSender mailSender;

  private MailTarget mail;

  /** Other mail tests of the shared context point the sender at their own GreenMail; this one reads the demo's. */
  @BeforeEach
  void pointMailAtTheDemoMailServer() {
    mail = MailTarget.pointAt(mailSender, "127.0.0.1", mailServer.port());
  }

  @AfterEach
  void restore() {
    mail.close();
    ClockUtil.reset();
  }

  @Test
  void aCategory1EmailIsInTheMailboxForTheAdministratorAlone() {
    clockAt(CHRISTMAS_EVE_2026);
    ConcernFixture fixture = new ConcernFixture(engine);
    String reference = ConcernFixture.newReference();
    fixture.inspection(reference);
    ProcessInstance concern = fixture.raise("ofsted-inspector", reference, annexC(1));
    assertThat(NotificationJobs.withKeyPrefix(engine, "concern:" + concern.getId() + ":")).as("its two e-mails")
        .hasSize(2);
    assertThat(NotificationJobs.runOfInstance(engine, concern.getId())).as("failed notification jobs").isEmpty();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(concern.getId()).count()).isZero();
    ClockUtil.reset();

    String asAdmin = rest.withBasicAuth("admin", "test-admin-secret").getForObject("/api/mailbox.html", String.class);
    assertThat(asAdmin).contains("[" + reference + "] Category 1 concern about a child",
        "head.of.service@exampleshire.example", "Case number(s): CS-104233 (AB); CS-104234 (CD)",
        "Copy for the lead inspector: [" + reference + "]");
    for (String user : List.of("ofsted-lead", "ofsted-inspector", "qa-manager", "operator")) {
      for (String path : List.of("/api/mailbox", "/api/mailbox.html")) {
        ResponseEntity<String> refused = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(refused.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).doesNotContain("CS-104233").doesNotContain(reference);
      }
    }
  }
}
