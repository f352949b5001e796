package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.notification.NotificationJobs;
import org.camunda.bpm.engine.runtime.Job;

/**
 * A Category 1 concern's content (case numbers, agency, issues, the senior officer's address) is stored in the concern
 * instance and nowhere else: not in the inspection's keep-in-touch task that lists the open concerns, not in the
 * notifications that e-mail it. Read over HTTP as the engine's REST API answers those who may read the inspection and
 * the notifications (admin, who sees everything; the lead inspector; an operator): runtime variables, task variables,
 * historic variables and historic details of every instance of the inspection but the concern.
 */
@EngineTest
class ConcernContentStaysInTheConcernTest extends ConcernDuringInspection {

  @Autowired TestRestTemplate rest;
  private final ApiClient api = new ApiClient(() -> rest);
  @Autowired TaskService tasks;

  @Test
  void caseNumbersIssuesAgencyAndAddressAppearInTheConcernOnly() {
    int unique = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    String caseNumbers = "CS-" + unique + " (QZ)";
    String agency = "Agency" + unique + " front door";
    String issues = "Issue" + unique + ": strategy discussion not held.";
    String address = "senior" + unique + "@exampleshire.example";
    List<String> markers = List.of("CS-" + unique, "Agency" + unique, "Issue" + unique, "senior" + unique);

    Map<String, Object> annexC = AnnexCConcern.categoryOne(caseNumbers, issues).agency(agency)
        .seniorOfficer("Head of service", address).body();
    ResponseEntity<JsonNode> raised = post("ofsted-lead", "/api/inspections/" + reference + "/concerns", annexC);
    assertThat(raised.getStatusCode()).as(String.valueOf(raised.getBody())).isEqualTo(HttpStatus.CREATED);
    String concernId = raised.getBody().get("id").asText();

    // The next keep-in-touch meeting lists the open concern.
    String inspectionId = get("admin", "/engine-rest/process-instance?processDefinitionKey=" + JtaiProcess.KEY
        + "&businessKey=" + reference).get(0).get("id").asText();
    Task day10 = tasks.createTaskQuery().processInstanceId(inspectionId)
        .taskDefinitionKey(JtaiProcess.TASK_KIT_MEETING_DAY_10).singleResult();
    tasks.complete(day10.getId());
    Task day11 = tasks.createTaskQuery().processInstanceId(inspectionId)
        .taskDefinitionKey(JtaiProcess.TASK_KIT_MEETING_DAY_11).singleResult();

    // The control: the concern itself holds every marker, so their absence elsewhere means something.
    String concernHistory = text("admin", "/engine-rest/history/variable-instance?processInstanceId=" + concernId);
    assertThat(concernHistory).contains(markers);

    Set<String> others = new LinkedHashSet<>();
    get("admin", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + reference)
        .forEach(instance -> others.add(instance.get("id").asText()));
    others.remove(concernId);
    assertThat(others).contains(inspectionId);
    // The senior officer's e-mail and the lead inspector's copy: jobs, read as an operator retrying them reads them.
    List<Job> notifications = NotificationJobs.ofInstance(engine, concernId);
    assertThat(notifications).hasSizeGreaterThanOrEqualTo(2);
    for (String user : List.of("admin", "operator")) {
      for (Job notification : notifications) {
        for (String path : List.of("/engine-rest/job/" + notification.getId(),
            "/engine-rest/history/job-log?jobId=" + notification.getId())) {
          assertThat(text(user, path)).as(user + " GET " + path).doesNotContain(markers);
        }
      }
    }

    for (String user : List.of("admin", "ofsted-lead", "operator")) {
      for (String id : others) {
        List<String> paths = new ArrayList<>(List.of(
            "/engine-rest/process-instance/" + id + "/variables",
            "/engine-rest/history/process-instance/" + id,
            "/engine-rest/history/variable-instance?processInstanceId=" + id,
            "/engine-rest/history/detail?processInstanceId=" + id,
            "/engine-rest/history/task?processInstanceId=" + id));
        for (JsonNode task : get("admin", "/engine-rest/task?processInstanceId=" + id)) {
          paths.add("/engine-rest/task/" + task.get("id").asText() + "/variables");
          paths.add("/engine-rest/task/" + task.get("id").asText() + "/form-variables");
        }
        for (String path : paths) {
          assertThat(text(user, path)).as(user + " GET " + path).doesNotContain(markers);
        }
      }
    }
    // What the meeting's form shows instead: the number, category and state.
    String listed = get("admin", "/engine-rest/task/" + day11.getId() + "/variables")
        .get(OpenConcernsLister.VARIABLE).get("value").asText();
    assertThat(listed).contains("Concern 1, category 1").contains("response required by");
  }

  private ResponseEntity<JsonNode> post(String user, String path, Map<String, Object> body) {
    return api.post(user, path, body);
  }

  private JsonNode get(String user, String path) {
    ResponseEntity<JsonNode> response = api.get(user, path);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(user + " GET " + path).isTrue();
    return response.getBody();
  }

  private String text(String user, String path) {
    return String.valueOf(api.as(user).getForEntity(path, String.class).getBody());
  }
}
