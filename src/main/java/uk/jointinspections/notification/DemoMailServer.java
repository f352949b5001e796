package uk.jointinspections.notification;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.Flags;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * job executor sends anything. Mails are kept in memory until the application stops, the newest
 * {@code inspection.mailbox.keep} of them: a demo left running for days sends thousands, and they must not fill the heap.
 * Administrators read them in the Mailbox ({@link MailboxController}).
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
  private final int keep;
  private final ScheduledExecutorService pruner = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "demo-mailbox-prune");
    thread.setDaemon(true);
    return thread;
  });

  public DemoMailServer(MailboxProperties properties, JavaMailSender mailSender) {
    if (properties.getKeep() < 1) {
      throw new IllegalStateException("inspection.mailbox.keep (INSPECTION_MAILBOX_KEEP) must be at least 1, not "
          + properties.getKeep() + ": it is how many of the newest e-mails the demo's Mailbox keeps.");
    }
    keep = properties.getKeep();
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
    pruner.scheduleWithFixedDelay(this::prune, 30, 30, TimeUnit.SECONDS);
    LOG.info("Demo mail server on {}:{}: the newest {} notifications are kept for the Mailbox (/api/mailbox.html,"
        + " administrators); set MAIL_HOST to send mail to a real server", LOOPBACK, port(), keep);
  }

  public int keep() {
    return keep;
  }

  public int port() {
    return server.getSmtp().getPort();
  }

  /** The newest {@link #keep()} e-mails received since the application started, newest first. */
  public List<ReceivedMail> received() {
    List<StoredMessage> stored = new ArrayList<>(server.getManagers().getImapHostManager().getAllMessages());
    stored.sort(Comparator.comparing(StoredMessage::getReceivedDate).reversed());
    List<ReceivedMail> mails = new ArrayList<>(Math.min(keep, stored.size()));
    for (StoredMessage message : stored.subList(0, Math.min(keep, stored.size()))) {
      mails.add(read(message));
    }
    return mails;
  }

  /** How many e-mails the server holds now, pruned or not. */
  int held() {
    return server.getManagers().getImapHostManager().getAllMessages().size();
  }

  /** Deletes all but the newest {@link #keep()} e-mails, across every recipient's inbox. */
  synchronized void prune() {
    try {
      record Held(MailFolder inbox, StoredMessage message) {
      }
      List<Held> held = new ArrayList<>();
      for (GreenMailUser user : server.getUserManager().listUser()) {
        MailFolder inbox = server.getManagers().getImapHostManager().getInbox(user);
        inbox.getMessages().forEach(message -> held.add(new Held(inbox, message)));
      }
      if (held.size() <= keep) {
        return;
      }
      held.sort(Comparator.comparing((Held h) -> h.message().getReceivedDate()).reversed());
      java.util.Set<MailFolder> touched = new java.util.HashSet<>();
      for (Held old : held.subList(keep, held.size())) {
        old.inbox().setFlags(new Flags(Flags.Flag.DELETED), true, old.message().getUid(), null, false);
        touched.add(old.inbox());
      }
      for (MailFolder inbox : touched) {
        inbox.expunge();
      }
    } catch (FolderException | RuntimeException e) {
      // A failed prune only keeps more mail for a while; the next one tries again.
      LOG.warn("Could not prune the demo's Mailbox: {}", e.toString());
    }
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
    pruner.shutdownNow();
    server.stop();
  }
}
