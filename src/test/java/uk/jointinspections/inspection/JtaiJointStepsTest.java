package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * Table days 16 and 34: "the lead inspector and the Ofsted QA manager agree a draft findings letter" and "consider
 * factual accuracy comments": two tasks, both must be completed, by two different people (J1, J2).
 */
@EngineTest
@WithEngineAssertions
class JtaiJointStepsTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private int sequence;

  @AfterEach
  void reset() {
    identity.clearAuthentication();
  }

  private ProcessInstance startAfter(String task) {
    return JtaiScenario.startBefore(engine, "JTAI-JOINT-" + System.nanoTime() + "-" + ++sequence, task, Map.of());
  }

  private Task task(ProcessInstance pi, String key) {
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).count()).as(key).isEqualTo(1);
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private java.util.List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId()).filter(g -> g != null).toList();
  }

  private void completeAs(String user, ProcessInstance pi, String key) {
    String id = task(pi, key).getId();
    // The task is handed to them (a reassignment in the Tasklist), then they complete it signed in.
    tasks.setAssignee(id, user);
    identity.setAuthenticatedUserId(user);
    try {
      tasks.complete(id, Map.of());
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void theDraftLetterIsAgreedByTheLeadInspectorAndTheQaManagerBothBeforeThePartnersSignOff() {
    ProcessInstance pi = startAfter(TASK_CONSOLIDATE_LETTER);
    tasks.complete(task(pi, TASK_CONSOLIDATE_LETTER).getId());
    assertThat(pi).isWaitingAtExactly(TASK_AGREE_DRAFT_LETTER_LEAD, TASK_AGREE_DRAFT_LETTER);
    assertThat(task(pi, TASK_AGREE_DRAFT_LETTER_LEAD)).isAssignedTo("ofsted-lead");
    assertThat(task(pi, TASK_AGREE_DRAFT_LETTER)).isAssignedTo("qa-manager");
    assertThat(candidateGroups(task(pi, TASK_AGREE_DRAFT_LETTER))).containsExactly("qa-manager");

    completeAs("qa-manager", pi, TASK_AGREE_DRAFT_LETTER);
    assertThat(pi).isWaitingAt(TASK_AGREE_DRAFT_LETTER_LEAD);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(forInspectorate(
        TASK_SIGN_OFF_DRAFT_LETTER, "cqc")).count()).as("no sign-off before both have agreed").isZero();
    completeAs("ofsted-lead", pi, TASK_AGREE_DRAFT_LETTER_LEAD);

    assertThat(pi).isWaitingAt(forInspectorate(TASK_SIGN_OFF_DRAFT_LETTER, "cqc"));
    assertThat(runtime.getVariable(pi.getId(), "draftLetterAgreedByQaUser")).isEqualTo("qa-manager");
    assertThat(runtime.getVariable(pi.getId(), "draftLetterAgreedByLeadUser")).isEqualTo("ofsted-lead");
  }

  @Test
  void onePersonCannotCompleteBothHalvesOfTheDraftLetterAgreement() {
    ProcessInstance pi = startAfter(TASK_CONSOLIDATE_LETTER);
    tasks.complete(task(pi, TASK_CONSOLIDATE_LETTER).getId());

    assertThat(pi).isWaitingAt(TASK_AGREE_DRAFT_LETTER_LEAD, TASK_AGREE_DRAFT_LETTER);
    // The lead inspector claims the QA manager's half.
    assertThatThrownBy(() -> completeAs("ofsted-lead", pi, TASK_AGREE_DRAFT_LETTER))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("two different people");
    // A QA colleague covers for the named QA manager; then the same colleague tries the lead inspector's half.
    completeAs("qa-manager-2", pi, TASK_AGREE_DRAFT_LETTER);
    assertThatThrownBy(() -> completeAs("qa-manager-2", pi, TASK_AGREE_DRAFT_LETTER_LEAD))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("draftLetterAgreedByQaUser");
    // Nor the named QA manager.
    assertThatThrownBy(() -> completeAs("qa-manager", pi, TASK_AGREE_DRAFT_LETTER_LEAD))
        .hasMessageContaining("qaManager");
    assertThat(pi).isWaitingAt(TASK_AGREE_DRAFT_LETTER_LEAD);
    completeAs("ofsted-lead", pi, TASK_AGREE_DRAFT_LETTER_LEAD);
    assertThat(pi).isWaitingAt(forInspectorate(TASK_SIGN_OFF_DRAFT_LETTER, "hmicfrs"));
  }

  @Test
  void factualAccuracyIsConsideredByTheLeadInspectorAndTheQaManagerAsTwoPeople() {
    ProcessInstance pi = JtaiScenario.startBefore(engine, "JTAI-JOINT-" + System.nanoTime() + "-" + ++sequence,
        Submission.FACTUAL_ACCURACY_RESPONSE.subProcessId, Map.of("draftLetterSentOn", new java.util.Date()));
    tasks.complete(task(pi, Submission.FACTUAL_ACCURACY_RESPONSE.recordTaskId).getId(), Map.of(
        Submission.FACTUAL_ACCURACY_RESPONSE.receivedOnVariable(), "2027-04-15", Submission.FACTUAL_ACCURACY_RESPONSE.channelVariable(), "email"));
    assertThat(pi).isWaitingAtExactly(TASK_CONSIDER_FACTUAL_ACCURACY, TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    assertThat(task(pi, TASK_CONSIDER_FACTUAL_ACCURACY_QA)).isAssignedTo("qa-manager");
    assertThat(candidateGroups(task(pi, TASK_CONSIDER_FACTUAL_ACCURACY_QA))).containsExactly("qa-manager");

    completeAs("ofsted-lead", pi, TASK_CONSIDER_FACTUAL_ACCURACY);
    assertThat(pi).isWaitingAt(TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(
        TASK_PROPOSE_STATEMENT_DECISION).count()).as("what follows waits for both").isZero();
    assertThatThrownBy(() -> completeAs("ofsted-lead", pi, TASK_CONSIDER_FACTUAL_ACCURACY_QA))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("two different people");
    // Handed back to the QA manager; without a signed-in user the task's assignee is who completes it.
    tasks.setAssignee(task(pi, TASK_CONSIDER_FACTUAL_ACCURACY_QA).getId(), "qa-manager");
    tasks.complete(task(pi, TASK_CONSIDER_FACTUAL_ACCURACY_QA).getId());
    assertThat(runtime.getVariable(pi.getId(), "factualAccuracyConsideredByQaUser")).isEqualTo("qa-manager");
    assertThat(pi).isWaitingAt(TASK_PROPOSE_STATEMENT_DECISION);
  }
}
