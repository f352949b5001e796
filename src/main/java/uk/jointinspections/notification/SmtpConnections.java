package uk.jointinspections.notification;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Keeps the SMTP connections of notification e-mails open between e-mails. {@link JavaMailSenderImpl} connects,
 * greets, authenticates and quits once per e-mail; in a national year that conversation was most of each notification
 * job's time (issue 19). A connection kept here is used by one job at a time, checked by the server's answer to NOOP
 * before each reuse (a server that closed it, or a network that dropped it, costs a new connection, not a failed job),
 * and closed when it has been idle longer than {@code inspection.notification.smtp.idle-timeout}, when the sender now
 * names another server or account (the demo's mail server and the tests move it), or when a send on it fails.
 * With {@code max-idle} 0, or a sender that is not Spring's, every e-mail goes through the sender as before.
 */
@Component
public class SmtpConnections implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpConnections.class);
  private static final String MESSAGE_ID = "Message-ID";

  private record Connection(Transport transport, String server) {
  }

  private record Idle(Connection connection, Instant since) {
  }

  private final JavaMailSender mailSender;
  private final int maxIdle;
  private final Duration idleTimeout;
  private final Deque<Idle> idle = new ArrayDeque<>();
  /** After shutdown, a job still sending closes its connection instead of keeping it. */
  private boolean closed;

  public SmtpConnections(JavaMailSender mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.maxIdle = properties.getSmtp().getMaxIdle();
    this.idleTimeout = properties.getSmtp().getIdleTimeout();
    if (maxIdle < 0 || idleTimeout.isNegative()) {
      throw new IllegalStateException("inspection.notification.smtp: max-idle (" + maxIdle + ") and idle-timeout ("
          + idleTimeout + ") must not be negative; max-idle 0 opens one connection per e-mail.");
    }
  }

  /** Sends the message, on a kept connection where one is open; the exceptions are the sender's own. */
  public void send(MimeMessage message) {
    if (maxIdle == 0 || !(mailSender instanceof JavaMailSenderImpl sender)) {
      mailSender.send(message);
      return;
    }
    Connection connection = take(sender);
    try {
      prepare(message);
      Address[] recipients = message.getAllRecipients();
      connection.transport().sendMessage(message, recipients == null ? new Address[0] : recipients);
    } catch (MessagingException e) {
      close(connection.transport());
      throw new MailSendException(Map.of(message, e));
    } catch (RuntimeException e) {
      close(connection.transport());
      throw e;
    }
    giveBack(connection);
  }

  /** How many connections wait idle now. */
  synchronized int idleCount() {
    return idle.size();
  }

  private Connection take(JavaMailSenderImpl sender) {
    String server = server(sender);
    Instant now = Instant.now();
    while (true) {
      Idle candidate;
      synchronized (this) {
        candidate = idle.pollFirst();
      }
      if (candidate == null) {
        return connect(sender, server);
      }
      Connection connection = candidate.connection();
      boolean fresh = Duration.between(candidate.since(), now).compareTo(idleTimeout) <= 0;
      // SMTPTransport.isConnected() asks the server (NOOP) and closes the connection when it does not answer.
      if (fresh && connection.server().equals(server) && connection.transport().isConnected()) {
        return connection;
      }
      close(connection.transport());
    }
  }

  private Connection connect(JavaMailSenderImpl sender, String server) {
    try {
      Transport transport = sender.getSession().getTransport(protocol(sender));
      String username = sender.getUsername();
      String password = sender.getPassword();
      // As JavaMailSenderImpl.connectTransport: an empty user name means no authentication.
      if (username == null || username.isEmpty()) {
        username = null;
        password = password == null || password.isEmpty() ? null : password;
      }
      transport.connect(sender.getHost(), sender.getPort(), username, password);
      return new Connection(transport, server);
    } catch (AuthenticationFailedException e) {
      throw new MailAuthenticationException(e);
    } catch (MessagingException e) {
      throw new MailSendException("Mail server connection failed", e);
    }
  }

  /** What JavaMailSenderImpl does before sending: a sent date, and an explicitly set Message-ID kept. */
  private static void prepare(MimeMessage message) throws MessagingException {
    if (message.getSentDate() == null) {
      message.setSentDate(new Date());
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      message.setHeader(MESSAGE_ID, messageId);
    }
  }

  private void giveBack(Connection connection) {
    boolean kept;
    synchronized (this) {
      kept = !closed && idle.size() < maxIdle && idle.offerFirst(new Idle(connection, Instant.now()));
    }
    if (!kept) {
      close(connection.transport());
    }
  }

  /** As JavaMailSenderImpl.getTransport: the sender's, else the session's, else SMTP. */
  private static String protocol(JavaMailSenderImpl sender) {
    if (sender.getProtocol() != null) {
      return sender.getProtocol();
    }
    String configured = sender.getSession().getProperty("mail.transport.protocol");
    return configured == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : configured;
  }

  private static String server(JavaMailSenderImpl sender) {
    return protocol(sender) + "://" + Objects.toString(sender.getUsername(), "") + "@" + sender.getHost() + ":"
        + sender.getPort();
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      // The e-mail's outcome is decided already; a connection that will not close cleanly is only dropped.
      LOG.debug("Closing an SMTP connection failed: {}", e.toString());
    }
  }

  @Override
  public void destroy() {
    List<Idle> open;
    synchronized (this) {
      closed = true;
      open = new ArrayList<>(idle);
      idle.clear();
    }
    open.forEach(kept -> close(kept.connection().transport()));
  }
}
