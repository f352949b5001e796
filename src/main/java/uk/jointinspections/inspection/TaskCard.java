package uk.jointinspections.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the Tasklist's card of a task says about the inspection the task belongs to: its reference, its local authority
 * and its framework, in words ("JTAI 2017"). Every task of an inspection, of its concerns, complaints, conduct
 * investigations and statement of action carries the same three variables, so that an inspector with several
 * inspections tells their tasks apart in a list. Nothing else goes on a card: no case number, no child, nothing a
 * concern or a complaint says; only what anyone working on the inspection already knows.
 *
 * <p>The shared filters name these variables ({@code properties.variables}); the Tasklist fetches them with the list.
 */
public record TaskCard(String reference, String localAuthority, String framework) {

  /** The inspection reference; the concern and complaint processes have always kept it under this name. */
  public static final String VAR_REFERENCE = InspectionVariables.INSPECTION_REFERENCE;
  /** The local authority area, the name the inspection processes keep it under since their start listeners. */
  public static final String VAR_LOCAL_AUTHORITY = InspectionVariables.LOCAL_AUTHORITY;
  /** The framework in words; {@code framework} is its id ({@code jtai-2017}). */
  public static final String VAR_FRAMEWORK = "frameworkLabel";

  /** One line of a card: the variable and the label the Tasklist writes before its value. */
  public record Line(String name, String label) {
  }

  /** The lines of every card, in their order. */
  public static final List<Line> LINES = List.of(new Line(VAR_REFERENCE, "Inspection"),
      new Line(VAR_LOCAL_AUTHORITY, "Local authority"), new Line(VAR_FRAMEWORK, "Framework"));

  public static final List<String> NAMES = LINES.stream().map(Line::name).toList();

  /** The card as variables, leaving out a line that has no value. */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    put(variables, VAR_REFERENCE, reference);
    put(variables, VAR_LOCAL_AUTHORITY, localAuthority);
    put(variables, VAR_FRAMEWORK, framework);
    return variables;
  }

  /** The card a scope holds (seen from it: its own variables, then its parents'). */
  public static TaskCard of(VariableScope scope) {
    return new TaskCard(text(scope.getVariable(VAR_REFERENCE)), text(scope.getVariable(VAR_LOCAL_AUTHORITY)),
        text(scope.getVariable(VAR_FRAMEWORK)));
  }

  /** The card from variables as a query returns them; a name that is missing is a line without value. */
  public static TaskCard of(Map<String, ?> variables) {
    return new TaskCard(text(variables.get(VAR_REFERENCE)), text(variables.get(VAR_LOCAL_AUTHORITY)),
        text(variables.get(VAR_FRAMEWORK)));
  }

  /** Every line has its value. */
  public boolean complete() {
    return reference != null && localAuthority != null && framework != null;
  }

  private static void put(Map<String, Object> variables, String name, String value) {
    if (value != null) {
      variables.put(name, value);
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
