package uk.jointinspections.web;

import java.time.LocalDate;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of our REST API ({@code /api}, the controllers of this application) as
 * {@code {"status": 400, "error": "Bad Request", "message": "..."}}, the message saying which parameter is
 * wrong and why; never a stack trace. Ordered first so that it, not Spring's problem-details handler,
 * answers for our controllers.
 */
@RestControllerAdvice(basePackages = "uk.jointinspections")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler {

  public record ApiError(int status, String error, String message) {
  }

  /** Bad input found by our own code, such as a date outside the supported years. */
  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, "Parameter '" + e.getParameterName() + "' is required");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ApiError> malformedParameter(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, "Parameter '" + e.getName() + "' must be " + describe(e.getRequiredType())
        + "; got '" + e.getValue() + "'");
  }

  @ExceptionHandler(ResponseStatusException.class)
  public ResponseEntity<ApiError> status(ResponseStatusException e) {
    return error(e.getStatusCode(), e.getReason());
  }

  public static ResponseEntity<ApiError> error(HttpStatusCode status, String message) {
    HttpStatus known = HttpStatus.resolve(status.value());
    String phrase = known == null ? String.valueOf(status.value()) : known.getReasonPhrase();
    return ResponseEntity.status(status).body(new ApiError(status.value(), phrase, message));
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another form";
    }
    if (type == LocalDate.class) {
      return "a date in the form YYYY-MM-DD";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    return "a " + type.getSimpleName();
  }
}
