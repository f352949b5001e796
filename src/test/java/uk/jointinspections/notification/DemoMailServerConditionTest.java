package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.SimpleMailMessage;
import uk.jointinspections.identity.Administrators;

/**
 * The demo's mail server and its Mailbox exist in the H2 demo only: with {@code MAIL_HOST} set, under the postgres
 * profile, or switched off, neither the server nor the endpoint is there and nothing listens on its port.
 */
class DemoMailServerConditionTest {

  @Configuration(proxyBeanMethods = false)
  @Import({NotificationConfiguration.class, DemoMailServer.class, MailboxController.class})
  static class MailParts {
    @Bean
    JavaMailSenderImpl mailSender() {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("localhost");
      sender.setPort(25);
      return sender;
    }

    @Bean
    Administrators administrators() {
      return new Administrators(null);
    }
  }

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withUserConfiguration(MailParts.class);

  @Test
  void theH2DemoWithoutMailHostReceivesItsMailOnLoopback() throws Exception {
    int port = freePort();
    runner.withPropertyValues("inspection.mailbox.enabled=true", "inspection.mailbox.port=" + port).run(context -> {
      DemoMailServer server = context.getBean(DemoMailServer.class);
      assertThat(server.port()).isEqualTo(port);
      assertThat(context).hasSingleBean(MailboxController.class);
      JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
      assertThat(sender.getHost() + ":" + sender.getPort()).isEqualTo("127.0.0.1:" + port);

      SimpleMailMessage mail = new SimpleMailMessage();
      mail.setFrom("joint-inspections@inspections.example");
      mail.setTo("ofsted@inspections.example");
      mail.setSubject("[JTAI-1] Review the briefing");
      mail.setText("A step of inspection JTAI-1 is waiting for ofsted.\n\nStep: Review the briefing\n");
      sender.send(mail);
      List<DemoMailServer.ReceivedMail> received = server.received();
      assertThat(received).hasSize(1);
      assertThat(received.get(0).to()).containsExactly("ofsted@inspections.example");
      assertThat(received.get(0).subject()).isEqualTo("[JTAI-1] Review the briefing");
      // SMTP ends the text at its last line break.
      assertThat(received.get(0).body())
          .isEqualTo("A step of inspection JTAI-1 is waiting for ofsted.\n\nStep: Review the briefing");
    });
    assertThat(listening(port)).as("stopped with the application").isFalse();
  }

  @Test
  void mailHostSwitchesItOff() throws Exception {
    int port = freePort();
    runner.withPropertyValues("inspection.mailbox.enabled=true", "inspection.mailbox.port=" + port,
        "MAIL_HOST=smtp.inspections.example").run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(DemoMailServer.class)
              .doesNotHaveBean(MailboxController.class);
          assertThat(context.getBean(JavaMailSenderImpl.class).getHost()).isEqualTo("localhost");
          assertThat(listening(port)).isFalse();
        });
  }

  @Test
  void thePostgresProfileNeverHasIt() throws Exception {
    int port = freePort();
    runner.withPropertyValues("inspection.mailbox.enabled=true", "inspection.mailbox.port=" + port)
        .withInitializer(context -> context.getEnvironment().setActiveProfiles("postgres")).run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(DemoMailServer.class)
              .doesNotHaveBean(MailboxController.class);
          assertThat(listening(port)).isFalse();
        });
  }

  @Test
  void itCanBeSwitchedOff() {
    runner.withPropertyValues("inspection.mailbox.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(DemoMailServer.class));
  }

  @Test
  void aTakenPortIsNamedWithWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      runner.withPropertyValues("inspection.mailbox.enabled=true", "inspection.mailbox.port=" + taken.getLocalPort())
          .run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining(
              "The demo's mail server cannot listen on 127.0.0.1:" + taken.getLocalPort())
              .hasStackTraceContaining("Set INSPECTION_MAILBOX_PORT to a free port, or MAIL_HOST"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
