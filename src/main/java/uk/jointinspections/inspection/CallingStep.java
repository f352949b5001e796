package uk.jointinspections.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * The call activity that started a called building block ({@code local-area-submission}), for the called steps to
 * describe themselves by: one record step serves every item, and the inspector must still read what the framework
 * asks for this item, on which day and under which paragraphs — which the inspection's diagram writes on its call
 * activity.
 */
@Component("callingStep")
public class CallingStep {

  /** The calling call activity's documentation; empty when the process was not called. */
  public String description(DelegateExecution execution) {
    FlowElement call = call(execution);
    if (call == null) {
      return "";
    }
    return call.getDocumentations().stream().map(Documentation::getTextContent).map(String::strip)
        .filter(text -> !text.isEmpty()).findFirst().orElse("");
  }

  /** The calling call activity's name; empty when the process was not called. */
  public String name(DelegateExecution execution) {
    FlowElement call = call(execution);
    return call == null || call.getName() == null ? "" : call.getName();
  }

  private static FlowElement call(DelegateExecution execution) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    return caller == null ? null : caller.getBpmnModelElementInstance();
  }
}
