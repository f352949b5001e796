package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.identity.StaffGroup;
import uk.jointinspections.model.ModelConsistencyChecker;

/** The calendar in the running application: the REST API, the beans the diagrams use, and recalculation. */
@EngineTest
class WorkingDaysApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  private String deploymentId;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  private ResponseEntity<String> get(String path) {
    return rest.withBasicAuth("ofsted-inspector", "demo").getForEntity(path, String.class);
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return JSON.readTree(response.getBody());
  }

  @Test
  void addsWorkingDays() throws Exception {
    ResponseEntity<String> response = get("/api/working-days/add?date=2024-12-24&days=1");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json(response)).isEqualTo(JSON.readTree("{\"date\":\"2024-12-27\"}"));
    assertThat(json(get("/api/working-days/add?date=2022-01-04&days=-4"))).isEqualTo(JSON.readTree("{\"date\":\"2021-12-24\"}"));
  }

  @Test
  void countsWorkingDays() throws Exception {
    assertThat(json(get("/api/working-days/count?from=2021-12-24&to=2022-01-04")))
        .isEqualTo(JSON.readTree("{\"from\":\"2021-12-24\",\"to\":\"2022-01-04\",\"workingDays\":4}"));
    assertThat(json(get("/api/working-days/count?from=2022-01-04&to=2021-12-24")).get("workingDays").asInt()).isEqualTo(-4);
  }

  @Test
  void listsAYearsBankHolidays() throws Exception {
    JsonNode holidays = json(get("/api/working-days/holidays?year=2022"));

    assertThat(holidays.get("year").asInt()).isEqualTo(2022);
    assertThat(holidays.get("holidays")).hasSize(10);
    assertThat(holidays.get("holidays").get(7).get("date").asText()).isEqualTo("2022-09-19");
    assertThat(holidays.get("holidays").get(7).get("name").asText()).contains("Funeral");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      add?date=2024-13-01&days=1       | Parameter 'date' must be a date in the form YYYY-MM-DD; got '2024-13-01'
      add?date=24/12/2024&days=1       | Parameter 'date' must be a date in the form YYYY-MM-DD; got '24/12/2024'
      add?date=2024-12-24&days=many    | Parameter 'days' must be a whole number; got 'many'
      add?date=2024-12-24&days=1001    | Parameter 'days' must be between -1000 and 1000; got 1001
      add?date=2024-12-24&days=-1001   | Parameter 'days' must be between -1000 and 1000; got -1001
      add?date=2024-12-24              | Parameter 'days' is required
      add?days=3                       | Parameter 'date' is required
      add?date=1999-12-31&days=1       | Parameter 'date' must be a date from 2000-01-01 to 2099-12-31; got 1999-12-31
      add?date=2099-12-01&days=1000    | Working day 1000 from 2099-12-01 falls outside the supported years 2000–2099
      count?from=2024-01-01            | Parameter 'to' is required
      count?from=2024-01-01&to=2100-01-01 | Parameter 'to' must be a date from 2000-01-01 to 2099-12-31; got 2100-01-01
      holidays?year=2100               | Parameter 'year' must be from 2000 to 2099; got 2100
      holidays?year=twenty             | Parameter 'year' must be a whole number; got 'twenty'
      holidays                         | Parameter 'year' is required
      """)
  void badInputGets400SayingWhatIsWrong(String query, String message) throws Exception {
    ResponseEntity<String> response = get("/api/working-days/" + query);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json(response)).isEqualTo(JSON.createObjectNode()
        .put("status", 400).put("error", "Bad Request").put("message", message));
  }

  @Test
  void onlyAdministratorsMayRecalculate() throws Exception {
    ResponseEntity<String> response = rest.withBasicAuth("ofsted-lead", "demo")
        .postForEntity("/api/working-days/recalculate", null, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(response).get("message").asText()).contains("camunda-admin");
    assertThat(json(response).get("status").asInt()).isEqualTo(403);
  }

  @Test
  void theDiagramsBeansAndNotationWorkInTheApplication() {
    assertThat(context.getBean("deadlines")).isInstanceOf(Deadlines.class);
    deploymentId = repository.createDeployment().addClasspathResource("calendar/working-day-deadlines.bpmn").deploy().getId();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-12-23T09:00:00Z")));

    ProcessInstance instance = runtime.startProcessInstanceByKey("process_working_day_deadlines", Map.of("dayZero", "2024-12-20"));

    assertThat(task(instance, "task_review").getDueDate()).isEqualTo(Instant.parse("2024-12-27T23:59:00Z"));
    assertThat(task(instance, "task_acknowledge").getDueDate()).isEqualTo(Instant.parse("2024-12-27T17:00:00Z"));
    assertThat(timer(instance, "timer_wd_3").getDuedate()).isEqualTo(Instant.parse("2024-12-30T23:59:00Z"));
  }

  @Test
  void recalculationPutsWrongDeadlinesBackAndReportsWhatMoved() throws Exception {
    deploymentId = repository.createDeployment().addClasspathResource("calendar/working-day-deadlines.bpmn").deploy().getId();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-12-23T09:00:00Z")));
    ProcessInstance instance = runtime.startProcessInstanceByKey("process_working_day_deadlines", Map.of("dayZero", "2024-12-20"));
    // as if calculated on a calendar that lacked Boxing Day
    management.setJobDuedate(timer(instance, "timer_day_5").getId(), Date.from(Instant.parse("2024-12-30T12:00:00Z")));
    Task review = task(instance, "task_review");
    review.setDueDate(Date.from(Instant.parse("2024-12-26T23:59:00Z")));
    tasks.saveTask(review);

    ResponseEntity<String> response = rest.withBasicAuth("admin", "test-admin-secret")
        .postForEntity("/api/working-days/recalculate", null, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode report = json(response);
    assertThat(report.get("bankHolidays").asInt()).isGreaterThan(800);
    assertThat(report.get("failed")).isEmpty();
    assertThat(report.get("moved")).containsExactlyInAnyOrder(
        JSON.createObjectNode().put("kind", "timer").put("id", timer(instance, "timer_day_5").getId())
            .put("processInstanceId", instance.getId()).put("element", "timer_day_5")
            .put("old", "2024-12-30T12:00:00Z").put("new", "2024-12-31T12:00:00Z"),
        JSON.createObjectNode().put("kind", "task due date").put("id", review.getId())
            .put("processInstanceId", instance.getId()).put("element", "task_review")
            .put("old", "2024-12-26T23:59:00Z").put("new", "2024-12-27T23:59:00Z"));
    assertThat(timer(instance, "timer_day_5").getDuedate()).isEqualTo(Instant.parse("2024-12-31T12:00:00Z"));
    assertThat(task(instance, "task_review").getDueDate()).isEqualTo(Instant.parse("2024-12-27T23:59:00Z"));
  }

  @Test
  void theTestDiagramKeepsTheTeamsModelRules() throws Exception {
    Path calendarDiagrams = Path.of("src/test/resources/calendar");

    assertThat(new ModelConsistencyChecker(context::containsBean, StaffGroup.idsWithAdministrators()::contains).check(calendarDiagrams, calendarDiagrams)).isEmpty();
  }

  private Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }
}
