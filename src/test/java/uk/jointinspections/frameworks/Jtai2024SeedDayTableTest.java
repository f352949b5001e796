package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.frameworks.Jtai2024Process.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The seed's own tables for the 2024 JTAI (seed 002, guidance of 5 April 2024), written out once: the Annex A
 * timeline of paragraph 91 and the letter timeline after paragraph 83, each row with its step, its working day and
 * time, what it counts from, who does it and its paragraph. One inspection is started so that the whole timeline
 * crosses England's bank holidays: fieldwork Monday 5 April 2027, so Good Friday (26 March) and Easter Monday
 * (29 March) fall in week 2, the early May bank holiday (3 May) and the spring bank holiday (31 May) after fieldwork.
 * Every row is checked three ways: the timeline entry, the Tasklist due date and the Tasklist performer.
 *
 * <p>Weekdays are read as working-day offsets from the notification (reading R2): Tuesday = day 1 ... week 2
 * Thursday = day 8. The expected London dates are written by hand from the calendar, not computed.
 */
@EngineTest
@WithEngineAssertions
class Jtai2024SeedDayTableTest {

  private static final String LEAD = "ofsted-lead";

  /**
   * One row of a seed table. {@code performer}: "lead" (the Ofsted lead inspector, assigned), "local area" (the lead
   * inspector records the arrival; the timeline names the local area) or a candidate group.
   */
  record Row(String seedText, String step, int day, String time, String from, String performer, String paragraph,
      String due) {
  }

  /** Annex A (paragraph 91) and the table after paragraph 83, notification Thursday 18 March 2027. */
  static final List<Row> TABLE = List.of(
      new Row("Week 1, Monday: All inspectorates request the information set out in Annex A",
          TASK_NOTIFY_DCS, 0, null, "dayZero", "lead", "91", "2027-03-18T23:59"),
      new Row("Week 1, Monday: All inspectorates request the information set out in Annex A (CQC)",
          TASK_NOTIFY_HEALTH_LEADERS, 0, null, "dayZero", "cqc", "91", "2027-03-18T23:59"),
      new Row("Week 1, Monday: All inspectorates request the information set out in Annex A (HMICFRS)",
          TASK_NOTIFY_POLICE_LEADERS, 0, null, "dayZero", "hmicfrs", "91", "2027-03-18T23:59"),
      new Row("Week 1, Tuesday, by 5pm: Local authority provides child-level data; Local partners provide list of audits",
          TASK_RECORD_CHILD_LEVEL_DATA, 1, "17:00", "dayZero", "local area", "94-96", "2027-03-19T17:00"),
      new Row("Week 1, Wednesday, by 5pm: Ofsted lead inspector selects 30 children from these lists",
          TASK_SELECT_30_CHILDREN, 2, "17:00", "dayZero", "lead", "97-98", "2027-03-22T17:00"),
      new Row("Week 1, Thursday, by 5pm: Local partners provide additional information on the 30 children",
          TASK_RECORD_ANSWERS_30, 3, "17:00", "dayZero", "local area", "98", "2027-03-23T17:00"),
      new Row("Week 1, Friday, by 12pm: Ofsted lead inspector selects at least 5 children's cases for local partners to audit",
          TASK_SELECT_AUDIT_CHILDREN, 4, "12:00", "dayZero", "lead", "99-100", "2027-03-24T12:00"),
      new Row("Week 2, Tuesday, by 5pm: Local partners share case records for the 5 children; performance information",
          TASK_RECORD_CASE_RECORDS, 6, "17:00", "dayZero", "local area", "101-105, 108-109", "2027-03-30T17:00"),
      new Row("Week 2, Thursday, by 5pm: Local agencies share their audits of children's experiences",
          TASK_RECORD_AUDITS, 8, "17:00", "dayZero", "local area", "106-107", "2027-04-01T17:00"),
      new Row("Draft letter sent to local partnership to review factual accuracy: 15 working days after fieldwork",
          TASK_SEND_DRAFT_LETTER, 15, null, "fieldworkEnd", "lead", "83", "2027-04-30T23:59"),
      new Row("DCS has 9 working days to coordinate the partnership's comments: 24 working days after fieldwork",
          // Paragraph 83's 9 working days count from the draft (day 15 after fieldwork when on time): day 24.
          TASK_RECORD_DCS_COMMENTS, 9, null, "factualAccuracyDayZero", "local area", "83", "2027-05-14T23:59"),
      new Row("Final version of the letter sent to the local partnership: 31 working days after fieldwork",
          TASK_SEND_FINAL_LETTER, 31, null, "fieldworkEnd", "lead", "83", "2027-05-25T23:59"),
      new Row("Letter published: 34 working days after fieldwork",
          TASK_PUBLISH_LETTER, 34, null, "fieldworkEnd", "lead", "83", "2027-05-28T23:59"));

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;

