package uk.jointinspections.inspection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.jointinspections.web.JsonBodyProblems;

/** Errors of the inspection API as {@code {"status","error","message"}}; never a stack trace. */
@RestControllerAdvice(assignableTypes = {InspectionApi.class, uk.jointinspections.frameworks.FrameworksApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class InspectionApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(InspectionApiExceptionHandler.class);

  @ExceptionHandler(InspectionProblem.class)
  ResponseEntity<Map<String, Object>> problem(InspectionProblem problem) {
    return body(problem.status(), problem.getMessage());
  }

  /** Another request, perhaps on another node, started an inspection with this reference first. */
  @ExceptionHandler(ReferenceTakenException.class)
  ResponseEntity<Map<String, Object>> taken(ReferenceTakenException taken) {
    ResponseEntity<Map<String, Object>> response = body(HttpStatus.CONFLICT, taken.getMessage());
    response.getBody().put("field", taken.field());
    return response;
  }

  @ExceptionHandler(InvalidInspectionException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInspectionException invalid) {
    ResponseEntity<Map<String, Object>> response = body(HttpStatus.BAD_REQUEST, invalid.getMessage());
    response.getBody().put("field", invalid.field());
    return response;
  }

  /** Bad input found deeper down, e.g. a date beyond the calendar's years. */
  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> illegal(IllegalArgumentException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    ResponseEntity<Map<String, Object>> response = body(HttpStatus.BAD_REQUEST,
        JsonBodyProblems.message(e, "The request body is not the JSON object this endpoint expects."));
    JsonBodyProblems.field(e).ifPresent(field -> response.getBody().put("field", field));
    return response;
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return body(HttpStatus.FORBIDDEN, "You are not allowed to do this: " + e.getMessage());
  }

  @ExceptionHandler(OptimisticLockingException.class)
  ResponseEntity<Map<String, Object>> concurrent(OptimisticLockingException e) {
    return body(HttpStatus.CONFLICT, "Someone changed this inspection at the same moment; nothing was changed. Try again.");
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Map<String, Object>> unexpected(RuntimeException e) {
    LOG.error("Inspection API failed", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was changed.");
  }

  static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    return ResponseEntity.status(status).body(body);
  }
}
