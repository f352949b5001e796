package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import uk.jointinspections.identity.Administrators;
import uk.jointinspections.web.ApiErrorHandler;

/**
 * A bank holiday announced after processes have started: Monday 15 June 2026 is added to the
 * operator's file while the instances wait. Day 0 is Wednesday 10 June; the processes start that day.
 */
@Deployment(resources = "calendar/working-day-deadlines.bpmn")
class DeadlineRecalculationTest {

  private static final Path HOLIDAYS_FILE = tempFile();
  private static final WorkingDays workingDays =
      new WorkingDays(new BankHolidaySources(new CalendarProperties(HOLIDAYS_FILE.toString())));

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(CalendarTestEngine.start("deadline-recalculation", workingDays))
      .build();

  ProcessEngine engine; // injected by the extension
  private DeadlineRecalculation recalculation;
  private ManagementService managementService;
  private TaskService taskService;

  @BeforeEach
  void setUp() throws IOException {
    writeHolidays("");
    workingDays.reload();
    recalculation = new DeadlineRecalculation(workingDays, engine);
    managementService = engine.getManagementService();
    taskService = engine.getTaskService();
    engine.getRepositoryService().createDeployment().addModelInstance("plain-timer.bpmn",
        Bpmn.createExecutableProcess("process_plain_timer").camundaHistoryTimeToLive(30)
            .startEvent().intermediateCatchEvent("timer_plain_five_days").timerWithDuration("P5D")
            .endEvent().done()).deploy();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    engine.getRepositoryService().createDeploymentQuery().list().forEach(deployment ->
        engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @AfterAll
  static void closeEngine() throws IOException {
    extension.getProcessEngine().close();
    Files.deleteIfExists(HOLIDAYS_FILE);
  }

  @Test
  void aNewHolidayMovesTheWorkingDayTimersAndTaskDatesAndNothingElse() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-10T08:00:00Z")));
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("process_working_day_deadlines", Map.of("dayZero", "2026-06-10"));
    ProcessInstance plain = engine.getRuntimeService().startProcessInstanceByKey("process_plain_timer");
    Date plainDue = timerDue(plain, "timer_plain_five_days");
    assertThat(timerDue(instance, "timer_review_overdue")).isEqualTo(Instant.parse("2026-06-15T22:59:00Z"));

    // A day later the holiday is announced: recalculation must still count from creation, not from now.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-11T10:00:00Z")));
    writeHolidays("""
        {"title": "Extra bank holiday", "date": "2026-06-15", "notes": "", "bunting": true}""");
    RecalculationReport report = recalculation.reloadAndRecalculate();

    // Mon 15 is no longer day 3: Thu 11 (1), Fri 12 (2), Tue 16 (3), Wed 17 (4), Thu 18 (5)
    assertThat(timerDue(instance, "timer_review_overdue")).isEqualTo(Instant.parse("2026-06-16T22:59:00Z"));
    assertThat(timerDue(instance, "timer_day_5")).isEqualTo(Instant.parse("2026-06-18T11:00:00Z"));
    assertThat(timerDue(instance, "timer_wd_3")).isEqualTo(Instant.parse("2026-06-16T22:59:00Z"));
    assertThat(task(instance, "task_review").getDueDate()).isEqualTo(Instant.parse("2026-06-16T22:59:00Z"));
    // Dates the holiday does not reach stay where they were.
    assertThat(task(instance, "task_review").getFollowUpDate()).isEqualTo(Instant.parse("2026-06-11T08:30:00Z"));
    assertThat(task(instance, "task_acknowledge").getDueDate()).isEqualTo(Instant.parse("2026-06-12T16:00:00Z"));
    assertThat(timerDue(plain, "timer_plain_five_days")).isEqualTo(plainDue);

    assertThat(report.timersChecked()).isEqualTo(3);
    assertThat(report.tasksChecked()).isEqualTo(2);
    assertThat(report.failed()).isEmpty();
    assertThat(report.moved())
        .extracting(RecalculationReport.Move::kind, RecalculationReport.Move::element,
            RecalculationReport.Move::before, RecalculationReport.Move::after)
        .containsExactlyInAnyOrder(
            tuple("timer", "timer_review_overdue", london("2026-06-15T23:59+01:00"), london("2026-06-16T23:59+01:00")),
            tuple("timer", "timer_day_5", london("2026-06-17T12:00+01:00"), london("2026-06-18T12:00+01:00")),
            tuple("timer", "timer_wd_3", london("2026-06-15T23:59+01:00"), london("2026-06-16T23:59+01:00")),
            tuple("task due date", "task_review", london("2026-06-15T23:59+01:00"), london("2026-06-16T23:59+01:00")));
    assertThat(report.moved()).allSatisfy(move -> assertThat(move.processInstanceId()).isEqualTo(instance.getId()));

    // and the moved timer fires on its new day, not the old one
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-15T23:00:00Z")));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
  }

  /** A building block called for one item has no day of its own: its deadline is its call activity's, and moves. */
  @Test
  void aNewHolidayMovesTheDeadlineACalledBlockTakesFromItsCallActivity() throws IOException {
    String ns = "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" targetNamespace=\"test\"";
    engine.getRepositoryService().createDeployment()
        .addString("block.bpmn", "<bpmn:definitions " + ns + "><bpmn:process id=\"process_block\" isExecutable=\"true\""
            + " camunda:historyTimeToLive=\"1\"><bpmn:startEvent id=\"start_block\" />"
            + "<bpmn:sequenceFlow id=\"flow_1\" sourceRef=\"start_block\" targetRef=\"task_record_item\" />"
            + "<bpmn:userTask id=\"task_record_item\" camunda:dueDate=\"${deadlines.dueOfCall(execution)}\" />"
            + "<bpmn:boundaryEvent id=\"timer_overdue_item\" cancelActivity=\"false\" attachedToRef=\"task_record_item\">"
            + "<bpmn:timerEventDefinition><bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${deadlines.dueOfCall(execution)}"
            + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:boundaryEvent>"
            + "<bpmn:sequenceFlow id=\"flow_2\" sourceRef=\"task_record_item\" targetRef=\"end_block\" />"
            + "<bpmn:endEvent id=\"end_block\" /></bpmn:process></bpmn:definitions>")
        .addString("caller.bpmn", "<bpmn:definitions " + ns + "><bpmn:process id=\"process_caller\" isExecutable=\"true\""
            + " camunda:historyTimeToLive=\"1\"><bpmn:startEvent id=\"start_caller\" />"
            + "<bpmn:sequenceFlow id=\"flow_1\" sourceRef=\"start_caller\" targetRef=\"call_item\" />"
            + "<bpmn:callActivity id=\"call_item\" calledElement=\"process_block\"><bpmn:extensionElements>"
            + "<camunda:properties><camunda:property name=\"day\" value=\"3\" /></camunda:properties>"
            + "</bpmn:extensionElements></bpmn:callActivity>"
            + "<bpmn:sequenceFlow id=\"flow_2\" sourceRef=\"call_item\" targetRef=\"end_caller\" />"
            + "<bpmn:endEvent id=\"end_caller\" /></bpmn:process></bpmn:definitions>")
        .deploy();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-10T08:00:00Z")));
    ProcessInstance caller = engine.getRuntimeService().startProcessInstanceByKey("process_caller",
        Map.of("dayZero", "2026-06-10"));
    ProcessInstance block = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId()).singleResult();
    assertThat(task(block, "task_record_item").getDueDate()).as("day 3 of the call activity, the caller's day 0")
        .isEqualTo(Instant.parse("2026-06-15T22:59:00Z"));
    assertThat(timerDue(block, "timer_overdue_item")).isEqualTo(Instant.parse("2026-06-15T22:59:00Z"));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-11T10:00:00Z")));
    writeHolidays("""
        {"title": "Extra bank holiday", "date": "2026-06-15", "notes": "", "bunting": true}""");
    RecalculationReport report = recalculation.reloadAndRecalculate();

    assertThat(report.failed()).isEmpty();
    assertThat(task(block, "task_record_item").getDueDate()).isEqualTo(Instant.parse("2026-06-16T22:59:00Z"));
    assertThat(timerDue(block, "timer_overdue_item")).isEqualTo(Instant.parse("2026-06-16T22:59:00Z"));
  }

