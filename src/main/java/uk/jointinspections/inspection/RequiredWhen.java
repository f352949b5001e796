package uk.jointinspections.inspection;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a step without an answer that is needed only in some cases, as the step's form shows the field
 * only then (a form {@code conditional}); this listener is what holds when the form is bypassed. The rule is in the
 * diagram, on the user task: {@code required.<variable>.when} = {@code <otherVariable>=<value>} (the answer is needed
 * when that earlier variable has that value) and {@code required.<variable>.label}, the field's label for the message.
 */
@Component("requiredWhen")
public class RequiredWhen implements TaskListener {

  static final String PREFIX = "required.";

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> properties = ModelProperties.of(task.getBpmnModelElementInstance());
    properties.forEach((name, rule) -> {
      if (!name.startsWith(PREFIX) || !name.endsWith(".when")) {
        return;
      }
      String variable = name.substring(PREFIX.length(), name.length() - ".when".length());
      int equals = rule.indexOf('=');
      if (equals <= 0) {
        throw new IllegalStateException("'" + task.getTaskDefinitionKey() + "' property " + name + " must read"
            + " <variable>=<value>, not '" + rule + "'.");
      }
      String other = rule.substring(0, equals).strip();
      String value = rule.substring(equals + 1).strip();
      Object actual = task.getVariable(other);
      if (actual != null && value.equals(actual.toString())) {
        Object answer = task.getVariable(variable);
        if (answer == null || answer.toString().isBlank()) {
          String label = properties.getOrDefault(PREFIX + variable + ".label", variable);
          throw new BadUserRequestException(label + ": required, because " + other + " is '" + value + "'.");
        }
      }
    });
  }
}
