package uk.jointinspections.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * What a newly deployed version of a process changes for the inspections already running: they stay on their own
 * version, with its deadlines, until an administrator moves them. Listed beside the engine's answer to a deployment,
 * so that a process owner deploying from the Modeler learns it in the same breath.
 */
@Component
public class DeploymentImpact {

  /** How many references are listed by name; the count is always complete. */
  static final int LISTED = 100;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final WithoutAuthorization withoutAuthorization;

  public DeploymentImpact(@Lazy RepositoryService repositoryService, @Lazy RuntimeService runtimeService,
      WithoutAuthorization withoutAuthorization) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.withoutAuthorization = withoutAuthorization;
  }

  /**
   * @param deadlinesChanged the steps whose day, time or anchor differs from the version before (added or removed
   *     deadlines too), as {@code before} and {@code after} property lists
   * @param runningOnEarlierVersions how many instances run on earlier versions, and (up to {@value #LISTED}) which
   */
  public record ProcessImpact(String processDefinitionKey, int version, List<DeadlineChange> deadlinesChanged,
      long runningOnEarlierVersions, List<String> references, String migration) {
  }

  public record DeadlineChange(String element, String name, String before, String after) {
  }

  /** @return nothing for a process's first version */
  public java.util.Optional<ProcessImpact> of(String processDefinitionId) {
    return withoutAuthorization.call(() -> {
      ProcessDefinition deployed = repositoryService.getProcessDefinition(processDefinitionId);
      if (deployed.getVersion() <= 1) {
        // The engine refuses a query for version 0, and the answer of a new process's deployment was lost with it.
        return java.util.Optional.empty();
      }
      ProcessDefinition previous = repositoryService.createProcessDefinitionQuery()
          .processDefinitionKey(deployed.getKey()).processDefinitionVersion(deployed.getVersion() - 1).singleResult();
      if (previous == null) {
        return java.util.Optional.empty();
      }
      List<DeadlineChange> changes = deadlineChanges(repositoryService.getBpmnModelInstance(previous.getId()),
          repositoryService.getBpmnModelInstance(deployed.getId()));
      List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(deployed.getKey()).list().stream()
          .filter(instance -> !instance.getProcessDefinitionId().equals(deployed.getId())).toList();
      List<String> references = running.stream().map(ProcessInstance::getBusinessKey).filter(Objects::nonNull)
          .sorted().limit(LISTED).toList();
      String migration = running.isEmpty() ? null
          : "These stay on their versions, with their deadlines. POST /api/migrations/" + deployed.getKey()
              + "/dry-run lists, per inspection, each deadline that moving it would change; POST /api/migrations/"
              + deployed.getKey() + " moves them (README, \"Moving running inspections to a corrected diagram\").";
      return java.util.Optional.of(new ProcessImpact(deployed.getKey(), deployed.getVersion(), changes, running.size(),
          references, migration));
    });
  }

  static List<DeadlineChange> deadlineChanges(BpmnModelInstance before, BpmnModelInstance after) {
    Map<String, String> old = deadlines(before);
    Map<String, String> now = deadlines(after);
    TreeSet<String> elements = new TreeSet<>(old.keySet());
    elements.addAll(now.keySet());
    List<DeadlineChange> changes = new ArrayList<>();
    for (String element : elements) {
      if (!Objects.equals(old.get(element), now.get(element))) {
        BaseElement named = after.getModelElementById(element) != null ? after.getModelElementById(element)
            : before.getModelElementById(element);
        String name = named instanceof FlowElement flow ? flow.getName() : null;
        changes.add(new DeadlineChange(element, name, old.get(element), now.get(element)));
      }
    }
    return changes;
  }

  /** Each element's deadline properties ({@code day}, {@code time}, {@code from}, and their editions'), in order. */
  private static Map<String, String> deadlines(BpmnModelInstance model) {
    Map<String, String> deadlines = new TreeMap<>();
    for (CamundaProperties properties : model.getModelElementsByType(CamundaProperties.class)) {
      if (!(properties.getParentElement().getParentElement() instanceof BaseElement element) || element.getId() == null) {
        continue;
      }
      Map<String, String> values = new TreeMap<>();
      for (CamundaProperty property : properties.getCamundaProperties()) {
        String name = property.getCamundaName();
        if (name != null && (name.matches("(day|time|from)(\\..+)?"))) {
          values.put(name, property.getCamundaValue());
        }
      }
      if (!values.isEmpty()) {
        StringBuilder text = new StringBuilder();
        values.forEach((name, value) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(value));
        deadlines.merge(element.getId(), text.toString(), (a, b) -> a + ", " + b);
      }
    }
    return deadlines;
  }
}
