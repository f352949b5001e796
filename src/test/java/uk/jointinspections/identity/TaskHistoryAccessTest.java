package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.JtaiProcess;

/**
 * "One task opens an instance's history for good" (issue 15): a task's candidates read what the task shows while it is
 * open, and nothing of the instance once the task is over, completed or cancelled, including what is added later.
 * Over HTTP as the inspector would ask, on a JTAI started through {@code POST /api/inspections} whose first steps
 * offer the joint briefing to CQC, HMIC and HMI Probation.
 */
@EngineTest
class TaskHistoryAccessTest {

  private static final String ADDED_LATER = "Variable added after the task: it must stay with the inspection's team.";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-02-26T10:00").atZone(WorkingDayCalendar.LONDON)
        .toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCandidateReadsTheOpenTaskAndNothingOfTheInspectionOnceItIsCompleted() {
    String inspection = startInspection();
    String task = taskId(inspection, "task_review_briefing_cqc");

    ResponseEntity<JsonNode> whileOpen = get("cqc-inspector", "/engine-rest/task/" + task + "/form-variables");
    assertThat(whileOpen.getStatusCode().value()).as("the form loads its variables").isEqualTo(200);
    assertThat(whileOpen.getBody().path(JtaiProcess.VAR_LOCAL_AUTHORITY).path("value").asText()).isEqualTo("Northshire");
    tasks.createComment(task, inspection, "Briefing note for the team only.");
    assertThat(get("cqc-inspector", "/engine-rest/task/" + task + "/comment").getBody()).hasSize(1);
    assertThat(post("cqc-inspector", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of()))
        .getStatusCode().value()).isEqualTo(204);

    runtime.setVariable(inspection, "addedAfterTheTask", ADDED_LATER);

    assertReadsNothingOf("cqc-inspector", inspection);
    assertThat(get("cqc-inspector", "/engine-rest/task/" + task + "/comment").getStatusCode().value())
        .as("the finished task's comments").isIn(403, 404);
    identity.setAuthentication("cqc-inspector", List.of("cqc"));
    try {
      assertThatThrownBy(() -> tasks.getTaskComments(task)).as("through the engine too")
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void aCandidateReadsNothingOfTheInspectionOnceTheTaskIsCancelled() {
    String inspection = startInspection();
    String task = taskId(inspection, "task_review_briefing_hmicfrs");
    assertThat(get("hmicfrs-inspector", "/engine-rest/task/" + task + "/variables").getStatusCode().value())
        .isEqualTo(200);

    runtime.createProcessInstanceModification(inspection).cancelAllForActivity("task_review_briefing_hmicfrs")
        .execute();
    runtime.setVariable(inspection, "addedAfterTheTask", ADDED_LATER);

    assertReadsNothingOf("hmicfrs-inspector", inspection);
  }

  private void assertReadsNothingOf(String user, String inspection) {
    for (String path : new String[] {
        "/engine-rest/history/variable-instance?processInstanceId=" + inspection,
        "/engine-rest/history/detail?processInstanceId=" + inspection,
        "/engine-rest/history/process-instance?processInstanceId=" + inspection,
        "/engine-rest/history/activity-instance?processInstanceId=" + inspection,
        "/engine-rest/history/task?processInstanceId=" + inspection,
        "/engine-rest/variable-instance?processInstanceIdIn=" + inspection,
        "/engine-rest/process-instance?processInstanceIds=" + inspection}) {
      ResponseEntity<JsonNode> answer = get(user, path);
      assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
      List<String> read = new ArrayList<>();
      answer.getBody().forEach(row -> read.add(row.path("name").asText(row.path("id").asText())));
      assertThat(read).as(user + " " + path).isEmpty();
    }
    assertThat(get(user, "/engine-rest/process-instance/" + inspection + "/variables").getStatusCode().value())
        .isIn(403, 404);
  }

  private String startInspection() {
    String reference = "JTAI-TASKHIST-" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> body = new HashMap<>();
    body.put("framework", "jtai-2017");
    body.put("reference", reference);
    body.put("localAuthority", "Northshire");
    body.put("deepDiveTheme", "neglect");
    body.put("plannedFieldworkStart", "2027-03-15");
    body.put("leadInspector", "ofsted-lead");
    body.put("qaManager", "qa-manager");
    ResponseEntity<JsonNode> started = post("ofsted-lead", "/api/inspections", body);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
    String inspection = started.getBody().get("processInstanceId").asText();
    // The senior analytical officer's briefing (¶10) comes before the day −1 reviews these tests look at.
    tasks.complete(taskId(inspection, "task_prepare_pre_inspection_briefing"));
    return inspection;
  }

  private String taskId(String inspection, String key) {
    return tasks.createTaskQuery().processInstanceId(inspection).taskDefinitionKey(key).singleResult().getId();
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private ResponseEntity<JsonNode> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
