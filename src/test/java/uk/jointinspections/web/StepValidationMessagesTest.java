package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.jointinspections.inspection.JtaiProcess.KEY;
import static uk.jointinspections.inspection.JtaiProcess.TASK_SELECT_20_CHILDREN;
import static uk.jointinspections.inspection.JtaiProcess.VAR_SELECTED_CHILD_IDS;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.testkit.JtaiStart;

/**
 * A step refused by one of our validators reaches the inspector as the validator's own sentence and a 400, not as
 * the engine's "ENGINE-03051 There was an exception while invoking the TaskListener" and a 500.
 */
@EngineTest
class StepValidationMessagesTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;
  @Autowired HistoryService history;

  private Task selectTwentyChildren() {
    ProcessInstance pi = JtaiStart.validatedPartWay(runtime, "JTAI-MSG-" + System.nanoTime(), TASK_SELECT_20_CHILDREN,
        Map.of());
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_SELECT_20_CHILDREN)
        .singleResult();
  }

  @Test
  void theJavaApiThrowsTheValidatorsOwnSentence() {
    Task task = selectTwentyChildren();

    assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(VAR_SELECTED_CHILD_IDS, "NS-1001")))
        .isExactlyInstanceOf(StepRefusalMessages.StepRefused.class)
        .hasMessageStartingWith("Select exactly 20 children: you gave 1")
        .hasCauseExactlyInstanceOf(BadUserRequestException.class);
  }

  @Test
  void theTasklistsSubmitGetsA400WithTheValidatorsSentence() {
    Task task = selectTwentyChildren();

    ResponseEntity<JsonNode> response = rest.withBasicAuth("ofsted-lead", "demo").postForEntity(
        "/engine-rest/task/{id}/submit-form",
        Map.of("variables", Map.of(VAR_SELECTED_CHILD_IDS, Map.of("value", "NS-1001, Jane Smith", "type", "String"))),
        JsonNode.class, task.getId());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("message").asText())
        .contains("'Jane Smith' is not an identification number")
        .doesNotContain("ENGINE-")
        .doesNotContain("TaskListener");
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult()).as("the task is still open").isNotNull();
  }

  @Test
  void aRefusedStartFormIsA400WithTheFrameworksSentence() {
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(Jtai2024Process.KEY).count();
    Map<String, Object> saturday = Map.of("reference", Map.of("value", "JTAI24-SATURDAY-" + System.nanoTime()),
        "localAuthority", Map.of("value", "Southshire"), "plannedFieldworkStart", Map.of("value", "2027-03-13"),
        "leadInspector", Map.of("value", "ofsted-lead"), "qaManager", Map.of("value", "qa-manager"));

    ResponseEntity<JsonNode> response = rest.withBasicAuth("ofsted-lead", "demo").postForEntity(
        "/engine-rest/process-definition/key/{key}/submit-form", Map.of("variables", saturday), JsonNode.class,
        Jtai2024Process.KEY);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().path("message").asText()).contains("plannedFieldworkStart: 2027-03-13")
        .doesNotContain("ENGINE-");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(Jtai2024Process.KEY).count())
        .as("nothing started").isEqualTo(before);
  }

  @Test
  void aFaultThatIsNotARefusalStaysTheEnginesException() {
    ProcessEngineException fault = new ProcessEngineException("ENGINE-03051 listener failed", new IllegalStateException("bug"));
    BadUserRequestException refusal = new BadUserRequestException("Select exactly 20 children: you gave 1.");

    assertThat(StepRefusalMessages.refusalWithin(fault)).isSameAs(fault);
    assertThat(StepRefusalMessages.refusalWithin(new ProcessEngineException("wrapped", refusal)))
        .isInstanceOf(StepRefusalMessages.StepRefused.class).hasMessage(refusal.getMessage()).hasCause(refusal);
    assertThat(StepRefusalMessages.refusalWithin(refusal)).isSameAs(refusal);
  }
}