  @Test
  void anInstanceThatCannotBeRecalculatedIsReportedAndTheOthersStillMove() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-10T08:00:00Z")));
    ProcessInstance good = engine.getRuntimeService()
        .startProcessInstanceByKey("process_working_day_deadlines", Map.of("dayZero", "2026-06-10"));
    ProcessInstance broken = engine.getRuntimeService()
        .startProcessInstanceByKey("process_working_day_deadlines", Map.of("dayZero", "2026-06-10"));
    engine.getRuntimeService().removeVariable(broken.getId(), "dayZero");

    writeHolidays("""
        {"title": "Extra bank holiday", "date": "2026-06-15", "notes": "", "bunting": true}""");
    RecalculationReport report = recalculation.reloadAndRecalculate();

    assertThat(timerDue(good, "timer_review_overdue")).isEqualTo(Instant.parse("2026-06-16T22:59:00Z"));
    assertThat(timerDue(broken, "timer_review_overdue")).isEqualTo(Instant.parse("2026-06-15T22:59:00Z"));
    assertThat(report.failed())
        .extracting(RecalculationReport.Failure::element, RecalculationReport.Failure::processInstanceId)
        .contains(tuple("timer_review_overdue", broken.getId()), tuple("task_review", broken.getId()));
    assertThat(report.failed()).allSatisfy(failure -> assertThat(failure.message()).contains("dayZero"));
  }

  @Test
  void aCorruptFileChangesNothing() throws IOException {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-10T08:00:00Z")));
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("process_working_day_deadlines", Map.of("dayZero", "2026-06-10"));
    WorkingDayCalendar before = workingDays.calendar();

    Files.writeString(HOLIDAYS_FILE, "{\"england-and-wales\": {\"events\": [{\"title\": \"Extra\", \"date\": \"2026-06-31\"}]}}");

    assertThatThrownBy(recalculation::reloadAndRecalculate).isInstanceOf(BankHolidayFileException.class)
        .hasMessageContaining(HOLIDAYS_FILE.toString()).hasMessageContaining("2026-06-31");
    assertThat(workingDays.calendar()).isSameAs(before);
    assertThat(timerDue(instance, "timer_review_overdue")).isEqualTo(Instant.parse("2026-06-15T22:59:00Z"));
  }

  @Test
  void theEndpointIsForAdministratorsAndReportsAnUnusableFileAsTheServersProblem() throws Exception {
    MockMvc api = MockMvcBuilders.standaloneSetup(new WorkingDaysController(workingDays, recalculation,
        new Administrators(engine)))
        .setControllerAdvice(new ApiErrorHandler()).build();
    IdentityService identity = engine.getIdentityService();
    try {
      identity.setAuthentication("ofsted-lead", List.of("ofsted", "lead-inspector"));
      api.perform(post("/api/working-days/recalculate")).andExpect(status().isForbidden())
          .andExpect(jsonPath("$.status").value(403))
          .andExpect(jsonPath("$.message").value("Only administrators (group camunda-admin) may recalculate deadlines"));

      identity.setAuthentication("admin", List.of("camunda-admin"));
      writeHolidays("""
          {"title": "Extra bank holiday", "date": "2026-06-15", "notes": "", "bunting": true}""");
      api.perform(post("/api/working-days/recalculate")).andExpect(status().isOk())
          .andExpect(jsonPath("$.bankHolidays").value(workingDays.calendar().holidayCount()))
          .andExpect(jsonPath("$.moved").isArray());
      assertThat(workingDays.isWorkingDay(LocalDate.parse("2026-06-15"))).isFalse();

      Files.writeString(HOLIDAYS_FILE, "{\"scotland\": {}}");
      api.perform(post("/api/working-days/recalculate")).andExpect(status().isInternalServerError())
          .andExpect(jsonPath("$.error").value("Internal Server Error"))
          .andExpect(jsonPath("$.message").value("Bank holidays file " + HOLIDAYS_FILE.toAbsolutePath()
              + ": has no \"england-and-wales\" division (found: scotland). The calendar in use and all deadlines are unchanged."));
      assertThat(workingDays.isWorkingDay(LocalDate.parse("2026-06-15"))).isFalse();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Date timerDue(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult().getDuedate();
  }

  private org.camunda.bpm.engine.task.Task task(ProcessInstance instance, String key) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  private static OffsetDateTime london(String text) {
    return OffsetDateTime.parse(text);
  }

  private static void writeHolidays(String events) throws IOException {
    Files.writeString(HOLIDAYS_FILE, OperatorBankHolidaysFileTest.governmentFormat(events));
  }

  private static Path tempFile() {
    try {
      Path file = Files.createTempFile("bank-holidays", ".json");
      Files.writeString(file, OperatorBankHolidaysFileTest.governmentFormat(""));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
