package uk.jointinspections.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The working-day facts of a BPMN element, from its Camunda extension properties (the Modeler's
 * "Extension properties"): {@code day} (required, may be negative), {@code time} (optional HH:mm,
 * London time; end of day when absent), {@code paragraph} (where the framework says so; informational)
 * and {@code from} (the process variable holding day 0; {@value Deadlines#DEFAULT_REFERENCE_VARIABLE}
 * when absent).
 */
public record DeadlineDefinition(String elementId, int day, LocalTime timeOfDay, String paragraph, String referenceVariable) {

  public static final String DAY = "day";
  public static final String TIME = "time";
  public static final String PARAGRAPH = "paragraph";
  public static final String FROM = "from";

  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  /** @throws ProcessEngineException naming the element and the property when one is missing or malformed */
  public static DeadlineDefinition of(BaseElement element) {
    Map<String, String> properties = camundaProperties(element);
    String day = properties.get(DAY);
    if (day == null || day.isBlank()) {
      throw problem(element, "has no Camunda property '" + DAY + "' (the working day of the deadline, e.g. 33)");
    }
    return new DeadlineDefinition(element.getId(), parseDay(day, element), parseTime(properties.get(TIME), element),
        properties.get(PARAGRAPH), referenceVariable(properties.get(FROM), element));
  }

  static int parseDay(String day, BaseElement element) {
    try {
      return Integer.parseInt(day.strip());
    } catch (NumberFormatException e) {
      throw problem(element, "has Camunda property '" + DAY + "' = '" + day + "', which is not a whole number of working days");
    }
  }

  /** @return null for end of day */
  static LocalTime parseTime(String time, BaseElement element) {
    if (time == null || time.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(time.strip(), HOURS_MINUTES);
    } catch (DateTimeParseException e) {
      throw problem(element, "has Camunda property '" + TIME + "' = '" + time
          + "', which is not a time of day HH:mm (e.g. 09:30, 17:00)");
    }
  }

  private static String referenceVariable(String from, BaseElement element) {
    if (from == null) {
      return Deadlines.DEFAULT_REFERENCE_VARIABLE;
    }
    if (from.isBlank()) {
      throw problem(element, "has an empty Camunda property '" + FROM + "' (the name of the variable holding day 0)");
    }
    return from.strip();
  }

  private static Map<String, String> camundaProperties(BaseElement element) {
    Map<String, String> properties = new HashMap<>();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return properties;
    }
    for (CamundaProperties group : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
      for (CamundaProperty property : group.getCamundaProperties()) {
        String name = property.getCamundaName();
        if (name != null && properties.put(name, property.getCamundaValue()) != null
            && (DAY.equals(name) || TIME.equals(name) || FROM.equals(name))) {
          throw problem(element, "has the Camunda property '" + name + "' twice");
        }
      }
    }
    return properties;
  }

  static ProcessEngineException problem(BaseElement element, String what) {
    return new ProcessEngineException("BPMN element '" + element.getId() + "' " + what);
  }
}
