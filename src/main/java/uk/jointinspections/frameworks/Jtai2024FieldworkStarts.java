package uk.jointinspections.frameworks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Fieldwork has begun on its day (paragraphs 13, 101), whatever the local area still has to send: remembered on the
 * inspection so that the end of weeks 1 and 2, when it comes later, does not open the fieldwork steps a second time.
 */
@Component("jtai2024FieldworkStarts")
public class Jtai2024FieldworkStarts implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(Jtai2024Process.VAR_FIELDWORK_STARTED, true);
  }
}
