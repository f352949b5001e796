package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.JtaiProcess.Submission;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * What the local area sends late or not at all: the August 2016 edition's day-8 case file lists (Annex A, K3), and
 * "proceed without it" on the chase of a late submission (J20: the DCS "has 10 working days to respond", an
 * opportunity; ¶23; ¶50), recorded on the timeline.
 */
@EngineTest
@WithEngineAssertions
class JtaiLateSubmissionsTest {

  /** startBefore's inspection: notified Tuesday 2 March 2027. */
  private static final LocalDate NOTIFIED = LocalDate.of(2027, 3, 2);

  @Autowired ProcessEngine engine;
  @Autowired WorkingDays workingDays;
  @Autowired Submissions submissions;
  @Autowired Timeline timeline;

  private JtaiScenario scenario(ProcessInstance pi) {
    JtaiScenario s = new JtaiScenario(engine, workingDays, NOTIFIED);
    s.instance = pi;
    return s;
  }

  @Test
  void the2016EditionAwaitsTheCaseFileListsOnDayEightAndThe2017EditionHasNoSuchMilestone() {
    ClockUtil.setCurrentTime(JtaiSeedDayTable.midnight(NOTIFIED.plusDays(1)));
    ProcessInstance edition2016 = JtaiScenario.startBefore(engine, "JTAI-K3-2016", "gw_split_evaluation_requested",
        Map.of(VAR_FRAMEWORK, "jtai-2016"));
    JtaiScenario s = scenario(edition2016);
    s.leadStep(Submission.CASE_FILE_LISTS.recordTaskId, 8, null);
    assertThat(timeline.of("JTAI-K3-2016")).filteredOn(e -> e.id().equals(Submission.CASE_FILE_LISTS.subProcessId))
        .singleElement().satisfies(e -> {
          assertThat(e.day()).isEqualTo(8);
          assertThat(e.paragraph()).isEqualTo("Annex A");
          assertThat(e.performer()).isEqualTo("local area");
        });
    assertThatThrownBy(() -> submissions.submit("JTAI-K3-2016", Submission.CASE_FILE_LISTS.kind,
        "{\"children\": [\"NS-1001\", \"Amy Brown\"]}")).hasMessageContaining("'Amy Brown' is not an identification number");
    submissions.submit("JTAI-K3-2016", Submission.CASE_FILE_LISTS.kind, "{\"children\": [\"NS-1001\", \"NS-1002\"]}");
    assertThat(edition2016).hasPassed(Submission.CASE_FILE_LISTS.subProcessId, "gw_case_file_lists_done");

    ProcessInstance edition2017 = JtaiScenario.startBefore(engine, "JTAI-K3-2017", "gw_split_evaluation_requested",
        Map.of());
    assertThat(scenario(edition2017).tasks(Submission.CASE_FILE_LISTS.recordTaskId)).isEmpty();
    assertThat(edition2017).hasPassed("gw_case_file_lists_done").hasNotPassed(Submission.CASE_FILE_LISTS.subProcessId);
    assertThat(timeline.of("JTAI-K3-2017")).noneMatch(e -> e.id().equals(Submission.CASE_FILE_LISTS.subProcessId));
    assertThatThrownBy(() -> submissions.submit("JTAI-K3-2017", Submission.CASE_FILE_LISTS.kind,
        "{\"children\": [\"NS-1001\"]}")).isInstanceOf(InspectionProblem.class)
        .hasMessageContaining("August 2016 edition only");
    engine.getRuntimeService().deleteProcessInstance(edition2016.getId(), "test finished");
    engine.getRuntimeService().deleteProcessInstance(edition2017.getId(), "test finished");
  }

