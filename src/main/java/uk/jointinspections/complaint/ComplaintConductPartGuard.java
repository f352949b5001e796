package uk.jointinspections.complaint;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * Every step of the complaint refuses to complete with a conduct part ({@code conductDetails}) among its variables: a
 * task form of the complaint (or a REST call completing one) is the complaints team's, read by the other inspectorates
 * and operators, and the conduct part belongs in the investigating inspectorate's own task of the conduct
 * investigation. Refused, the whole completion is rolled back, its variables and their history with it. Added to each
 * user task of {@code complaint} when the diagram is deployed, like a listener in the diagram, so that a step a process
 * owner adds in the Modeler is covered too.
 */
@Component
public class ComplaintConductPartGuard extends AbstractProcessEnginePlugin implements TaskListener {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
            && ComplaintProcess.KEY.equals(definition.getKey())
            && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(EVENTNAME_COMPLETE, ComplaintConductPartGuard.this);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(ComplaintProcess.VAR_CONDUCT_DETAILS) != null) {
      throw new BadUserRequestException(ComplaintProcess.VAR_CONDUCT_DETAILS + ": the conduct part of a complaint is"
          + " recorded only by the investigating inspectorate, in its confidential task; the complaint's steps never"
          + " hold it. Nothing was saved.");
    }
  }

  @Override
  public String toString() {
    return "ComplaintConductPartGuard";
  }
}
