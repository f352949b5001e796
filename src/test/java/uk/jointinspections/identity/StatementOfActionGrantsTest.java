package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.StatementOfActionProcess;

/**
 * Whoever works an inspection's steps works the steps of the statement-of-action process it calls: the lead inspector
 * sees and completes them and reads the called instance; another inspectorate's inspector does not; nobody starts the
 * called process on its own.
 */
@EngineTest
class StatementOfActionGrantsTest {

  private static final String LEAD = "ofsted-lead";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  private void signIn(String user) {
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList());
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  @Test
  void theLeadInspectorWorksTheCalledStepAndOthersDoNotSeeIt() {
    ProcessInstance statement = runtime.createProcessInstanceByKey(StatementOfActionProcess.KEY)
        .businessKey("SOA-GRANTS-" + System.nanoTime())
        .setVariables(Map.of("leadInspector", LEAD, "framework", "ofsted-targeted-2016",
            "letterPublishedOn", "2026-04-16", "statementOfActionRecordForm", "form_ota2016_record_statement_of_action",
            "statementOfActionReview", false))
        .startBeforeActivity(StatementOfActionProcess.TASK_RECORD_STATEMENT_OF_ACTION).execute();

    signIn("cqc-inspector");
    assertThat(tasks.createTaskQuery().processInstanceId(statement.getId()).list()).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(statement.getId()).list()).isEmpty();

    signIn(LEAD);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(statement.getId()).list()).hasSize(1);
    Task record = tasks.createTaskQuery().processInstanceId(statement.getId()).singleResult();
    assertThat(record.getTaskDefinitionKey()).isEqualTo(StatementOfActionProcess.TASK_RECORD_STATEMENT_OF_ACTION);
    tasks.complete(record.getId(), Map.of("statementReceived", true));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(statement.getId()).singleResult()
        .getEndTime()).isNotNull();
    identity.clearAuthentication();

    assertThat(authorizations.isUserAuthorized(LEAD, groupsOf(LEAD), Permissions.CREATE_INSTANCE,
        Resources.PROCESS_DEFINITION, StatementOfActionProcess.KEY)).as("only an inspection starts it").isFalse();
    assertThat(authorizations.isUserAuthorized(LEAD, groupsOf(LEAD), Permissions.READ_HISTORY,
        Resources.PROCESS_DEFINITION, StatementOfActionProcess.KEY))
        .as("no lead inspector reads every statement of action").isFalse();
    signIn(LEAD);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(statement.getId()).count())
        .as("its own lead inspector reads it, granted at its start").isEqualTo(1);
    signIn("cqc-inspector");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(statement.getId()).count()).isZero();
  }
}
