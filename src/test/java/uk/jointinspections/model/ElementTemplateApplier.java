package uk.jointinspections.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Writes a Camunda 7 element template's bindings into an element the way the Modeler does when a process owner
 * applies the template: defaults and hidden values as given, the process owner's entries from {@code entries}
 * (keyed by the binding's name or target), and the template's id in camunda:modelerTemplate.
 */
final class ElementTemplateApplier {

  private final JsonNode template;

  private ElementTemplateApplier(JsonNode template) {
    this.template = template;
  }

  static ElementTemplateApplier read(Path file) throws IOException {
    JsonNode content = new ObjectMapper().readTree(file.toFile());
    return new ElementTemplateApplier(content.isArray() ? content.get(0) : content);
  }

  String id() {
    return template.path("id").asText();
  }

  void applyTo(BpmnModelInstance model, BaseElement element, Map<String, String> entries) {
    element.setAttributeValueNs(ModelConsistencyChecker.CAMUNDA_NS, "modelerTemplate", id());
    element.setAttributeValueNs(ModelConsistencyChecker.CAMUNDA_NS, "modelerTemplateVersion",
        template.path("version").asText("1"));
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      String type = binding.path("type").asText();
      String key = binding.has("name") ? binding.get("name").asText()
          : binding.has("target") ? binding.get("target").asText() : binding.path("source").asText(type);
      String value = entries.containsKey(key) ? entries.get(key)
          : property.has("value") ? property.get("value").asText() : null;
      if (value == null) {
        throw new IllegalArgumentException("template " + id() + " needs an entry for '" + key + "'");
      }
      switch (type) {
        case "property" -> {
          String name = binding.get("name").asText();
          if (name.startsWith("camunda:")) {
            element.setAttributeValueNs(ModelConsistencyChecker.CAMUNDA_NS, name.substring("camunda:".length()), value);
          } else {
            element.setAttributeValue(name, value);
          }
        }
        case "camunda:property" -> {
          CamundaProperty camundaProperty = model.newInstance(CamundaProperty.class);
          camundaProperty.setCamundaName(binding.get("name").asText());
          camundaProperty.setCamundaValue(value);
          properties(model, element).addChildElement(camundaProperty);
        }
        case "camunda:in:businessKey" -> {
          CamundaIn in = model.newInstance(CamundaIn.class);
          in.setCamundaBusinessKey(value);
          extensions(model, element).addChildElement(in);
        }
        case "camunda:in" -> {
          CamundaIn in = model.newInstance(CamundaIn.class);
          in.setCamundaTarget(binding.get("target").asText());
          if (binding.path("expression").asBoolean(false)) {
            in.setCamundaSourceExpression(value);
          } else {
            in.setCamundaSource(value);
          }
          extensions(model, element).addChildElement(in);
        }
        case "camunda:out" -> {
          CamundaOut out = model.newInstance(CamundaOut.class);
          out.setCamundaSource(binding.get("source").asText());
          out.setCamundaTarget(value);
          extensions(model, element).addChildElement(out);
        }
        default -> throw new IllegalArgumentException("template " + id() + ": binding " + type + " is not applied here");
      }
    }
  }

  private static ExtensionElements extensions(BpmnModelInstance model, BaseElement element) {
    if (element.getExtensionElements() == null) {
      element.setExtensionElements(model.newInstance(ExtensionElements.class));
    }
    return element.getExtensionElements();
  }

  private static CamundaProperties properties(BpmnModelInstance model, BaseElement element) {
    ExtensionElements extensions = extensions(model, element);
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream().findFirst()
        .orElseGet(() -> {
          CamundaProperties created = model.newInstance(CamundaProperties.class);
          extensions.addChildElement(created);
          return created;
        });
  }
}
