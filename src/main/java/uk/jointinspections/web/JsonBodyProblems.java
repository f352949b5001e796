package uk.jointinspections.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Optional;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * What was wrong with a JSON body our /api could not read, in words a caller can act on: the field that had the wrong
 * kind of value and what it takes (text, true or false), so that a wrong type is refused as clearly as a wrong value.
 * Never Jackson's own message, which names Java classes, and never the value sent.
 */
public final class JsonBodyProblems {

  private JsonBodyProblems() {
  }

  /** The field the body was refused for, when it was one field's value rather than the body as a whole. */
  public static Optional<String> field(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String name = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
      return Optional.ofNullable(name);
    }
    return Optional.empty();
  }

  /** {@code whole} when the body is not JSON (or not an object); otherwise the field and what it takes. */
  public static String message(HttpMessageNotReadableException e, String whole) {
    Optional<String> field = field(e);
    if (field.isEmpty()) {
      return whole;
    }
    if (e.getCause() instanceof ControlCharacters.Refused refused) {
      return field.get() + ": " + refused.rule.description + ".";
    }
    return field.get() + ": " + expected(e.getCause()) + ".";
  }

  private static String expected(Throwable cause) {
    Class<?> type = cause instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class) {
      return "must be text (a JSON string), not a number, true/false, a list or an object";
    }
    return "has a value of the wrong kind";
  }
}
