package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.MailTarget;
import uk.jointinspections.testkit.WithEngineAssertions;
import uk.jointinspections.notification.NotificationJobs;

/** Single steps started where they are, with the variables the earlier steps would have left. */
@EngineTest
@WithEngineAssertions
class JtaiStepTest {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired ManagementService management;
  @Autowired JavaMailSender mailSender;
  private MailTarget mail;
  @Autowired Timeline timeline;

  private int sequence;

  @BeforeEach
  void init() {
    mail = MailTarget.pointAt(mailSender, smtp.getSmtp().getPort());
  }

  @AfterEach
  void pointMailBack() {
    mail.close();
  }

  private ProcessInstance startBefore(String activity, Map<String, Object> extra) {
    return JtaiScenario.startBefore(engine, "JTAI-STEP-" + System.nanoTime() + "-" + ++sequence, activity, extra);
  }

  private Task task(ProcessInstance pi, String key) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  @Test
  void exactlyTwentyDifferentChildrenByIdentificationNumber() {
    ProcessInstance pi = startBefore(TASK_SELECT_20_CHILDREN, Map.of());
    String id = task(pi, TASK_SELECT_20_CHILDREN).getId();

    assertThatThrownBy(() -> tasks.complete(id, Map.of(VAR_SELECTED_CHILD_IDS, JtaiScenario.childIds(1, 19))))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Select exactly 20 children: you gave 19");
    assertThatThrownBy(() -> tasks.complete(id, Map.of(VAR_SELECTED_CHILD_IDS, JtaiScenario.childIds(1, 19) + ", Amy Brown")))
        .hasMessageContaining("'Amy Brown' is not an identification number");
    assertThatThrownBy(() -> tasks.complete(id, Map.of(VAR_SELECTED_CHILD_IDS, JtaiScenario.childIds(1, 19) + ", NS-1001")))
        .hasMessageContaining("repeated: NS-1001");
    assertThat(pi).isWaitingAt(TASK_SELECT_20_CHILDREN);

    tasks.complete(id, Map.of(VAR_SELECTED_CHILD_IDS, JtaiScenario.childIds(1, 20)));

    assertThat(pi).hasPassed(TASK_SELECT_20_CHILDREN).isWaitingAt(Submission.INFORMATION_ON_20_CHILDREN.recordTaskId);
  }

  @Test
  void fiveToSevenChildrenFromTheTwenty() {
    ProcessInstance pi = startBefore(TASK_SELECT_CHILDREN_TO_EVALUATE, Map.of(VAR_SELECTED_CHILD_IDS, JtaiScenario.childIds(1, 20)));
    String id = task(pi, TASK_SELECT_CHILDREN_TO_EVALUATE).getId();

    assertThatThrownBy(() -> tasks.complete(id, Map.of(VAR_EVALUATION_CHILD_IDS, JtaiScenario.childIds(1, 4))))
        .hasMessageContaining("between five and seven children").hasMessageContaining("you gave 4");
    assertThatThrownBy(() -> tasks.complete(id, Map.of(VAR_EVALUATION_CHILD_IDS, JtaiScenario.childIds(1, 8))))
        .hasMessageContaining("you gave 8");
    assertThatThrownBy(() -> tasks.complete(id, Map.of(VAR_EVALUATION_CHILD_IDS, JtaiScenario.childIds(17, 5))))
        .hasMessageContaining("not among them: NS-1021");

    tasks.complete(id, Map.of(VAR_EVALUATION_CHILD_IDS, JtaiScenario.childIds(2, 7)));
    assertThat(pi).hasPassed(TASK_SELECT_CHILDREN_TO_EVALUATE);
  }

