package uk.jointinspections.inspection;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The inspectorates that agree the response to a statement of action with the lead inspector (2024 JTAI paragraph
 * 87): the comma-separated {@code statementPartners} the calling inspection passes in ("cqc,hmicfrs"), as the
 * collection of {@code task_agree_statement_response}; none when the caller passes nothing.
 */
@Component("statementOfActionPartners")
public class StatementOfActionPartners {

  public static final String VARIABLE = "statementPartners";

  public List<String> of(VariableScope execution) {
    Object value = execution.getVariable(VARIABLE);
    if (!(value instanceof String text) || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
