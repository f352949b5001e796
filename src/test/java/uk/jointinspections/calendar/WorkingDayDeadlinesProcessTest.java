package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timers and due dates of working-day-deadlines.bpmn over Christmas 2024 (25 and 26 December on
 * Wednesday and Thursday, New Year's Day on a Wednesday), with the clock moved by hand. Instants are
 * UTC: London is on GMT over Christmas.
 */
@Deployment(resources = "calendar/working-day-deadlines.bpmn")
class WorkingDayDeadlinesProcessTest {

  private static final String PROCESS = "process_working_day_deadlines";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(CalendarTestEngine.start("working-day-deadlines",
          new WorkingDays(new BankHolidaySources(new CalendarProperties(null)))))
      .build();

  ProcessEngine engine; // injected by the extension
  private RuntimeService runtimeService;
  private TaskService taskService;
  private ManagementService managementService;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    runtimeService = engine.getRuntimeService();
    taskService = engine.getTaskService();
    managementService = engine.getManagementService();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  static void closeEngine() {
    extension.getProcessEngine().close();
  }

  /** Day 0 is Friday 20 December 2024; the process starts on Monday 23 December at 09:00. */
  private ProcessInstance startOnMonday23December(Object dayZero) {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-12-23T09:00:00Z")));
    return runtimeService.startProcessInstanceByKey(PROCESS, Map.of("dayZero", dayZero));
  }

  @Test
  void userTaskDueAndFollowUpDatesComeFromTheElementsProperties() {
    ProcessInstance instance = startOnMonday23December("2024-12-20");

    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("task_review").singleResult();
    // day 3: Mon 23 (1), Tue 24 (2), Christmas and Boxing Day, Fri 27 (3); end of day
    assertThat(review.getDueDate()).isEqualTo(Instant.parse("2024-12-27T23:59:00Z"));
    // ${deadlines.day(execution, 1, '09:30')}
    assertThat(review.getFollowUpDate()).isEqualTo(Instant.parse("2024-12-23T09:30:00Z"));
  }

  @Test
  void aDayZeroGivenAsADateIsTakenAsItsLondonDate() {
    // 00:30 on 20 June in London is still 19 June in UTC, the JVM's zone in these tests.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-06-20T09:00:00Z")));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS,
        Map.of("dayZero", Date.from(Instant.parse("2024-06-19T23:30:00Z"))));

    Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("task_review").singleResult();
    // Thursday 20 June + 3 working days = Tuesday 25 June, 23:59 BST
    assertThat(review.getDueDate()).isEqualTo(Instant.parse("2024-06-25T22:59:00Z"));
  }

  @Test
  void boundaryTimerWithTheExpressionBeanFiresAtTheEndOfItsHostTasksWorkingDay() {
    ProcessInstance instance = startOnMonday23December("2024-12-20");

    assertFiresExactlyAt(instance, "timer_review_overdue", Instant.parse("2024-12-27T23:59:00Z"));
    assertThat(instance).isWaitingAt("task_chase_review").hasNotPassed("end_review_done");
  }

  @Test
  void intermediateTimerWithTheExpressionBeanFiresAtItsOwnDayAndTime() {
    ProcessInstance instance = startOnMonday23December("2024-12-20");

    // day 5 at 12:00: Mon 30 (4), Tue 31 (5)
    assertFiresExactlyAt(instance, "timer_day_5", Instant.parse("2024-12-31T12:00:00Z"));
    assertThat(instance).isWaitingAt("task_after_day_5");
  }

  @Test
  void workingDayDurationTimerCountsFromWhenItIsCreated() {
    ProcessInstance instance = startOnMonday23December("2024-12-20");

    // P3WD from Monday 23 December: Tue 24 (1), Fri 27 (2), Mon 30 (3); end of day
    assertFiresExactlyAt(instance, "timer_wd_3", Instant.parse("2024-12-30T23:59:00Z"));
    assertThat(instance).isWaitingAt("task_after_wd_3");
  }

  @Test
  void workingDayDurationDueDateWithATimeOfDay() {
    ProcessInstance instance = startOnMonday23December("2024-12-20");

    Task acknowledge = taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("task_acknowledge").singleResult();
    // P2WDT17:00 from Monday 23 December: Tue 24 (1), Fri 27 (2)
    assertThat(acknowledge.getDueDate()).isEqualTo(Instant.parse("2024-12-27T17:00:00Z"));
  }

  @Test
  void theEnginesOwnNotationsGoThroughUnchanged() {
    BusinessCalendarManager calendars =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager();
    Date start = Date.from(Instant.parse("2024-12-23T09:00:00Z"));

    assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("PT1H", start))
        .isEqualTo(Instant.parse("2024-12-23T10:00:00Z"));
    assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("P3D", start))
        .isEqualTo(Instant.parse("2024-12-26T09:00:00Z"));
    assertThat(calendars.getBusinessCalendar("dueDate").resolveDuedate("2025-01-02T10:00:00Z"))
        .isEqualTo(Instant.parse("2025-01-02T10:00:00Z"));
    assertThat(calendars.getBusinessCalendar("duration").resolveDuedate("P3WD", start))
        .isEqualTo(Instant.parse("2024-12-30T23:59:00Z"));
    assertThat(calendars.getBusinessCalendar("dueDate").resolveDuedate("P3WDT09:30", start))
        .isEqualTo(Instant.parse("2024-12-30T09:30:00Z"));
  }

  /** Not a calendar day earlier, not a minute earlier, and fired at the moment itself. */
  private void assertFiresExactlyAt(ProcessInstance instance, String timerId, Instant due) {
    Job timer = timerJob(instance, timerId);
    assertThat(timer.getDuedate()).as("due date of %s", timerId).isEqualTo(due);

    for (Instant before : new Instant[] {due.minus(Duration.ofDays(1)), due.minus(Duration.ofMinutes(1))}) {
      ClockUtil.setCurrentTime(Date.from(before));
      assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timerId)
          .executable().count()).as("%s due at %s", timerId, before).isZero();
    }
    ClockUtil.setCurrentTime(Date.from(due));
    Job dueTimer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timerId)
        .executable().singleResult();
    assertThat(dueTimer).as("%s due at %s", timerId, due).isNotNull();
    managementService.executeJob(dueTimer.getId());
    assertThat(instance).hasPassed(timerId);
  }

  private Job timerJob(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
  }
}
