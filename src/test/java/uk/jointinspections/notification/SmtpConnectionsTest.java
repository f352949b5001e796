package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mails share SMTP connections, counted by a TCP relay in front of a real mail server (GreenMail) as the server
 * itself would see them, and still arrive when the server drops a kept connection, restarts or moves.
 */
class SmtpConnectionsTest {

  private GreenMail server;
  private ConnectionCountingRelay relay;
  private JavaMailSenderImpl sender;

  @BeforeEach
  void startServer() throws IOException {
    server = startMailServer(0);
    relay = new ConnectionCountingRelay(server.getSmtp().getPort());
    sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(relay.port());
  }

  @AfterEach
  void stopServer() throws IOException {
    relay.close();
    server.stop();
  }

  @Test
  void successiveMailsGoOverOneConnection() {
    SmtpConnections connections = connections(4, Duration.ofSeconds(30));
    for (int i = 1; i <= 5; i++) {
      connections.send(mail("Step " + i));
    }
    assertThat(server.getReceivedMessages()).hasSize(5);
    assertThat(relay.accepted()).as("connections the mail server saw").isEqualTo(1);
    assertThat(connections.idleCount()).isEqualTo(1);
    connections.destroy();
    assertThat(connections.idleCount()).isZero();
    // A job still running while the application stops sends its mail and keeps no connection open.
    connections.send(mail("During shutdown"));
    assertThat(server.getReceivedMessages()).hasSize(6);
    assertThat(connections.idleCount()).isZero();
  }

  @Test
  void theMessageIdSetByTheMailerIsKept() throws Exception {
    SmtpConnections connections = connections(4, Duration.ofSeconds(30));
    MimeMessage mail = mail("Step 1");
    mail.setHeader("Message-ID", NotificationMailer.messageId("task-1:create:cqc@inspections.example"));
    connections.send(mail);
    assertThat(server.getReceivedMessages()[0].getMessageID())
        .isEqualTo(NotificationMailer.messageId("task-1:create:cqc@inspections.example"));
    assertThat(server.getReceivedMessages()[0].getSentDate()).isNotNull();
  }

  @Test
  void aConnectionTheServerDroppedIsReplacedWithoutLosingTheMail() {
    SmtpConnections connections = connections(4, Duration.ofSeconds(30));
    connections.send(mail("Before"));
    relay.dropOpenConnections();
    connections.send(mail("After"));
    assertThat(subjects()).containsExactly("Before", "After");
    assertThat(relay.accepted()).isEqualTo(2);
  }

  @Test
  void aConnectionIdleLongerThanTheTimeoutIsNotReused() {
    SmtpConnections connections = connections(4, Duration.ZERO);
    connections.send(mail("First"));
    connections.send(mail("Second"));
    assertThat(subjects()).containsExactly("First", "Second");
    assertThat(relay.accepted()).isEqualTo(2);
  }

  @Test
  void mailFollowsTheSenderToAnotherServer() throws IOException {
    SmtpConnections connections = connections(4, Duration.ofSeconds(30));
    connections.send(mail("To the first"));
    GreenMail second = startMailServer(0);
    try {
      sender.setPort(second.getSmtp().getPort());
      connections.send(mail("To the second"));
      assertThat(subjects()).containsExactly("To the first");
      assertThat(second.getReceivedMessages()).hasSize(1);
    } finally {
      second.stop();
    }
  }

