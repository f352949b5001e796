package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.JtaiProcess;

/**
 * What a process owner does in the Camunda Modeler: "Deploy current diagram" of one changed file, with no additional
 * files. The request is the Modeler's own (src/test/node/modeler-deploy.mjs: the web platform's FormData and fetch, the
 * Modeler's fields), sent over HTTP to the running application. A diagram or a form deploys on its own and new
 * inspections run with their forms; a diagram that would break inspections is refused, naming what is wrong, and the
 * version before it stays the latest.
 */
@EngineTest
class DeploymentFromTheModelerTest {

  private static final String ADMIN_PASSWORD = "test-admin-secret";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @TempDir Path files;

  private final String deploymentName = "modeler-" + UUID.randomUUID();

  @BeforeEach
  void fridayBeforeTheInspection() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-02-26T10:00").atZone(WorkingDayCalendar.LONDON).toInstant()));
  }

  @AfterEach
  void removeWhatWasDeployed() {
    ClockUtil.reset();
    repository.createDeploymentQuery().deploymentName(deploymentName).list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
  }

  @Test
  void aChangedDiagramDeploysAloneAndNewInspectionsRunWithTheirForms() throws Exception {
    int before = latestJtai().getVersion();
    String oldDefinition = latestJtai().getId();
    String running = taskInstance(startInspectionAndOpenFirstTask());
    String runningReference = runtime.createProcessInstanceQuery().processInstanceId(running).singleResult()
        .getBusinessKey();
    Path diagram = write("jtai.bpmn", inStep(jtai(), "task_agree_provisional_findings",
        "name=\"day\" value=\"12\"", "name=\"day\" value=\"13\""));

    JsonNode answer = deployFromTheModeler(diagram);

    assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
    JsonNode deployed = answer.path("body").path("deployedProcessDefinitions").elements().next();
    assertThat(deployed.path("key").asText()).isEqualTo(JtaiProcess.KEY);
    assertThat(deployed.path("version").asInt()).isEqualTo(before + 1);
    // Beside the engine's answer: what the new version changes for inspections already running.
    JsonNode impact = answer.path("body").path("runningInspections").get(0);
    assertThat(impact.path("processDefinitionKey").asText()).isEqualTo(JtaiProcess.KEY);
    assertThat(impact.path("deadlinesChanged")).hasSize(1);
    assertThat(impact.path("deadlinesChanged").get(0).toString()).isEqualTo("{\"element\":"
        + "\"task_agree_provisional_findings\",\"name\":\"Team meeting to agree provisional findings\","
        + "\"before\":\"day 12\",\"after\":\"day 13\"}");
    assertThat(impact.path("runningOnEarlierVersions").asLong()).isPositive();
    assertThat(impact.path("references").toString()).contains("\"" + runningReference + "\"");
    assertThat(impact.path("migration").asText()).contains("POST /api/migrations/jtai/dry-run");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(running).singleResult().getProcessDefinitionId())
        .as("a running inspection stays on its version").isEqualTo(oldDefinition);
    // Cockpit's deployments view lists it under the name and source the Modeler gave.
    JsonNode deployment = get("/engine-rest/deployment/" + answer.path("body").path("id").asText()).getBody();
    assertThat(deployment.path("name").asText()).isEqualTo(deploymentName);
    assertThat(deployment.path("source").asText()).isEqualTo("Camunda Modeler");

    String firstTask = startInspectionAndOpenFirstTask();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(taskInstance(firstTask)).singleResult()
        .getProcessDefinitionId()).isEqualTo(deployed.path("id").asText());
    assertThat(deployedForm(firstTask)).contains("\"id\": \"form_review_briefing_lead\"");
  }

  @Test
  void aChangedFormDeploysAloneAndTheNextTaskShowsIt() throws Exception {
    Path form = write("form_review_briefing_lead.form", Files.readString(Path.of("forms/form_review_briefing_lead.form"))
        .replace("I have reviewed the joint pre-inspection briefing", "I have read the joint pre-inspection briefing"));

    JsonNode answer = deployFromTheModeler(form);

    assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
    assertThat(deployedForm(startInspectionAndOpenFirstTask()))
        .contains("I have read the joint pre-inspection briefing");
  }

  @Test
  void aDiagramAndItsFormDeployTogether() throws Exception {
    Path diagram = write("jtai.bpmn", inStep(jtai(), "task_agree_provisional_findings",
        "name=\"day\" value=\"12\"", "name=\"day\" value=\"13\""));
    Path form = write("form_review_briefing_lead.form", Files.readString(Path.of("forms/form_review_briefing_lead.form"))
        .replace("I have reviewed the joint pre-inspection briefing", "Briefing reviewed"));

    JsonNode answer = deployFromTheModeler(diagram, form);

    assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
    assertThat(deployedForm(startInspectionAndOpenFirstTask())).contains("Briefing reviewed");
  }

  @Test
  void aDiagramThatWouldBreakInspectionsIsRefusedNamingEachProblemAndNothingChanges() throws Exception {
    ProcessDefinition before = latestJtai();
    long deployments = repository.createDeploymentQuery().count();
    String broken = inStep(jtai(), "task_agree_provisional_findings", "name=\"day\"", "name=\"dayy\"");
    Path diagram = write("jtai.bpmn", broken
        .replace("camunda:formRef=\"form_review_briefing_lead\"", "camunda:formRef=\"form_review_briefng_lead\"")
        .replaceFirst("camunda:candidateGroups=\"cqc\"", "camunda:candidateGroups=\"cqcc\"")
        .replaceFirst("delegateExpression=\"\\$\\{annexBNotifier}\"", "delegateExpression=\"\\${annexBNotifer}\""));

    JsonNode answer = deployFromTheModeler(diagram);

    assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(400);
    JsonNode body = answer.path("body");
    assertThat(body.path("type").asText()).isEqualTo("ParseException");
    String message = body.path("message").asText();
    // What the Modeler shows in its deploy dialog: the message, which must not start with the engine's generic
    // parse-error code (the Modeler then hides it behind "Server could not parse the diagram").
    assertThat(message).isEqualTo("""
        Not deployed, nothing changed: 5 problems would break inspections.
        jtai.bpmn: 'task_review_briefing_lead' refers to form 'form_review_briefng_lead', which is not in forms/ nor \
        in this deployment
        jtai.bpmn: 'task_review_briefing_cqc' offers the task to unknown group 'cqcc'
        jtai.bpmn: 'task_agree_provisional_findings' has no Camunda property 'day' (the working day of the deadline, \
        e.g. 33)
        jtai.bpmn: 'boundary_overdue_agree_provisional_findings' fires at the deadline of its step \
        'task_agree_provisional_findings', which has no Camunda property 'day' (the working day of the deadline, e.g. 33)
        jtai.bpmn: 'task_notify_dcs' (taskListener) delegates to bean 'annexBNotifer', which does not exist""");
    JsonNode errors = body.path("details").path("jtai.bpmn").path("errors");
    assertThat(errors).hasSize(5);
    assertThat(errors.get(0).path("mainElementId").asText()).isEqualTo("task_review_briefing_lead");

    assertThat(latestJtai().getId()).isEqualTo(before.getId());
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void aDiagramWithoutHistoryTimeToLiveOrWithModelerDefaultIdsIsRefused() throws Exception {
    Path diagram = write("jtai.bpmn", jtai().replace(" camunda:historyTimeToLive=\"", " camunda:historyTimeToLiv=\"")
        .replace("\"task_setup_discussion\"", "\"Activity_0x7f3kq\""));

    JsonNode answer = deployFromTheModeler(diagram);

    assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.path("body").path("message").asText())
        .contains("process 'jtai' has no camunda:historyTimeToLive")
        .contains("'Activity_0x7f3kq' is a Modeler default id");
  }

  private String startInspectionAndOpenFirstTask() {
    String reference = "JTAI-MODELER-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> request = new HashMap<>();
    request.put("framework", "jtai-2017");
    request.put("reference", reference);
    request.put("localAuthority", "Northshire");
    request.put("deepDiveTheme", "neglect");
    request.put("plannedFieldworkStart", "2027-03-15");
    request.put("leadInspector", "ofsted-lead");
    request.put("qaManager", "qa-manager");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> started = http.withBasicAuth("ofsted-lead", "demo")
        .postForEntity("/api/inspections", new HttpEntity<>(request, headers), JsonNode.class);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
    // The senior analytical officer's briefing (¶10) comes first; the lead inspector's first own step is its review.
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("task_prepare_pre_inspection_briefing").singleResult().getId());
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskAssignee("ofsted-lead")
        .taskDefinitionKey("task_review_briefing_lead").singleResult().getId();
  }

  /** The form the Tasklist loads for the task, as the lead inspector. */
  private String deployedForm(String taskId) {
    ResponseEntity<String> form = http.withBasicAuth("ofsted-lead", "demo")
        .exchange("/engine-rest/task/" + taskId + "/deployed-form", HttpMethod.GET, null, String.class);
    assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
    return form.getBody();
  }

  private String taskInstance(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }

  private ResponseEntity<JsonNode> get(String path) {
    return http.withBasicAuth("admin", ADMIN_PASSWORD).getForEntity(path, JsonNode.class);
  }

  private ProcessDefinition latestJtai() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(JtaiProcess.KEY).latestVersion()
        .singleResult();
  }

  private static String jtai() throws IOException {
    return Files.readString(Path.of("processes/jtai.bpmn"));
  }

  /** The diagram with {@code old} replaced by {@code replacement} inside one step's element only. */
  private static String inStep(String diagram, String taskId, String old, String replacement) {
    int start = diagram.indexOf("<bpmn:userTask id=\"" + taskId + "\"");
    int end = diagram.indexOf("</bpmn:userTask>", start);
    String step = diagram.substring(start, end);
    assertThat(step).contains(old);
    return diagram.substring(0, start) + step.replace(old, replacement) + diagram.substring(end);
  }

  private Path write(String name, String content) throws IOException {
    Path file = files.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private JsonNode deployFromTheModeler(Path... deployed) throws Exception {
    assumeTrue(nodeAvailable(), "Node.js is needed to send the Modeler's request");
    List<String> command = new ArrayList<>(List.of("node", Path.of("src/test/node/modeler-deploy.mjs").toString(),
        "http://localhost:" + port + "/engine-rest", "admin", ADMIN_PASSWORD, deploymentName));
    for (Path file : deployed) {
      command.add(file.toString());
    }
    Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(output).isZero();
    return JSON.readTree(output);
  }

  private static boolean nodeAvailable() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
