package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.JtaiProcess.Submission;
import uk.jointinspections.testkit.EngineClock;

/**
 * The seed's day table (paragraph 9 of the JTAI framework), written out once per edition as rows
 * {@code element | day | time | performer | paragraph}, checked against a started inspection: every timeline entry
 * with a working day, and the Tasklist due date and candidate group (or assignee) of every step. Performer: {@code LI}
 * the lead inspector, {@code QA} the named QA manager (group {@code qa-manager} for cover), {@code local area} a
 * submission (its record task goes to the lead inspector), otherwise the candidate group. Expected dates are counted
 * here with the England bank holidays of 2027 written out, not with the application's calendar.
 */
abstract class JtaiSeedDayTable {

  /** England and Wales bank holidays of 2027 (gov.uk). */
  static final Set<LocalDate> BANK_HOLIDAYS_2027 = Set.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 26),
      LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 3), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 8, 30),
      LocalDate.of(2027, 12, 27), LocalDate.of(2027, 12, 28));

  record Row(String element, int day, LocalTime time, String performer, String paragraph) {
    static Row parse(String line) {
      String[] cells = line.split("\\|");
      String time = cells[2].strip();
      return new Row(cells[0].strip(), Integer.parseInt(cells[1].strip()), time.isEmpty() ? null : LocalTime.parse(time),
          cells[3].strip(), cells[4].strip());
    }

    Submission submission() {
      return java.util.Arrays.stream(Submission.values()).filter(s -> s.subProcessId.equals(element)).findFirst()
          .orElse(null);
    }
  }

  static List<Row> rows(String table) {
    return table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(Row::parse).toList();
  }

  /** Working day {@code n} from {@code dayZero}, skipping weekends and the bank holidays above. */
  static LocalDate workingDay(LocalDate dayZero, int n) {
    LocalDate date = dayZero;
    int step = n < 0 ? -1 : 1;
    for (int counted = 0; counted != n; ) {
      date = date.plusDays(step);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
          && !BANK_HOLIDAYS_2027.contains(date)) {
        counted += step;
      }
    }
    return date;
  }

  static Instant expected(LocalDate dayZero, Row row) {
    LocalTime time = row.time() == null ? LocalTime.of(23, 59) : row.time();
    return workingDay(dayZero, row.day()).atTime(time).atZone(WorkingDayCalendar.LONDON).toInstant();
  }

  static String timelinePerformer(Row row) {
    return switch (row.performer()) {
      case "LI" -> "lead inspector ofsted-lead";
      case "QA" -> "QA manager qa-manager";
      default -> row.performer();
    };
  }

  /** Every timeline entry with a working day is a row of the table, with the row's due date, performer, paragraph. */
  static void checkTimeline(List<TimelineEntry> timeline, LocalDate dayZero, List<Row> table) {
    Map<String, Row> rows = new LinkedHashMap<>();
    table.forEach(row -> rows.put(row.element(), row));
    List<TimelineEntry> dated = timeline.stream().filter(e -> e.day() != null).toList();
    assertThat(dated.stream().map(TimelineEntry::id).collect(Collectors.toSet()))
        .as("the timeline's dated steps are the table's rows").isEqualTo(rows.keySet());
    SoftAssertions soft = new SoftAssertions();
    for (TimelineEntry entry : dated) {
      Row row = rows.get(entry.id());
      soft.assertThat(entry.day()).as(entry.id() + " day").isEqualTo(row.day());
      soft.assertThat(entry.dueAt().toInstant()).as(entry.id() + " due").isEqualTo(expected(dayZero, row));
      soft.assertThat(entry.performer()).as(entry.id() + " performer").isEqualTo(timelinePerformer(row));
      soft.assertThat(entry.paragraph()).as(entry.id() + " paragraph").isEqualTo(row.paragraph());
    }
    soft.assertAll();
  }

  /**
   * Each step started on its own (with the variables the start left): the Tasklist task's due date and who it is
   * offered to, or the timer's due date.
   */
  /**
   * The table's inspections are dated in 2027 and one is started per step: they would head every list sorted by
   * start time (Cockpit's, the Tasklist's) in the browser tests that share this engine, so each test removes its own.
   */
  static void removeInspections(ProcessEngine engine, String referencePrefix) {
    List<String> ids = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKeyLike(referencePrefix + "%").list().stream()
        .map(ProcessInstance::getId).toList();
    if (!ids.isEmpty()) {
      engine.getRuntimeService().deleteProcessInstances(ids, "table test done", true, true);
    }
  }

  static void checkTasklist(ProcessEngine engine, Map<String, Object> startVariables, String reference,
      LocalDate dayZero, List<Row> table) {
    SoftAssertions soft = new SoftAssertions();
    int n = 0;
    for (Row row : table) {
      Map<String, Object> variables = new java.util.HashMap<>(startVariables);
      // What the day-24 and day-41 letters leave when they go on their table day (LetterSentOn).
      variables.put("draftLetterSentOn", midnight(workingDay(dayZero, 24)));
      variables.put("finalLetterSentOn", midnight(workingDay(dayZero, 41)));
      ProcessInstance pi = engine.getRuntimeService().createProcessInstanceByKey(JtaiProcess.KEY)
          .businessKey(reference + "-" + ++n).setVariables(variables).startBeforeActivity(row.element()).execute();
      Date due = Date.from(expected(dayZero, row));
      if (row.element().startsWith("timer_")) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
            .activityId(row.element()).singleResult();
        soft.assertThat(timer.getDuedate()).as(row.element() + " timer").isEqualTo(due);
        continue;
      }
      Submission submission = row.submission();
      String taskKey = submission != null ? submission.recordTaskId : row.element();
      List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey(taskKey).list();
      soft.assertThat(tasks).as(taskKey + " task").hasSize(1);
      if (tasks.size() != 1) {
        continue;
      }
      Task task = tasks.get(0);
      soft.assertThat(task.getDueDate()).as(taskKey + " due date").isEqualTo(due);
      List<String> groups = new ArrayList<>(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .map(IdentityLink::getGroupId).filter(g -> g != null).toList());
      switch (row.performer()) {
        case "LI", "local area" -> {
          soft.assertThat(task.getAssignee()).as(taskKey + " assignee").isEqualTo("ofsted-lead");
          soft.assertThat(groups).as(taskKey + " groups").isEmpty();
        }
        case "QA" -> {
          soft.assertThat(task.getAssignee()).as(taskKey + " assignee").isEqualTo("qa-manager");
          soft.assertThat(groups).as(taskKey + " groups").containsExactly(Inspectorates.QA_MANAGER);
        }
        default -> {
          soft.assertThat(task.getAssignee()).as(taskKey + " assignee").isNull();
          soft.assertThat(groups).as(taskKey + " groups").containsExactly(row.performer());
        }
      }
    }
    soft.assertAll();
  }

  static Date midnight(LocalDate date) {
    return Date.from(date.atStartOfDay(WorkingDayCalendar.LONDON).toInstant());
  }

  static void atStart(LocalDate dayZero) {
    EngineClock.set(workingDay(dayZero, -1), LocalTime.of(9, 0));
  }
}