  @Test
  void anUnreachableServerFailsTheSendAsTheSenderWould() throws IOException {
    SmtpConnections connections = connections(4, Duration.ofSeconds(30));
    int closedPort;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = free.getLocalPort();
    }
    sender.setPort(closedPort);
    // The job's incident message, which operators see in Cockpit, begins as JavaMailSenderImpl's does.
    assertThatThrownBy(() -> connections.send(mail("Lost?"))).isInstanceOf(MailSendException.class)
        .hasMessageStartingWith("Mail server connection failed");
    sender.setPort(relay.port());
    connections.send(mail("Retried"));
    assertThat(subjects()).containsExactly("Retried");
  }

  @Test
  void concurrentJobsNeverShareAConnectionAndNeedNoMoreThanRunAtOnce() throws Exception {
    SmtpConnections connections = connections(4, Duration.ofSeconds(30));
    sendFromFourThreads(connections, 40);
    assertThat(server.getReceivedMessages()).hasSize(40);
    // A connection is taken by one job until its mail is sent, so four jobs at a time need four connections at most.
    assertThat(relay.accepted()).as("connections for 40 mails from 4 threads").isLessThanOrEqualTo(4);
    assertThat(connections.idleCount()).isEqualTo(relay.accepted());
  }

  @Test
  void noMoreThanMaxIdleConnectionsWaitOpen() throws Exception {
    SmtpConnections connections = connections(1, Duration.ofSeconds(30));
    sendFromFourThreads(connections, 20);
    assertThat(server.getReceivedMessages()).hasSize(20);
    assertThat(connections.idleCount()).isEqualTo(1);
  }

  @Test
  void maxIdleZeroOpensAConnectionPerMail() {
    SmtpConnections connections = connections(0, Duration.ofSeconds(30));
    connections.send(mail("One"));
    connections.send(mail("Two"));
    assertThat(subjects()).containsExactly("One", "Two");
    assertThat(relay.accepted()).isEqualTo(2);
    assertThat(connections.idleCount()).isZero();
  }

  @Test
  void negativeSettingsAreRefusedWithTheirNames() {
    assertThatThrownBy(() -> connections(-1, Duration.ofSeconds(30))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("inspection.notification.smtp").hasMessageContaining("max-idle (-1)");
  }

  /** As four job executor threads would. */
  private void sendFromFourThreads(SmtpConnections connections, int mails) throws Exception {
    ExecutorService jobs = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new java.util.ArrayList<>();
      for (int i = 1; i <= mails; i++) {
        String subject = "Concurrent " + i;
        sent.add(jobs.submit(() -> connections.send(mail(subject))));
      }
      for (Future<?> each : sent) {
        each.get(30, TimeUnit.SECONDS);
      }
    } finally {
      jobs.shutdownNow();
    }
  }

  private SmtpConnections connections(int maxIdle, Duration idleTimeout) {
    NotificationProperties properties = new NotificationProperties();
    properties.getSmtp().setMaxIdle(maxIdle);
    properties.getSmtp().setIdleTimeout(idleTimeout);
    return new SmtpConnections(sender, properties);
  }

  private MimeMessage mail(String subject) {
    MimeMessage mail = sender.createMimeMessage();
    try {
      mail.setFrom(new InternetAddress("jtai@inspections.example"));
      mail.setRecipient(Message.RecipientType.TO, new InternetAddress("cqc@inspections.example"));
      mail.setSubject(subject);
      mail.setText("Body of " + subject);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
    return mail;
  }

  private List<String> subjects() {
    return java.util.Arrays.stream(server.getReceivedMessages()).map(message -> {
      try {
        return message.getSubject();
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static GreenMail startMailServer(int port) {
    GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
    return mail;
  }

  /** Relays TCP to the mail server, counting connections; can cut every open one, as a server or network would. */
  private static final class ConnectionCountingRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService pipes = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "smtp-relay");
      thread.setDaemon(true);
      return thread;
    });

    ConnectionCountingRelay(int targetPort) throws IOException {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      pipes.submit(() -> {
        while (!listener.isClosed()) {
          try {
            Socket client = listener.accept();
            accepted.incrementAndGet();
            Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            open.add(client);
            open.add(target);
            pipes.submit(() -> pipe(client, target));
            pipes.submit(() -> pipe(target, client));
          } catch (IOException e) {
            return;
          }
        }
      });
    }

    int port() {
      return listener.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    void dropOpenConnections() {
      open.forEach(ConnectionCountingRelay::closeQuietly);
      open.clear();
    }

    private static void pipe(Socket from, Socket to) {
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException e) {
        // One side closed: close the other, as a dropped connection does.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }

    private static void closeQuietly(Socket socket) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
      dropOpenConnections();
      pipes.shutdownNow();
    }
  }
}
