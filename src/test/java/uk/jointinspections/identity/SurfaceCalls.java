package uk.jointinspections.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.jointinspections.identity.LeakFixture.Family;
import uk.jointinspections.identity.LeakFixture.Ids;
import uk.jointinspections.identity.RestSurface.BeanBody;
import uk.jointinspections.identity.RestSurface.FormBody;
import uk.jointinspections.identity.RestSurface.JsonSchemaBody;
import uk.jointinspections.identity.RestSurface.MultipartBody;
import uk.jointinspections.identity.RestSurface.NoBody;
import uk.jointinspections.identity.RestSurface.Operation;
import uk.jointinspections.identity.RestSurface.Param;
import uk.jointinspections.identity.SurfaceClient.Payload;

/**
 * Turns an operation into the concrete requests of one caller: real ids of the fixture in its path, the query
 * parameter that selects the fixture, and a minimal valid body built from its schema that aims at the fixture — for a
 * query, the filter that selects it; for a correlation, signal, modification, migration or variable write, the
 * fixture's instance, and every "return the variables" switch the schema has turned on.
 */
final class SurfaceCalls {

  /** One request. {@code pathValues} are the ids put into the path, by parameter name. */
  record Call(Operation operation, Family family, String path, Payload payload, String accept,
      Map<String, String> pathValues) {
  }

  /** Query and body fields that narrow a query to the fixture, most specific first; only the first present is used. */
  static final List<String> SELECTORS = List.of("processInstanceId", "processInstanceIds", "processInstanceIdIn",
      "executionId", "executionIdIn", "taskId", "taskIdIn", "processDefinitionId", "processDefinitionIdIn",
      "processDefinitionKey", "processDefinitionKeyIn", "key", "deploymentId", "resourceId");
  /** Switches that make a write answer with variables, turned on wherever a schema has them. */
  static final List<String> RESULT_SWITCHES = List.of("resultEnabled", "variablesInResultEnabled",
      "withVariablesInReturn");
  private static final String PROBE = "leak-probe";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LeakFixture fixture;
  private final ObjectMapper json;

  SurfaceCalls(LeakFixture fixture, ObjectMapper json) {
    this.fixture = fixture;
    this.json = json;
  }

