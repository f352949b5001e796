package uk.jointinspections.notification;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the demo's own mail server, and with it the Mailbox, exists: only for the H2 demo that has no mail server of
 * its own. {@code MAIL_HOST} (environment, system property or {@code --MAIL_HOST=}) means a real one is there, and the
 * postgres profile is production, where mail must never stop at a server only this process can read; either switches
 * it off whatever {@code inspection.mailbox.enabled} says, so that no bean, port or endpoint of it exists.
 */
public class DemoMailServerCondition extends SpringBootCondition {

  static final String POSTGRES_PROFILE = "postgres";

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment environment = context.getEnvironment();
    if (environment.acceptsProfiles(Profiles.of(POSTGRES_PROFILE))) {
      return ConditionOutcome.noMatch("the demo mail server never runs under the postgres profile");
    }
    String mailHost = environment.getProperty("MAIL_HOST", "");
    if (!mailHost.isBlank()) {
      return ConditionOutcome.noMatch("MAIL_HOST names the mail server (" + mailHost + ")");
    }
    if (!environment.getProperty("inspection.mailbox.enabled", Boolean.class, false)) {
      return ConditionOutcome.noMatch("inspection.mailbox.enabled is false");
    }
    return ConditionOutcome.match("H2 demo without MAIL_HOST: mail goes to the demo's own mail server");
  }
}
