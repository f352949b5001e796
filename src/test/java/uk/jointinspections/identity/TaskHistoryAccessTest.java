package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * "One task opens an instance's history for good" (issue 15): a task's candidates read what the task shows while it is
 * open, and nothing of the instance once the task is over, completed or cancelled, including what is added later.
 * Over HTTP as the inspector would ask, on a JTAI started through {@code POST /api/inspections} whose first steps
 * offer the joint briefing to CQC, HMIC and HMI Probation.
 */
@EngineTest
@WithEngineAssertions
class TaskHistoryAccessTest {

  private static final String ADDED_LATER = "Variable added after the task: it must stay with the inspection's team.";

  @Autowired TestRestTemplate http;
  private final ApiClient api = new ApiClient(() -> http);
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @BeforeEach
  void clock() {
    EngineClock.set("2027-02-26T10:00");
  }

  @Test
  void aCandidateReadsTheOpenTaskAndNothingOfTheInspectionOnceItIsCompleted() {
    String inspection = startInspection();
    String task = taskId(inspection, "task_review_briefing_cqc");

    ResponseEntity<JsonNode> whileOpen = api.get("cqc-inspector", "/engine-rest/task/" + task + "/form-variables");
    assertThat(whileOpen.getStatusCode().value()).as("the form loads its variables").isEqualTo(200);
    assertThat(whileOpen.getBody().path(JtaiProcess.VAR_LOCAL_AUTHORITY).path("value").asText()).isEqualTo("Northshire");
    tasks.createComment(task, inspection, "Briefing note for the team only.");
    assertThat(api.get("cqc-inspector", "/engine-rest/task/" + task + "/comment").getBody()).hasSize(1);
    assertThat(api.post("cqc-inspector", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of()))
        .getStatusCode().value()).isEqualTo(204);

    runtime.setVariable(inspection, "addedAfterTheTask", ADDED_LATER);

    assertReadsNothingOf("cqc-inspector", inspection);
    assertThat(api.get("cqc-inspector", "/engine-rest/task/" + task + "/comment").getStatusCode().value())
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
    assertThat(api.get("hmicfrs-inspector", "/engine-rest/task/" + task + "/variables").getStatusCode().value())
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
      ResponseEntity<JsonNode> answer = api.get(user, path);
      assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
      List<String> read = new ArrayList<>();
      answer.getBody().forEach(row -> read.add(row.path("name").asText(row.path("id").asText())));
      assertThat(read).as(user + " " + path).isEmpty();
    }
    assertThat(api.get(user, "/engine-rest/process-instance/" + inspection + "/variables").getStatusCode().value())
        .isIn(403, 404);
  }

  private String startInspection() {
    String reference = "JTAI-TASKHIST-" + UUID.randomUUID().toString().substring(0, 6);
    // The senior analytical officer's briefing (¶10) comes before the day −1 reviews these tests look at.
    return JtaiStart.pastTheAnalystsBriefing(http, tasks, reference, "2027-03-15");
  }

  private String taskId(String inspection, String key) {
    return tasks.createTaskQuery().processInstanceId(inspection).taskDefinitionKey(key).singleResult().getId();
  }
}
