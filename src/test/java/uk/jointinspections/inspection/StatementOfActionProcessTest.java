package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.testkit.EngineClock.at;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The shared statement-of-action process on its own, started at its first step as a calling inspection would reach
 * it: each framework's day 0 (from.&lt;framework&gt;), its form, the review branch and the overdue timer.
 */
@EngineTest
@WithEngineAssertions
class StatementOfActionProcessTest {

  private static final String LEAD = "ofsted-lead";

  @Autowired ProcessEngine engine;

  private ProcessInstance startAtRecord(String reference, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put(StatementOfActionProcess.VAR_LEAD_INSPECTOR, LEAD);
    return engine.getRuntimeService().createProcessInstanceByKey(StatementOfActionProcess.KEY).businessKey(reference)
        .setVariables(all).startBeforeActivity(StatementOfActionProcess.TASK_RECORD_STATEMENT_OF_ACTION).execute();
  }

  private Task open(ProcessInstance instance, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step)
        .singleResult();
  }

  @Test
  void jtai2024CountsFromTheFinalLetterAndIsReviewedHere() {
    EngineClock.set("2026-11-23T11:00");
    ProcessInstance statement = startAtRecord("SOA-2024", Map.of(
        StatementOfActionProcess.VAR_FRAMEWORK, "jtai-2024",
        "finalLetterSentOn", at("2026-11-23T11:00"),
        StatementOfActionProcess.VAR_RECORD_FORM, "form_jtai2024_record_statement_of_action",
        StatementOfActionProcess.VAR_REVIEW_FORM, "form_jtai2024_review_statement_of_action",
        StatementOfActionProcess.VAR_REVIEW, true));

    Task record = open(statement, StatementOfActionProcess.TASK_RECORD_STATEMENT_OF_ACTION);
    assertThat(record.getAssignee()).isEqualTo(LEAD);
    // 70 working days after Monday 23 November 2026, over Christmas and New Year.
    assertThat(record.getDueDate()).isEqualTo(at("2027-03-04T23:59"));
    assertThat(engine.getFormService().getTaskFormData(record.getId()).getCamundaFormRef().getKey())
        .isEqualTo("form_jtai2024_record_statement_of_action");
    Job overdue = engine.getManagementService().createJobQuery().processInstanceId(statement.getId()).timers()
        .singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(at("2027-03-04T23:59"));

    engine.getTaskService().complete(record.getId(), Map.of("statementReceived", true));
    assertThat(statement).isWaitingAt(StatementOfActionProcess.TASK_REVIEW_STATEMENT_OF_ACTION);
    Task review = open(statement, StatementOfActionProcess.TASK_REVIEW_STATEMENT_OF_ACTION);
    assertThat(review.getAssignee()).isEqualTo(LEAD);
    assertThat(review.getDueDate()).isNull();
    engine.getTaskService().complete(review.getId(), Map.of("statementResponse", "Understood."));
    assertThat(statement).isEnded().hasPassed(StatementOfActionProcess.END_STATEMENT_OF_ACTION);
  }

  @Test
  void ofstedTargeted2016CountsFromPublicationAndEndsAtTheRecord() {
    ProcessInstance statement = startAtRecord("SOA-2016", Map.of(
        StatementOfActionProcess.VAR_FRAMEWORK, "ofsted-targeted-2016",
        "letterPublishedOn", at("2026-04-16T09:00"),
        StatementOfActionProcess.VAR_RECORD_FORM, "form_ota2016_record_statement_of_action",
        StatementOfActionProcess.VAR_REVIEW, false));

    Task record = open(statement, StatementOfActionProcess.TASK_RECORD_STATEMENT_OF_ACTION);
    // Within 70 working days of publication on Thursday 16 April 2026, over the May bank holidays.
    assertThat(record.getDueDate()).isEqualTo(at("2026-07-27T23:59"));
    engine.getTaskService().complete(record.getId());
    assertThat(statement).isEnded().hasNotPassed(StatementOfActionProcess.TASK_REVIEW_STATEMENT_OF_ACTION);
  }

  @Test
  void overdueOnItsOwnKeepsTheStepOpen() {
    EngineClock.set("2026-07-28T09:00");
    ProcessInstance statement = startAtRecord("SOA-LATE", Map.of(
        StatementOfActionProcess.VAR_FRAMEWORK, "ofsted-targeted-2016",
        "letterPublishedOn", at("2026-04-16T09:00"),
        StatementOfActionProcess.VAR_RECORD_FORM, "form_ota2016_record_statement_of_action",
        StatementOfActionProcess.VAR_REVIEW, false));
    Job overdue = engine.getManagementService().createJobQuery().processInstanceId(statement.getId()).timers()
        .singleResult();
    engine.getManagementService().executeJob(overdue.getId());
    // Not called by an inspection, nobody catches the escalation; the statement is still awaited.
    assertThat(statement).isWaitingAt(StatementOfActionProcess.TASK_RECORD_STATEMENT_OF_ACTION)
        .hasPassed("end_overdue_record_statement_of_action");
  }
}
