package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * Annex D: when Ofsted decides to withhold publication, the letter is not published until the hold is lifted (J5,
 * the inspection's side of the publication-hold contract: the complaint process sets the variables and correlates
 * the messages; here the test does).
 */
@EngineTest
@WithEngineAssertions
class JtaiPublicationHoldTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired Timeline timeline;

  private int sequence;

  private ProcessInstance beforeTheLetterIsSent(Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put(VAR_STATEMENT_OF_ACTION_REQUIRED, false);
    return JtaiScenario.startBefore(engine, "JTAI-HOLD-" + System.nanoTime() + "-" + ++sequence,
        TASK_SEND_PRE_PUBLICATION_LETTER, variables);
  }

  private String publishTask(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_PUBLISH_LETTER).singleResult().getId();
  }

  private static Map<String, Object> withheld() {
    return Map.of(VAR_PUBLICATION_WITHHELD, true, VAR_PUBLICATION_WITHHELD_BY, "complaints-manager",
        VAR_PUBLICATION_WITHHELD_AT, new Date(), VAR_PUBLICATION_HOLD_REASON, "Exceptional circumstances found",
        VAR_PUBLICATION_HOLD_COMPLAINT, "CMP-1");
  }

  private void resume(ProcessInstance pi) {
    runtime.createMessageCorrelation(MSG_PUBLICATION_RESUMED).processInstanceId(pi.getId())
        .setVariable(VAR_PUBLICATION_WITHHELD, false).correlate();
  }

  @Test
  void aHoldDecidedBeforeTheLetterIsSentKeepsThePublicationStepFromStartingUntilItIsLifted() {
    ProcessInstance pi = beforeTheLetterIsSent(withheld());
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_SEND_PRE_PUBLICATION_LETTER)
        .singleResult().getId());

    assertThat(pi).isWaitingAtExactly(EVENT_PUBLICATION_RESUMED).hasPassed(GW_PUBLICATION_HELD).hasNotPassed(TASK_PUBLISH_LETTER);
    TimelineEntry hold = timeline.of(pi.getBusinessKey()).stream().filter(e -> e.id().equals("publication_withheld"))
        .findFirst().orElseThrow();
    assertThat(hold.title()).contains("Publication withheld by complaints-manager").contains("complaint CMP-1");
    assertThat(hold.paragraph()).isEqualTo("Annex D");
    assertThat(hold.status()).isEqualTo(TimelineEntry.Status.open);

    resume(pi);
    assertThat(pi).isWaitingAtExactly(TASK_PUBLISH_LETTER);
    assertThat(timeline.of(pi.getBusinessKey())).filteredOn(e -> e.id().equals("publication_withheld"))
        .singleElement().extracting(TimelineEntry::status).isEqualTo(TimelineEntry.Status.done);
    tasks.complete(publishTask(pi), Map.of("publicationUrl", "https://reports.example/northshire"));
    assertThat(pi).hasPassed(END_PUBLISHED)
        .isWaitingAt(JtaiProcess.Submission.EVALUATION_QUESTIONNAIRE.recordTaskId);
  }

  @Test
  void aHoldDecidedWhileTheEditorsArePublishingTakesTheStepAwayAndBringsItBackWhenLifted() {
    ProcessInstance pi = beforeTheLetterIsSent(Map.of());
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_SEND_PRE_PUBLICATION_LETTER)
        .singleResult().getId());
    assertThat(pi).isWaitingAtExactly(TASK_PUBLISH_LETTER);

    runtime.createMessageCorrelation(MSG_PUBLICATION_WITHHELD).processInstanceId(pi.getId()).setVariables(withheld())
        .correlate();
    assertThat(pi).isWaitingAtExactly(EVENT_PUBLICATION_RESUMED).hasPassed(BOUNDARY_PUBLICATION_WITHHELD);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TASK_PUBLISH_LETTER).count())
        .as("nobody can publish while the letter is withheld").isZero();

    resume(pi);
    assertThat(pi).isWaitingAtExactly(TASK_PUBLISH_LETTER);
  }
}
