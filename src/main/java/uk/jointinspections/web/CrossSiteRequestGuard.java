package uk.jointinspections.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) to {@code /engine-rest} or {@code /api} that a browser
 * sends on behalf of another site. HTTP basic credentials are cached by the browser and sent with any request to this
 * host, so without this a page elsewhere could make a signed-in inspector's browser post a form, a multipart body or
 * an empty POST here (none of which needs a CORS preflight) and it would run as that inspector.
 *
 * <p>The rule uses what browsers send and other clients do not. Every current browser sends {@code Origin} on every
 * request that is not a GET or HEAD, cross-site or not, and {@code Sec-Fetch-Site} (Chrome, Edge, Firefox, Safari) on
 * every request. So a request is refused when its {@code Origin} is not this application's own (the host and port
 * the browser addressed, its {@code Host} header) nor one of {@code inspection.cross-site.allowed-origins}; when it says
 * {@code Sec-Fetch-Site: cross-site} or {@code same-site} without such an origin; and, for older browsers that send
 * neither, when its {@code Referer} is another site's. A request with none of these headers was not sent by a browser
 * for a web page: curl, scripts, portals, and the Camunda Modeler, which deploys ({@code POST
 * /engine-rest/deployment/create}, multipart, basic auth) from its Electron main process and sends no {@code Origin}.
 * Those pass, so no custom header is needed. A custom header such as {@code X-Requested-By} would add nothing: a page
 * of another site can only send one after a CORS preflight, which this application never approves.
 */
public class CrossSiteRequestGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(CrossSiteRequestGuard.class);
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  static final String FORBIDDEN = "{\"status\":403,\"error\":\"Forbidden\",\"message\":\"A request that changes "
      + "something is refused when a browser sends it from another site. Use this application's own pages, or a "
      + "client that is not a browser (curl, a script, the Camunda Modeler).\"}";

  private final Set<String> allowedOrigins;

  public CrossSiteRequestGuard(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().map(CrossSiteRequestGuard::normalise).flatMap(Optional::stream)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> refusal = refusal(request);
    if (refusal.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    LOG.warn("Refused {} {}: {}", request.getMethod(), LogSafe.text(request.getRequestURI()), refusal.get());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(FORBIDDEN);
  }

  /** Why the request looks sent by a browser for another site, or empty when it does not. */
  Optional<String> refusal(HttpServletRequest request) {
    String host = request.getHeader("Host");
    String origin = request.getHeader("Origin");
    if (origin != null) {
      return sameSite(origin, host) ? Optional.empty() : Optional.of("its Origin is another site's");
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && (fetchSite.equalsIgnoreCase("cross-site") || fetchSite.equalsIgnoreCase("same-site"))) {
      return Optional.of("Sec-Fetch-Site says " + (fetchSite.equalsIgnoreCase("cross-site") ? "cross-site" : "same-site"));
    }
    String referer = request.getHeader("Referer");
    if (referer != null && !sameSite(referer, host)) {
      return Optional.of("its Referer is another site's");
    }
    return Optional.empty();
  }

  /**
   * Whether a page address (Origin or Referer) is this application as the browser addressed it, or an allowed origin.
   * The browser writes the Host header and the origin alike (host, and the port only when it is not the scheme's
   * default), so they are compared as they are; behind the nginx of docker/ that needs {@code Host $http_host}, which
   * keeps the port the browser used. The scheme is not compared: a page of this very host served over the other
   * scheme is not another site's.
   */
  private boolean sameSite(String address, String host) {
    try {
      URI uri = URI.create(address.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return false;
      }
      String authority = (uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())).toLowerCase(Locale.ROOT);
      return (host != null && authority.equals(host.trim().toLowerCase(Locale.ROOT)))
          || normalise(address).map(allowedOrigins::contains).orElse(false);
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }

  /** scheme://host[:port] in lower case, the port left out when it is the scheme's default; empty when unreadable. */
  static Optional<String> normalise(String address) {
    try {
      URI uri = URI.create(address.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return Optional.empty();
      }
      return Optional.of(origin(uri.getScheme(), uri.getHost(), uri.getPort()));
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private static String origin(String scheme, String host, int port) {
    String s = scheme.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
    return s + "://" + h + (defaultPort ? "" : ":" + port);
  }
}
