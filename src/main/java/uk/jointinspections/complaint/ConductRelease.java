package uk.jointinspections.complaint;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * After the complaints team decided to consider a late complaint, or (2009 framework, paragraph 73) after the initial
 * assessment of every complaint: lets a conduct investigation that waits for that decision proceed, telling it
 * whether the complaint was resolved at the initial assessment ({@code conductResolvedEarly}: it then ends without an
 * investigation). Under the 2009 procedure it releases nothing before the initial assessment is done. The person
 * completing the decision may not see the conduct instance; the application may. A service task (late complaint) and
 * the end listener of {@code task_initial_assessment}.
 */
@Component("conductRelease")
public class ConductRelease implements JavaDelegate, ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execute(execution);
  }

  private final RuntimeService runtimeService;

  public ConductRelease(@Lazy RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object resolvedEarly = execution.getVariable(ComplaintProcess.VAR_RESOLVED_EARLY);
    if (ComplaintEdition.E2009.id.equals(execution.getVariable(ComplaintProcess.VAR_EDITION)) && resolvedEarly == null) {
      return; // 2009: the conduct investigation waits for the initial assessment
    }
    Map<String, Object> told = Map.of(ComplaintConductProcess.VAR_RESOLVED_EARLY, Boolean.TRUE.equals(resolvedEarly));
    Context.getCommandContext().runWithoutAuthorization(() -> {
      runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution.getProcessInstanceId())
          .processDefinitionKey(ComplaintConductProcess.KEY).list().forEach(conduct -> {
            for (Execution waiting : runtimeService.createExecutionQuery().processInstanceId(conduct.getId())
                .messageEventSubscriptionName(ComplaintConductProcess.MESSAGE_RELEASED).list()) {
              runtimeService.messageEventReceived(ComplaintConductProcess.MESSAGE_RELEASED, waiting.getId(), told);
            }
          });
      return null;
    });
  }
}
