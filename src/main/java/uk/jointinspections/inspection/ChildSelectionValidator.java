package uk.jointinspections.inspection;

import static uk.jointinspections.inspection.JtaiProcess.TASK_SELECT_20_CHILDREN;
import static uk.jointinspections.inspection.JtaiProcess.TASK_SELECT_CHILDREN_TO_EVALUATE;
import static uk.jointinspections.inspection.JtaiProcess.VAR_EVALUATION_CHILD_IDS;
import static uk.jointinspections.inspection.JtaiProcess.VAR_SELECTED_CHILD_IDS;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete the selection steps unless the lead inspector chose exactly 20 children, then five to seven of
 * those 20 (paragraph 21), each by a unique identification number rather than a name (paragraphs 19 and 81). The
 * form checks the same; this listener is what holds when a form is bypassed (REST, a changed form).
 */
@Component("childSelectionValidator")
public class ChildSelectionValidator implements TaskListener {

  public static final int CHILDREN_SELECTED = 20;
  public static final int MIN_TO_EVALUATE = 5;
  public static final int MAX_TO_EVALUATE = 7;

  /** Letters, digits, '/' and '-', with at least one digit: a case or reference number, never a name. */
  private static final Pattern IDENTIFICATION_NUMBER = Pattern.compile("(?=.*\\d)[A-Za-z0-9/-]{1,30}");

  @Override
  public void notify(DelegateTask task) {
    String step = task.getTaskDefinitionKey();
    if (TASK_SELECT_20_CHILDREN.equals(step)) {
      List<String> ids = parse(task.getVariable(VAR_SELECTED_CHILD_IDS), VAR_SELECTED_CHILD_IDS);
      if (ids.size() != CHILDREN_SELECTED) {
        throw new BadUserRequestException("Select exactly 20 children: you gave " + ids.size()
            + " different identification numbers.");
      }
      task.setVariable(VAR_SELECTED_CHILD_IDS, String.join(", ", ids));
    } else if (TASK_SELECT_CHILDREN_TO_EVALUATE.equals(step)) {
      List<String> selected = parse(task.getVariable(VAR_SELECTED_CHILD_IDS), VAR_SELECTED_CHILD_IDS);
      List<String> ids = parse(task.getVariable(VAR_EVALUATION_CHILD_IDS), VAR_EVALUATION_CHILD_IDS);
      if (ids.size() < MIN_TO_EVALUATE || ids.size() > MAX_TO_EVALUATE) {
        throw new BadUserRequestException("Identify between five and seven children for the joint evaluation: you gave "
            + ids.size() + " different identification numbers.");
      }
      List<String> unknown = ids.stream().filter(id -> !selected.contains(id)).toList();
      if (!unknown.isEmpty()) {
        throw new BadUserRequestException("The children to evaluate must come from the 20 selected on day 1; not among them: "
            + String.join(", ", unknown) + ".");
      }
      task.setVariable(VAR_EVALUATION_CHILD_IDS, String.join(", ", ids));
    }
  }

  /** Splits a comma- or line-separated list; a repeated number is an error, not silently merged. */
  static List<String> parse(Object value, String field) {
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
