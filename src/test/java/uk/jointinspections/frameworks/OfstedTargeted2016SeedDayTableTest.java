package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.frameworks.OfstedTargeted2016Fixture.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The day table of paragraph 9 of the January 2016 guidance (seed 004), written out once below, against the diagram:
 * every step of the timeline and of the Tasklist, with its day, time, performer and paragraph, for an inspection
 * notified on Tuesday 28 April 2026, so that the early May bank holiday (Monday 4 May) falls in week two and the
 * spring bank holiday (Monday 25 May) in week five, and the statement of action runs over the summer bank holiday
 * (Monday 31 August). The dates in the last column are counted by hand from the table's working days.
 */
@EngineTest
@WithEngineAssertions
class OfstedTargeted2016SeedDayTableTest {

  private static final String LEAD_I = "lead inspector " + LEAD;
  private static final String QA_M = "QA manager " + QA;
  private static final String LOCAL = "local area";
  private static final String EACH = Timeline.EACH_INSPECTOR;

  /** One row: the step, the table's working day and time, who does it, the paragraphs, and the London due date. */
  record Row(String step, int day, String time, String performer, String paragraph, String due) {
  }

  /** Paragraph 9, "The timeline for the inspection", row by row (a row with several activities gives several steps). */
  static final List<Row> DAY_TABLE = List.of(
      new Row("task_review_briefing", -1, null, LEAD_I, "9, 10-11", "2026-04-27T23:59"),
      new Row("task_notify_dcs", 0, "09:30", LEAD_I, "9, 12-14", "2026-04-28T09:30"),
      new Row("task_setup_discussion", 0, null, LEAD_I, "9, 15, 93", "2026-04-28T23:59"),
      new Row("task_record_deep_dive_list", 0, null, LOCAL, "9, 19-20", "2026-04-28T23:59"),
      new Row("task_select_20_children", 1, "12:00", LEAD_I, "9, 19, 21", "2026-04-29T12:00"),
      new Row("task_record_information_20", 2, "15:00", LOCAL, "9, 21", "2026-04-30T15:00"),
      new Row("task_select_children_to_evaluate", 2, "17:00", LEAD_I, "9, 19, 21-22", "2026-04-30T17:00"),
      new Row("task_record_multi_agency_meetings", 2, null, LOCAL, "9", "2026-04-30T23:59"),
      new Row("task_produce_briefing_note", 3, null, LEAD_I, "9", "2026-05-01T23:59"),
      new Row("task_prepare_off_site", 4, null, EACH, "9, 11", "2026-05-05T23:59"),
      new Row("task_commence_timetable", 4, null, LEAD_I, "9", "2026-05-05T23:59"),
      new Row("task_record_annex_a_information", 5, null, LOCAL, "9, 16, 24", "2026-05-06T23:59"),
      new Row("task_review_case_files", 6, null, LEAD_I, "9", "2026-05-07T23:59"),
      new Row("task_record_evaluations", 7, null, LOCAL, "9, 22-24", "2026-05-08T23:59"),
      new Row("task_record_consent_confirmation", 8, null, LOCAL, "9, 50", "2026-05-11T23:59"),
      new Row("task_consider_evaluations", 8, null, LEAD_I, "9, 50", "2026-05-11T23:59"),
      new Row("task_initial_meeting", 9, null, LEAD_I, "9, 28-30", "2026-05-12T23:59"),
      new Row("task_analytical_support_on_site", 10, null, "senior-analytical-officer", "9, 69", "2026-05-13T23:59"),
      new Row("task_kit_wednesday", 11, "12:00", LEAD_I, "9, 35-38", "2026-05-14T12:00"),
      new Row("task_kit_thursday", 12, "12:00", LEAD_I, "9, 35-38", "2026-05-15T12:00"),
      new Row("task_agree_provisional_findings", 12, null, LEAD_I, "9, 39", "2026-05-15T23:59"),
      new Row("task_identify_findings", 13, "12:00", LEAD_I, "9, 39, 84-88", "2026-05-18T12:00"),
      new Row("task_feedback_meeting", 13, "15:00", LEAD_I, "9, 40-45", "2026-05-18T15:00"),
      new Row("task_submit_key_findings", 13, null, EACH, "9, 76-79", "2026-05-18T23:59"),
      new Row("task_agree_draft_letter_lead", 16, "12:00", LEAD_I, "9, 82-84, 91, 94", "2026-05-21T12:00"),
      new Row("task_agree_draft_letter_qa", 16, "12:00", QA_M, "9, 82-84, 91, 94", "2026-05-21T12:00"),
      new Row("task_sign_off_draft_letter", 17, null, "regional-director", "9, 94", "2026-05-22T23:59"),
      new Row("task_send_draft_to_dcs", 18, null, LEAD_I, "9, 94", "2026-05-26T23:59"),
      new Row("task_record_factual_accuracy_response", 23, null, LOCAL, "9, 94", "2026-06-02T23:59"),
      new Row("task_consider_factual_accuracy_lead", 24, null, LEAD_I, "9, 94, 96", "2026-06-03T23:59"),
      new Row("task_consider_factual_accuracy_qa", 24, null, QA_M, "9, 94, 96", "2026-06-03T23:59"),
      new Row("task_sign_off_final_letter", 25, null, "regional-director", "9, 94", "2026-06-04T23:59"),
      new Row("task_proof_read_letter", 26, null, "editors", "9", "2026-06-05T23:59"),
      new Row("task_send_pre_publication_letter", 27, null, LEAD_I, "9", "2026-06-08T23:59"),
      new Row("task_publish_letter", 30, null, "editors", "9", "2026-06-11T23:59"),
      // "within 70 working days of the letter being published": day 70 counted from publication (11 June).
      new Row("task_record_statement_of_action", 70, null, LOCAL, "9, 95", "2026-09-18T23:59"));

