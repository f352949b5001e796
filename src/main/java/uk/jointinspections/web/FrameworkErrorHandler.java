package uk.jointinspections.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own refusals (no such path, wrong method or media type, unreadable body…) in the same
 * {@code {"status","error","message"}} form as our handlers give, instead of problem details without a message.
 * Replaces Spring Boot's problem-details handler and runs before it would; our capability handlers, ordered first,
 * still answer for their own controllers with their own words.
 */
@RestControllerAdvice
@Order(-1)
public class FrameworkErrorHandler extends ResponseEntityExceptionHandler {

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    String message;
    if (ex instanceof HttpMessageNotReadableException unreadable) {
      message = unreadableBody(unreadable);
    } else if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
      message = problem.getDetail();
    } else {
      message = ex.getMessage();
    }
    HttpHeaders json = new HttpHeaders();
    json.putAll(headers);
    json.setContentType(MediaType.APPLICATION_JSON);
    ApiErrorHandler.ApiError error = ApiErrorHandler.error(statusCode, message).getBody();
    if (ex instanceof HttpMessageNotReadableException unreadable && JsonBodyProblems.field(unreadable).isPresent()) {
      Map<String, Object> named = new LinkedHashMap<>();
      named.put("status", error.status());
      named.put("error", error.error());
      named.put("message", error.message());
      named.put("field", JsonBodyProblems.field(unreadable).get());
      return ResponseEntity.status(statusCode).headers(json).body(named);
    }
    return ResponseEntity.status(statusCode).headers(json).body(error);
  }

  /** Where the JSON went wrong, without echoing the caller's content back into responses or logs. */
  static String unreadableBody(HttpMessageNotReadableException e) {
    if (JsonBodyProblems.field(e).isPresent()) {
      return JsonBodyProblems.message(e, null);
    }
    String message = "The request body is not the JSON this endpoint expects";
    if (e.getCause() instanceof JsonProcessingException json && json.getLocation() != null) {
      JsonLocation at = json.getLocation();
      message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
    return message + ".";
  }
}
