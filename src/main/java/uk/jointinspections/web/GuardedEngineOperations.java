package uk.jointinspections.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operations of Camunda's REST API (paths as in its OpenAPI document, {@code camunda-engine-rest-openapi}) that
 * only {@code camunda-admin} may call, on {@code /engine-rest} and on the webapps' {@code /camunda/api/engine}
 * ({@link EngineOperationGuard}). This is the one list; each entry says why.
 *
 * <p>They have in common that the engine checks them with an UPDATE permission only, so anyone who may move an
 * instance on may also read or redirect what it holds: a correlation with {@code variablesInResultEnabled} answers
 * every variable of the instance without a READ check, a modification starts any activity of a concern (its e-mail to
 * a senior officer included) with variables the caller chooses, a start with instructions skips the start event and
 * its validating listeners. No inspector needs them: the Tasklist starts with {@code submit-form} and completes with
 * {@code submit-form}, never with variables in the return and never writing variables outside a form (its sources,
 * {@code webapps/frontend/ui/tasklist} and the SDK's {@code camunda-form.js}, call {@code Task.submitForm},
 * {@code ProcessDefinition.submitForm} and read variables only); our own API correlates its messages itself, as the
 * application, after its own checks. Cockpit's variable editing and instance modification are admin work.
 */
public final class GuardedEngineOperations {

  public enum Reason {
    CORRELATION("correlating a message moves any waiting instance on and can return all its variables; the engine"
        + " checks UPDATE only, not READ"),
    SIGNAL("a signal or a triggered event moves on or starts every instance that waits for it"),
    MODIFICATION("modification starts or cancels any activity with variables of the caller's choosing, such as the"
        + " e-mail of a concern to an address the caller sets"),
    RESTART("restarting a finished instance runs its steps again, from any activity"),
    MIGRATION("migration moves running instances to other definitions and activities"),
    VARIABLES_IN_RESULT("variables in the result hand back every variable of the instance, not what the form shows"),
    TASK_ERROR("a BPMN error or escalation from a task sends the process down its error or escalation path (such as"
        + " an overdue escalation) with variables of the caller's choosing; the Tasklist never throws one"),
    START_AT_ACTIVITY("starting at an activity skips the start event and the listeners that check a start"),
    VARIABLE_WRITE("writing variables of an instance or execution, directly or through a task (a task variable the"
        + " task does not hold itself is written to the process instance), changes what later steps rely on");

    private final String why;

    Reason(String why) {
      this.why = why;
    }

    public String why() {
      return why;
    }
  }

  /**
   * One operation: its method and its path as the OpenAPI document writes it ({@code {id}} stands for one segment),
   * refused always or only when the JSON body asks for one of {@code bodyFlags}.
   */
  public record Operation(String method, String path, Reason reason, List<String> bodyFlags) {

    public boolean always() {
      return bodyFlags.isEmpty();
    }

    boolean matches(String requestMethod, List<String> segments) {
      if (!method.equalsIgnoreCase(requestMethod)) {
        return false;
      }
      List<String> template = segments(path);
      if (template.size() != segments.size()) {
        return false;
      }
      for (int i = 0; i < template.size(); i++) {
        String part = template.get(i);
        if (!(part.startsWith("{") && part.endsWith("}")) && !part.equalsIgnoreCase(segments.get(i))) {
          return false;
        }
      }
      return true;
    }

    /** Jackson reads 1 and "true" as true, so anything but absent, null, false, 0, "" or "false" or [] asks. */
    boolean askedFor(JsonNode body) {
      if (body == null || !body.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (bodyFlags.stream().anyMatch(flag -> flag.equalsIgnoreCase(field.getKey())) && set(field.getValue())) {
          return true;
        }
      }
      return false;
    }

    private static boolean set(JsonNode value) {
      if (value == null || value.isNull() || value.isMissingNode()) {
        return false;
      }
      if (value.isBoolean()) {
        return value.booleanValue();
      }
      if (value.isNumber()) {
        return value.doubleValue() != 0;
      }
      if (value.isTextual()) {
        String text = value.textValue().strip();
        return !(text.isEmpty() || text.equalsIgnoreCase("false") || text.equals("0") || text.equalsIgnoreCase("null"));
      }
      return !value.isEmpty();
    }
  }

  private static final List<String> RETURN_VARIABLES = List.of("withVariablesInReturn");
  private static final List<String> START_FLAGS =
      List.of("withVariablesInReturn", "startInstructions", "skipCustomListeners", "skipIoMappings");