  @Test
  void hmciDecisionIsAYesOrNoAndAYesNamesTheLeadAgency() {
    ProcessInstance pi = startBefore(TASK_SIGN_OFF_FINAL_NATIONAL_DIRECTOR, Map.of());
    String id = task(pi, TASK_SIGN_OFF_FINAL_NATIONAL_DIRECTOR).getId();

    assertThatThrownBy(() -> tasks.complete(id, Map.of())).hasMessageContaining(VAR_STATEMENT_OF_ACTION_REQUIRED);
    assertThatThrownBy(() -> tasks.complete(id, Map.of(VAR_STATEMENT_OF_ACTION_REQUIRED, true)))
        .hasMessageContaining("name the agency that leads");

    tasks.complete(id, Map.of(VAR_STATEMENT_OF_ACTION_REQUIRED, true, VAR_STATEMENT_LEAD_AGENCY, "police"));
    assertThat(pi).isWaitingAt(TASK_REVIEW_FINAL_EDITORS);
  }

  /** ¶97: the decision "will be included in the letter of findings", so it exists before the inspectorates agree it (J7). */
  @Test
  void hmcisDecisionIsProposedBeforeTheInspectoratesAgreeTheLetterThatIncludesIt() {
    ProcessInstance pi = startBefore(TASK_PROPOSE_STATEMENT_DECISION, Map.of());
    String id = task(pi, TASK_PROPOSE_STATEMENT_DECISION).getId();
    assertThatThrownBy(() -> tasks.complete(id, Map.of())).hasMessageContaining(VAR_STATEMENT_OF_ACTION_REQUIRED);
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(forInspectorate(TASK_AGREE_LETTER,
        "cqc")).count()).isZero();

