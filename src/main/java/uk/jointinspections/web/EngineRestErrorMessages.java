package uk.jointinspections.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST API answers a body that is not JSON with {@code "message": ""} (deliberately, so as not to echo
 * input). Callers get a message saying what is wrong instead. Only requests that carry a body are buffered, so
 * large query results stream as before.
 */
public class EngineRestErrorMessages extends OncePerRequestFilter {

  static final String MESSAGE = "The request body is not the JSON this call expects; see the Camunda REST API reference.";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String method = request.getMethod();
    return !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method));
  }

  /** Only unreadable bodies: the status and the absence of a message tell them apart from other refusals. */
  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST && wrapper.getContentSize() > 0) {
        byte[] replaced = withMessage(wrapper.getContentAsByteArray());
        if (replaced != null) {
          wrapper.resetBuffer();
          wrapper.setContentType("application/json");
          wrapper.setCharacterEncoding("UTF-8");
          wrapper.getOutputStream().write(replaced);
        }
      }
    } finally {
      wrapper.copyBodyToResponse();
    }
  }

  private static byte[] withMessage(byte[] body) throws IOException {
    try {
      if (JSON.readTree(body) instanceof ObjectNode error) {
        if (!error.path("message").asText("").isBlank()) {
          return null;
        }
        error.put("message", MESSAGE);
        return JSON.writeValueAsBytes(error);
      }
    } catch (IOException notJson) {
      // Jersey's own mapper answers some unreadable bodies first, in plain text: its first line says what is wrong.
    }
    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
    String firstLine = text.lines().findFirst().orElse("").strip();
    ObjectNode error = JSON.createObjectNode();
    error.put("type", "InvalidRequestException");
    error.put("message", firstLine.isEmpty() ? MESSAGE
        : firstLine.substring(0, Math.min(firstLine.length(), 300)) + " " + MESSAGE);
    return JSON.writeValueAsBytes(error);
  }
}