  public static final List<Operation> OPERATIONS = List.of(
      always("POST", "/message", Reason.CORRELATION),
      always("POST", "/process-instance/message-async", Reason.CORRELATION),
      always("POST", "/execution/{id}/messageSubscriptions/{messageName}/trigger", Reason.CORRELATION),
      always("POST", "/signal", Reason.SIGNAL),
      always("POST", "/execution/{id}/signal", Reason.SIGNAL),
      always("POST", "/condition", Reason.SIGNAL),
      always("POST", "/process-instance/{id}/modification", Reason.MODIFICATION),
      always("POST", "/process-instance/{id}/modification-async", Reason.MODIFICATION),
      always("POST", "/modification/execute", Reason.MODIFICATION),
      always("POST", "/modification/executeAsync", Reason.MODIFICATION),
      always("POST", "/process-definition/{id}/restart", Reason.RESTART),
      always("POST", "/process-definition/{id}/restart-async", Reason.RESTART),
      always("POST", "/migration/generate", Reason.MIGRATION),
      always("POST", "/migration/validate", Reason.MIGRATION),
      always("POST", "/migration/execute", Reason.MIGRATION),
      always("POST", "/migration/executeAsync", Reason.MIGRATION),
      flagged("POST", "/process-definition/{id}/start", Reason.START_AT_ACTIVITY, START_FLAGS),
      flagged("POST", "/process-definition/key/{key}/start", Reason.START_AT_ACTIVITY, START_FLAGS),
      flagged("POST", "/process-definition/key/{key}/tenant-id/{tenant-id}/start", Reason.START_AT_ACTIVITY,
          START_FLAGS),
      flagged("POST", "/task/{id}/complete", Reason.VARIABLES_IN_RESULT, RETURN_VARIABLES),
      flagged("POST", "/task/{id}/submit-form", Reason.VARIABLES_IN_RESULT, RETURN_VARIABLES),
      // The engine ignores the flag here, but the body is the same CompleteTaskDto: one rule for all three.
      flagged("POST", "/task/{id}/resolve", Reason.VARIABLES_IN_RESULT, RETURN_VARIABLES),
      always("POST", "/task/{id}/bpmnError", Reason.TASK_ERROR),
      always("POST", "/task/{id}/bpmnEscalation", Reason.TASK_ERROR),
      always("POST", "/process-instance/{id}/variables", Reason.VARIABLE_WRITE),
      always("PUT", "/process-instance/{id}/variables/{varName}", Reason.VARIABLE_WRITE),
      always("DELETE", "/process-instance/{id}/variables/{varName}", Reason.VARIABLE_WRITE),
      always("POST", "/process-instance/{id}/variables/{varName}/data", Reason.VARIABLE_WRITE),
      always("POST", "/process-instance/variables-async", Reason.VARIABLE_WRITE),
      always("POST", "/execution/{id}/localVariables", Reason.VARIABLE_WRITE),
      always("PUT", "/execution/{id}/localVariables/{varName}", Reason.VARIABLE_WRITE),
      always("DELETE", "/execution/{id}/localVariables/{varName}", Reason.VARIABLE_WRITE),
      always("POST", "/execution/{id}/localVariables/{varName}/data", Reason.VARIABLE_WRITE),
      always("POST", "/task/{id}/variables", Reason.VARIABLE_WRITE),
      always("PUT", "/task/{id}/variables/{varName}", Reason.VARIABLE_WRITE),
      always("DELETE", "/task/{id}/variables/{varName}", Reason.VARIABLE_WRITE),
      always("POST", "/task/{id}/variables/{varName}/data", Reason.VARIABLE_WRITE),
      // Task-local writes stay on the task, but the Tasklist never makes them and a form's variables go with submit.
      always("POST", "/task/{id}/localVariables", Reason.VARIABLE_WRITE),
      always("PUT", "/task/{id}/localVariables/{varName}", Reason.VARIABLE_WRITE),
      always("DELETE", "/task/{id}/localVariables/{varName}", Reason.VARIABLE_WRITE),
      always("POST", "/task/{id}/localVariables/{varName}/data", Reason.VARIABLE_WRITE));

  private GuardedEngineOperations() {
  }

  /**
   * The guarded operation a request is, if any. {@code path} is relative to the REST API's root ({@code /message},
   * not {@code /engine-rest/engine/default/message}); {@code body} is read only for operations refused by a flag.
   */
  public static Optional<Operation> refused(String method, String path, Supplier<JsonNode> body) {
    List<String> segments = segments(path);
    for (Operation operation : OPERATIONS) {
      if (operation.matches(method, segments) && (operation.always() || operation.askedFor(body.get()))) {
        return Optional.of(operation);
      }
    }
    return Optional.empty();
  }

  /** Whether the body of this request must be read to decide. */
  public static boolean needsBody(String method, String path) {
    List<String> segments = segments(path);
    return OPERATIONS.stream().anyMatch(o -> !o.always() && o.matches(method, segments));
  }

  /** Empty segments (doubled or trailing slashes) are dropped: the container and Jersey treat them alike. */
  static List<String> segments(String path) {
    return java.util.Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT))
        .toList();
  }

  private static Operation always(String method, String path, Reason reason) {
    return new Operation(method, path, reason, List.of());
  }

  private static Operation flagged(String method, String path, Reason reason, List<String> flags) {
    return new Operation(method, path, reason, flags);
  }
}
