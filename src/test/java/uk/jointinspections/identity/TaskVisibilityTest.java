package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;

/** Each inspectorate sees the tasks offered to its own group and no others, in the engine and over REST. */
@EngineTest
class TaskVisibilityTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;

  private String deploymentId;
  private ProcessInstance instance;

  @BeforeEach
  void deployAndStart() {
    deploymentId = repository.createDeployment()
        .addClasspathResource("foundation/visibility.bpmn")
        .addClasspathResource("foundation/test_review.form")
        .deploy().getId();
    instance = runtime.startProcessInstanceByKey("test_visibility");
  }

  @AfterEach
  void undeploy() {
    identity.clearAuthentication();
    repository.deleteDeployment(deploymentId, true);
  }

  private List<String> visibleTaskKeys(String userId, String... groups) {
    identity.setAuthentication(userId, List.of(groups));
    try {
      return tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
          .map(Task::getTaskDefinitionKey).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void eachInspectorateSeesOnlyItsOwnTasks() {
    assertThat(visibleTaskKeys("cqc-inspector", "cqc")).containsExactly("task_cqc_review");
    assertThat(visibleTaskKeys("ofsted-inspector", "ofsted")).containsExactly("task_ofsted_review");
    assertThat(visibleTaskKeys("hmicfrs-inspector", "hmicfrs")).isEmpty();
  }

  @Test
  void aTaskAssignedToSomeoneIsVisibleToThem() {
    Task ofstedTask = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("task_ofsted_review").singleResult();
    tasks.setAssignee(ofstedTask.getId(), "probation-inspector");

    assertThat(visibleTaskKeys("probation-inspector", "hmi-probation")).containsExactly("task_ofsted_review");
  }

  @Test
  void anotherInspectorateCannotCompleteATask() {
    Task cqcTask = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("task_cqc_review").singleResult();
    identity.setAuthentication("hmicfrs-inspector", List.of("hmicfrs"));

    assertThatThrownBy(() -> tasks.complete(cqcTask.getId())).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theRestApiAppliesTheSameRule() {
    ResponseEntity<JsonNode> cqc = rest.withBasicAuth("cqc-inspector", "demo")
        .getForEntity("/engine-rest/task?processInstanceId=" + instance.getId(), JsonNode.class);
    ResponseEntity<JsonNode> probation = rest.withBasicAuth("probation-inspector", "demo")
        .getForEntity("/engine-rest/task?processInstanceId=" + instance.getId(), JsonNode.class);

    assertThat(cqc.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cqc.getBody()).hasSize(1);
    assertThat(cqc.getBody().get(0).get("taskDefinitionKey").asText()).isEqualTo("task_cqc_review");
    assertThat(probation.getBody()).isEmpty();
  }

  @Test
  void aUserTasksFormRefResolvesToTheFormDeployedWithIt() throws Exception {
    Task cqcTask = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("task_cqc_review").initializeFormKeys().singleResult();

    assertThat(cqcTask.getCamundaFormRef().getKey()).isEqualTo("test_review");
    try (InputStream form = forms.getDeployedTaskForm(cqcTask.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8)).contains("\"id\": \"test_review\"");
    }
  }
}
