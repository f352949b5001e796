package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import uk.jointinspections.inspection.LocalAreaSubmissionProcess;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.testkit.EngineClock;

/** Drives one inspection of any framework through time: the clock, due timers, and its steps with their deadlines. */
class FrameworkScenario {

  final ProcessEngine engine;
  final String processInstanceId;

  FrameworkScenario(ProcessEngine engine, String processInstanceId) {
    this.engine = engine;
    this.processInstanceId = processInstanceId;
  }

  static Date at(String localDateTime) {
    return EngineClock.at(localDateTime);
  }

  static void clock(String localDateTime) {
    EngineClock.set(localDateTime);
  }

  /** An inspection started at this London date-time, as the start form or the API would start it. */
  static FrameworkScenario start(ProcessEngine engine, InspectionStarts starts, InspectionStartRequest request,
      String now) {
    clock(now);
    return new FrameworkScenario(engine, starts.start(request).processInstanceId());
  }

  /** Moves the clock and fires every timer of this inspection that has become due. */
  void moveTo(String localDateTime) {
    clock(localDateTime);
    for (int round = 0; round < 20; round++) {
      List<Job> due = instances().stream().flatMap(id -> engine.getManagementService().createJobQuery()
          .processInstanceId(id).timers().duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1000))
          .list().stream()).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  /** The inspection and the processes it has called (the shared statement of action): their steps are its steps. */
  List<String> instances() {
    List<String> ids = new ArrayList<>();
    ids.add(processInstanceId);
    engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
        .forEach(called -> ids.add(called.getId()));
    return ids;
  }

  /**
   * The open tasks of a step: a task key of the inspection or a process it called, or the call activity of a building
   * block called for one item ({@code call_record_case_list}: its record step; {@code call_x/task_chase_submission}:
   * another of its steps).
   */
  List<Task> tasks(String key) {
    if (key.startsWith("call_") && !key.equals(uk.jointinspections.inspection.StatementOfActionProcess.CALL_STATEMENT_OF_ACTION)) {
      String[] parts = key.split("/", 2);
      String taskKey = parts.length == 2 ? parts[1] : LocalAreaSubmissionProcess.TASK_RECORD;
      return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
          .activityId(parts[0]).list().stream().map(call -> call.getCalledProcessInstanceId())
          .filter(java.util.Objects::nonNull).flatMap(id -> engine.getTaskService().createTaskQuery()
              .processInstanceId(id).taskDefinitionKey(taskKey).list().stream()).toList();
    }
    return instances().stream().flatMap(id -> engine.getTaskService().createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(key).list().stream()).toList();
  }

  /** A task as {@link #tasks} names its step: a building block's steps by the call activity that started them. */
  String stepOf(Task task) {
    if (task.getProcessDefinitionId().startsWith(LocalAreaSubmissionProcess.KEY + ":")) {
      String call = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
          .activityType("callActivity").list().stream()
          .filter(a -> task.getProcessInstanceId().equals(a.getCalledProcessInstanceId())).findFirst().orElseThrow()
          .getActivityId();
      return LocalAreaSubmissionProcess.TASK_RECORD.equals(task.getTaskDefinitionKey()) ? call
          : call + "/" + task.getTaskDefinitionKey();
    }
    return task.getTaskDefinitionKey();
  }

  Task task(String key) {
    List<Task> found = tasks(key);
    assertThat(found).as("open tasks " + key).hasSize(1);
    return found.get(0);
  }

  /** The step is open, assigned to this user, due at this London date-time ("2026-09-22T17:00"). */
  Task assigned(String key, String user, String due) {
    Task task = task(key);
    assertThat(task.getAssignee()).as(key + " assignee").isEqualTo(user);
    assertDue(task, due);
    return task;
  }

  /** The step is open, offered to this group only, due at this London date-time (or no deadline when null). */
  Task offered(String key, String group, String due) {
    Task task = task(key);
    assertThat(task.getAssignee()).as(key + " assignee").isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList())
        .as(key + " candidate groups").containsExactly(group);
    assertDue(task, due);
    return task;
  }

  /** The step is open, offered to exactly these groups, due at this London date-time (or no deadline when null). */
  Task offeredToGroups(String key, String due, String... groups) {
    Task task = task(key);
    assertThat(task.getAssignee()).as(key + " assignee").isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList())
        .as(key + " candidate groups").containsExactlyInAnyOrder(groups);
    assertDue(task, due);
    return task;
  }

  /** Completes the step as this signed-in user, as the Tasklist or the REST API would. */
  void completeAs(String user, String key, Map<String, Object> variables) {
    String taskId = task(key).getId();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      engine.getTaskService().complete(taskId, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static void assertDue(Task task, String due) {
    if (due == null) {
      assertThat(task.getDueDate()).as(task.getTaskDefinitionKey() + " due").isNull();
    } else {
      assertThat(task.getDueDate()).as(task.getTaskDefinitionKey() + " due").isEqualTo(at(due));
    }
  }

  /** The open user tasks of this inspection are exactly these steps (gateways and scopes aside). */
  void waitsAtExactly(String... keys) {
    assertThat(instances().stream().flatMap(id -> engine.getTaskService().createTaskQuery().processInstanceId(id)
        .list().stream()).toList())
        .extracting(this::stepOf).containsExactlyInAnyOrder(keys);
  }

  void complete(String key) {
    complete(key, Map.of());
  }

  void complete(String key, Map<String, Object> variables) {
    engine.getTaskService().complete(task(key).getId(), variables);
  }
}
