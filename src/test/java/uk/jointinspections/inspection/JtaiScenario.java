package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.testkit.JtaiStart;

/** Drives one JTAI instance through time: the clock, the due timers, the tasks of a step. */
class JtaiScenario {

  final ProcessEngine engine;
  final WorkingDays workingDays;
  final LocalDate dayZero;
  /** The edition's own day/time of a step where it differs from the 2017 table: task id → {day, time}. */
  Map<String, String[]> editionOverrides = Map.of();
  ProcessInstance instance;

  JtaiScenario(ProcessEngine engine, WorkingDays workingDays, LocalDate dayZero) {
    this.engine = engine;
    this.workingDays = workingDays;
    this.dayZero = dayZero;
  }

  /** The one JTAI start request of these tests: Northshire, the demo lead inspector and QA manager. */
  static InspectionStartRequest startRequest(String framework, String reference, String theme, LocalDate notified) {
    return JtaiStart.notifiedOn(framework, reference, theme, notified);
  }

  /** An instance started where a step begins, with the variables a 2017 start on Tuesday 2 March 2027 leaves. */
  static ProcessInstance startBefore(ProcessEngine engine, String reference, String activity, Map<String, Object> extra) {
    return JtaiStart.validatedPartWay(engine.getRuntimeService(), reference, activity, extra);
  }

  LocalDate date(int day) {
    return workingDays.add(dayZero, day);
  }

  /** Moves the clock to a time of working day {@code day}, then fires every timer that has become due. */
  void clock(int day, String time) {
    ZonedDateTime at = date(day).atTime(LocalTime.parse(time)).atZone(WorkingDayCalendar.LONDON);
    ClockUtil.setCurrentTime(Date.from(at.toInstant()));
    fireDueTimers();
  }

  void fireDueTimers() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
          .duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1000)).list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** The deadline of a step whose 2017 table entry is {@code day}/{@code time}, in this run's edition. */
  Date deadline(String taskId, int day, String time) {
    String[] override = editionOverrides.get(taskId);
    if (override != null) {
      day = override[0] != null ? Integer.parseInt(override[0]) : day;
      time = override[1] != null ? override[1] : time;
    }
    return deadline(day, time);
  }

  Date deadline(int day, String time) {
    return Date.from(workingDays.deadline(dayZero, day, time == null ? null : LocalTime.parse(time)).toInstant());
  }

  List<Task> tasks(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
  }

  Task task(String key) {
    List<Task> found = tasks(key);
    assertThat(found).as("open tasks " + key).hasSize(1);
    return found.get(0);
  }

  /** The lead inspector's step: assigned to them, due on the day (and time) the framework gives. */
  Task leadStep(String key, int day, String time) {
    Task task = task(key);
    assertThat(task).isAssignedTo("ofsted-lead").hasDueDate(deadline(key, day, time));
    return task;
  }

  /** One task per inspectorate ({@link JtaiProcess#forInspectorate}), each offered to that group only, all due on the day. */
  List<Task> groupSteps(String step, List<String> groups, int day, String time) {
    return groupSteps(step, groups, day, time, g -> g);
  }

  /** As {@link #groupSteps(String, List, int, String)}, each offered to the group {@code offeredTo} names. */
  List<Task> groupSteps(String step, List<String> groups, int day, String time,
      java.util.function.UnaryOperator<String> offeredTo) {
    List<Task> found = groups.stream().map(g -> {
      Task task = task(JtaiProcess.forInspectorate(step, g));
      assertThat(candidateGroup(task)).isEqualTo(offeredTo.apply(g));
      return task;
    }).toList();
    found.forEach(t -> assertThat(t).hasDueDate(deadline(t.getTaskDefinitionKey(), day, time)));
    return found;
  }

  /** A role's step (national director, editors, analyst): offered to the role's group, due on the day. */
  Task roleStep(String key, String group, int day, String time) {
    Task task = task(key);
    assertThat(candidateGroup(task)).isEqualTo(group);
    assertThat(task).isNotAssigned().hasDueDate(deadline(key, day, time));
    return task;
  }

  void completeGroups(String step, List<String> groups) {
    groups.forEach(g -> complete(JtaiProcess.forInspectorate(step, g)));
  }

  String candidateGroup(Task task) {
    List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    assertThat(groups).as("candidate groups of " + task.getTaskDefinitionKey()).hasSize(1);
    return groups.get(0);
  }

  void complete(String key, Map<String, Object> variables) {
    List<Task> found = tasks(key);
    assertThat(found).as("open tasks " + key).isNotEmpty();
    found.forEach(t -> engine.getTaskService().complete(t.getId(), variables));
  }

  void complete(String key) {
    complete(key, Map.of());
  }

  /** Completes each inspectorate's task of a step with its own form values. */
  void completeEach(String step, List<String> groups, java.util.function.Function<String, Map<String, Object>> values) {
    groups.forEach(g -> complete(JtaiProcess.forInspectorate(step, g), values.apply(g)));
  }

  long followUps() {
    return tasks(JtaiProcess.TASK_FOLLOW_UP_OVERDUE).size();
  }

  static String childIds(int from, int count) {
    StringBuilder ids = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      ids.append(ids.isEmpty() ? "" : ", ").append("NS-").append(1000 + i);
    }
    return ids.toString();
  }
}
