package uk.jointinspections.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the engine's powerful operations ({@link GuardedEngineOperations}) to everyone but administrators, with one
 * answer per operation: 403 and the same JSON body whatever the target, existing or not, matching or not, so that a
 * refusal tells nothing about the data (a correlation by case number cannot serve as an oracle).
 *
 * <p>It guards both doors to the engine's REST API: {@code /engine-rest/...} (and its
 * {@code /engine-rest/engine/{name}/...} form), where HTTP basic sign-in has made the caller the engine's
 * authenticated user, and the webapps' {@code /camunda/api/engine/engine/{name}/...}, where the caller is the user
 * of the Cockpit or Tasklist session. The session is read directly ({@link Authentications}, as Camunda's own
 * authentication filter does), so the answer does not depend on whether this filter runs before or after Camunda's.
 */
public class EngineOperationGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineOperationGuard.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Reads anything the engine's own Jackson could read, so that no body slips past by being unusual JSON. */
  private static final ObjectMapper LENIENT = JsonMapper.builder(JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
              JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
              JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_MISSING_VALUES,
              JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
              JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build())
      .build();

  private final String restRoot;
  private final String webappEngineRoot;
  private final ObjectProvider<ProcessEngine> engine;

  /**
   * @param restRoot the engine REST API's path, {@code /engine-rest}
   * @param webappEngineRoot the webapps' engine API, {@code /camunda/api/engine}
   */
  public EngineOperationGuard(String restRoot, String webappEngineRoot, ObjectProvider<ProcessEngine> engine) {
    this.restRoot = withoutTrailingSlash(restRoot);
    this.webappEngineRoot = withoutTrailingSlash(webappEngineRoot);
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    Door door = door(path);
    if (door == null) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest forward = request;
    Supplier<JsonNode> body = () -> null;
    if (GuardedEngineOperations.needsBody(request.getMethod(), door.enginePath())) {
      BufferedBody buffered = new BufferedBody(request);
      forward = buffered;
      body = buffered::json;
    }
    Optional<GuardedEngineOperations.Operation> refused =
        GuardedEngineOperations.refused(request.getMethod(), door.enginePath(), body);
    if (refused.isPresent()) {
      Caller caller = door.webapp() ? webappCaller(request, door.engineName()) : restCaller();
      if (!caller.administrator()) {
        refuse(response, refused.get(), caller);
        return;
      }
    }
    chain.doFilter(forward, response);
  }

  /** Which API a path belongs to and the operation's path inside it, or null for any other path. */
  Door door(String path) {
    if (path.equals(restRoot) || path.startsWith(restRoot + "/")) {
      String inside = path.substring(restRoot.length());
      String engineName = engineName(inside);
      return new Door(false, engineName, engineName == null ? inside : afterSegments(inside, 2));
    }
    if (path.startsWith(webappEngineRoot + "/")) {
      String inside = path.substring(webappEngineRoot.length());
      String engineName = engineName(inside);
      return new Door(true, engineName, engineName == null ? inside : afterSegments(inside, 2));
    }
    return null;
  }

  record Door(boolean webapp, String engineName, String enginePath) {
  }

  record Caller(String userId, boolean administrator) {
  }

  private Caller restCaller() {
    ProcessEngine processEngine = engine.getObject();
    Authentication authentication = processEngine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? new Caller(null, false)
        : caller(processEngine, authentication.getUserId(), authentication.getGroupIds());
  }

  private Caller webappCaller(HttpServletRequest request, String engineName) {
    Authentications authentications = Authentications.getCurrent();
    if (authentications == null) {
      HttpSession session = request.getSession(false);
      authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    }
    ProcessEngine processEngine = engine.getObject();
    if (authentications == null || engineName == null || !engineName.equals(processEngine.getName())) {
      return new Caller(null, false);
    }
    if (authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
      return caller(processEngine, user.getIdentityId(), user.getGroupIds());
    }
    return new Caller(null, false);
  }

  private static Caller caller(ProcessEngine processEngine, String userId, List<String> groupIds) {
    var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    boolean administrator = groupIds != null && configuration.getAdminGroups() != null
        && groupIds.stream().anyMatch(configuration.getAdminGroups()::contains)
        || userId != null && configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(userId);
    return new Caller(userId, administrator);
  }

  /** The body depends on the operation only, never on the target, so the refusal is no oracle. */
  static String refusal(GuardedEngineOperations.Operation operation) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", HttpServletResponse.SC_FORBIDDEN);
    body.put("error", "Forbidden");
    body.put("message", "Only administrators (group camunda-admin) may " + operation.method() + " "
        + operation.path() + (operation.always() ? "" : " with " + String.join(", ", operation.bodyFlags()))
        + ": " + operation.reason().why() + ".");
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void refuse(HttpServletResponse response, GuardedEngineOperations.Operation operation, Caller caller)
      throws IOException {
    LOG.info("Refused {} {} ({}) to {}", operation.method(), operation.path(), operation.reason(),
        caller.userId() == null ? "an anonymous caller" : caller.userId());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(refusal(operation));
  }

  /** The {@code {name}} of {@code /engine/{name}/...}, as written (engine names are case-sensitive). */
  private static String engineName(String path) {
    List<String> segments = java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    return segments.size() >= 2 && segments.get(0).equals("engine") ? segments.get(1) : null;
  }

  private static String afterSegments(String path, int count) {
    String rest = path;
    for (int i = 0; i < count; i++) {
      rest = rest.replaceFirst("^/+[^/]*", "");
    }
    return rest;
  }

  private static String withoutTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The request with its body read once: parsed here, then handed on unchanged to the REST API. */
  static final class BufferedBody extends ReadOnceRequest {

    BufferedBody(HttpServletRequest request) throws IOException {
      super(request, request.getInputStream().readAllBytes());
    }

    JsonNode json() {
      try {
        return body.length == 0 ? null : LENIENT.readTree(body);
      } catch (IOException unreadable) {
        // Not JSON even to the lenient reader, so not to the engine either: it answers 400 itself.
        return null;
      }
    }
  }
}
