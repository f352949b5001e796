package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The demo's mail server keeps the newest mails only, so a demo left running does not fill its heap with them. */
class DemoMailServerKeepTest {

  private DemoMailServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void keepsTheNewestMailsAcrossEveryInbox() throws Exception {
    MailboxProperties properties = new MailboxProperties();
    properties.setPort(0);
    properties.setKeep(3);
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    server = new DemoMailServer(properties, sender);
    for (int i = 1; i <= 5; i++) {
      SimpleMailMessage mail = new SimpleMailMessage();
      mail.setFrom("jtai@inspections.example");
      // Two recipients, so the newest mails are spread over two inboxes.
      mail.setTo(i % 2 == 0 ? "cqc@inspections.example" : "ofsted@inspections.example");
      mail.setSubject("Step " + i);
      mail.setText("Body " + i);
      sender.send(mail);
      Thread.sleep(5); // received dates are what orders them
    }
    assertThat(server.received()).extracting(DemoMailServer.ReceivedMail::subject)
        .containsExactly("Step 5", "Step 4", "Step 3");
    assertThat(server.held()).isEqualTo(5);

    server.prune();

    assertThat(server.received()).extracting(DemoMailServer.ReceivedMail::subject)
        .containsExactly("Step 5", "Step 4", "Step 3");
    assertThat(server.held()).isEqualTo(3);
  }

  @Test
  void refusesToKeepNothing() {
    MailboxProperties properties = new MailboxProperties();
    properties.setPort(0);
    properties.setKeep(0);
    assertThatThrownBy(() -> new DemoMailServer(properties, new JavaMailSenderImpl()))
        .hasMessageContaining("inspection.mailbox.keep (INSPECTION_MAILBOX_KEEP) must be at least 1");
  }

}
