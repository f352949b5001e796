package uk.jointinspections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.http.MediaType;

/** Camunda's HTTP basic filter, whose bare 401 gets the JSON body every other error of the APIs has. */
public class JsonAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  static final String UNAUTHORIZED = "{\"status\":401,\"error\":\"Unauthorized\",\"message\":"
      + "\"Sign in with HTTP basic authentication (your Camunda user and password).\"}";

  /**
   * Set while a request runs as a user whose password was checked and right, so that {@link LoginThrottle} can tell a
   * right password from a path that needs none (health, the engine list).
   */
  static final ThreadLocal<Boolean> SIGNED_IN = new ThreadLocal<>();

  @Override
  protected void setAuthenticatedUser(ProcessEngine engine, String userId, List<String> groupIds,
      List<String> tenantIds) {
    SIGNED_IN.set(Boolean.TRUE);
    super.setAuthenticatedUser(engine, userId, groupIds, tenantIds);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    super.doFilter(request, response, chain);
    if (response instanceof HttpServletResponse http && http.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
        && !http.isCommitted()) {
      http.setContentType(MediaType.APPLICATION_JSON_VALUE);
      http.setCharacterEncoding("UTF-8");
      http.getWriter().write(UNAUTHORIZED);
    }
  }
}
