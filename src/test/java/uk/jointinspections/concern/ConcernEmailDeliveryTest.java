package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.concern.ConcernFixture.CHRISTMAS_EVE_2026;
import static uk.jointinspections.concern.ConcernFixture.annexC;
import static uk.jointinspections.concern.ConcernFixture.clockAt;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import uk.jointinspections.EngineTest;
import uk.jointinspections.notification.Notification;
import uk.jointinspections.notification.NotificationJobs;
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.notification.NotificationStore;
import uk.jointinspections.testkit.MailTarget;

/** A Category 1 concern reaches the senior officer, and the lead inspector's copy, over real SMTP. */
@EngineTest
class ConcernEmailDeliveryTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired NotificationStore notificationStore;
  @Autowired JavaMailSender mailSender;

  private MailTarget mail;

  @BeforeEach
  void pointMailAtGreenMail() {
    mail = MailTarget.pointAt(mailSender, smtp.getSmtp().getPort());
    clockAt(CHRISTMAS_EVE_2026);
  }

  @AfterEach
  void restore() {
    mail.close();
    ClockUtil.reset();
  }

  @Test
  void category1IsEmailedToTheSeniorOfficerWithTheLeadInspectorCopied() throws Exception {
    ConcernFixture fixture = new ConcernFixture(engine);
    String reference = ConcernFixture.newReference();
    fixture.inspection(reference);
    ProcessInstance concern = fixture.raise("ofsted-inspector", reference, annexC(1));

    List<Notification> mails = notificationStore.withKeyPrefix("concern:" + concern.getId() + ":");
    assertThat(mails).hasSize(2);
    for (Notification mail : mails) {
      assertThat(mail.variables()).as("what the notification stores").doesNotContainKey(NotificationProcess.VAR_BODY);
      assertThat(mail.variables().values()).as("what the notification stores")
          .noneMatch(v -> String.valueOf(v).contains("CS-104233"))
          .noneMatch(v -> String.valueOf(v).contains("Strategy discussion"));
    }
    List<Job> jobs = NotificationJobs.withKeyPrefix(engine, "concern:" + concern.getId() + ":");
    assertThat(jobs).hasSize(2);
    jobs.forEach(job -> management.executeJob(job.getId()));

    MimeMessage toAgency = to("head.of.service@exampleshire.example");
    assertThat(toAgency.getSubject()).isEqualTo("[" + reference + "] Category 1 concern about a child: written response"
        + " required by Tuesday 29 December 2026");
    String body = GreenMailUtil.getBody(toAgency).replace("=\r\n", "").replace("\r\n", "\n");
    assertThat(body).contains("Dear Head of service, safeguarding").contains("Case number(s): CS-104233 (AB); CS-104234 (CD)")
        .contains("by Tuesday 29 December 2026")
        .contains("Strategy discussion not held within the timescale; risk not reassessed.");
    MimeMessage copy = to("ofsted-lead@inspections.example");
    assertThat(copy.getSubject()).startsWith("Copy for the lead inspector: [" + reference + "] Category 1 concern");
    assertThat(GreenMailUtil.getBody(copy).replace("=\r\n", "").replace("\r\n", "\n"))
        .startsWith("This is a copy of the e-mail sent to head.of.service@exampleshire.example.")
        .contains("Case number(s): CS-104233 (AB); CS-104234 (CD)");
  }

  private static MimeMessage to(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
  }
}
