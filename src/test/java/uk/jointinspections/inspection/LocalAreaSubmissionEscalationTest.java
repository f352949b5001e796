package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * Phases as embedded subprocesses and what the local area sends as a called building block must not cut a step's
 * overdue escalation off from the inspection's "Follow up an overdue step": the engine propagates an escalation from
 * an embedded subprocess and from a called process to the caller's event subprocess, and the follow-up names the step
 * the inspection knows (for the building block: its call activity, its working day and its title as the task shows
 * it). The harness is an inspection in miniature with slac-2009's own event subprocess.
 */
@EngineTest
class LocalAreaSubmissionEscalationTest {

  private static final String LEAD = "ofsted-lead";

  @Autowired ProcessEngine engine;
  private String deploymentId;

  @BeforeEach
  void deploy() {
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("building-blocks/escalation-harness.bpmn").deploy().getId();
  }

  @AfterEach
  void undeploy() {
    ClockUtil.reset();
    engine.getRepositoryService().deleteDeployment(deploymentId, true);
  }

  private static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.LONDON).toInstant());
  }

  private ProcessInstance start(String reference) {
    ClockUtil.setCurrentTime(at("2026-04-30T10:00"));
    // Day 1 is Friday 1 May 2026; Monday 4 May is a bank holiday: day 2 is Tuesday 5 May, day 4 Thursday 7 May.
    return engine.getRuntimeService().startProcessInstanceByKey("escalation-harness", reference,
        Map.of("leadInspector", LEAD, "dayZero", "2026-04-30", "framework", "slac-2009"));
  }

  private void moveTo(String localDateTime, String... instances) {
    ClockUtil.setCurrentTime(at(localDateTime));
    for (String id : instances) {
      for (Job job : engine.getManagementService().createJobQuery().processInstanceId(id).timers()
          .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1000)).list()) {
        engine.getManagementService().executeJob(job.getId());
      }
    }
  }

  private ProcessInstance called(ProcessInstance inspection) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(inspection.getId())
        .singleResult();
  }

  private List<Task> followUps(ProcessInstance inspection) {
    return engine.getTaskService().createTaskQuery().processInstanceId(inspection.getId())
        .taskDefinitionKey(JtaiProcess.TASK_FOLLOW_UP_OVERDUE).list();
  }

  @Test
  void aStepInsideAnEmbeddedPhaseEscalatesToTheInspection() {
    ProcessInstance inspection = start("BLOCK-EMBEDDED");
    moveTo("2026-05-05T23:58", inspection.getId());
    assertThat(followUps(inspection)).isEmpty();

    moveTo("2026-05-05T23:59", inspection.getId());
    Task followUp = followUps(inspection).stream().findFirst().orElseThrow();
    assertThat(engine.getTaskService().getVariables(followUp.getId()))
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP, "task_inner_step")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_TITLE, "Agree the set-up meeting")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DAY, "2")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DUE, "Tuesday 5 May 2026 at 23:59");
  }

  @Test
  void whatTheLocalAreaSendsIsRecordedChasedAndEscalatedToTheCallingInspection() {
    ProcessInstance inspection = start("BLOCK-CALLED");
    ProcessInstance block = called(inspection);
    assertThat(block.getProcessDefinitionId()).startsWith(LocalAreaSubmissionProcess.KEY + ":");
    assertThat(block.getBusinessKey()).isEqualTo("BLOCK-CALLED");
    Task record = engine.getTaskService().createTaskQuery().processInstanceId(block.getId())
        .taskDefinitionKey(LocalAreaSubmissionProcess.TASK_RECORD).singleResult();
    assertThat(record.getName()).isEqualTo("Record receipt: the list of current cases");
    assertThat(record.getAssignee()).isEqualTo(LEAD);
    assertThat(record.getDueDate()).as("day 4 of the call activity, from the inspection's day 0")
        .isEqualTo(at("2026-05-07T23:59"));
    assertThat(engine.getTaskService().createTaskQuery().taskId(record.getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef()
        .getKey()).isEqualTo("form_slac2009_record_case_list");

    // The inner step's own escalation (day 2) comes first; the building block escalates at the end of day 4.
    moveTo("2026-05-06T09:00", inspection.getId(), block.getId());
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(inspection.getId())
        .taskDefinitionKey("task_inner_step").singleResult().getId());
    followUps(inspection).forEach(t -> engine.getTaskService().complete(t.getId()));
    moveTo("2026-05-07T23:58", inspection.getId(), block.getId());
    assertThat(followUps(inspection)).isEmpty();

    moveTo("2026-05-07T23:59", inspection.getId(), block.getId());
    Task followUp = followUps(inspection).stream().findFirst().orElseThrow();
    assertThat(engine.getTaskService().getVariables(followUp.getId()))
        .as("the overdue step is the inspection's call activity, with its day and the task's own title")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP, "call_record_case_list")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_TITLE, "Record receipt: the list of current cases")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DAY, "4")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_COUNTED_FROM, "in table 1, day 1 being the notification day")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DUE, "Thursday 7 May 2026 at 23:59");
    Task chase = engine.getTaskService().createTaskQuery().processInstanceId(block.getId())
        .taskDefinitionKey(LocalAreaSubmissionProcess.TASK_CHASE).singleResult();
    assertThat(chase.getName()).isEqualTo("Chase: the list of current cases");
    assertThat(chase.getAssignee()).isEqualTo(LEAD);
    assertThat(engine.getTaskService().createTaskQuery().taskId(record.getId()).count()).as("still awaited").isOne();

    moveTo("2026-05-08T23:59", inspection.getId(), block.getId());
    assertThat(followUps(inspection)).as("escalated once").hasSize(1);

    engine.getTaskService().complete(record.getId(), Map.of("caseListReceived", true));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(block.getId()).count())
        .as("received: the open chase is withdrawn and the call returns").isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(inspection.getId()).count())
        .as("the phase is over, only the follow-up keeps the inspection open").isOne();
  }
}
