package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.KEY;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * A diagram corrected after inspections started: the corrected version is deployed as process owners deploy it, the
 * running inspection stays on its old version with the old deadlines until an administrator moves it, the dry run
 * lists what would change, and the move carries the corrected deadlines into its open step, its timer and the steps
 * still to come. Day 0 is Tuesday 2 March 2027; the inspection is in its second week of fieldwork.
 */
@EngineTest
@WithEngineAssertions
class InspectionMigrationTest {

  private static final String PROVISIONAL_FINDINGS = "task_agree_provisional_findings";
  private static final String PROVISIONAL_FINDINGS_TIMER = "boundary_overdue_agree_provisional_findings";
  private static final String CONSOLIDATE_LETTER = "task_consolidate_letter";
  private static final String KIT_MEETING_DAY_11 = "task_kit_meeting_day_11";

  @Autowired TestRestTemplate http;
  private final ApiClient api = new ApiClient(() -> http);
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Timeline timeline;

  private Deployment corrected;

  @AfterEach
  void removeCorrectedVersion() {
    if (corrected != null) {
      repository.deleteDeployment(corrected.getId(), true);
    }
  }

  @Test
  void aRunningInspectionKeepsItsDeadlinesUntilMovedThenTakesTheCorrectedOnes() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-18T09:00:00Z")));
    ProcessInstance inspection = startInFieldworkBefore(PROVISIONAL_FINDINGS);
    String oldDefinition = inspection.getProcessDefinitionId();
    // Day 12 is Thursday 18 March 2027, end of the day (GMT).
    assertThat(taskDue(inspection, PROVISIONAL_FINDINGS)).isEqualTo(Instant.parse("2027-03-18T23:59:00Z"));
    assertThat(timerDue(inspection, PROVISIONAL_FINDINGS_TIMER)).isEqualTo(Instant.parse("2027-03-18T23:59:00Z"));

