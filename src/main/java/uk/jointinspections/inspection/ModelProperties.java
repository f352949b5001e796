package uk.jointinspections.inspection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** The Camunda extension properties of one BPMN element ({@code day}, {@code time}, {@code paragraph}, ...). */
final class ModelProperties {

  private ModelProperties() {
  }

  static Map<String, String> of(BaseElement element) {
    Map<String, String> properties = new LinkedHashMap<>();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return properties;
    }
    for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : group.getCamundaProperties()) {
        properties.put(property.getCamundaName(), property.getCamundaValue());
      }
    }
    return properties;
  }
}
