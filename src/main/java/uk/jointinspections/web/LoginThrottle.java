package uk.jointinspections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing without locking anybody out. Camunda's own protection locks the account itself: after
 * one wrong password the user cannot sign in for 3 seconds, doubling up to 60, and after ten the account is locked
 * until an administrator unlocks it ({@code DbIdentityServiceProvider.lockUser}). Anyone who knows a user name can
 * therefore keep that person, {@code admin} included, out of the service for good. That lock is switched off
 * ({@code login-max-attempts}, {@code login-delay-max-time} in application.yaml) and this filter throttles instead,
 * per client address and user name: the first {@link LoginThrottleProperties#freeFailures()} wrong passwords are
 * answered at once, then each further one closes that pair for a delay that doubles up to
 * {@link LoginThrottleProperties#maxDelay()}; a request to a closed pair is answered 429 with {@code Retry-After}
 * and never reaches the password check. The same user signing in from another address is not affected.
 *
 * <p>It sees every way a password is checked: HTTP basic authentication of {@code /engine-rest}, {@code /api} and
 * {@code /actuator}, and the webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A
 * request counts as a failure when it is answered 401, and clears the count only when the password was checked and
 * right (the webapps' login answers 200; the basic-auth filter signed the user in, {@link JsonAuthenticationFilter}).
 * The failure is counted before the password is checked, so parallel guesses cannot slip past the count. The client address is the
 * one Tomcat resolves ({@code server.forward-headers-strategy}: behind the nginx of docker/, the browser's). The counts
 * live in each node's memory: a cluster of two nodes allows each pair twice the guesses, and a restart forgets them.
 */
public class LoginThrottle extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
  private static final int LARGEST_LOGIN_FORM = 8 * 1024;
  private static final int PURGE_ABOVE = 10_000;

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  /**
   * Per pair, a keyed hash of the basic credentials last proven right. A request presenting them again is not counted
   * before its check: a portal's parallel calls with the right password would otherwise count as guesses in flight and
   * close the pair on themselves. Guesses never match it, so they are counted as before.
   */
  private final Map<String, byte[]> provenRight = new ConcurrentHashMap<>();
  private final byte[] proofKey = new byte[32];

  public LoginThrottle(LoginThrottleProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    new SecureRandom().nextBytes(proofKey);
  }

  /** Consecutive failures of one user name from one address, and when the last one was counted. */
  private static final class Failures {
    int count;
    long lastAt;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest forwarded = request;
    Optional<String> user = ActuatorAccessFilter.isHealth(request) ? Optional.empty() : basicAuthUser(request);
    if (user.isEmpty() && isWebappLogin(request)) {
      LoginForm form = LoginForm.read(request);
      forwarded = form;
      user = form.username();
    }
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getRemoteAddr() + " " + user.get().toLowerCase(Locale.ROOT);
    boolean webappLogin = forwarded != request;
    byte[] proof = webappLogin ? null : proof(request.getHeader("Authorization"));
    byte[] known = proof == null ? null : provenRight.get(key);
    boolean provenBefore = known != null && MessageDigest.isEqual(known, proof);
    if (!provenBefore) {
      long retryAfterMillis = countAttempt(key);
      if (retryAfterMillis > 0) {
        refuse(response, retryAfterMillis);
        return;
      }
    }
    JsonAuthenticationFilter.SIGNED_IN.remove();
    // A call whose handling throws after its password was checked (a conflict, a server error) is not a wrong
    // password: without this, five such calls with the right password closed the pair.
    Outcome outcome = Outcome.NOT_CHECKED;
    try {
      chain.doFilter(forwarded, response);
      boolean signedIn = webappLogin ? response.getStatus() == HttpServletResponse.SC_OK
          : Boolean.TRUE.equals(JsonAuthenticationFilter.SIGNED_IN.get());
      outcome = signedIn ? Outcome.SIGNED_IN
          : response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED ? Outcome.FAILED : Outcome.NOT_CHECKED;
    } catch (IOException | ServletException | RuntimeException failure) {
      outcome = !webappLogin && Boolean.TRUE.equals(JsonAuthenticationFilter.SIGNED_IN.get()) ? Outcome.SIGNED_IN
          : Outcome.NOT_CHECKED;
      throw failure;
    } finally {
      JsonAuthenticationFilter.SIGNED_IN.remove();
      switch (outcome) {
        case SIGNED_IN -> {
          failures.remove(key);
          if (proof != null) {
            provenRight.put(key, proof);
          }
        }
        case NOT_CHECKED -> {
          if (!provenBefore) {
            uncount(key);
          }
        }
        case FAILED -> {
          if (provenBefore) {
            // The password has changed since it was proven: forget it, and count this failure after the fact.
            provenRight.remove(key);
            countAttempt(key);
          }
          logWhenClosing(key, user.get(), request.getRemoteAddr());
        }
      }
    }
  }

  /**
   * A right password clears the pair; a path that checks no password (health, the list of engines) neither counts nor
   * clears, so that it cannot be used to reset the count between guesses.
   */
  private enum Outcome { SIGNED_IN, FAILED, NOT_CHECKED }

  private void uncount(String key) {
    Failures pair = failures.get(key);
    if (pair != null) {
      synchronized (pair) {
        pair.count = Math.max(0, pair.count - 1);
      }
    }
  }

  /** Counts the attempt as a failure until it proves otherwise; answers how long the pair is still closed, or 0. */
  private long countAttempt(String key) {
    long now = clock.millis();
    if (failures.size() > PURGE_ABOVE) {
      failures.values().removeIf(f -> now - f.lastAt > properties.maxDelay().toMillis());
    }
    if (provenRight.size() > PURGE_ABOVE) {
      provenRight.clear();
    }
    Failures pair = failures.computeIfAbsent(key, k -> new Failures());
    synchronized (pair) {
      long openAt = pair.lastAt + delayAfter(pair.count);
      if (now < openAt) {
        return openAt - now;
      }
      pair.count++;
      pair.lastAt = now;
      return 0;
    }
  }

  /** How long after the {@code count}-th consecutive failure the pair stays closed. */
  long delayAfter(int count) {
    if (count < properties.freeFailures()) {
      return 0;
    }
    int doublings = Math.min(count - properties.freeFailures(), 30);
    long delay = properties.firstDelay().toMillis() << doublings;
    return Math.min(delay, properties.maxDelay().toMillis());
  }

  private void logWhenClosing(String key, String user, String address) {
    Failures pair = failures.get(key);
    if (pair != null) {
      int count;
      synchronized (pair) {
        count = pair.count;
      }
      if (count >= properties.freeFailures()) {
        LOG.warn("Sign-in throttled: {} wrong passwords in a row for user {} from {}; next attempt in {} s", count,
            LogSafe.text(user), address, (delayAfter(count) + 999) / 1000);
      }
    }
  }

  private static void refuse(HttpServletResponse response, long retryAfterMillis) throws IOException {
    long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(seconds));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"Too many wrong passwords"
        + " for this user from your address. Try again in " + seconds + " seconds.\"}");
  }

  /** A keyed hash of a basic Authorization header's credentials, or null for none; never the password itself. */
  private byte[] proof(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(proofKey, "HmacSHA256"));
      return mac.doFinal(header.substring(6).trim().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException unavailable) {
      return null;
    }
  }

  static Optional<String> basicAuthUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon > 0 ? Optional.of(decoded.substring(0, colon)) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  static boolean isWebappLogin(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
  }

  /** The login form read once, so that its user name is known here and the webapps still read the body after us. */
  private static final class LoginForm extends ReadOnceRequest {

    private LoginForm(HttpServletRequest request, byte[] body) {
      super(request, body);
    }

    static LoginForm read(HttpServletRequest request) throws IOException {
      byte[] body = request.getInputStream().readNBytes(LARGEST_LOGIN_FORM);
      return new LoginForm(request, body);
    }

    Optional<String> username() {
      for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && pair.substring(0, equals).equals("username")) {
          String name = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
          return name.isEmpty() ? Optional.empty() : Optional.of(name);
        }
      }
      return Optional.empty();
    }
  }
}
