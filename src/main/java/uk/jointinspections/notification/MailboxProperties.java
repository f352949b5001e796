package uk.jointinspections.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inspection.mailbox.*}: the H2 demo's own mail server ({@link DemoMailServer}). It runs only where
 * {@link DemoMailServerCondition} allows: never under the postgres profile, never when {@code MAIL_HOST} names a mail
 * server.
 */
@ConfigurationProperties("inspection.mailbox")
public class MailboxProperties {

  private boolean enabled;
  /** On 127.0.0.1 only; 0 takes any free port (the tests do). */
  private int port = 2525;
  /** How many of the newest e-mails are kept; older ones are deleted. */
  private int keep = 500;

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }
  public int getPort() { return port; }
  public void setPort(int port) { this.port = port; }
  public int getKeep() { return keep; }
  public void setKeep(int keep) { this.keep = keep; }
}
