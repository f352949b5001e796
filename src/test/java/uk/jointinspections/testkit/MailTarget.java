package uk.jointinspections.testkit;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Points the application's one mail sender, shared by every test of the Spring context, at the mail server a test
 * reads (its own GreenMail, the demo's mail server, or a closed port), and back where it was when the test is done:
 * {@code target = MailTarget.pointAt(mailSender, smtp.getSmtp().getPort());} before each test and
 * {@code target.close();} after it.
 */
public final class MailTarget implements AutoCloseable {

  private final JavaMailSenderImpl sender;
  private final String host;
  private final int port;

  private MailTarget(JavaMailSenderImpl sender) {
    this.sender = sender;
    this.host = sender.getHost();
    this.port = sender.getPort();
  }

  /** The configured host, another port: a GreenMail of the test's own, or a port where nothing listens. */
  public static MailTarget pointAt(JavaMailSender mailSender, int port) {
    return pointAt(mailSender, ((JavaMailSenderImpl) mailSender).getHost(), port);
  }

  public static MailTarget pointAt(JavaMailSender mailSender, String host, int port) {
    JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
    MailTarget before = new MailTarget(sender);
    sender.setHost(host);
    sender.setPort(port);
    return before;
  }

  /** The sender's host and port as they were before {@link #pointAt}. */
  @Override
  public void close() {
    sender.setHost(host);
    sender.setPort(port);
  }
}
