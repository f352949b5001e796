package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess.Submission;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * ¶95 (2016 ¶94): "The lead inspector will ask the DCS to coordinate a response from the partnership to a short
 * evaluation questionnaire … The lead inspector will provide the evaluation form at the start of the inspection. …
 * responses should not be submitted until after the final letter has been published."
 */
@EngineTest
@WithEngineAssertions
class JtaiEvaluationQuestionnaireTest {

  @Autowired ProcessEngine engine;
  @Autowired Submissions submissions;

  @Test
  void theFormIsGivenAtTheSetUpDiscussion() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Files.readString(Path.of("forms/form_setup_discussion.form")));
    JsonNode given = null;
    for (JsonNode component : form.get("components")) {
      if ("evaluationFormGiven".equals(component.path("key").asText())) {
        given = component;
      }
    }
    assertThat(given).as("the set-up discussion records that the evaluation form was given").isNotNull();
    assertThat(given.path("validate").path("required").asBoolean()).isTrue();
    assertThat(given.path("label").asText()).contains("paragraph 95").contains("2016 edition: 94");
  }

  @Test
  void theResponseIsRefusedBeforePublicationAndAcceptedAfterItWithoutHoldingTheInspectionsOtherBranches() {
    ProcessInstance pi = JtaiScenario.startBefore(engine, "JTAI-EVALUATION-1", TASK_PUBLISH_LETTER, Map.of());
    String kind = Submission.EVALUATION_QUESTIONNAIRE.kind;
    assertThatThrownBy(() -> submissions.submit("JTAI-EVALUATION-1", kind, "{\"documents\": \"evaluation\"}"))
        .isInstanceOf(InspectionProblem.class).hasMessageContaining("only after the final letter has been published")
        .hasMessageContaining("paragraph 95");

    complete(pi, TASK_PUBLISH_LETTER, Map.of("publicationUrl", "https://reports.example/northshire"));
    assertThat(pi).hasPassed(END_PUBLISHED).isWaitingAt(Submission.EVALUATION_QUESTIONNAIRE.recordTaskId);
    java.util.Date due = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(Submission.EVALUATION_QUESTIONNAIRE.recordTaskId).singleResult().getDueDate();
    assertThat(due).as("no deadline: the guidance gives none").isNull();

    submissions.submit("JTAI-EVALUATION-1", kind, "{\"documents\": \"portal folder evaluation\"}");
    assertThat(pi).isEnded().hasPassed(Submission.EVALUATION_QUESTIONNAIRE.subProcessId);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(Submission.EVALUATION_QUESTIONNAIRE.channelVariable()).singleResult().getValue()).isEqualTo("api");
  }

  @Test
  void theLeadInspectorRecordsAResponseByHandOrThatNoneWillCome() {
    ProcessInstance pi = JtaiScenario.startBefore(engine, "JTAI-EVALUATION-2", Submission.EVALUATION_QUESTIONNAIRE.subProcessId,
        Map.of());
    String record = Submission.EVALUATION_QUESTIONNAIRE.recordTaskId;
    String task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(record)
        .singleResult().getId();
    assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("evaluationQuestionnaireOutcome", "received")))
        .hasMessageContaining("Date it arrived: required");
    complete(pi, record, Map.of("evaluationQuestionnaireOutcome", "declined"));
    assertThat(pi).isEnded();
  }

  private void complete(ProcessInstance pi, String key, Map<String, Object> variables) {
    engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list()
        .forEach(t -> engine.getTaskService().complete(t.getId(), variables));
  }
}