    tasks.complete(id, Map.of(VAR_STATEMENT_OF_ACTION_REQUIRED, true, VAR_STATEMENT_LEAD_AGENCY, "local-authority",
        "statementCooperatingAgencies", "health, police"));
    Task cqc = task(pi, forInspectorate(TASK_AGREE_LETTER, "cqc"));
    assertThat(tasks.getVariable(cqc.getId(), VAR_STATEMENT_OF_ACTION_REQUIRED)).isEqualTo(true);
    assertThat(tasks.getVariable(cqc.getId(), VAR_STATEMENT_LEAD_AGENCY)).isEqualTo("local-authority");
  }

  @Test
  void statementOfActionRequiredOrNotAfterTheLetterIsSent() {
    ProcessInstance required = startBefore(TASK_SEND_PRE_PUBLICATION_LETTER, Map.of(VAR_STATEMENT_OF_ACTION_REQUIRED, true));
    tasks.complete(task(required, TASK_SEND_PRE_PUBLICATION_LETTER).getId());
    assertThat(required).isWaitingAtExactly(TASK_PUBLISH_LETTER, Submission.STATEMENT_OF_ACTION.subProcessId,
        Submission.STATEMENT_OF_ACTION.recordTaskId);

    ProcessInstance notRequired = startBefore(TASK_SEND_PRE_PUBLICATION_LETTER, Map.of(VAR_STATEMENT_OF_ACTION_REQUIRED, false));
    tasks.complete(task(notRequired, TASK_SEND_PRE_PUBLICATION_LETTER).getId());
    assertThat(notRequired).isWaitingAtExactly(TASK_PUBLISH_LETTER).hasPassed(END_NO_STATEMENT);
  }

  @Test
  void theDcsReceivesTheAnnexBEmailAfterTheTelephoneCall() throws Exception {
    ProcessInstance pi = startBefore(TASK_NOTIFY_DCS, Map.of());
    tasks.complete(task(pi, TASK_NOTIFY_DCS).getId(), Map.of(VAR_DCS_EMAIL, "dcs@northshire.example"));

    NotificationJobs.runOfInstance(engine, pi.getId());

    MimeMessage annexB = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getRecipients(Message.RecipientType.TO)[0].toString().equals("dcs@northshire.example");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    assertThat(annexB.getSubject()).isEqualTo("Joint targeted area inspection of services for children Northshire");
    assertThat(GreenMailUtil.getBody(annexB).replace("=\r\n", "").replace("\r\n", "\n"))
        .contains("Earlier today I spoke with you to inform you that on Monday 15 March 2027 inspectors from Ofsted, CQC,")
        .contains("will be the response to children living with neglect.")
        .contains("quality assurance manager for this inspection: Quentin QA manager (Senior HMI), qa-manager@inspections.example")
        .contains("Lead inspector (Ofsted): Olivia Lead (Ofsted HMI), ofsted-lead@inspections.example");
  }

  @Test
  void theTasklistStartFormIsCheckedLikeTheApiAndTheReferenceBecomesTheBusinessKey() {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .latestVersion().singleResult().getId();
    Map<String, Object> form = new HashMap<>(Map.of("framework", "jtai-2016", "reference", "JTAI-FORM-1",
        "localAuthority", "Northshire", "deepDiveTheme", "neglect", "plannedFieldworkStart", "2027-03-15",
        "leadInspector", "ofsted-lead"));

    assertThatThrownBy(() -> forms.submitStartForm(definition, form)).isInstanceOf(InvalidInspectionException.class)
        .hasMessageStartingWith("deepDiveTheme: 'neglect' is not a deep dive theme of jtai-2016");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("JTAI-FORM-1").count()).isZero();

    form.put("deepDiveTheme", "cse-and-missing");
    assertThatThrownBy(() -> forms.submitStartForm(definition, form)).isInstanceOf(InvalidInspectionException.class)
        .hasMessageStartingWith("qaManager: is required");
    form.put("qaManager", "ofsted-lead");
    assertThatThrownBy(() -> forms.submitStartForm(definition, form)).isInstanceOf(InvalidInspectionException.class)
        .hasMessageStartingWith("qaManager: ");
    form.put("qaManager", "qa-manager");
    ProcessInstance pi = forms.submitStartForm(definition, form);

    assertThat(pi.getBusinessKey()).isEqualTo("JTAI-FORM-1");
    assertThat(runtime.getVariable(pi.getId(), VAR_DAY_ZERO)).isInstanceOf(java.util.Date.class);
    assertThat(runtime.getVariable(pi.getId(), VAR_QA_MANAGER)).isEqualTo("qa-manager");
    assertThatThrownBy(() -> forms.submitStartForm(definition, form)).hasMessageContaining("already exists");
  }

  @Test
  void aLateSignOffEscalatesOnceToTheLeadInspectorAndTheQaManagerAndShowsAsOverdue() {
    String cqcSignOff = forInspectorate(TASK_SIGN_OFF_DRAFT_LETTER, "cqc");
    ProcessInstance pi = startBefore(cqcSignOff, Map.of());
    // Day 21 of a notification on Tuesday 2 March 2027, across Good Friday and Easter Monday, in summer time.
    java.time.Instant due = java.time.LocalDateTime.parse("2027-04-02T23:59").atZone(java.time.ZoneId.of("Europe/London")).toInstant();
    assertThat(task(pi, cqcSignOff).getDueDate().toInstant()).isEqualTo(due);

    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(due.plusSeconds(120)));
    try {
      for (int round = 0; round < 2; round++) {
        management.createJobQuery().processInstanceId(pi.getId()).timers()
            .duedateLowerThan(java.util.Date.from(due.plusSeconds(180))).list()
            .forEach(job -> management.executeJob(job.getId()));
      }
      Task followUp = task(pi, TASK_FOLLOW_UP_OVERDUE);
      assertThat(followUp).hasCandidateUser("ofsted-lead").hasCandidateUser("qa-manager");
      assertThat(tasks.getVariable(followUp.getId(), VAR_OVERDUE_STEP)).isEqualTo(cqcSignOff);
      assertThat(tasks.getVariable(followUp.getId(), VAR_OVERDUE_STEP_TITLE)).isEqualTo("Consider and sign off the draft letter (CQC)");
      assertThat(tasks.getVariable(followUp.getId(), VAR_OVERDUE_STEP_DUE)).isEqualTo("Friday 2 April 2027 at 23:59");
      assertThat(task(pi, cqcSignOff)).as("the step itself stays with CQC").isNotNull();
      assertThat(timeline.of(pi.getBusinessKey()).stream().filter(e -> e.id().equals(cqcSignOff)).findFirst().orElseThrow()
          .status()).isEqualTo(TimelineEntry.Status.overdue);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }
}
