package uk.jointinspections.complaint;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * After the complaints team decided to consider a late complaint: lets a conduct investigation that waits for that
 * decision proceed. The person completing the decision may not see the conduct instance; the application may.
 */
@Component("conductRelease")
public class ConductRelease implements JavaDelegate {

  private final RuntimeService runtimeService;

  public ConductRelease(@Lazy RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Context.getCommandContext().runWithoutAuthorization(() -> {
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution.getProcessInstanceId())
          .processDefinitionKey(ComplaintConductProcess.KEY).list().forEach(conduct -> {
            for (Execution waiting : runtimeService.createExecutionQuery().processInstanceId(conduct.getId())
                .messageEventSubscriptionName(ComplaintConductProcess.MESSAGE_RELEASED).list()) {
              runtimeService.messageEventReceived(ComplaintConductProcess.MESSAGE_RELEASED, waiting.getId());
            }
          });
      return null;
    });
  }
}
