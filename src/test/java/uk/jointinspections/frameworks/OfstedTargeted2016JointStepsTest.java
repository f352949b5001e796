package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.jointinspections.frameworks.OfstedTargeted2016Fixture.*;
import static uk.jointinspections.frameworks.OfstedTargeted2016Process.*;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * Days 16 and 24 of the table (paragraph 9): "the lead inspector and quality assurance (QA) manager agree a draft
 * findings letter", "the lead inspector and QA manager consider factual accuracy comments". Each is two tasks, the
 * lead inspector's and the QA manager's, both needed before the regional director's sign-off, and never one person
 * completing both.
 */
@EngineTest
@WithEngineAssertions
class OfstedTargeted2016JointStepsTest {

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;

  @AfterEach
  void reset() {
    engine.getIdentityService().clearAuthentication();
  }

  @Test
  void theDraftLetterNeedsTheLeadInspectorAndTheQaManager() {
    FrameworkScenario s = start(engine, starts, "OTA16-JOINT-DRAFT", "2026-09-15", "2026-09-11T10:00", List.of());
    completeUntil(s, TASK_AGREE_DRAFT_LETTER_LEAD);
    s.waitsAtExactly(TASK_AGREE_DRAFT_LETTER_LEAD, TASK_AGREE_DRAFT_LETTER_QA);
    s.assigned(TASK_AGREE_DRAFT_LETTER_LEAD, LEAD, "2026-10-07T12:00");
    s.assigned(TASK_AGREE_DRAFT_LETTER_QA, QA, "2026-10-07T12:00");

    // The lead inspector completes their own half, signed in.
    Task leadHalf = s.task(TASK_AGREE_DRAFT_LETTER_LEAD);
    engine.getIdentityService().setAuthentication(LEAD, List.of("ofsted", "lead-inspector"));
    engine.getTaskService().complete(leadHalf.getId());
    engine.getIdentityService().clearAuthentication();

    // One half done: the letter waits for the other.
    s.waitsAtExactly(TASK_AGREE_DRAFT_LETTER_QA);

    // Handing the QA manager's half to the lead inspector does not let one person agree the letter alone.
    Task qaHalf = s.task(TASK_AGREE_DRAFT_LETTER_QA);
    engine.getTaskService().setAssignee(qaHalf.getId(), LEAD);
    assertThatThrownBy(() -> engine.getTaskService().complete(qaHalf.getId()))
        .hasMessageContaining("two different people");
    s.waitsAtExactly(TASK_AGREE_DRAFT_LETTER_QA);
    engine.getTaskService().setAssignee(qaHalf.getId(), QA);
    engine.getTaskService().complete(qaHalf.getId());
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "draftLetterAgreedByLeadUser")).isEqualTo(LEAD);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "draftLetterAgreedByQaUser")).isEqualTo(QA);
    s.waitsAtExactly(TASK_SIGN_OFF_DRAFT_LETTER);
  }

  @Test
  void theFactualAccuracyCommentsNeedBoth() {
    FrameworkScenario s = start(engine, starts, "OTA16-JOINT-FA", "2026-09-15", "2026-09-11T10:00", List.of());
    completeUntil(s, TASK_CONSIDER_FACTUAL_ACCURACY_LEAD);
    s.waitsAtExactly(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD, TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    s.assigned(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD, LEAD, "2026-10-19T23:59");
    s.assigned(TASK_CONSIDER_FACTUAL_ACCURACY_QA, QA, "2026-10-19T23:59");
    s.complete(TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    s.waitsAtExactly(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD);
    Task leadHalf = s.task(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD);
    engine.getTaskService().setAssignee(leadHalf.getId(), QA);
    assertThatThrownBy(() -> engine.getTaskService().complete(leadHalf.getId()))
        .hasMessageContaining("two different people");
    engine.getTaskService().setAssignee(leadHalf.getId(), LEAD);
    s.complete(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD);
    s.waitsAtExactly(TASK_SIGN_OFF_FINAL_LETTER);
  }

  @Test
  void howTheCommentsWereConsideredIsAskedOnlyWhenThereWereComments() {
    FrameworkScenario s = start(engine, starts, "OTA16-FA-COMMENTS", "2026-09-15", "2026-09-11T10:00", List.of());
    completeUntil(s, TASK_RECORD_FACTUAL_ACCURACY_RESPONSE);
    s.complete(TASK_RECORD_FACTUAL_ACCURACY_RESPONSE, java.util.Map.of("factualAccuracyOutcome", "comments"));
    Task qaHalf = s.task(TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    assertThatThrownBy(() -> engine.getTaskService().complete(qaHalf.getId()))
        .hasMessageContaining("How the comments were considered: required");
    engine.getTaskService().complete(qaHalf.getId(), java.util.Map.of("factualAccuracyConsidered", "Two dates corrected."));
    Task leadHalf = s.task(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD);
    assertThatThrownBy(() -> engine.getTaskService().complete(leadHalf.getId()))
        .hasMessageContaining("How the comments were considered: required");
    engine.getTaskService().complete(leadHalf.getId(), java.util.Map.of("factualAccuracyConsideredByLead", "Agreed."));
    s.waitsAtExactly(TASK_SIGN_OFF_FINAL_LETTER);

    FrameworkScenario none = start(engine, starts, "OTA16-FA-NONE", "2026-09-15", "2026-09-11T10:00", List.of());
    completeUntil(none, TASK_RECORD_FACTUAL_ACCURACY_RESPONSE);
    none.complete(TASK_RECORD_FACTUAL_ACCURACY_RESPONSE, java.util.Map.of("factualAccuracyOutcome", "none"));
    none.complete(TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    none.complete(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD);
    none.waitsAtExactly(TASK_SIGN_OFF_FINAL_LETTER);
  }

  @Test
  void theQaManagerIsNotTheLeadInspector() {
    FrameworkScenario.clock("2026-09-11T10:00");
    assertThatThrownBy(() -> starts.start(new InspectionStartRequest(FRAMEWORK, "OTA16-JOINT-SAME", "Westshire",
        "cse-and-missing", "2026-09-15", null, QA, QA)))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("qaManager"))
        .hasMessageContaining("someone other than the lead inspector");
  }
}