  @Test
  void everyRowOfTheSeedsTablesIsTheTimelineTheTaskDueDateAndThePerformer() {
    FrameworkScenario.clock("2027-03-15T10:00");
    InspectionStarts.Started started = starts.start(new InspectionStartRequest("jtai-2024", "JTAI24-TABLE",
        "Northshire", null, null, "2027-04-05", LEAD, "qa-manager"));
    FrameworkScenario s = new FrameworkScenario(engine, started.processInstanceId());
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "notificationDate")).isEqualTo("2027-03-18");

    // The timeline, as soon as the inspection exists: every row, on its day, date, hour, performer and paragraph.
    Map<String, TimelineEntry> entries = new LinkedHashMap<>();
    timeline.of("JTAI24-TABLE").forEach(e -> entries.putIfAbsent(e.id(), e));
    List<String> problems = new ArrayList<>();
    for (Row row : TABLE) {
      TimelineEntry entry = entries.get(row.step());
      if (entry == null) {
        problems.add(row.step() + ": not on the timeline");
        continue;
      }
      check(problems, row, "timeline day", entry.day(), row.day());
      check(problems, row, "timeline due", entry.getDue() == null ? null : entry.getDue().substring(0, 16), row.due());
      check(problems, row, "timeline performer", entry.performer(), switch (row.performer()) {
        case "lead" -> "lead inspector " + LEAD;
        default -> row.performer();
      });
      for (String paragraph : row.paragraph().split(", ")) {
        if (entry.paragraph() == null || !entry.paragraph().contains(paragraph)) {
          problems.add(row.step() + ": timeline paragraph '" + entry.paragraph() + "' does not cite " + paragraph
              + " (" + row.seedText() + ")");
        }
      }
    }

    // The Tasklist: drive the inspection to publication and look at each row's step when it opens.
    List<String> steps = new ArrayList<>(Jtai2024Steps.PRE_NOTIFICATION);
    steps.addAll(Jtai2024Steps.WEEKS_ONE_AND_TWO);
    steps.addAll(Jtai2024Steps.FIELDWORK_TO_DECISION);
    steps.add(TASK_SEND_FINAL_LETTER);
    steps.add(TASK_PUBLISH_LETTER);
    List<String> seen = new ArrayList<>();
    for (String step : steps) {
      if (step.equals(TASK_INITIAL_MEETING)) {
        // Week 3 (paragraph 13): fieldwork opens on its day, Monday 5 April 2027, not when weeks 1 and 2 are done.
        assertThat(s.tasks(TASK_INITIAL_MEETING)).as("no fieldwork before its day").isEmpty();
        Jtai2024Steps.fieldworkStarts(s);
      }
      for (Row row : TABLE) {
        if (row.step().equals(step)) {
          Task task = s.task(step);
          check(problems, row, "Tasklist due", task.getDueDate(), FrameworkScenario.at(row.due()));
          if (row.performer().equals("lead") || row.performer().equals("local area")) {
            check(problems, row, "Tasklist assignee", task.getAssignee(), LEAD);
          } else {
            check(problems, row, "Tasklist candidate groups", engine.getTaskService().getIdentityLinksForTask(task.getId())
                .stream().filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList(),
                List.of(row.performer()));
          }
          seen.add(step);
        }
      }
      s.complete(step, Jtai2024Steps.defaults(step));
    }
    assertThat(seen).as("every row's step was opened").containsExactlyInAnyOrderElementsOf(
        TABLE.stream().map(Row::step).toList());
    assertThat(problems).as("differences from the seed's tables").isEmpty();
  }

  private static void check(List<String> problems, Row row, String what, Object actual, Object expected) {
    if (!java.util.Objects.equals(actual, expected)) {
      problems.add(row.step() + ": " + what + " is " + actual + ", the seed gives " + expected + " (" + row.seedText()
          + "; day " + row.day() + (row.time() == null ? "" : " " + row.time()) + " from " + row.from() + ")");
    }
  }
}
