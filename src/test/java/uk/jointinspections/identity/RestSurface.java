package uk.jointinspections.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operation of the HTTP surfaces the marker test calls, read from what describes them rather than listed by hand:
 * the engine REST API from Camunda's own OpenAPI document, the webapps' resources from their JAX-RS applications (the
 * classes Cockpit, Tasklist, Admin and Welcome register, plugins included), our {@code /api} from Spring's request
 * mappings. A new endpoint in any of them is called by the next run without a change here.
 */
final class RestSurface {

  enum Auth { BASIC, SESSION }

  /** Where an operation is served, and how a caller signs in there. */
  enum Surface {
    ENGINE_REST("/engine-rest", Auth.BASIC),
    /** The second server of the OpenAPI document: the same operations under the named (default) engine. */
    NAMED_ENGINE_REST("/engine-rest/engine/default", Auth.BASIC),
    /** The engine REST API the Cockpit and Tasklist sessions use. */
    WEBAPP_ENGINE("/camunda/api/engine/engine/default", Auth.SESSION),
    COCKPIT("/camunda/api/cockpit", Auth.SESSION),
    TASKLIST("/camunda/api/tasklist", Auth.SESSION),
    ADMIN("/camunda/api/admin", Auth.SESSION),
    WELCOME("/camunda/api/welcome", Auth.SESSION),
    API("", Auth.BASIC);

    final String prefix;
    final Auth auth;

    Surface(String prefix, Auth auth) {
      this.prefix = prefix;
      this.auth = auth;
    }
  }

  /** A path, query or form parameter. {@code schema} is the OpenAPI schema where there is one. */
  record Param(String name, String in, boolean required, JsonNode schema) {
  }

  /** What an operation takes as its body. */
  sealed interface Body permits NoBody, JsonSchemaBody, MultipartBody, BeanBody, FormBody {
  }

  record NoBody() implements Body {
  }

  /** A JSON body described by an OpenAPI schema ({@code schemaName} is the component's name). */
  record JsonSchemaBody(String schemaName, JsonNode schema) implements Body {
  }

  record MultipartBody(JsonNode schema) implements Body {
  }

  /** A JSON body bound to a Java type (a JAX-RS entity or a Spring {@code @RequestBody}). */
  record BeanBody(Class<?> type) implements Body {
  }

  record FormBody(List<String> fields) implements Body {
  }

  /**
   * One operation. {@code read} operations (GET and the POST queries) run first in a role's pass; everything else may
   * change state and runs after them, deletes last.
   */
  record Operation(Surface surface, String method, String path, String name, List<Param> params, Body body,
      boolean read) {

    String key() {
      return surface + " " + method + " " + path;
    }

    List<Param> in(String where) {
      return params.stream().filter(p -> p.in().equals(where)).toList();
    }

    /** The order of a pass: reads, then writes, deletes last, and signing out at the very end. */
    int phase() {
      if (path.contains("logout")) {
        return 4;
      }
      if (read) {
        return 0;
      }
      return switch (method) {
        case "DELETE" -> 3;
        case "PUT" -> 2;
        default -> 1;
      };
    }
  }

  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

  private RestSurface() {
  }

