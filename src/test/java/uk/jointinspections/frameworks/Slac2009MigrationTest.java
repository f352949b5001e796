package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.frameworks.Slac2009Process.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.Submissions;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;

/**
 * Versions stay side by side: an inspection started on slac-2009 as it was before its phases became subprocesses and
 * its items call activities runs to its end after the new version is deployed, with its own steps, its timeline of
 * those steps, its chase and escalation, and the API finding its own record steps; an inspection started afterwards
 * runs on the new version.
 */
@EngineTest
class Slac2009MigrationTest {

  private static final String LEAD = "ofsted-lead";

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;
  @Autowired Submissions submissions;

  private final List<Deployment> deployed = new ArrayList<>();

  @AfterEach
  void removeVersions() {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    deployed.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  private void deploy(String name, String xml) {
    deployed.add(engine.getRepositoryService().createDeployment().name(name).addString("slac-2009.bpmn", xml).deploy());
  }

  private static String oldVersion() throws IOException {
    try (InputStream in = Slac2009MigrationTest.class.getResourceAsStream("/migration/slac-2009-before-building-blocks.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private FrameworkScenario start(String reference) {
    return new FrameworkScenario(engine, starts.start(new InspectionStartRequest("slac-2009", reference, "Northshire",
        null, null, "2026-05-18", LEAD, null, false, null)).processInstanceId());
  }

  private String definitionOf(FrameworkScenario s) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(s.processInstanceId)
        .singleResult().getProcessDefinitionId();
  }

  private void submitAsLead(String reference, String kind) {
    engine.getIdentityService().setAuthentication(LEAD, List.of("lead-inspector", "ofsted"));
    try {
      submissions.submit(reference, kind, "{\"folder\":\"" + kind + "\"}");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void anInspectionStartedOnTheVersionBeforeTheBuildingBlocksRunsToItsEnd() throws IOException {
    FrameworkScenario.clock("2026-04-30T10:00");
    deploy("slac-2009 before the building blocks", oldVersion());
    FrameworkScenario old = start("SLAC-OLD-VERSION");
    deploy("slac-2009 with the building blocks", Files.readString(Path.of("processes/slac-2009.bpmn")));
    FrameworkScenario current = start("SLAC-NEW-VERSION");
    assertThat(definitionOf(old)).isNotEqualTo(definitionOf(current));
    assertThat((Object) engine.getRepositoryService().getBpmnModelInstance(definitionOf(old))
        .getModelElementById(CALL_RECORD_CASE_LIST)).as("the old version has no call activities").isNull();

    List<TimelineEntry> oldTimeline = timeline.of("SLAC-OLD-VERSION");
    assertThat(oldTimeline).extracting(TimelineEntry::id).contains(TASK_RECORD_CASE_LIST, TASK_RECEIVE_COUNCIL_AUDIT)
        .doesNotContain(CALL_RECORD_CASE_LIST);
    assertThat(timeline.of("SLAC-NEW-VERSION")).extracting(TimelineEntry::id)
        .contains(CALL_RECORD_CASE_LIST, CALL_RECEIVE_COUNCIL_AUDIT).doesNotContain(TASK_RECORD_CASE_LIST);
    TimelineEntry oldCaseList = oldTimeline.stream().filter(e -> e.id().equals(TASK_RECORD_CASE_LIST)).findFirst()
        .orElseThrow();
    TimelineEntry newCaseList = timeline.of("SLAC-NEW-VERSION").stream()
        .filter(e -> e.id().equals(CALL_RECORD_CASE_LIST)).findFirst().orElseThrow();
    assertThat(newCaseList.title()).isEqualTo(oldCaseList.title());
    assertThat(newCaseList.getDue()).isEqualTo(oldCaseList.getDue());
    assertThat(newCaseList.day()).isEqualTo(oldCaseList.day());

    old.complete(TASK_SEND_NOTIFICATION);
    old.waitsAtExactly(TASK_AGREE_SETUP_MEETING, TASK_RECORD_CORE_DOCUMENTS);
    submitAsLead("SLAC-OLD-VERSION", "core-documents"); // the API finds the old version's own step
    old.complete(TASK_AGREE_SETUP_MEETING);
    old.complete(TASK_RECORD_LAC_LETTER);
    submitAsLead("SLAC-OLD-VERSION", "case-list");
    old.complete(TASK_SETUP_MEETING, Slac2009ProcessTest.initialCases());
    old.waitsAtExactly(TASK_RECEIVE_COUNCIL_AUDIT, TASK_SELECT_ADDITIONAL_CASES);
    old.complete(TASK_SELECT_ADDITIONAL_CASES, Slac2009ProcessTest.additionalCases());
    old.moveTo("2026-05-19T09:00"); // the audit is late: the old version's own chase and escalation
    old.complete("task_chase_receive_council_audit");
    assertThat(engine.getTaskService().getVariable(old.task(JtaiProcess.TASK_FOLLOW_UP_OVERDUE).getId(),
        JtaiProcess.VAR_OVERDUE_STEP)).isEqualTo(TASK_RECEIVE_COUNCIL_AUDIT);
    old.complete(JtaiProcess.TASK_FOLLOW_UP_OVERDUE, Map.of("overdueFollowUpAction", "Rang the council."));
    submitAsLead("SLAC-OLD-VERSION", "council-audit");
    old.complete(TASK_FIELDWORK);
    old.complete(TASK_CQC_FIELDWORK);
    old.complete(TASK_RECORD_JUDGEMENTS, Slac2009ProcessTest.judgements("good"));
    Map<String, Object> confirmed = new java.util.HashMap<>();
    for (String judgement : LIMITED_JUDGEMENTS) {
      confirmed.put(judgement + SUFFIX_FINAL, engine.getRuntimeService().getVariable(old.processInstanceId,
          judgement + SUFFIX_SUGGESTED));
    }
    old.complete(TASK_CONFIRM_JUDGEMENTS, confirmed);
    old.complete(TASK_FEEDBACK);
    old.complete(TASK_QUALITY_ASSURE_REPORT);
    old.complete(TASK_SEND_DRAFT_REPORT);
    submitAsLead("SLAC-OLD-VERSION", "factual-accuracy-response");
    old.complete(TASK_SEND_FINAL_REPORT);
    old.complete(TASK_REQUEST_EVALUATION_FORM);
    old.complete(TASK_PUBLISH_REPORT, Map.of("publicationUrl", "https://reports.example/SLAC-OLD-VERSION"));

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(old.processInstanceId)
        .singleResult().getEndActivityId()).isEqualTo(END_INSPECTION);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(old.processInstanceId)
        .count()).as("the old version called no building block").isZero();
    assertThat(timeline.of("SLAC-OLD-VERSION")).extracting(TimelineEntry::id)
        .contains(TASK_RECORD_CASE_LIST, TASK_RECORD_FACTUAL_ACCURACY);
    assertThat(timeline.of("SLAC-OLD-VERSION")).allMatch(e -> e.status() == TimelineEntry.Status.done);
    current.waitsAtExactly(TASK_SEND_NOTIFICATION);
  }
}
