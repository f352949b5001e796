package uk.jointinspections.inspection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a selection step unless the children chosen follow the rule its diagram states, each by a
 * unique identification number rather than a name (JTAI paragraphs 19 and 81; the other frameworks' data rules).
 * The forms check the same; this listener is what holds when a form is bypassed (REST, a changed form).
 *
 * <p>The rules live in the diagram, beside the step's day and paragraph, so that a process owner sees and changes
 * them in the Modeler. On the user task, for each variable holding a list of identification numbers:
 * <ul>
 *   <li>{@code children.<variable>.min} and {@code children.<variable>.max}: how many different numbers (either may
 *       be left out);</li>
 *   <li>{@code children.<variable>.what}: what is being chosen, for the message ("children for the joint
 *       evaluation"; default "children");</li>
 *   <li>{@code children.<variable>.among} and {@code children.<variable>.amongLabel}: a variable of an earlier
 *       selection that every number must come from, and how the message names it ("the 20 selected on day 1");</li>
 *   <li>{@code children.<variable>.notAmong}: variables of earlier selections that no number may repeat;</li>
 *   <li>{@code children.<variable>.skipWhen}: {@code name=value} (values separated by {@code |}): the rule does not
 *       apply when the instance's variable has one of these values, e.g. {@code scope=safeguarding} for the looked
 *       after children's cases of a separate safeguarding inspection.</li>
 * </ul>
 * On completion the list is stored normalised, as "ID, ID, ...".
 */
@Component("childSelectionValidator")
public class ChildSelectionValidator implements TaskListener {

  static final String PREFIX = "children.";

  /** Letters, digits, '/' and '-', with at least one digit: a case or reference number, never a name. */
  public static final Pattern IDENTIFICATION_NUMBER = Pattern.compile("(?=.*\\d)[A-Za-z0-9/-]{1,30}");

  private static final String[] WORDS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve"};

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> properties = ModelProperties.of(task.getBpmnModelElementInstance());
    for (SelectionRule rule : SelectionRule.all(properties)) {
      rule.check(task);
    }
  }

  /** What one variable of a selection step must hold, read from the step's {@code children.*} properties. */
  record SelectionRule(String variable, Integer min, Integer max, String what, String among, String amongLabel,
      List<String> notAmong, String skipWhen) {

    static List<SelectionRule> all(Map<String, String> properties) {
      Set<String> variables = new LinkedHashSet<>();
      properties.keySet().stream().filter(name -> name.startsWith(PREFIX))
          .map(name -> name.substring(PREFIX.length()))
          .filter(rest -> rest.indexOf('.') > 0)
          .forEach(rest -> variables.add(rest.substring(0, rest.indexOf('.'))));
      List<SelectionRule> rules = new ArrayList<>();
      for (String variable : variables) {
        String key = PREFIX + variable + ".";
        String notAmong = properties.get(key + "notAmong");
        rules.add(new SelectionRule(variable, number(properties.get(key + "min"), key + "min"),
            number(properties.get(key + "max"), key + "max"),
            properties.getOrDefault(key + "what", "children"), properties.get(key + "among"),
            properties.get(key + "amongLabel"),
            notAmong == null ? List.of() : List.of(notAmong.trim().split("\\s*,\\s*")),
            properties.get(key + "skipWhen")));
      }
      return rules;
    }

    private static Integer number(String value, String property) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return Integer.valueOf(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalStateException("The diagram's property " + property + " must be a whole number, not '" + value
            + "'.");
      }
    }

    void check(DelegateTask task) {
      if (skipped(task)) {
        return;
      }
      List<String> ids = parse(task.getVariable(variable), variable);
      int given = ids.size();
      String gave = ": you gave " + given + " different identification numbers.";
      if (min != null && max != null && min.equals(max) && given != min) {
        throw new BadUserRequestException("Select exactly " + min + " " + what + gave);
      }
      if (min != null && max != null && (given < min || given > max)) {
        throw new BadUserRequestException("Identify between " + word(min) + " and " + word(max) + " " + what + gave);
      }
      if (min != null && max == null && given < min) {
        throw new BadUserRequestException("Select at least " + word(min) + " " + what + gave);
      }
      if (max != null && min == null && given > max) {
        throw new BadUserRequestException("Select at most " + word(max) + " " + what + gave);
      }
      if (among != null) {
        List<String> earlier = parse(task.getVariable(among), among);
        List<String> unknown = ids.stream().filter(id -> !earlier.contains(id)).toList();
        if (!unknown.isEmpty()) {
          throw new BadUserRequestException("The " + what + " must come from "
              + (amongLabel == null ? "the children in " + among : amongLabel) + "; not among them: "
              + String.join(", ", unknown) + ".");
        }
      }
      for (String other : notAmong) {
        Object earlierValue = task.getVariable(other);
        if (earlierValue instanceof String text && !text.isBlank()) {
          List<String> earlier = parse(text, other);
          List<String> again = ids.stream().filter(earlier::contains).toList();
          if (!again.isEmpty()) {
            throw new BadUserRequestException("The " + what + " must be new: already chosen in " + other + ": "
                + String.join(", ", again) + ".");
          }
        }
      }
      task.setVariable(variable, String.join(", ", ids));
    }

    private boolean skipped(DelegateTask task) {
      if (skipWhen == null || skipWhen.isBlank()) {
        return false;
      }
      int equals = skipWhen.indexOf('=');
      if (equals <= 0) {
        throw new IllegalStateException("The diagram's property " + PREFIX + variable + ".skipWhen must read"
            + " name=value, not '" + skipWhen + "'.");
      }
      Object value = task.getVariable(skipWhen.substring(0, equals).strip());
      return value != null && List.of(skipWhen.substring(equals + 1).strip().split("\\s*\\|\\s*"))
          .contains(value.toString());
    }

    private static String word(int n) {
      return n >= 0 && n < WORDS.length ? WORDS[n] : Integer.toString(n);
    }
  }

  /** Splits a comma- or line-separated list; a repeated number is an error, not silently merged. */
  public static List<String> parse(Object value, String field) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new BadUserRequestException(field + ": give the children's unique identification numbers, separated by commas.");
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> repeated = new ArrayList<>();
    for (String part : text.split("[,;\\r\\n]+")) {
      String id = part.trim();
      if (id.isEmpty()) {
        continue;
      }
      if (!IDENTIFICATION_NUMBER.matcher(id).matches()) {
        throw new BadUserRequestException(field + ": '" + id + "' is not an identification number. Use the unique number"
            + " from the local authority's list (letters, digits, '/' or '-', with at least one digit), never a name.");
      }
      if (!seen.add(id)) {
        repeated.add(id);
      }
    }
    if (!repeated.isEmpty()) {
      throw new BadUserRequestException(field + ": each child may be listed once; repeated: " + String.join(", ", repeated) + ".");
    }
    return List.copyOf(seen);
  }
}