  @Test
  void onTheChaseOfALateFactualAccuracyResponseTheLeadInspectorGoesOnWithoutIt() {
    ClockUtil.setCurrentTime(JtaiSeedDayTable.midnight(workingDays.add(NOTIFIED, 25)));
    ProcessInstance pi = JtaiScenario.startBefore(engine, "JTAI-J20-FA", Submission.FACTUAL_ACCURACY_RESPONSE.subProcessId,
        Map.of("draftLetterSentOn", JtaiSeedDayTable.midnight(workingDays.add(NOTIFIED, 24))));
    JtaiScenario s = scenario(pi);
    s.leadStep(Submission.FACTUAL_ACCURACY_RESPONSE.recordTaskId, 33, null);
    s.clock(34, "08:00");
    String chase = Submission.FACTUAL_ACCURACY_RESPONSE.chaseTaskId;
    assertThat(s.task(chase)).isAssignedTo("ofsted-lead");

    String outcome = SubmissionNotReceived.outcomeVariable(Submission.FACTUAL_ACCURACY_RESPONSE);
    s.complete(chase, Map.of(outcome, "proceed-without", "factualAccuracyResponseChasedOn", "2027-04-19",
        "factualAccuracyResponseChasedContactRole", "DCS"));
    assertThat(pi).hasPassed("end_factual_accuracy_response_proceeded_without")
        .isWaitingAt(TASK_CONSIDER_FACTUAL_ACCURACY, TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    assertThat(s.tasks(Submission.FACTUAL_ACCURACY_RESPONSE.recordTaskId)).isEmpty();
    Map<String, Object> v = engine.getRuntimeService().getVariables(pi.getId());
    assertThat(v.get(Submission.FACTUAL_ACCURACY_RESPONSE.channelVariable())).isEqualTo("none");
    assertThat(v.get(Submission.FACTUAL_ACCURACY_RESPONSE.receivedOnVariable())).isNull();
    assertThat(v.get(SubmissionNotReceived.decidedByVariable(Submission.FACTUAL_ACCURACY_RESPONSE))).isEqualTo("ofsted-lead");

    assertThatThrownBy(() -> submissions.submit("JTAI-J20-FA", Submission.FACTUAL_ACCURACY_RESPONSE.kind,
        "{\"comments\": \"late\"}")).isInstanceOf(InspectionProblem.class).hasMessageContaining("went on without")
        .hasMessageContaining("changed nothing");
    assertThat(timeline.of("JTAI-J20-FA")).filteredOn(e -> e.id().equals(Submission.FACTUAL_ACCURACY_RESPONSE.subProcessId))
        .singleElement().satisfies(e -> assertThat(e.title()).contains("not received: ofsted-lead went on without it on"));
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test finished");
  }

  @Test
  void aChaseThatKeepsWaitingLeavesTheRecordStepOpen() throws Exception {
    ClockUtil.setCurrentTime(JtaiSeedDayTable.midnight(workingDays.add(NOTIFIED, 6)));
    ProcessInstance pi = JtaiScenario.startBefore(engine, "JTAI-J20-CONSENT", Submission.CONSENT_CONFIRMATION.subProcessId,
        Map.of());
    JtaiScenario s = scenario(pi);
    s.clock(9, "08:00");
    s.complete(Submission.CONSENT_CONFIRMATION.chaseTaskId, Map.of(
        SubmissionNotReceived.outcomeVariable(Submission.CONSENT_CONFIRMATION), "keep-waiting"));
    assertThat(pi).isWaitingAt(Submission.CONSENT_CONFIRMATION.recordTaskId);
    assertThat(s.tasks(Submission.CONSENT_CONFIRMATION.chaseTaskId)).isEmpty();
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Submission.CONSENT_CONFIRMATION.channelVariable())).isNull();
    // ¶50: where consent is not given, the local agency tells the lead inspector why; the record form asks for it.
    assertThat(Files.readString(Path.of("forms/form_record_consent_confirmation.form"))).contains("\"consentNotGivenReasons\"");
    engine.getRuntimeService().deleteProcessInstance(pi.getId(), "test finished");
  }
}
