package uk.jointinspections.calendar;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>Editions of one framework that differ only in days and times share a diagram: an element may carry
 * {@code day.<edition>} and {@code time.<edition>} (for example {@code day.jtai-2016}), which replace
 * {@code day} and {@code time} when the process variable {@value #EDITION_VARIABLE} names that edition.
 */
public record DeadlineDefinition(String elementId, int day, LocalTime timeOfDay, String paragraph, String referenceVariable) {

  public static final String DAY = "day";
  public static final String TIME = "time";
  public static final String PARAGRAPH = "paragraph";
  public static final String FROM = "from";
  /** The process variable that names the edition of the framework an instance runs. */
  public static final String EDITION_VARIABLE = "framework";

  private static final Set<String> MEANINGFUL = Set.of(DAY, TIME, FROM);
  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  /** @throws ProcessEngineException naming the element and the property when one is missing or malformed */
  public static DeadlineDefinition of(BaseElement element) {
    return of(element.getId(), camundaProperties(element));
  }

  /**
   * As {@link #of(BaseElement)}, with the edition's own day, time, reference variable ({@code from.<edition>}) and
   * paragraph where the element gives them: a process shared by several frameworks counts each from its own day 0.
   */
  public static DeadlineDefinition of(BaseElement element, Object edition) {
    Map<String, String> properties = camundaProperties(element);
    if (edition instanceof String name && !name.isBlank()) {
      for (String property : new String[] {DAY, TIME, FROM, PARAGRAPH}) {
        String editionValue = properties.get(property + "." + name);
        if (editionValue != null) {
          properties.put(property, editionValue);
        }
      }
    }
    return of(element.getId(), properties);
  }

  /** @param properties the element's Camunda properties, as collected by {@link #addProperty} */
  static DeadlineDefinition of(String elementId, Map<String, String> properties) {
    String day = properties.get(DAY);
    if (day == null || day.isBlank()) {
      throw problem(elementId, "has no Camunda property '" + DAY + "' (the working day of the deadline, e.g. 33)");
    }
    // An edition's own day or time is checked whichever edition runs, so that a typo fails at deployment.
    properties.forEach((name, value) -> {
      if (name.startsWith(DAY + ".")) {
        parseDay(value, elementId);
      } else if (name.startsWith(TIME + ".")) {
        parseTime(value, elementId);
      }
    });
    return new DeadlineDefinition(elementId, parseDay(day, elementId), parseTime(properties.get(TIME), elementId),
        properties.get(PARAGRAPH), referenceVariable(properties.get(FROM), elementId));
  }

  /** Collects one Camunda property, refusing a second value for a property that decides the deadline. */
  static void addProperty(Map<String, String> properties, String elementId, String name, String value) {
    if (name != null && properties.put(name, value) != null && MEANINGFUL.contains(name)) {
      throw problem(elementId, "has the Camunda property '" + name + "' twice");
    }
  }

  private static int parseDay(String day, String elementId) {
    try {
      return Integer.parseInt(day.strip());
    } catch (NumberFormatException e) {
      throw problem(elementId, "has Camunda property '" + DAY + "' = '" + day + "', which is not a whole number of working days");
    }
  }

  /** @return null for end of day */
  static LocalTime parseTime(String time, String elementId) {
    if (time == null || time.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(time.strip(), HOURS_MINUTES);
    } catch (DateTimeParseException e) {
      throw problem(elementId, "has Camunda property '" + TIME + "' = '" + time
          + "', which is not a time of day HH:mm (e.g. 09:30, 17:00)");
    }
  }

  private static String referenceVariable(String from, String elementId) {
    if (from == null) {
      return Deadlines.DEFAULT_REFERENCE_VARIABLE;
    }
    if (from.isBlank()) {
      throw problem(elementId, "has an empty Camunda property '" + FROM + "' (the name of the variable holding day 0)");
    }
    return from.strip();
  }

  private static Map<String, String> camundaProperties(BaseElement element) {
    Map<String, String> properties = new HashMap<>();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties group : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
        for (CamundaProperty property : group.getCamundaProperties()) {
          addProperty(properties, element.getId(), property.getCamundaName(), property.getCamundaValue());
        }
      }
    }
    return properties;
  }

  static ProcessEngineException problem(String elementId, String what) {
    return new ProcessEngineException("BPMN element '" + elementId + "' " + what);
  }
}
