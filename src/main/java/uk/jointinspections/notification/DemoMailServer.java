package uk.jointinspections.notification;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The H2 demo's own SMTP server (GreenMail, SMTP only, on 127.0.0.1): a fresh {@code mvn spring-boot:run} has no mail
 * server, so without it every notification failed five times and became an incident nobody caused, and nobody could
 * read what the application writes. The application's mail sender is pointed here as soon as it listens, before the
 * job executor sends anything. Mails are kept in memory until the application stops; administrators read them in the
 * Mailbox ({@link MailboxController}).
 */
@Component
@Conditional(DemoMailServerCondition.class)
public class DemoMailServer {

  static final String LOOPBACK = "127.0.0.1";
  private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

  /** One e-mail as it arrived. */
  public record ReceivedMail(Instant receivedAt, String from, List<String> to, String subject, String body) {
  }

  private final GreenMail server;

  public DemoMailServer(MailboxProperties properties, JavaMailSender mailSender) {
    ServerSetup setup = new ServerSetup(properties.getPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP);
    server = new GreenMail(properties.getPort() == 0 ? setup.dynamicPort() : setup);
    try {
      server.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException("The demo's mail server cannot listen on " + LOOPBACK + ":" + properties.getPort()
          + " (" + e.getMessage() + "). Set INSPECTION_MAILBOX_PORT to a free port, or MAIL_HOST (and MAIL_PORT) to"
          + " a mail server of your own.", e);
    }
    if (mailSender instanceof JavaMailSenderImpl sender) {
      sender.setHost(LOOPBACK);
      sender.setPort(port());
    }
    LOG.info("Demo mail server on {}:{}: every notification is kept for the Mailbox (/api/mailbox.html, administrators);"
        + " set MAIL_HOST to send mail to a real server", LOOPBACK, port());
  }

  public int port() {
    return server.getSmtp().getPort();
  }

  /** Every e-mail received since the application started, newest first. */
  public List<ReceivedMail> received() {
    List<StoredMessage> stored = new ArrayList<>(server.getManagers().getImapHostManager().getAllMessages());
    stored.sort(Comparator.comparing(StoredMessage::getReceivedDate).reversed());
    List<ReceivedMail> mails = new ArrayList<>(stored.size());
    for (StoredMessage message : stored) {
      mails.add(read(message));
    }
    return mails;
  }

  private static ReceivedMail read(StoredMessage stored) {
    MimeMessage message = stored.getMimeMessage();
    try {
      return new ReceivedMail(stored.getReceivedDate().toInstant(), addresses(message.getFrom()).stream().findFirst()
          .orElse(""), addresses(message.getAllRecipients()), message.getSubject(), text(message));
    } catch (MessagingException | IOException e) {
      // One unreadable mail must not hide the others; it says what went wrong in its place.
      return new ReceivedMail(stored.getReceivedDate().toInstant(), "", List.of(), "(unreadable e-mail)",
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static List<String> addresses(Address[] addresses) {
    List<String> list = new ArrayList<>();
    if (addresses != null) {
      for (Address address : addresses) {
        list.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
      }
    }
    return list;
  }

  /** The plain text: what the application writes (SMTP's CRLF line ends read as the application wrote them). */
  static String text(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String text) {
      return part.isMimeType("text/*") ? text.replace("\r\n", "\n") : "";
    }
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  @PreDestroy
  void stop() {
    server.stop();
  }
}
