package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.jointinspections.web.GuardedEngineOperations.Operation;

/**
 * The list of guarded operations against Camunda's own OpenAPI document of the engine REST API
 * ({@code camunda-engine-rest-openapi} 7.24, {@code openapi.json}): every entry is an operation the document has, and
 * every operation the document describes as correlating, signalling, modifying, restarting, migrating, returning
 * variables or writing variables of instances, executions or tasks is in the list. A new Camunda version that adds
 * one fails here until it is guarded. No application is started.
 */
class GuardedEngineOperationsTest {

  /** Request body properties that ask for variables back or for a start past the start event. */
  static final Set<String> FLAGS = Set.of("withVariablesInReturn", "variablesInResultEnabled", "resultEnabled",
      "startInstructions");
  static final Set<String> ALWAYS_TAGS = Set.of("Message", "Signal", "Condition", "Migration", "Modification");

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode openApi() throws IOException {
    try (InputStream in = GuardedEngineOperationsTest.class.getResourceAsStream("/openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi on the test class path").isNotNull();
      return JSON.readTree(in);
    }
  }

  /** Every operation of the document, as "METHOD /path". */
  static Set<String> documented(JsonNode api) {
    Set<String> operations = new TreeSet<>();
    api.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      if (!method.equals("parameters")) {
        operations.add(method.toUpperCase() + " " + path.getKey());
      }
    }));
    return operations;
  }

  @Test
  void everyGuardedOperationIsOneOfCamundasDocumentedOperations() throws IOException {
    Set<String> documented = documented(openApi());
    assertThat(documented).hasSizeGreaterThan(350);

    for (Operation operation : GuardedEngineOperations.OPERATIONS) {
      assertThat(documented).as(operation.toString()).contains(operation.method() + " " + operation.path());
    }
    assertThat(GuardedEngineOperations.OPERATIONS.stream().map(o -> o.method() + " " + o.path())
        .collect(Collectors.toSet())).as("each operation once").hasSize(GuardedEngineOperations.OPERATIONS.size());
  }

  @Test
  void everyPowerfulOperationOfTheDocumentIsGuardedAndNothingElse() throws IOException {
    JsonNode api = openApi();
    Set<String> alwaysPowerful = new TreeSet<>();
    Map<String, Set<String>> flagged = new java.util.TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (method.getKey().equals("parameters")) {
          continue;
        }
        String key = method.getKey().toUpperCase() + " " + path.getKey();
        JsonNode operation = method.getValue();
        if (alwaysPowerful(path.getKey(), method.getKey(), operation)) {
          alwaysPowerful.add(key);
          continue;
        }
        Set<String> flags = requestProperties(api, operation);
        flags.retainAll(FLAGS);
        if (!flags.isEmpty()) {
          flagged.put(key, flags);
        }
      }
    }

    Set<String> guardedAlways = GuardedEngineOperations.OPERATIONS.stream().filter(Operation::always)
        .map(o -> o.method() + " " + o.path()).collect(Collectors.toCollection(TreeSet::new));
    assertThat(guardedAlways).isEqualTo(alwaysPowerful);
    Map<String, Operation> guardedByFlag = GuardedEngineOperations.OPERATIONS.stream().filter(o -> !o.always())
        .collect(Collectors.toMap(o -> o.method() + " " + o.path(), o -> o));
    assertThat(guardedByFlag.keySet()).isEqualTo(flagged.keySet());
    flagged.forEach((operation, flags) -> assertThat(guardedByFlag.get(operation).bodyFlags()).as(operation)
        .containsAll(flags));
  }

  /**
   * What the document itself says is powerful: its Message, Signal, Condition, Migration and Modification operations,
   * restarts, instance modifications, triggered events, signalled executions and errors or escalations thrown from a
   * task, and every write of
   * {@code variables} or {@code localVariables} of a process instance, an execution or a task.
   */
  private static boolean alwaysPowerful(String path, String method, JsonNode operation) {
    if (method.equals("get") || method.equals("options")) {
      return false;
    }
    for (JsonNode tag : operation.path("tags")) {
      if (ALWAYS_TAGS.contains(tag.asText())) {
        return true;
      }
    }
    String id = operation.path("operationId").asText();
    boolean instanceScoped = path.startsWith("/process-instance") || path.startsWith("/execution")
        || path.startsWith("/task/");
    return id.toLowerCase().contains("restart") || path.contains("/modification")
        || id.equals("correlateMessageAsyncOperation") || id.equals("triggerEvent") || id.equals("signalExecution")
        || id.equals("handleBpmnError") || id.equals("handleEscalation")
        || instanceScoped && (path.contains("/variables") || path.contains("/localVariables")
            || path.endsWith("variables-async"));
  }

  private static Set<String> requestProperties(JsonNode api, JsonNode operation) {
    Set<String> properties = new LinkedHashSet<>();
    operation.path("requestBody").path("content").forEach(content -> collect(api, content.path("schema"), properties,
        new java.util.HashSet<>()));
    return properties;
  }

  private static void collect(JsonNode api, JsonNode schema, Set<String> properties, Set<String> seen) {
    if (schema.has("$ref")) {
      String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
      if (seen.add(name)) {
        collect(api, api.path("components").path("schemas").path(name), properties, seen);
      }
      return;
    }
    schema.path("properties").fieldNames().forEachRemaining(properties::add);
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      schema.path(combinator).forEach(part -> collect(api, part, properties, seen));
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}: refused {3}")
  @CsvSource(delimiter = '|', value = {
      "POST | /message                                     |                                      | true",
      "POST | /message/                                    |                                      | true",
      "POST | //MESSAGE                                    |                                      | true",
      "GET  | /message                                     |                                      | false",
      "POST | /process-instance/x/modification             |                                      | true",
      "POST | /process-instance/x/variables/y/data         |                                      | true",
      "GET  | /process-instance/x/variables/y/data         |                                      | false",
      "POST | /task/t/complete                             | {}                                   | false",
      "POST | /task/t/complete                             | {\"withVariablesInReturn\": false}   | false",
      "POST | /task/t/complete                             | {\"withVariablesInReturn\": true}    | true",
      "POST | /task/t/complete                             | {\"withVariablesInReturn\": \"true\"}| true",
      "POST | /task/t/complete                             | {\"withVariablesInReturn\": 1}       | true",
      "POST | /task/t/complete                             | {\"WITHVARIABLESINRETURN\": true}    | true",
      "POST | /task/t/submit-form                          | {\"withVariablesInReturn\": true}    | true",
      "POST | /process-definition/key/k/start              | {\"startInstructions\": []}          | false",
      "POST | /process-definition/key/k/start              | {\"startInstructions\": [{}]}        | true",
      "POST | /process-definition/key/k/start              | {\"skipCustomListeners\": true}      | true",
      "POST | /process-definition/key/k/submit-form        | {\"withVariablesInReturn\": true}    | false",
      "POST | /process-definition/key/k/tenant-id/t/start  | {\"withVariablesInReturn\": true}    | true"})
  void matchesPathsAsTheRestApiDoesAndFlagsAsJacksonReadsThem(String method, String path, String body,
      boolean refused) throws IOException {
    JsonNode json = body == null ? null : JSON.readTree(body);
    assertThat(GuardedEngineOperations.refused(method, path, () -> json)).as(method + " " + path + " " + body)
        .matches(found -> found.isPresent() == refused);
  }
}