  /** The steps the diagram has from other paragraphs (outside the table), with the readings of their days. */
  static final List<Row> OTHER_PARAGRAPHS = List.of(
      new Row("task_produce_pre_inspection_briefing", -2, null, "senior-analytical-officer", "10", "2026-04-24T23:59"),
      new Row("task_team_briefing", 9, null, LEAD_I, "27", "2026-05-12T23:59"),
      new Row("task_qa_on_site", 13, null, QA_M, "91-92", "2026-05-18T23:59"),
      new Row("task_request_evaluation_questionnaire", 5, null, LEAD_I, "93", "2026-06-18T23:59"));

  /** Counted from the publication, not from day 0. */
  static final Set<String> FROM_PUBLICATION = Set.of("task_record_statement_of_action",
      "task_request_evaluation_questionnaire");

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;

  private static Map<String, Row> rows() {
    Map<String, Row> rows = new LinkedHashMap<>();
    DAY_TABLE.forEach(row -> rows.put(row.step(), row));
    OTHER_PARAGRAPHS.forEach(row -> rows.put(row.step(), row));
    return rows;
  }

  @Test
  void theTimelineIsTheDayTable() {
    start(engine, starts, "OTA16-TABLE-TIMELINE", "2026-04-28", "2026-04-23T10:00", List.of(INSPECTOR));
    Map<String, Row> rows = rows();
    List<TimelineEntry> entries = timeline.of("OTA16-TABLE-TIMELINE");
    assertThat(entries).extracting(TimelineEntry::id).containsExactlyInAnyOrderElementsOf(rows.keySet());
    for (TimelineEntry entry : entries) {
      Row row = rows.get(entry.id());
      assertThat(entry.day()).as(entry.id() + " day").isEqualTo(row.day());
      assertThat(entry.performer()).as(entry.id() + " performer").isEqualTo(row.performer());
      assertThat(entry.paragraph()).as(entry.id() + " paragraph").isEqualTo(row.paragraph());
      if (!FROM_PUBLICATION.contains(entry.id())) {
        assertThat(entry.getDue()).as(entry.id() + " due").isEqualTo(offset(row.due()));
      }
    }
    // Day 0 to day 30 in the table's order of days.
    List<Integer> days = entries.stream().filter(e -> !FROM_PUBLICATION.contains(e.id())).map(TimelineEntry::day).toList();
    assertThat(days).isSorted();
  }

  @Test
  void everyTasklistStepHasTheTablesDueDateAndPerformer() {
    FrameworkScenario s = start(engine, starts, "OTA16-TABLE-TASKS", "2026-04-28", "2026-04-23T10:00",
        List.of(INSPECTOR));
    Map<String, Row> rows = rows();
    Set<String> seen = new HashSet<>();
    List<String> order = new ArrayList<>();
    for (int round = 0; round < 300; round++) {
      List<Task> open = s.instances().stream().flatMap(id -> engine.getTaskService().createTaskQuery()
          .processInstanceId(id).list().stream()).toList();
      if (open.isEmpty()) {
        break;
      }
      Task task = open.stream().min(java.util.Comparator.comparing(Task::getDueDate)).orElseThrow();
      String step = task.getTaskDefinitionKey();
      Row row = rows.get(step);
      assertThat(row).as("a step of the table: " + step).isNotNull();
      assertThat(task.getDueDate()).as(step + " due").isEqualTo(FrameworkScenario.at(row.due()));
      List<Task> instances = open.stream().filter(t -> t.getTaskDefinitionKey().equals(step)).toList();
      List<String> groups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId).toList();
      switch (row.performer()) {
        case LEAD_I, LOCAL -> assertThat(instances).as(step).extracting(Task::getAssignee).containsExactly(LEAD);
        case QA_M -> assertThat(instances).as(step).extracting(Task::getAssignee).containsExactly(QA);
        case EACH -> assertThat(instances).as(step).extracting(Task::getAssignee).containsExactly(LEAD, INSPECTOR);
        default -> {
          assertThat(task.getAssignee()).as(step + " assignee").isNull();
          assertThat(groups).as(step + " candidate groups").containsExactly(row.performer());
        }
      }
      if (seen.add(step)) {
        order.add(step);
      }
      // Done on time: at the deadline, so that publication falls on day 30.
      ClockUtil.setCurrentTime(FrameworkScenario.at(row.due()));
      for (Task each : instances) {
        engine.getTaskService().complete(each.getId(), variablesFor(step));
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(rows.keySet());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(s.processInstanceId).count())
        .as("the inspection has ended").isZero();
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(s.processInstanceId)
        .taskDefinitionKey(JtaiProcess.TASK_FOLLOW_UP_OVERDUE).count()).as("nothing was overdue").isZero();
  }

  private static String offset(String londonDateTime) {
    return java.time.LocalDateTime.parse(londonDateTime).atZone(uk.jointinspections.calendar.WorkingDayCalendar.LONDON)
        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
  }
}
