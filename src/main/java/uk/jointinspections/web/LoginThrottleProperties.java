package uk.jointinspections.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link LoginThrottle} slows down guessing: {@code freeFailures} wrong passwords for one user from one address
 * are answered at once; each further one closes that pair for {@code firstDelay}, doubled at every failure up to
 * {@code maxDelay}. A correct password clears the pair.
 */
@ConfigurationProperties("inspection.login-throttle")
public record LoginThrottleProperties(
    @DefaultValue("5") int freeFailures,
    @DefaultValue("PT1S") Duration firstDelay,
    @DefaultValue("PT15M") Duration maxDelay) {

  public LoginThrottleProperties {
    if (freeFailures < 1) {
      throw new IllegalArgumentException("inspection.login-throttle.free-failures must be at least 1");
    }
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "inspection.login-throttle needs 0 < first-delay <= max-delay, got " + firstDelay + " and " + maxDelay);
    }
  }
}
