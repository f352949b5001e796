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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * The element templates applied by the Camunda Modeler's own code: docs/diagrams/templates.mjs runs the elementTemplates
 * service of camunda-bpmn-js (bpmn-js-element-templates, as Modeler 5.40.0 bundles it) in Debian's Chromium. It applies
 * every template to a fresh element, drawn and filled in as a process owner does, and to every element of processes/
 * that carries it, and reports an element the Modeler replaces, a timer or message definition lost, or any other change.
 * The steps it built then pass the model-consistency rules, deploy, and run: the deadlines bean gives the templated
 * step and its escalation timer the framework day and time, and notify = inspectorate tells the inspectorate.
 */
@EngineTest
class ElementTemplateApplicationTest {

  private static final String NOTIFIER = "${inspectorateNotifier}";
  private static final String DESCRIPTION = "Record the list of children from the deep dive theme. Complete it by"
      + " 9.30am on day 2 (2 working days after the notification day). Required by paragraphs 9, 11 of the joint"
      + " targeted area inspection framework (April 2017).";

  @TempDir static Path modeler;
  private static ModelerFormatTest.Run check;

  @Autowired ApplicationContext context;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @TempDir Path diagrams;
  private Deployment deployment;

  @BeforeAll
  static void applyEveryTemplateWithTheModeler() throws Exception {
    ModelerFormatTest.installTheModelersLibraries();
    check = ModelerFormatTest.node("templates.mjs", List.of("check", "--out=" + modeler.toAbsolutePath()));
  }

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void theModelerAppliesEveryTemplateToAFreshElementAndToTheStepsThatCarryItChangingNothing() throws Exception {
    assertThat(check.output()).as("node docs/diagrams/templates.mjs check").contains("0 problem(s) applying");
    assertThat(check.exit()).as(check.output()).isZero();
    for (String template : templateIds()) {
      assertThat(check.output()).as("a fresh element with %s", template)
          .containsPattern("fresh: '[^']+' \\(" + Pattern.quote(template) + " v\\d+\\): applied, nothing else changed");
    }
    try (Stream<Path> files = Files.list(ModelerFormatTest.PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        assertThat(check.output()).containsPattern(Pattern.quote(file.toString()) + ": \\d+ element\\(s\\) carrying");
        assertThat(Files.readString(modeler.resolve("applied").resolve(file.getFileName())))
            .as("%s with every template re-applied by the Modeler", file).isEqualTo(Files.readString(file));
      }
    }
  }

  /** The Modeler shows a template on the steps built from it (no step of processes/ calls a concern or complaint). */
  @Test
  void theStepsOfTheProcessesCarryTheTemplatesTheyWereBuiltFrom() throws Exception {
    Map<String, Long> carried = new java.util.TreeMap<>();
    try (Stream<Path> files = Files.list(ModelerFormatTest.PROCESSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Matcher matcher = Pattern.compile("camunda:modelerTemplate=\"([^\"]+)\"").matcher(Files.readString(file));
        while (matcher.find()) {
          carried.merge(matcher.group(1), 1L, Long::sum);
        }
      }
    }
    assertThat(carried.keySet()).as("templates carried by elements of processes/ (%s)", carried).contains(
        "uk.jointinspections.deadline-user-task", "uk.jointinspections.notify-inspectorate",
        "uk.jointinspections.escalation-timer", "uk.jointinspections.awaits-submission");
    assertThat(check.output()).as("each of them was applied by the Modeler above")
        .containsPattern("processes/jtai\\.bpmn: '[^']+' \\(uk\\.jointinspections\\.deadline-user-task v\\d+\\): applied");
  }

