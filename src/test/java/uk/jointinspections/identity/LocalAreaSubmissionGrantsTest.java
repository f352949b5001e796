package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.frameworks.Slac2009Process;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.LocalAreaSubmissionProcess;

/**
 * What the local area sends runs in a called process, a definition of its own: the inspection's lead inspector still
 * sees and completes its record step and reads the called instance, another inspectorate's inspector does not, and
 * nobody starts it on its own or reads every instance of it.
 */
@EngineTest
class LocalAreaSubmissionGrantsTest {

  private static final String LEAD = "ofsted-lead";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired InspectionStarts starts;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
    ClockUtil.reset();
  }

  private void signIn(String user) {
    identity.setAuthentication(user, groupsOf(user));
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Test
  void theLeadInspectorWorksTheCalledRecordStepAndOthersDoNotSeeIt() {
    String reference = "SLAC-BLOCK-GRANTS-" + System.nanoTime();
    ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2026-04-30 10:00:00"));
    String inspection = starts.start(new InspectionStartRequest("slac-2009", reference, "Northshire", null, null,
        "2026-05-18", LEAD, null, false, null)).processInstanceId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(inspection)
        .taskDefinitionKey(Slac2009Process.TASK_SEND_NOTIFICATION).singleResult().getId());
    ProcessInstance block = runtime.createProcessInstanceQuery().superProcessInstanceId(inspection).singleResult();
    assertThat(block.getProcessDefinitionId()).startsWith(LocalAreaSubmissionProcess.KEY + ":");

    signIn("cqc-inspector");
    assertThat(tasks.createTaskQuery().processInstanceId(block.getId()).list()).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(block.getId()).list()).isEmpty();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(block.getId()).count()).isZero();

    signIn(LEAD);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(block.getId()).list()).hasSize(1);
    Task record = tasks.createTaskQuery().processInstanceId(block.getId()).singleResult();
    assertThat(record.getTaskDefinitionKey()).isEqualTo(LocalAreaSubmissionProcess.TASK_RECORD);
    assertThat(record.getName()).isEqualTo("Record receipt: the council's core set of documents (paragraph 34)");
    tasks.complete(record.getId(), java.util.Map.of("coreDocumentsReceived", true));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(block.getId()).singleResult()
        .getEndTime()).as("recorded: the block ends").isNotNull();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(block.getId()).count())
        .as("its lead inspector reads it, granted at its start").isEqualTo(1);
    identity.clearAuthentication();

    assertThat(runtime.getVariable(inspection, "coreDocumentsReceived")).as("given back to the inspection")
        .isEqualTo(true);
    assertThat(authorizations.isUserAuthorized(LEAD, groupsOf(LEAD), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, LocalAreaSubmissionProcess.KEY)).as("only an inspection starts it").isFalse();
    assertThat(authorizations.isUserAuthorized(LEAD, groupsOf(LEAD), Permissions.READ_HISTORY,
        Resources.PROCESS_DEFINITION, LocalAreaSubmissionProcess.KEY)).as("no lead reads every item").isFalse();
  }
}
