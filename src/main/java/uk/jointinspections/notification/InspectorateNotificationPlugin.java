package uk.jointinspections.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A user task with the Camunda property {@code notify} = {@code inspectorate} gets the {@link InspectorateNotifier} on
 * "create" and "assignment", as if the two task listeners were in the diagram. The Modeler's Camunda 7 element
 * templates can set properties but not task listeners, so this is how the "notify inspectorate" template works.
 */
@Component
public class InspectorateNotificationPlugin extends AbstractProcessEnginePlugin {

  public static final String PROPERTY = "notify";
  public static final String INSPECTORATE = "inspectorate";
  static final String NOTIFIER_EXPRESSION = "${inspectorateNotifier}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new NotifyOnUserTasks());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static final class NotifyOnUserTasks extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (!INSPECTORATE.equals(property(userTaskElement, PROPERTY))
          || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
        return;
      }
      TaskDefinition task = behavior.getTaskDefinition();
      for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT)) {
        List<TaskListener> existing = task.getTaskListenersForEvent(event);
        boolean declared = existing != null && existing.stream().anyMatch(listener ->
            listener instanceof DelegateExpressionTaskListener delegate
                && NOTIFIER_EXPRESSION.equals(delegate.getExpressionText()));
        if (!declared) {
          task.addTaskListener(event, new DelegateExpressionTaskListener(
              Context.getProcessEngineConfiguration().getExpressionManager().createExpression(NOTIFIER_EXPRESSION),
              List.of()));
        }
      }
    }

    private static String property(Element element, String name) {
      Element extensions = element.element("extensionElements");
      Element properties = extensions == null ? null
          : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
      if (properties == null) {
        return null;
      }
      for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
        if (name.equals(property.attribute("name"))) {
          return property.attribute("value");
        }
      }
      return null;
    }
  }
}