  /** The check itself: a template with elementType, as escalation-timer.json had, replaces the timer it is applied to. */
  @Test
  void aTemplateThatReplacesTheElementItIsAppliedToIsReported(@TempDir Path templates) throws Exception {
    try (Stream<Path> files = Files.list(ElementTemplateSchemaTest.TEMPLATES)) {
      for (Path file : files.toList()) {
        Files.copy(file, templates.resolve(file.getFileName()));
      }
    }
    Path timer = templates.resolve("escalation-timer.json");
    Files.writeString(timer, Files.readString(timer).replace("\"appliesTo\": [",
        "\"elementType\": {\"value\": \"bpmn:BoundaryEvent\"},\n    \"appliesTo\": ["));

    ModelerFormatTest.Run broken = ModelerFormatTest.node("templates.mjs", List.of("check",
        "--templates=" + templates.toAbsolutePath(),
        ModelerFormatTest.PROCESSES.resolve("statement-of-action.bpmn").toAbsolutePath().toString()));

    assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
    assertThat(broken.output())
        .contains("processes/statement-of-action.bpmn: 'boundary_overdue_record_statement_of_action'"
            + " (uk.jointinspections.escalation-timer v2): PROBLEM")
        .contains("its bpmn:TimerEventDefinition is gone")
        .contains("fresh: 'bpmn:BoundaryEvent boundary_overdue_templated_step' (uk.jointinspections.escalation-timer v2):"
            + " PROBLEM");
  }

  @Test
  void aDeadlineStepWithItsEscalationTimerIsConsistentDeploysAndIsDueOnTheFrameworkDay() throws Exception {
    Path diagram = built("templated-step.bpmn");
    assertThat(consistencyProblems(diagram)).isEmpty();
    deploy(diagram);

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
    Path diagram = built("templated-notify.bpmn");
    assertThat(consistencyProblems(diagram)).isEmpty();
    deploy(diagram);

    assertThat(notifierEvents(latest("templated_notify"), "task_templated_notify"))
        .containsExactly(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
  }

  @Test
  void aNotifierListenerWrittenBesideTheTemplateIsNotDoubled() throws Exception {
    Path diagram = built("templated-notify.bpmn");
    BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
    UserTask task = model.getModelElementById("task_templated_notify");
    CamundaTaskListener listener = model.newInstance(CamundaTaskListener.class);
    listener.setCamundaEvent(TaskListener.EVENTNAME_CREATE);
    listener.setCamundaDelegateExpression(NOTIFIER);
    task.getExtensionElements().addChildElement(listener);
    Bpmn.writeModelToFile(diagram.toFile(), model);
    deploy(diagram);

    assertThat(notifierEvents(latest("templated_notify"), "task_templated_notify"))
        .containsExactly(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
  }

  @Test
  void callsToConcernAndComplaintAndAnAwaitedSubmissionAreConsistentAndDeploy() throws Exception {
    Path diagram = built("templated-calls.bpmn");
    assertThat(consistencyProblems(diagram)).isEmpty();
    assertThat(Files.readString(diagram))
        .contains("calledElement=\"concern-referral\"", "calledElement=\"complaint\"",
            "businessKey=\"#{execution.processBusinessKey}\"",
            "sourceExpression=\"${execution.processBusinessKey}\"", "target=\"inspectionReference\"",
            "source=\"caseNumbers\" target=\"caseNumbers\"", "source=\"kind\" target=\"kind\"",
            "messageRef=\"msg_deep_dive_list\"");
    deploy(diagram);
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

  private static List<String> templateIds() throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(ElementTemplateSchemaTest.TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        new ObjectMapper().readTree(file.toFile()).forEach(template -> ids.add(template.path("id").asText()));
      }
    }
    return ids;
  }

  /** A diagram the Modeler drew and the templates filled in (templates.mjs check --out), alone in a directory. */
  private Path built(String file) throws Exception {
    assertThat(check.exit()).as(check.output()).isZero();
    return Files.copy(modeler.resolve("fresh").resolve(file), diagrams.resolve(file));
  }

  private String latest(String key) {
    return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
        .processDefinitionKey(key).singleResult().getId();
  }

  private List<String> consistencyProblems(Path diagram) throws Exception {
    return new ModelConsistencyChecker(context::containsBean, StaffGroup.idsWithAdministrators()::contains)
        .check(diagram.getParent(), Path.of("forms"), alreadyDeployed());
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

  private void deploy(Path diagram) throws Exception {
    String form = "form_record_deep_dive_list";
    try (InputStream bpmn = Files.newInputStream(diagram);
        InputStream formFile = Files.newInputStream(Path.of("forms", form + ".form"))) {
      deployment = repositoryService.createDeployment().name("element-template-" + diagram.getFileName())
          .addInputStream(diagram.getFileName().toString(), bpmn).addInputStream(form + ".form", formFile).deploy();
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
                  && NOTIFIER.equals(d.getExpressionText()))
              .map(l -> event);
        })
        .toList();
  }
}
