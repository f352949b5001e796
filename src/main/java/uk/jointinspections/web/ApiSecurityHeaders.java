package uk.jointinspections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every answer of {@code /api}, {@code /engine-rest} and {@code /actuator} carries, set before the request
 * is handled so that errors carry them too. {@code Cache-Control: no-store}: a concern's JSON or PDF, a task's
 * variables must not stay in a browser's or a proxy's cache after the person has signed out. {@code nosniff}: a JSON
 * or text answer is never run as a script or shown as a page. {@code X-Frame-Options} and CSP
 * {@code frame-ancestors 'none'}: no other site can show an answer in a frame. {@code Referrer-Policy}: a link
 * followed from an answer does not tell the other site the address it came from (which holds references and ids).
 * The webapps ({@code /camunda/...}) keep Camunda's own header security, configured in application.yaml.
 */
public class ApiSecurityHeaders extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, new NoStore(response));
  }

  /** Keeps {@code no-store}: the engine's REST API would otherwise answer its GETs with {@code no-cache} (which lets
   * a browser keep the answer on disk) and a controller could ask for caching. */
  private static final class NoStore extends HttpServletResponseWrapper {
    NoStore(HttpServletResponse response) {
      super(response);
    }

    private static boolean caching(String name) {
      return "Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name) || "Expires".equalsIgnoreCase(name);
    }

    @Override
    public void setHeader(String name, String value) {
      if (!caching(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!caching(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setDateHeader(String name, long date) {
      if (!caching(name)) {
        super.setDateHeader(name, date);
      }
    }

    @Override
    public void addDateHeader(String name, long date) {
      if (!caching(name)) {
        super.addDateHeader(name, date);
      }
    }
  }
}
