package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import uk.jointinspections.EngineTest;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.identity.StaffGroup;
import uk.jointinspections.notification.NotificationJobs;

/**
 * Steps built the way the Modeler builds them from our element templates (plus the timer and message definitions
 * the README tells the process owner to add) pass the model-consistency rules, deploy, and run: the deadlines bean
 * gives the templated step and its escalation timer the framework day and time.
 */
@EngineTest
class ElementTemplateApplicationTest {

  private static final String FORM = "form_record_deep_dive_list";
  private static final String DESCRIPTION = "Record the list of children from the deep dive theme. Complete it by"
      + " 9.30am on day 2 (2 working days after the notification day). Required by paragraphs 9, 11 of the joint"
      + " targeted area inspection framework (April 2017).";

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @TempDir Path diagrams;
  private Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void aDeadlineStepWithItsEscalationTimerIsConsistentDeploysAndIsDueOnTheFrameworkDay() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("templated_step").camundaHistoryTimeToLive(1)
        .startEvent("start_templated_step")
        .sequenceFlowId("flow_to_templated_step").userTask("task_templated_step")
        .sequenceFlowId("flow_to_end_templated_step").endEvent("end_templated_step")
        .moveToActivity("task_templated_step")
        .boundaryEvent("boundary_overdue_templated_step").timerWithDate("${deadlines.due(execution)}")
        .sequenceFlowId("flow_to_escalate_templated_step").endEvent("end_escalate_templated_step")
        .done();
    template("deadline-user-task.json").applyTo(model, element(model, "task_templated_step"), Map.of(
        "name", "Record the deep dive list", "day", "2", "time", "09:30", "paragraph", "9, 11",
        "camunda:candidateGroups", "ofsted", "camunda:formRef", FORM));
    template("escalation-timer.json").applyTo(model, element(model, "boundary_overdue_templated_step"), Map.of());
    describe(model, "task_templated_step", DESCRIPTION);

    assertThat(consistencyProblems(model, "templated-step.bpmn")).isEmpty();
    deploy(model, "templated-step.bpmn");

    ProcessInstance instance = runtimeService.startProcessInstanceByKey("templated_step",
        Map.of("dayZero", "2024-12-02"));

