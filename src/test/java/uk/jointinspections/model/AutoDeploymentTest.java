package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

/**
 * The starter deploys what process owners edit: every diagram, decision and form of processes/ and forms/, in
 * deployments where each formRef finds its form. The diagrams bind forms as "latest", so that a diagram deployed
 * alone from the Modeler finds them too (DeploymentFromTheModelerTest); the application's own deployment carries them
 * all together.
 */
@EngineTest
class AutoDeploymentTest {

  @Autowired RepositoryService repository;
  @Autowired FormService forms;

  private Set<String> deployedResourceNames() {
    Set<String> names = new HashSet<>();
    repository.createDeploymentQuery().list().forEach(deployment ->
        repository.getDeploymentResourceNames(deployment.getId())
            .forEach(name -> names.add(name.substring(name.lastIndexOf('/') + 1))));
    return names;
  }

  @Test
  void everyFileOfProcessesAndFormsIsDeployed() throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    files.addAll(ModelConsistencyChecker.filesEndingWith(Path.of("processes"), ".bpmn"));
    files.addAll(ModelConsistencyChecker.filesEndingWith(Path.of("processes"), ".dmn"));
    files.addAll(ModelConsistencyChecker.filesEndingWith(Path.of("forms"), ".form"));

    assertThat(files).anyMatch(f -> f.toString().endsWith(".form"));
    assertThat(deployedResourceNames()).containsAll(files.stream().map(f -> f.getFileName().toString()).toList());
  }

  private static final Pattern FORM_LITERAL = Pattern.compile("\\$\\{'([^']+)'\\}");

  @Test
  void everyFormRefOfEveryDeployedProcessResolvesInItsDeployment() throws IOException {
    int resolved = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      Set<String> formRefs = new HashSet<>();
      model.getModelElementsByType(UserTask.class).forEach(t -> formRefs.add(t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).forEach(s -> formRefs.add(s.getCamundaFormRef()));
      formRefs.remove(null);
      // A shared called process takes its forms from its caller (formRef="${statementOfActionRecordForm}"): the
      // caller names them in its call activity, and they must resolve there.
      formRefs.removeIf(ref -> ref.contains("${"));
      for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
        if (call.getExtensionElements() == null) {
          continue;
        }
        for (CamundaIn in : call.getExtensionElements().getChildElementsByType(CamundaIn.class)) {
          Matcher form = FORM_LITERAL.matcher(Objects.toString(in.getCamundaSourceExpression(), ""));
          if (in.getCamundaTarget() != null && in.getCamundaTarget().endsWith("Form") && form.matches()) {
            formRefs.add(form.group(1));
          }
        }
      }
      Set<String> formIdsInDeployment = new HashSet<>();
      for (String resource : repository.getDeploymentResourceNames(definition.getDeploymentId())) {
        if (resource.endsWith(".form")) {
          try (InputStream form = repository.getResourceAsStream(definition.getDeploymentId(), resource)) {
            String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
            formIdsInDeployment.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("id").asText());
          }
        }
      }
      assertThat(formIdsInDeployment).as("forms deployed with %s", definition.getKey()).containsAll(formRefs);
      resolved += formRefs.size();
    }
    assertThat(resolved).as("formRefs checked").isGreaterThan(50);
  }

  @Test
  void theInspectionStartFormIsTheOneDeployedWithTheDiagram() throws IOException {
    ProcessDefinition jtai = repository.createProcessDefinitionQuery().processDefinitionKey("jtai").latestVersion()
        .singleResult();
    try (InputStream startForm = forms.getDeployedStartForm(jtai.getId())) {
      assertThat(new String(startForm.readAllBytes(), StandardCharsets.UTF_8)).contains("form_start_inspection");
    }
  }
}