    deployCorrection(jtai().replace(day(PROVISIONAL_FINDINGS, 12), day(PROVISIONAL_FINDINGS, 13))
        .replace(day(CONSOLIDATE_LETTER, 16), day(CONSOLIDATE_LETTER, 18)));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(inspection.getId()).singleResult()
        .getProcessDefinitionId()).as("a new version leaves running inspections where they are").isEqualTo(oldDefinition);
    assertThat(taskDue(inspection, PROVISIONAL_FINDINGS)).isEqualTo(Instant.parse("2027-03-18T23:59:00Z"));

    JsonNode dryRun = post("admin", "/api/migrations/jtai/dry-run", inspection.getBusinessKey()).getBody();
    assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
    JsonNode planned = dryRun.path("inspections").get(0);
    assertThat(dryRun.path("inspections")).hasSize(1);
    assertThat(planned.path("reference").asText()).isEqualTo(inspection.getBusinessKey());
    assertThat(planned.path("outcome").asText()).isEqualTo("would move");
    assertThat(planned.path("toVersion").asInt()).isEqualTo(planned.path("fromVersion").asInt() + 1);
    // Day 13 is Friday 19 March.
    assertThat(changes(planned)).containsExactlyInAnyOrder(
        "task due date " + PROVISIONAL_FINDINGS + " 2027-03-18T23:59:00Z -> 2027-03-19T23:59:00Z",
        "timer " + PROVISIONAL_FINDINGS_TIMER + " 2027-03-18T23:59:00Z -> 2027-03-19T23:59:00Z");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(inspection.getId()).singleResult()
        .getProcessDefinitionId()).as("the dry run changes nothing").isEqualTo(oldDefinition);
    assertThat(taskDue(inspection, PROVISIONAL_FINDINGS)).isEqualTo(Instant.parse("2027-03-18T23:59:00Z"));
    assertThat(timerDue(inspection, PROVISIONAL_FINDINGS_TIMER)).isEqualTo(Instant.parse("2027-03-18T23:59:00Z"));

    JsonNode moved = post("admin", "/api/migrations/jtai", inspection.getBusinessKey()).getBody().path("inspections").get(0);
    assertThat(moved.path("outcome").asText()).isEqualTo("moved");
    assertThat(changes(moved)).isEqualTo(changes(planned));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(inspection.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(latestJtai());
    assertThat(taskDue(inspection, PROVISIONAL_FINDINGS)).isEqualTo(Instant.parse("2027-03-19T23:59:00Z"));
    assertThat(timerDue(inspection, PROVISIONAL_FINDINGS_TIMER)).isEqualTo(Instant.parse("2027-03-19T23:59:00Z"));
    // Steps still to come follow the corrected diagram: day 18 skips Good Friday 26 March and Easter Monday 29 March,
    // so it is Tuesday 30 March, in British Summer Time.
    assertThat(timeline.of(inspection.getBusinessKey())).filteredOn(entry -> entry.id().equals(CONSOLIDATE_LETTER))
        .extracting(TimelineEntry::day, TimelineEntry::getDue).containsExactly(org.assertj.core.groups.Tuple.tuple(
            18, "2027-03-30T23:59:00+01:00"));
  }

  @Test
  void anInspectionWaitingAtAStepTheCorrectionRemovedIsRefusedAndStaysWhereItWas() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-03-17T09:00:00Z")));
    ProcessInstance inspection = startInFieldworkBefore(KIT_MEETING_DAY_11);
    String oldDefinition = inspection.getProcessDefinitionId();
    deployCorrection(jtai().replace(KIT_MEETING_DAY_11, "task_kit_meeting_second_week"));

    JsonNode refused = post("admin", "/api/migrations/jtai", inspection.getBusinessKey()).getBody()
        .path("inspections").get(0);

    assertThat(refused.path("outcome").asText()).isEqualTo("refused");
    assertThat(refused.path("problem").asText()).contains(KIT_MEETING_DAY_11);
    assertThat(refused.path("deadlinesChanged")).isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(inspection.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(oldDefinition);
    assertThat(tasks.createTaskQuery().processInstanceId(inspection.getId()).taskDefinitionKey(KIT_MEETING_DAY_11)
        .count()).isOne();
  }

  @Test
  void onlyAdministratorsMoveInspectionsAndAnUnknownReferenceIsNamed() throws IOException {
    ProcessInstance inspection = startInFieldworkBefore(PROVISIONAL_FINDINGS);
    deployCorrection(jtai().replace(day(PROVISIONAL_FINDINGS, 12), day(PROVISIONAL_FINDINGS, 13)));

    for (String path : List.of("/api/migrations/jtai/dry-run", "/api/migrations/jtai")) {
      ResponseEntity<JsonNode> lead = post("ofsted-lead", path, inspection.getBusinessKey());
      assertThat(lead.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(lead.getBody().path("message").asText())
          .isEqualTo("Only administrators (group camunda-admin) may move running inspections to another version");
    }
    ResponseEntity<JsonNode> unknown = post("admin", "/api/migrations/jtai/dry-run", "NO-SUCH-INSPECTION");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody().path("message").asText()).contains("NO-SUCH-INSPECTION");
    assertThat(post("admin", "/api/migrations/no-such-diagram/dry-run", inspection.getBusinessKey()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(inspection.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(inspection.getProcessDefinitionId());
  }

  private ProcessInstance startInFieldworkBefore(String activity) {
    ValidatedStart start = new ValidatedStart(JtaiFramework.JTAI_2017, "JTAI-MIGRATE-" + System.nanoTime(), "Northshire",
        JtaiFramework.DeepDiveTheme.NEGLECT, LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 15), "ofsted-lead",
        "qa-manager");
    Map<String, Object> variables = new HashMap<>(start.variables());
    return runtime.createProcessInstanceByKey(KEY).businessKey(start.reference()).setVariables(variables)
        .startBeforeActivity(activity).execute();
  }

  /** The diagram as it is deployed, read from the packaged file: the corrected version differs only where it says. */
  private static String jtai() throws IOException {
    try (InputStream in = InspectionMigrationTest.class.getResourceAsStream("/processes/jtai.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The start of a user task's element up to its day property, so that a replacement changes that step alone. */
  private static String day(String taskId, int day) throws IOException {
    String diagram = jtai();
    int start = diagram.indexOf("<bpmn:userTask id=\"" + taskId + "\"");
    int property = diagram.indexOf("<camunda:property name=\"day\" value=\"", start);
    int end = diagram.indexOf("/>", property);
    String element = diagram.substring(start, end);
    return element.substring(0, element.lastIndexOf("value=\"")) + "value=\"" + day + "\" ";
  }

  private void deployCorrection(String diagram) {
    assertThat(diagram).isNotEqualTo(uncheckedJtai());
    corrected = repository.createDeployment().name("jtai corrected").source("InspectionMigrationTest")
        .addString("jtai.bpmn", diagram).deploy();
  }

  private static String uncheckedJtai() {
    try {
      return jtai();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String latestJtai() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId();
  }

  private ResponseEntity<JsonNode> post(String user, String path, String reference) {
    return api.post(user, path, Map.of("inspections", List.of(reference)));
  }

  private static List<String> changes(JsonNode inspection) {
    List<String> changes = new java.util.ArrayList<>();
    inspection.path("deadlinesChanged").forEach(change -> changes.add(change.path("kind").asText() + " "
        + change.path("element").asText() + " " + OffsetDateTime.parse(change.path("old").asText()).toInstant() + " -> "
        + OffsetDateTime.parse(change.path("new").asText()).toInstant()));
    return changes;
  }

  private Instant taskDue(ProcessInstance inspection, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(inspection.getId()).taskDefinitionKey(taskKey).singleResult()
        .getDueDate().toInstant();
  }

  private Instant timerDue(ProcessInstance inspection, String timerId) {
    return management.createJobQuery().processInstanceId(inspection.getId()).activityId(timerId).singleResult()
        .getDuedate().toInstant();
  }
}
