package uk.jointinspections.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link TaskCard} on every task, for every diagram, without a line in any of them (built-in listeners, added
 * when a definition is parsed, so also to versions deployed before).
 *
 * <p>Each new task gets the card as task variables. The Tasklist fetches a card's variables with the engine's variable
 * query, which under {@code enforce-specific-variable-permission} returns a variable only to whoever has READ_VARIABLE
 * on its task (or READ_INSTANCE_VARIABLE on its whole definition): the card's process variables would reach nobody
 * who works in the Tasklist. A task variable reaches exactly the task's candidates, assignee and owner, who already
 * read every variable the task sees ({@code GET /task/{id}/variables}), the card's among them. The engine deletes task
 * variables with their task, and their history belongs to the instance like its other variables.
 *
 * <p>A called process (the statement of action, the conduct investigation) starts with its caller's card, for what its
 * call did not pass in.
 */
@Component
public class TaskCardListeners extends AbstractProcessEnginePlugin {

  static final TaskListener CARD_ON_TASK = TaskCardListeners::putCardOnTask;
  static final ExecutionListener CALLER_CARD = TaskCardListeners::takeCallersCard;

  static final BpmnParseListener PARSE_LISTENER = new AbstractBpmnParseListener() {
    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
      processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, CALLER_CARD);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, CARD_ON_TASK);
      }
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(PARSE_LISTENER);
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void putCardOnTask(DelegateTask task) {
    if (task.getExecution() != null) {
      task.setVariablesLocal(TaskCard.of(task.getExecution()).variables());
    }
  }

  static void takeCallersCard(DelegateExecution execution) {
    DelegateExecution caller = execution.getSuperExecution();
    if (caller == null) {
      return;
    }
    TaskCard own = TaskCard.of(execution);
    Map<String, Object> callers = TaskCard.of(caller).variables();
    own.variables().keySet().forEach(callers::remove);
    execution.setVariables(callers);
  }
}
