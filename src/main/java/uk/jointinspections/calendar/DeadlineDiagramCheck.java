package uk.jointinspections.calendar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Refuses, at deployment, a diagram whose working-day deadlines cannot work, so that a process owner
 * deploying from the Modeler hears of it at once rather than from an incident when a task is created:
 * <ul>
 *   <li>an element using {@code ${deadlines.due(execution)}} whose {@code day}, {@code time} or
 *       {@code from} property is missing or malformed (for a boundary timer: its host's properties);
 *   <li>{@code task} passed to the bean in a user task's due or follow-up date, where the engine evaluates
 *       the expression against the execution and has no {@code task} to give;
 *   <li>a call activity whose working day (for the building block it calls) is malformed;
 *   <li>a malformed working-day duration such as {@code P5WDT25:00}.
 * </ul>
 */
final class DeadlineDiagramCheck extends AbstractBpmnParseListener {

  private static final Pattern DUE_FROM_PROPERTIES = Pattern.compile("\\bdeadlines\\s*\\.\\s*due\\s*\\(");
  private static final Pattern GIVEN_THE_TASK = Pattern.compile("\\bdeadlines\\s*\\.\\s*\\w+\\s*\\(\\s*task\\b");

  @Override
  public void parseRootElement(Element root, List<ProcessDefinitionEntity> processDefinitions) {
    Map<String, Element> byId = new LinkedHashMap<>();
    collect(root, byId);
    List<String> problems = new ArrayList<>();
    for (Element element : byId.values()) {
      switch (element.getTagName()) {
        case "userTask" -> {
          checkUserTaskDate(element, "dueDate", problems);
          checkUserTaskDate(element, "followUpDate", problems);
        }
        case "boundaryEvent" -> checkTimer(element, byId.get(element.attribute("attachedToRef")), problems);
        case "callActivity" -> checkCallActivity(element, problems);
        case "intermediateCatchEvent" -> checkTimer(element, element, problems);
        default -> {
          // other elements have no timers or dates the calendar resolves with an execution
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ProcessEngineException("Working-day deadlines of this diagram cannot work:\n  " + String.join("\n  ", problems));
    }
  }

  private static void checkUserTaskDate(Element task, String attribute, List<String> problems) {
    String expression = task.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, attribute);
    if (expression == null) {
      return;
    }
    if (GIVEN_THE_TASK.matcher(expression).find()) {
      problems.add("BPMN element '" + task.attribute("id") + "' camunda:" + attribute + " " + expression
          + " passes 'task', which the engine does not provide there; write ${deadlines.due(execution)}");
      return;
    }
    check(expression, task.attribute("id"), "camunda:" + attribute, task, problems);
  }

  /**
   * A call activity with a working day gives it to the building block it calls ({@code deadlines.dueOfCall}), which
   * has no day of its own to be checked: a malformed day on the call activity would only fail once the block runs.
   */
  private static void checkCallActivity(Element call, List<String> problems) {
    Map<String, String> properties = properties(call);
    if (properties.containsKey(DeadlineDefinition.DAY) || properties.containsKey(DeadlineDefinition.TIME)
        || properties.containsKey(DeadlineDefinition.FROM)) {
      try {
        DeadlineDefinition.of(call.attribute("id"), properties);
      } catch (ProcessEngineException e) {
        problems.add(e.getMessage() + ", which the process it calls uses for its deadlines");
      }
    }
  }

  private static void checkTimer(Element event, Element propertiesOwner, List<String> problems) {
    Element timer = event.element("timerEventDefinition");
    if (timer == null) {
      return;
    }
    for (String kind : List.of("timeDate", "timeDuration")) {
      Element definition = timer.element(kind);
      if (definition != null && definition.getText() != null) {
        check(definition.getText(), event.attribute("id"), kind, propertiesOwner, problems);
      }
    }
  }

  private static void check(String expression, String elementId, String where, Element propertiesOwner, List<String> problems) {
    try {
      WorkingDayDuration.parse(expression);
    } catch (IllegalArgumentException e) {
      problems.add("BPMN element '" + elementId + "' " + where + ": " + e.getMessage());
    }
    if (DUE_FROM_PROPERTIES.matcher(expression).find() && propertiesOwner != null) {
      try {
        DeadlineDefinition.of(propertiesOwner.attribute("id"), properties(propertiesOwner));
      } catch (ProcessEngineException e) {
        problems.add(e.getMessage() + (propertiesOwner.attribute("id").equals(elementId) ? "" : ", which " + elementId
            + " uses for its " + where));
      }
    }
  }

  private static Map<String, String> properties(Element element) {
    Map<String, String> properties = new HashMap<>();
    Element extensions = element.element("extensionElements");
    if (extensions != null) {
      for (Element group : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties")) {
        for (Element property : group.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
          DeadlineDefinition.addProperty(properties, element.attribute("id"), property.attribute("name"),
              property.attribute("value"));
        }
      }
    }
    return properties;
  }

  private static void collect(Element element, Map<String, Element> byId) {
    String id = element.attribute("id");
    if (id != null) {
      byId.put(id, element);
    }
    for (Element child : element.elements()) {
      collect(child, byId);
    }
  }
}
