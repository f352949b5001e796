package uk.jointinspections.concern;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.jointinspections.web.JsonBodyProblems;

/** Errors of the concern API as {@code {"status":…,"error":…,"message":…}}, never a stack trace. */
@RestControllerAdvice(assignableTypes = ConcernController.class)
public class ConcernApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ConcernApiExceptionHandler.class);

  @ExceptionHandler(ConcernRefusedException.class)
  ResponseEntity<Map<String, Object>> refused(ConcernRefusedException e) {
    HttpStatus status = switch (e.reason()) {
      case UNKNOWN_INSPECTION -> HttpStatus.NOT_FOUND;
      case NOT_ON_TEAM -> HttpStatus.FORBIDDEN;
      case PUBLISHED -> HttpStatus.CONFLICT;
      case INVALID -> HttpStatus.BAD_REQUEST;
    };
    Map<String, Object> body = body(status, e.getMessage());
    body.put("field", e.field());
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @ExceptionHandler(ConcernProblem.class)
  ResponseEntity<Map<String, Object>> problem(ConcernProblem e) {
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(body(e.status(), e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
        .body(body(HttpStatus.FORBIDDEN, "You may not do this: " + e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    Map<String, Object> body = body(HttpStatus.BAD_REQUEST,
        JsonBodyProblems.message(e, "The request body is not the JSON this endpoint expects."));
    JsonBodyProblems.field(e).ifPresent(field -> body.put("field", field));
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e) {
    LOG.error("Concern API request failed", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
        .body(body(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; operators can find the cause in the log."));
  }

  private static Map<String, Object> body(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    return body;
  }
}