  /** The caller's requests for an operation: one per family it can aim at, or one when it aims at none. */
  List<Call> calls(Operation operation, String caller) {
    List<Call> calls = new ArrayList<>();
    List<Family> families = !aimed(operation) ? List.of(Family.JTAI)
        : definitional(operation) ? List.of(Family.CONCERN) : List.of(Family.values());
    for (Family family : families) {
      Ids ids = fixture.ids.get(family);
      List<Map<String, String>> paths = new ArrayList<>();
      paths.add(new LinkedHashMap<>());
      for (Param p : operation.in("path")) {
        List<Map<String, String>> next = new ArrayList<>();
        for (Map<String, String> partial : paths) {
          for (String value : pathValues(operation, p.name(), ids, caller)) {
            Map<String, String> more = new LinkedHashMap<>(partial);
            more.put(p.name(), value);
            next.add(more);
          }
        }
        paths = next.size() > 4 ? next.subList(0, 4) : next;
      }
      for (Map<String, String> values : paths) {
        String path = operation.path();
        for (Map.Entry<String, String> v : values.entrySet()) {
          path = path.replace("{" + v.getKey() + "}", URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8));
        }
        String query = query(operation, ids, caller);
        String accept = operation.path().startsWith("/filter/{id}/") ? "application/hal+json, application/json;q=0.9"
            : "application/json, */*;q=0.8";
        calls.add(new Call(operation, family, operation.surface().prefix + path + query,
            payload(operation, ids, caller), accept, values));
      }
    }
    return calls;
  }

  /** Whether the operation names anything of the fixture: an id in its path, a selecting parameter, or a body. */
  private static boolean aimed(Operation operation) {
    for (Param p : operation.params()) {
      if (p.in().equals("path") && !List.of("engine", "userId", "groupId", "tenant-id", "metrics-name", "file",
          "appName", "commentId", "attachmentId").contains(p.name())) {
        if (!(p.name().equals("id") && previousSegment(operation.path(), "id")
            .matches("user|group|tenant|filter|batch|authorization|external-task|external-task-log"))) {
          return true;
        }
      }
      if (p.in().equals("query") && SELECTORS.contains(p.name())) {
        return true;
      }
    }
    if (operation.body() instanceof JsonSchemaBody body) {
      JsonNode properties = body.schema().path("properties");
      return SELECTORS.stream().anyMatch(properties::has) || AIMING.stream().anyMatch(properties::has);
    }
    return operation.body() instanceof BeanBody || operation.surface() == RestSurface.Surface.COCKPIT;
  }

  /**
   * Operations on a definition or deployment, not on an instance: markers never live there, so one call, on the
   * concern's definition, stands for the three.
   */
  private static boolean definitional(Operation operation) {
    String path = operation.path();
    boolean definition = path.matches("(/history)?/(process-definition|decision-definition|"
        + "decision-requirements-definition|deployment)(/.*)?") && !path.endsWith("/restart")
        && !path.endsWith("/restart-async");
    boolean selectsInstances = operation.in("query").stream().anyMatch(p -> p.name().startsWith("processInstance"));
    return definition && !selectsInstances;
  }

  /** Body fields that aim a write at one family's instance, definition or activity. */
  private static final List<String> AIMING = List.of("messageName", "instructions", "migrationPlan", "activityId",
      "resourceId", "sourceProcessDefinitionId");

  private static String previousSegment(String path, String name) {
    int at = path.indexOf("{" + name + "}");
    String before = path.substring(0, Math.max(0, at));
    String[] segments = before.split("/");
    return segments.length == 0 ? "" : segments[segments.length - 1];
  }

  private static String segmentBefore(String path, String name, int back) {
    int at = path.indexOf("{" + name + "}");
    String[] segments = path.substring(0, Math.max(0, at)).split("/");
    int index = segments.length - back;
    return index >= 0 && index < segments.length ? segments[index] : "";
  }

  private List<String> pathValues(Operation op, String name, Ids ids, String caller) {
    String path = op.path();
    String before = previousSegment(path, name);
    return switch (name) {
      case "engine" -> List.of("default");
      case "key" -> switch (segmentBefore(path, name, 2)) {
        case "decision-definition" -> List.of(fixture.decisionKey);
        case "decision-requirements-definition" -> List.of(LeakFixture.NO_SUCH_ID);
        default -> List.of(ids.definitionKey);
      };
      case "tenant-id" -> List.of("leak-test-no-such-tenant");
      case "varName" -> ids.varNames;
      case "userId" -> List.of(self(caller));
      case "groupId" -> List.of("cqc");
      case "commentId", "attachmentId" -> List.of(LeakFixture.NO_SUCH_ID);
      case "resourceId" -> List.of(ids.resourceName);
      case "messageName" -> List.of(ids.messageName);
      case "operationId" -> List.of(ids.userOperation);
      case "metrics-name" -> List.of("activity-instance-start");
      case "reference" -> List.of(ids.reference);
      case "kind" -> List.of("deep-dive-list");
      case "file" -> List.of("app/plugin.js");
      case "appName" -> List.of("tasklist");
      default -> ids(op, before, ids, caller);
    };
  }

  private List<String> ids(Operation op, String before, Ids ids, String caller) {
    boolean historic = op.path().startsWith("/history/");
    if (op.path().contains("/messageSubscriptions/")) {
      return List.of(ids.messageExecution);
    }
    List<String> values = switch (before) {
      case "process-instance" -> List.of(ids.instance);
      case "task" -> ids.tasks;
      case "execution" -> ids.executions;
      case "job" -> List.of(ids.job);
      case "job-definition" -> List.of(ids.jobDefinition);
      case "incident" -> List.of(ids.incident);
      case "deployment" -> List.of(ids.deploymentId);
      case "process-definition" -> List.of(ids.definitionId);
      case "decision-definition" -> List.of(fixture.decisionId);
      case "decision-requirements-definition" -> List.of(fixture.decisionRequirementsId);
      case "variable-instance" -> historic ? ids.historicVariables : ids.variables;
      case "detail" -> ids.details;
      case "activity-instance" -> List.of(ids.historicActivity);
      case "job-log" -> List.of(ids.jobLog);
      case "batch" -> List.of(fixture.batch);
      case "decision-instance" -> List.of(ids.historicDecision);
      case "user" -> List.of(self(caller));
      case "group" -> List.of("cqc");
      case "filter" -> fixture.sharedFilters().isEmpty() ? List.of(LeakFixture.NO_SUCH_ID)
          : fixture.sharedFilters().subList(0, Math.min(2, fixture.sharedFilters().size()));
      case "authorization" -> List.of(ids.authorization);
      case "concerns" -> List.of(fixture.ids.get(Family.CONCERN).instance);
      case "complaints" -> List.of(fixture.ids.get(Family.CONDUCT).instance);
      default -> List.of(LeakFixture.NO_SUCH_ID);
    };
    return values.isEmpty() ? List.of(LeakFixture.NO_SUCH_ID) : values;
  }

  /** Whose user record an operation on {@code /user/{id}} names: the caller's own, where self-service is likeliest. */
  static String self(String caller) {
    return caller == null ? "ofsted-inspector" : caller;
  }

  private String query(Operation op, Ids ids, String caller) {
    Map<String, String> query = new LinkedHashMap<>();
    List<Param> params = op.in("query");
    for (String selector : SELECTORS) {
      if (params.stream().anyMatch(p -> p.name().equals(selector))) {
        query.put(selector, selectorValue(selector, ids));
        break;
      }
    }
    if (op.surface() == RestSurface.Surface.COCKPIT && op.method().equals("GET") && query.isEmpty()) {
      // Cockpit's queries read their filters from the whole query string: narrow them to the fixture.
      query.put("processDefinitionId", ids.definitionId);
      query.put("processInstanceIdIn", ids.instance);
    }
    for (Param p : params) {
      if (p.required() && !query.containsKey(p.name())) {
        query.put(p.name(), required(p, ids));
      }
    }
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("?");
    query.forEach((k, v) -> out.append(out.length() > 1 ? "&" : "").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  private static String selectorValue(String selector, Ids ids) {
    return switch (selector) {
      case "executionId", "executionIdIn" -> ids.executions.get(ids.executions.size() - 1);
      case "taskId", "taskIdIn" -> ids.tasks.isEmpty() ? LeakFixture.NO_SUCH_ID : ids.tasks.get(0);
      case "processDefinitionId", "processDefinitionIdIn" -> ids.definitionId;
      case "processDefinitionKey", "processDefinitionKeyIn", "key" -> ids.definitionKey;
      case "deploymentId" -> ids.deploymentId;
      default -> ids.instance;
    };
  }

  private static String required(Param p, Ids ids) {
    JsonNode schema = p.schema();
    if (schema != null && schema.has("enum")) {
      return schema.get("enum").get(0).asText();
    }
    if (schema != null && schema.has("default")) {
      return schema.get("default").asText();
    }
    return switch (p.name()) {
      case "permissionName" -> "READ";
      case "resourceName" -> "ProcessInstance";
      case "resourceType" -> "8";
      case "resourceId" -> ids.instance;
      case "year" -> String.valueOf(LocalDate.now().getYear());
      default -> {
        String type = schema == null ? "string" : schema.path("type").asText("string");
        yield switch (type) {
          case "boolean" -> "true";
          case "integer", "number" -> "1";
          default -> p.name().toLowerCase().contains("date") ? LocalDate.now().toString() : PROBE;
        };
      }
    };
  }

  // ------------------------------------------------------------------------------------------------------- bodies

  private Payload payload(Operation op, Ids ids, String caller) {
    try {
      RestSurface.Body body = op.body();
      if (body instanceof JsonSchemaBody schema) {
        return Payload.json(json.writeValueAsString(object(schema.schemaName(), schema.schema(), ids, caller,
            op.read(), 0)));
      }
      if (body instanceof MultipartBody multipart) {
        return multipart(multipart.schema());
      }
      if (body instanceof BeanBody bean) {
        return Payload.json(json.writeValueAsString(bean(bean.type(), ids, caller, op.read())));
      }
      if (body instanceof FormBody form) {
        return form(form, caller);
      }
      return Payload.NONE;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Payload multipart(JsonNode schema) {
    Map<String, String> parts = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String name = property.getKey();
      if (property.getValue().path("format").asText().equals("binary")) {
        files.add(name);
      }
      parts.put(name, name.equals("url") ? "https://leak-probe.example/" : name.equals("valueType") ? "Bytes" : PROBE);
    }
    return Payload.multipart(parts, files);
  }

  private static Payload form(FormBody body, String caller) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : body.fields()) {
      fields.put(field, switch (field) {
        case "username" -> self(caller);
        case "password" -> LeakFixture.ADMIN.equals(caller) ? LeakFixture.ADMIN_PASSWORD : LeakFixture.PASSWORD;
        default -> PROBE;
      });
    }
    return Payload.form(fields);
  }

  /** A JSON body for a Java type: a record's components, or a DTO's setters, filled as a schema's properties are. */
  private ObjectNode bean(Class<?> type, Ids ids, String caller, boolean query) {
    ObjectNode out = NODES.objectNode();
    Map<String, Class<?>> properties = new LinkedHashMap<>();
    if (type.isRecord()) {
      for (RecordComponent c : type.getRecordComponents()) {
        properties.put(c.getName(), c.getType());
      }
    } else if (!type.getName().startsWith("java.") && !JsonNode.class.isAssignableFrom(type)) {
      for (Method m : type.getMethods()) {
        if (m.getName().startsWith("set") && m.getParameterCount() == 1 && m.getName().length() > 3) {
          properties.put(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4),
              m.getParameterTypes()[0]);
        }
      }
    }
    for (String selector : SELECTORS) {
      Class<?> t = properties.get(selector);
      if (t != null) {
        String value = selectorValue(selector, ids);
        out.set(selector, Collection.class.isAssignableFrom(t) || t.isArray() ? NODES.arrayNode().add(value)
            : NODES.textNode(value));
        break;
      }
    }
    if (!query && type.isRecord()) {
      properties.forEach((name, t) -> {
        if (out.has(name)) {
          return;
        }
        if (t == String.class) {
          out.put(name, name.matches(".*(On|By|Date|Start)$") ? LocalDate.now().toString()
              : name.toLowerCase().contains("email") ? "leak-probe@inspections.example" : PROBE);
        } else if (t == Boolean.class || t == boolean.class) {
          out.put(name, false);
        }
      });
    }
    return out;
  }

  /** A body for a schema: in a query the one selecting filter; in a write what aims it at the fixture. */
  private JsonNode object(String schemaName, JsonNode schema, Ids ids, String caller, boolean query, int depth) {
    ObjectNode out = NODES.objectNode();
    if (schema == null || depth > 3) {
      return out;
    }
    JsonNode properties = schema.path("properties");
    for (String selector : SELECTORS) {
      if (properties.has(selector)) {
        String value = selectorValue(selector, ids);
        out.set(selector, properties.get(selector).path("type").asText().equals("array")
            ? NODES.arrayNode().add(value) : NODES.textNode(value));
        break;
      }
    }
    if (query) {
      return out;
    }
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String name = property.getKey();
      if (out.has(name)) {
        continue;
      }
      JsonNode value = semantic(schemaName, name, ids, caller);
      if (value == null && required.contains(name)) {
        value = byType(property.getValue());
      }
      if (value != null) {
        out.set(name, value);
      }
    }
    return out;
  }

  /** The value a write needs in a field to do its work on the fixture, or null to leave the field out. */
  private JsonNode semantic(String schema, String name, Ids ids, String caller) {
    String activity = ids.activityId;
    String self = self(caller);
    if (RESULT_SWITCHES.contains(name)) {
      return NODES.booleanNode(true);
    }
    return switch (name) {
      case "messageName" -> NODES.textNode(ids.messageName);
      case "instructions" -> schema.contains("Migration")
          ? NODES.arrayNode().add(NODES.objectNode().<ObjectNode>set("sourceActivityIds", NODES.arrayNode().add(activity))
              .set("targetActivityIds", NODES.arrayNode().add(activity)))
          : NODES.arrayNode().add(NODES.objectNode().put("type", "startBeforeActivity").put("activityId", activity));
      case "migrationPlan" -> NODES.objectNode().put("sourceProcessDefinitionId", ids.definitionId)
          .put("targetProcessDefinitionId", ids.definitionId)
          .set("instructions", semantic("MigrationPlanDto", "instructions", ids, caller));
      case "sourceProcessDefinitionId", "targetProcessDefinitionId" -> NODES.textNode(ids.definitionId);
      case "processDefinitionId" -> schema.equals("ModificationDto") ? NODES.textNode(ids.definitionId) : null;
      case "modifications" -> NODES.objectNode().set("leakProbe",
          NODES.objectNode().put("value", PROBE).put("type", "String"));
      case "value" -> schema.startsWith("VariableValue") || schema.contains("Variable") ? NODES.textNode(PROBE) : null;
      case "type" -> switch (schema) {
        case "IdentityLinkDto" -> NODES.textNode("candidate");
        case "AuthorizationCreateDto", "AuthorizationUpdateDto" -> NODES.numberNode(1);
        default -> schema.contains("Variable") ? NODES.textNode("String") : null;
      };
      case "userId" -> NODES.textNode(self);
      case "name" -> switch (schema) {
        case "SignalDto" -> NODES.textNode("leak-test-signal");
        case "CreateFilterDto", "UpdateFilterDto", "GroupDto", "TenantDto" -> NODES.textNode(PROBE);
        default -> null;
      };
      case "resourceType" -> schema.contains("Filter") ? NODES.textNode("Task")
          : schema.startsWith("Authorization") ? NODES.numberNode(8) : null;
      case "resourceId" -> schema.startsWith("Authorization") ? NODES.textNode(ids.instance) : null;
      case "permissions" -> NODES.arrayNode().add("READ");
      case "suspended" -> NODES.booleanNode(true);
      case "retries", "priority", "maxTasks" -> NODES.numberNode(1);
      case "historyTimeToLive" -> NODES.numberNode(1);
      case "duedate", "dueDate" -> schema.equals("JobDuedateDto") ? NODES.textNode("2030-01-02T10:00:00.000+0000")
          : null;
      case "annotation", "message", "errorCode", "escalationCode", "workerId", "configuration" -> NODES.textNode(PROBE);
      case "incidentType" -> NODES.textNode("leakProbe");
      case "query" -> schema.contains("Filter") ? NODES.objectNode() : null;
      case "profile" -> profile(self);
      case "credentials" -> NODES.objectNode().put("password", "Leak-probe-Password-1");
      case "id" -> switch (schema) {
        case "UserProfileDto" -> NODES.textNode(self);
        case "GroupDto", "TenantDto" -> NODES.textNode("leak-probe-group");
        default -> null;
      };
      case "firstName", "lastName" -> schema.equals("UserProfileDto")
          ? NODES.textNode(LeakFixture.staff().contains(self) ? name(self, name) : PROBE) : null;
      case "email" -> schema.equals("UserProfileDto") ? NODES.textNode("leak-probe-" + self + "@inspections.example")
          : null;
      case "password", "authenticatedUserPassword" -> NODES.textNode(LeakFixture.ADMIN.equals(self)
          ? LeakFixture.ADMIN_PASSWORD : LeakFixture.PASSWORD);
      case "username" -> NODES.textNode(self);
      case "activityId" -> NODES.textNode(activity);
      default -> null;
    };
  }

  private static ObjectNode profile(String self) {
    return NODES.objectNode().put("id", "leak-probe-user").put("firstName", "Leak").put("lastName", "Probe")
        .put("email", "leak-probe-" + self + "@inspections.example");
  }

  private static String name(String user, String field) {
    return DemoStaff.ALL.stream().filter(d -> d.id().equals(user)).findFirst()
        .map(d -> field.equals("firstName") ? d.firstName() : d.lastName()).orElse("Service");
  }

  private static JsonNode byType(JsonNode schema) {
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    return switch (schema.path("type").asText("object")) {
      case "string" -> NODES.textNode(PROBE);
      case "boolean" -> NODES.booleanNode(false);
      case "integer", "number" -> NODES.numberNode(1);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        yield array;
      }
      default -> NODES.objectNode();
    };
  }
}
