package uk.jointinspections.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's grants to a task's candidates, assignee and owner, for as long as the task is open.
 *
 * <p>Camunda's {@link DefaultAuthorizationProvider} gives each of them two grants: on the running task (READ, UPDATE
 * and, with {@code enforce-specific-variable-permission}, READ_VARIABLE), which the engine deletes with the task, and,
 * with {@code enable-historic-instance-permissions}, READ and READ_VARIABLE on the task's history, which stays for
 * good. The historic variable query joins a variable to every historic task of its process instance
 * ({@code ACT_HI_TASKINST TI on TI.PROC_INST_ID_ = RES.PROC_INST_ID_}) and accepts READ_VARIABLE on any of them, so
 * that second grant opened every variable of the whole instance, past and future, to whoever was ever offered one of
 * its tasks, even after the task was completed or cancelled.
 *
 * <p>Here the historic grant is READ alone (the REST API finds a task's comments through its history, and the
 * Tasklist shows them), and {@link #PLUGIN} deletes it when the task is completed or deleted (cancelled by a boundary
 * event, a modification or the end of its instance), as the engine deletes the runtime grant. So a candidate or
 * assignee reads what the task shows while it is open, and nothing once it is over; what a person reads for good is
 * granted on the instance to its named people ({@link InstanceGrants}).
 */
public class TaskAuthorizations extends DefaultAuthorizationProvider {

  /** Adds the listener that takes the grants on a task's history away when the task ends, to every user task. */
  public static final BpmnParseListener PLUGIN = new AbstractBpmnParseListener() {
    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, TaskAuthorizations::ended);
        behavior.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, TaskAuthorizations::ended);
      }
    }
  };

  static void install(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskAuthorizations());
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(PLUGIN);
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private static void ended(DelegateTask task) {
    Context.getCommandContext().getAuthorizationManager()
        .deleteAuthorizationsByResourceId(Resources.HISTORIC_TASK, task.getId());
  }

  @Override
  protected Permission[] getHistoricPermissions(boolean enforceSpecificVariablePermission) {
    return new Permission[] {HistoricTaskPermissions.READ};
  }
}
