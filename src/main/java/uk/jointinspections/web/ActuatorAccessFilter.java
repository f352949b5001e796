package uk.jointinspections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import uk.jointinspections.identity.StaffGroup;

/**
 * Actuator: health stays open, because load balancers and the container's health check ask it without credentials
 * (it says UP or DOWN, no details). Every other endpoint (metrics, Prometheus, and any exposed later) needs the same
 * HTTP basic sign-in as the APIs ({@link JsonAuthenticationFilter}, 401 without it) and membership of
 * {@code operators} or {@code camunda-admin} (403 otherwise): job and incident figures per process are operations
 * data, not an inspector's.
 */
public class ActuatorAccessFilter extends JsonAuthenticationFilter {

  static final Set<String> GROUPS = Set.of(StaffGroup.OPERATORS.id(), Groups.CAMUNDA_ADMIN);
  static final String FORBIDDEN = "{\"status\":403,\"error\":\"Forbidden\",\"message\":"
      + "\"Actuator endpoints other than health are for members of the operators or camunda-admin group.\"}";

  private final IdentityService identity;

  public ActuatorAccessFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isHealth((HttpServletRequest) request)) {
      chain.doFilter(request, response);
      return;
    }
    super.doFilter(request, response, (signedIn, answer) -> {
      Authentication user = identity.getCurrentAuthentication();
      List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
      if (groups.stream().anyMatch(GROUPS::contains)) {
        chain.doFilter(signedIn, answer);
      } else {
        HttpServletResponse http = (HttpServletResponse) answer;
        http.setStatus(HttpServletResponse.SC_FORBIDDEN);
        http.setContentType(MediaType.APPLICATION_JSON_VALUE);
        http.setCharacterEncoding("UTF-8");
        http.getWriter().write(FORBIDDEN);
      }
    });
  }

  /** The servlet path is decoded and normalised by the container, so /actuator/x/../health cannot slip through. */
  static boolean isHealth(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
  }
}
