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

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST && wrapper.getContentSize() > 0) {
        byte[] replaced = withMessage(wrapper.getContentAsByteArray());
        if (replaced != null) {
          String contentType = wrapper.getContentType();
          wrapper.resetBuffer();
          wrapper.setContentType(contentType == null ? "application/json" : contentType);
          wrapper.getOutputStream().write(replaced);
        }
      }
    } finally {
      wrapper.copyBodyToResponse();
    }
  }

  private static byte[] withMessage(byte[] body) {
    try {
      if (JSON.readTree(body) instanceof ObjectNode error && error.path("message").asText("").isBlank()) {
        error.put("message", MESSAGE);
        return JSON.writeValueAsBytes(error);
      }
    } catch (IOException notJson) {
      // Leave any other body as the engine wrote it.
    }
    return null;
  }
}
