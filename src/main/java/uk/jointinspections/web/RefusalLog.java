package uk.jointinspections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;
import uk.jointinspections.complaint.ComplaintRefused;

/**
 * Logs a refused request as a refusal: one line at WARN naming the endpoint, the status, the field and the rule it
 * broke, never the value, never a stack trace. The endpoint of /api is its pattern ({@code POST
 * /api/inspections/{reference}/concerns}), so not even a reference is repeated; other paths (ids only) are made safe
 * for one line ({@link LogSafe}). The rule is the refusal's own sentence with every quoted part left out (our messages
 * quote what was sent: "'x' is not an e-mail address"). A refusal raised inside the engine (a start or task listener,
 * a form validation) reaches the REST API as an answer, not an exception, so the engine hands it over here
 * ({@link QuietRefusals}) and logs it at DEBUG only.
 *
 * <p>Not logged here: 401 (a wrong password, counted by {@link LoginThrottle}), 429 (logged by the throttle), and the
 * cross-site refusals of {@link CrossSiteRequestGuard} (which logs its own and never calls this filter).
 */
public class RefusalLog extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
  private static final ThreadLocal<Throwable[]> ENGINE_REFUSAL = new ThreadLocal<>();
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”");
  private static final int LONGEST_RULE = 200;

  /** Called by the engine when a command of this request's thread was refused. */
  static void engineRefused(Throwable refusal) {
    Throwable[] slot = ENGINE_REFUSAL.get();
    if (slot != null) {
      slot[0] = refusal;
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Throwable[] slot = new Throwable[1];
    ENGINE_REFUSAL.set(slot);
    try {
      chain.doFilter(request, response);
    } finally {
      ENGINE_REFUSAL.remove();
      int status = response.getStatus();
      if (status >= 400 && status < 500 && status != 401 && status != 429) {
        Throwable refusal = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Throwable t ? t : slot[0];
        log(request, status, refusal);
      }
    }
  }

  private static void log(HttpServletRequest request, int status, Throwable refusal) {
    String endpoint = request.getMethod() + " " + endpoint(request);
    Optional<String> field = field(refusal);
    String rule = rule(refusal);
    if (field.isPresent()) {
      if (rule.startsWith(field.get() + ": ")) {
        rule = rule.substring(field.get().length() + 2);
      }
      LOG.warn("Refused {}: {} field {}: {}", endpoint, status, field.get(), rule);
    } else {
      LOG.warn("Refused {}: {} {}", endpoint, status, rule);
    }
  }

  private static String endpoint(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return LogSafe.text(pattern instanceof String p ? p : request.getRequestURI());
  }

  static Optional<String> field(Throwable refusal) {
    if (refusal instanceof HttpMessageNotReadableException unreadable) {
      return JsonBodyProblems.field(unreadable).map(LogSafe::text);
    }
    for (Throwable cause = refusal; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof FormFieldValidationException form && form.getDetail() instanceof String name) {
        return Optional.of(LogSafe.text(name));
      }
    }
    return Optional.empty();
  }

  static String rule(Throwable refusal) {
    if (refusal == null) {
      return "(no reason given)";
    }
    if (refusal instanceof HttpMessageNotReadableException unreadable) {
      if (unreadable.getCause() instanceof ControlCharacters.Refused refused) {
        return refused.rule.description;
      }
      return JsonBodyProblems.field(unreadable).isPresent() ? "a value of the wrong kind" : "the body is not readable JSON";
    }
    Throwable reason = refusalWithin(refusal);
    String message = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
    String withoutValues = QUOTED.matcher(message).replaceAll("'…'");
    String rule = LogSafe.text(withoutValues);
    return rule.length() > LONGEST_RULE ? rule.substring(0, LONGEST_RULE) + "…" : rule;
  }

  /** The refusal itself where the engine wrapped it (a listener's exception inside "exception while invoking"). */
  private static Throwable refusalWithin(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (isRefusal(cause)) {
        return cause;
      }
    }
    return thrown;
  }

  /** What is the caller's to put right, not a fault of ours. */
  static boolean isRefusal(Throwable thrown) {
    return thrown instanceof FormFieldValidationException || thrown instanceof BadUserRequestException
        || thrown instanceof AuthorizationException || thrown instanceof OptimisticLockingException
        || thrown instanceof ComplaintRefused;
  }

  /** Whether a refusal lies anywhere in what the engine threw. */
  static boolean containsRefusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (isRefusal(cause)) {
        return true;
      }
    }
    return false;
  }
}