  /** The operations of {@code openapi.json} from {@code camunda-engine-rest-openapi}, once per surface given. */
  static List<Operation> engineRest(ObjectMapper json, Surface... surfaces) throws IOException {
    JsonNode document;
    try (InputStream in = RestSurface.class.getClassLoader().getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is not on the test classpath:"
            + " add org.camunda.bpm:camunda-engine-rest-openapi as a test dependency");
      }
      document = json.readTree(in);
    }
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      List<Param> shared = params(document, path.getValue().get("parameters"));
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = methods.next();
        String method = entry.getKey().toUpperCase();
        if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
          continue;
        }
        JsonNode op = entry.getValue();
        List<Param> params = new ArrayList<>(shared);
        params.addAll(params(document, op.get("parameters")));
        Body body = new NoBody();
        JsonNode content = op.path("requestBody").path("content");
        if (content.has("application/json")) {
          JsonNode schema = content.get("application/json").path("schema");
          String ref = schema.path("$ref").asText("");
          body = new JsonSchemaBody(ref.substring(ref.lastIndexOf('/') + 1), resolve(document, schema));
        } else if (content.has("multipart/form-data")) {
          body = new MultipartBody(resolve(document, content.get("multipart/form-data").path("schema")));
        }
        String id = op.path("operationId").asText(method + " " + path.getKey());
        for (Surface surface : surfaces) {
          operations.add(new Operation(surface, method, path.getKey(), id, params, body,
              readsOnly(method, path.getKey(), id)));
        }
      }
    }
    return operations;
  }

  /** GETs, and the POSTs that only query (the engine's POST variants of its GET queries, counts, filter runs). */
  static boolean readsOnly(String method, String path, String name) {
    if (method.equals("GET")) {
      return true;
    }
    if (!method.equals("POST")) {
      return false;
    }
    String lower = name.toLowerCase();
    return lower.startsWith("query") || lower.startsWith("postquery") || lower.startsWith("postexecutefilter")
        || lower.equals("checkpassword") || lower.equals("validatemigrationplan") || lower.equals("generatemigrationplan")
        || (path.endsWith("/count") && !path.contains("/filter/"));
  }

  private static List<Param> params(JsonNode document, JsonNode list) {
    List<Param> params = new ArrayList<>();
    if (list == null) {
      return params;
    }
    for (JsonNode raw : list) {
      JsonNode p = resolve(document, raw);
      params.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
          resolve(document, p.path("schema"))));
    }
    return params;
  }

  /** Follows {@code $ref}s and merges {@code allOf}, so that a schema's properties are all in one object. */
  static JsonNode resolve(JsonNode document, JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return node;
    }
    if (node.has("$ref")) {
      String[] parts = node.get("$ref").asText().substring(2).split("/");
      JsonNode target = document;
      for (String part : parts) {
        target = target.path(part);
      }
      return resolve(document, target);
    }
    if (node.has("allOf")) {
      com.fasterxml.jackson.databind.node.ObjectNode merged = new ObjectMapper().createObjectNode();
      com.fasterxml.jackson.databind.node.ObjectNode properties = merged.putObject("properties");
      merged.put("type", "object");
      for (JsonNode part : node.get("allOf")) {
        JsonNode resolved = resolve(document, part);
        if (resolved.has("properties")) {
          properties.setAll((com.fasterxml.jackson.databind.node.ObjectNode) resolved.get("properties"));
        }
      }
      node.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("allOf") && !e.getKey().equals("properties")) {
          merged.set(e.getKey(), e.getValue());
        }
      });
      if (node.has("properties")) {
        properties.setAll((com.fasterxml.jackson.databind.node.ObjectNode) node.get("properties"));
      }
      return merged;
    }
    return node;
  }

  /** The HTTP operations of the root resources a webapp's JAX-RS application registers, sub-resources followed. */
  static List<Operation> jaxRs(Surface surface, Application application) {
    List<Operation> operations = new ArrayList<>();
    List<Class<?>> roots = new ArrayList<>(application.getClasses());
    roots.sort(Comparator.comparing(Class::getName));
    for (Class<?> root : roots) {
      Path path = root.getAnnotation(Path.class);
      if (path != null) {
        walk(surface, root, join("", path.value()), operations, 0);
      }
    }
    return operations;
  }

  private static void walk(Surface surface, Class<?> type, String prefix, List<Operation> into, int depth) {
    if (depth > 6) {
      return;
    }
    Set<String> seen = new TreeSet<>();
    for (Method method : type.getMethods()) {
      Path path = annotation(method, Path.class);
      String full = path == null ? prefix : join(prefix, path.value());
      String http = httpMethod(method);
      if (http == null) {
        if (path != null && !method.getReturnType().equals(Object.class) && !method.getReturnType().isPrimitive()) {
          walk(surface, method.getReturnType(), full, into, depth + 1);
        }
        continue;
      }
      if (!seen.add(http + " " + full)) {
        continue;
      }
      List<Param> params = new ArrayList<>();
      Matcher names = TEMPLATE.matcher(full);
      while (names.find()) {
        params.add(new Param(names.group(1), "path", true, null));
      }
      Body body = new NoBody();
      List<String> form = new ArrayList<>();
      for (Parameter parameter : parameters(method)) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        FormParam field = parameter.getAnnotation(FormParam.class);
        if (query != null) {
          params.add(new Param(query.value(), "query", false, null));
        } else if (field != null) {
          form.add(field.value());
        } else if (parameter.getAnnotation(PathParam.class) == null && parameter.getAnnotation(Context.class) == null
            && parameter.getAnnotations().length == 0 && !http.equals("GET")) {
          body = new BeanBody(parameter.getType());
        }
      }
      if (!form.isEmpty()) {
        body = new FormBody(form);
      }
      String normalised = TEMPLATE.matcher(full).replaceAll("{$1}");
      String name = type.getSimpleName() + "." + method.getName();
      into.add(new Operation(surface, http, normalised, name, params, body,
          http.equals("GET") || (http.equals("POST") && (method.getName().startsWith("query")
              || normalised.endsWith("/count")))));
    }
  }

  /** Parameters with their annotations, looked up on the class or interface that declares them. */
  private static Parameter[] parameters(Method method) {
    for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
      for (Class<?> candidate : withInterfaces(type)) {
        try {
          Method declared = candidate.getDeclaredMethod(method.getName(), method.getParameterTypes());
          for (Parameter p : declared.getParameters()) {
            if (p.getAnnotations().length > 0) {
              return declared.getParameters();
            }
          }
        } catch (NoSuchMethodException e) {
          // not declared here
        }
      }
    }
    return method.getParameters();
  }

  private static List<Class<?>> withInterfaces(Class<?> type) {
    List<Class<?>> all = new ArrayList<>();
    all.add(type);
    all.addAll(List.of(type.getInterfaces()));
    return all;
  }

  private static <A extends Annotation> A annotation(Method method, Class<A> annotation) {
    for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
      for (Class<?> candidate : withInterfaces(type)) {
        try {
          A found = candidate.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotation(annotation);
          if (found != null) {
            return found;
          }
        } catch (NoSuchMethodException e) {
          // not declared here
        }
      }
    }
    return null;
  }

  private static String httpMethod(Method method) {
    Map<Class<? extends Annotation>, String> verbs = new LinkedHashMap<>();
    verbs.put(GET.class, "GET");
    verbs.put(POST.class, "POST");
    verbs.put(PUT.class, "PUT");
    verbs.put(DELETE.class, "DELETE");
    verbs.put(HEAD.class, "HEAD");
    verbs.put(OPTIONS.class, "OPTIONS");
    for (Map.Entry<Class<? extends Annotation>, String> verb : verbs.entrySet()) {
      if (annotation(method, verb.getKey()) != null) {
        return verb.getValue().equals("HEAD") || verb.getValue().equals("OPTIONS") ? null : verb.getValue();
      }
    }
    return null;
  }

  private static String join(String prefix, String path) {
    String joined = (prefix + "/" + path).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
  }

  /** Every {@code /api} mapping of the running application, from each of its request mapping handler mappings. */
  static List<Operation> springApi(ApplicationContext context) {
    List<Operation> operations = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
        RequestMappingInfo info = entry.getKey();
        Set<String> patterns = info.getPatternValues();
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<String> verbs = methods.isEmpty() ? List.of("GET", "POST")
            : methods.stream().map(RequestMethod::name).toList();
        for (String pattern : patterns) {
          if (!pattern.startsWith("/api")) {
            continue;
          }
          for (String verb : verbs) {
            if (!seen.add(verb + " " + pattern)) {
              continue;
            }
            List<Param> params = new ArrayList<>();
            Body body = new NoBody();
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
              PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
              RequestParam request = parameter.getParameterAnnotation(RequestParam.class);
              if (variable != null) {
                params.add(new Param(name(variable.value(), variable.name(), parameter), "path", true, null));
              } else if (request != null) {
                params.add(new Param(name(request.value(), request.name(), parameter), "query", request.required(),
                    null));
              } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                body = new BeanBody(parameter.getParameterType());
              }
            }
            operations.add(new Operation(Surface.API, verb, pattern,
                entry.getValue().getBeanType().getSimpleName() + "." + entry.getValue().getMethod().getName(), params,
                body, verb.equals("GET")));
          }
        }
      }
    }
    return operations;
  }

  private static String name(String value, String name, MethodParameter parameter) {
    if (!value.isEmpty()) {
      return value;
    }
    if (!name.isEmpty()) {
      return name;
    }
    return parameter.getParameter().getName();
  }
}