    // Monday 2 December 2024 is day 0; day 2 at 09:30 is Wednesday 4 December, 09:30 GMT.
    Date expected = Date.from(Instant.parse("2024-12-04T09:30:00Z"));
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getName()).isEqualTo("Record the deep dive list");
    assertThat(task.getDescription()).as("the Tasklist's description tab").isEqualTo(DESCRIPTION);
    assertThat(task.getDueDate()).isEqualTo(expected);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anyMatch(link -> "ofsted".equals(link.getGroupId()));
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(expected);
    assertThat(notifierEvents(instance.getProcessDefinitionId(), "task_templated_step"))
        .containsExactly(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);

    assertThat(queuedNotifications(task.getId())).as("the inspectorate's mailbox is told the step is waiting")
        .isNotEmpty();

    managementService.executeJob(timer.getId());
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count())
        .as("the escalation does not interrupt the overdue step").isEqualTo(1);
    NotificationJobs.deleteWithKeyPrefix(context.getBean(ProcessEngine.class), task.getId() + ":");
  }

  @Test
  void notifyInspectorateOnAStepWithoutDeadlineAttachesTheNotifierOnce() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("templated_notify").camundaHistoryTimeToLive(1)
        .startEvent("start_templated_notify")
        .sequenceFlowId("flow_to_templated_notify").userTask("task_templated_notify")
        .camundaTaskListenerDelegateExpression(TaskListener.EVENTNAME_CREATE, "${inspectorateNotifier}")
        .sequenceFlowId("flow_to_end_templated_notify").endEvent("end_templated_notify")
        .done();
    template("notify-inspectorate.json").applyTo(model, element(model, "task_templated_notify"), Map.of(
        "name", "Agree the on-site programme", "camunda:candidateGroups", "cqc", "camunda:formRef", FORM));
    describe(model, "task_templated_notify", "Agree the on-site programme with the other inspectorates. There is no"
        + " fixed deadline for this step.");

    assertThat(consistencyProblems(model, "templated-notify.bpmn")).isEmpty();
    deploy(model, "templated-notify.bpmn");
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).singleResult();

    assertThat(notifierEvents(definition.getId(), "task_templated_notify"))
        .as("a listener already in the diagram is not doubled")
        .containsExactly(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
  }

  @Test
  void callsToConcernAndComplaintAndAnAwaitedSubmissionAreConsistentAndDeploy() throws Exception {
    BpmnModelInstance model = Bpmn.createExecutableProcess("templated_calls").camundaHistoryTimeToLive(1)
        .startEvent("start_templated_calls")
        .sequenceFlowId("flow_to_await").intermediateCatchEvent("msg_templated_submission")
        .message("msg_deep_dive_list")
        .sequenceFlowId("flow_to_concern").callActivity("call_templated_concern")
        .sequenceFlowId("flow_to_complaint").callActivity("call_templated_complaint")
        .sequenceFlowId("flow_to_end_calls").endEvent("end_templated_calls")
        .done();
    template("awaits-submission.json").applyTo(model, element(model, "msg_templated_submission"),
        Map.of("message", "msg_deep_dive_list"));
    template("call-concern-referral.json").applyTo(model, element(model, "call_templated_concern"), Map.of());
    template("call-complaint.json").applyTo(model, element(model, "call_templated_complaint"), Map.of());

    assertThat(consistencyProblems(model, "templated-calls.bpmn")).isEmpty();
    assertThat(Bpmn.convertToString(model))
        .contains("calledElement=\"concern-referral\"", "calledElement=\"complaint\"",
            "businessKey=\"#{execution.processBusinessKey}\"",
            "sourceExpression=\"${execution.processBusinessKey}\" target=\"inspectionReference\"",
            "source=\"caseNumbers\" target=\"caseNumbers\"", "source=\"kind\" target=\"kind\"");
    deploy(model, "templated-calls.bpmn");
  }

  @Test
  void theCallTemplatesPassTheVariablesTheCalledProcessesReadAtTheirStart() throws Exception {
    assertThat(inTargets("call-concern-referral.json")).containsExactlyInAnyOrder(
        ConcernReferralProcess.VAR_INSPECTION_REFERENCE, ConcernReferralProcess.VAR_CASE_NUMBERS,
        ConcernReferralProcess.VAR_AGENCY_SERVICE, ConcernReferralProcess.VAR_SENIOR_OFFICER_ROLE,
        ConcernReferralProcess.VAR_SENIOR_OFFICER_EMAIL, ConcernReferralProcess.VAR_CATEGORY,
        ConcernReferralProcess.VAR_ISSUES, ConcernReferralProcess.VAR_RESPONSE_REQUIRED_BY);
    assertThat(inTargets("call-complaint.json")).containsExactlyInAnyOrder(
        ComplaintProcess.VAR_INSPECTION_REFERENCE, ComplaintProcess.VAR_RECEIVED_ON, ComplaintProcess.VAR_KIND,
        ComplaintProcess.VAR_TEXT, ComplaintProcess.VAR_CONDUCT_INSPECTORATE, ComplaintProcess.VAR_CONDUCT_DETAILS,
        ComplaintProcess.VAR_WITHHOLD_REQUESTED, ComplaintProcess.VAR_EXCEPTIONAL_CIRCUMSTANCES);
  }

  private static List<String> inTargets(String file) throws Exception {
    JsonNode template = new ObjectMapper().readTree(ElementTemplateSchemaTest.TEMPLATES.resolve(file).toFile()).get(0);
    List<String> targets = new java.util.ArrayList<>();
    template.path("properties").forEach(property -> {
      if ("camunda:in".equals(property.path("binding").path("type").asText())) {
        targets.add(property.path("binding").path("target").asText());
      }
    });
    return targets;
  }

  /** Notification e-mails waiting to be sent for the task (key taskId:event:recipient). */
  private List<Job> queuedNotifications(String taskId) {
    return NotificationJobs.withKeyPrefix(context.getBean(ProcessEngine.class), taskId + ":");
  }

  private static ElementTemplateApplier template(String file) throws Exception {
    return ElementTemplateApplier.read(ElementTemplateSchemaTest.TEMPLATES.resolve(file));
  }

  /** What the process owner types into the Modeler's "Element documentation" field. */
  private static void describe(BpmnModelInstance model, String id, String text) {
    Documentation documentation = model.newInstance(Documentation.class);
    documentation.setTextContent(text);
    BaseElement element = element(model, id);
    element.insertElementAfter(documentation, null);
  }

  private static BaseElement element(BpmnModelInstance model, String id) {
    return model.getModelElementById(id);
  }

  private List<String> consistencyProblems(BpmnModelInstance model, String file) throws Exception {
    Definitions definitions = model.getDefinitions();
    definitions.setAttributeValueNs(ModelConsistencyChecker.MODELER_NS, "executionPlatform", "Camunda Platform");
    definitions.setAttributeValueNs(ModelConsistencyChecker.MODELER_NS, "executionPlatformVersion", "7.24.0");
    Bpmn.writeModelToFile(diagrams.resolve(file).toFile(), model);
    return new ModelConsistencyChecker(context::containsBean, StaffGroup.idsWithAdministrators()::contains)
        .check(diagrams, Path.of("forms"), alreadyDeployed());
  }

  /** The step joins the application's diagrams: the processes and decisions it calls are deployed already. */
  private ModelConsistencyChecker.Deployed alreadyDeployed() {
    return new ModelConsistencyChecker.Deployed() {
      @Override
      public boolean hasForm(String key) {
        return false;
      }

      @Override
      public boolean hasProcess(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0;
      }

      @Override
      public boolean hasDecision(String key) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() > 0;
      }
    };
  }

  private void deploy(BpmnModelInstance model, String file) throws Exception {
    try (InputStream form = Files.newInputStream(Path.of("forms", FORM + ".form"))) {
      deployment = repositoryService.createDeployment().name("element-template-" + file)
          .addModelInstance(file, model).addInputStream(FORM + ".form", form).deploy();
    }
  }

  /** The events on which the deployed step calls ${inspectorateNotifier}, once per listener. */
  private List<String> notifierEvents(String processDefinitionId, String activityId) {
    ProcessDefinitionImpl definition = (ProcessDefinitionImpl)
        ((RepositoryServiceImpl) repositoryService).getDeployedProcessDefinition(processDefinitionId);
    UserTaskActivityBehavior behavior =
        (UserTaskActivityBehavior) definition.findActivity(activityId).getActivityBehavior();
    return Stream.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE)
        .flatMap(event -> {
          List<TaskListener> listeners = behavior.getTaskDefinition().getTaskListenersForEvent(event);
          return (listeners == null ? List.<TaskListener>of() : listeners).stream()
              .filter(l -> l instanceof DelegateExpressionTaskListener d
                  && "${inspectorateNotifier}".equals(d.getExpressionText()))
              .map(l -> event);
        })
        .toList();
  }
}
