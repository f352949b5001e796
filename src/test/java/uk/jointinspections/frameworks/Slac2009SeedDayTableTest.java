package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.frameworks.Slac2009Process.*;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;

/**
 * Table 1 of the 2009 framework (paragraph 60), written out once, row by row, with the paragraph each step follows:
 * an inspection notified on Monday 17 August 2026 (day 1), so that the summer bank holiday, Monday 31 August, falls
 * between day 10 (Friday 28 August) and day 11 (Tuesday 1 September). Every timeline entry, every Tasklist due date
 * and every assignee or candidate group is checked against the table; the dates are written out by hand.
 */
@EngineTest
class Slac2009SeedDayTableTest {

  private static final String LEAD = "ofsted-lead";
  private static final String LEAD_PERFORMER = "lead inspector " + LEAD;
  private static final String LOCAL_AREA = "local area";

  /**
   * One step of table 1.
   *
   * @param who the Tasklist: {@code LEAD} (assigned to the lead inspector) or a candidate group (nobody assigned)
   * @param timelinePerformer who the timeline names
   */
  record Row(String seed, String id, int day, String due, String who, String timelinePerformer, String paragraph) {
  }

  static final List<Row> TABLE_1 = List.of(
      new Row("1 Notification ... sent by email to Director of Children's Services", TASK_SEND_NOTIFICATION, 1,
          "2026-08-17T23:59", LEAD, LEAD_PERFORMER, "11, 60"),
      new Row("2 Lead inspector telephones office of Director of Children's Services", TASK_AGREE_SETUP_MEETING, 2,
          "2026-08-18T23:59", LEAD, LEAD_PERFORMER, "36, 60"),
      new Row("2 Council sends lead inspector copy of core set of documents (paragraph 34)", CALL_RECORD_CORE_DOCUMENTS,
          2, "2026-08-18T23:59", LEAD, LOCAL_AREA, "34, 60"),
      new Row("3 Council sends Ofsted letter to looked after children", TASK_RECORD_LAC_LETTER, 3, "2026-08-19T23:59",
          LEAD, LEAD_PERFORMER, "17, 52, 60"),
      new Row("4 Council provides the lead inspector with a list of current cases", CALL_RECORD_CASE_LIST, 4,
          "2026-08-20T23:59", LEAD, LOCAL_AREA, "48-51, 60"),
      new Row("5 Set-up meeting ... Inspector informs council of initial case files selected", TASK_SETUP_MEETING, 5,
          "2026-08-21T23:59", LEAD, LEAD_PERFORMER, "36, 45-47, 60"),
      new Row("6-10 Council prepares audit; 11-19 Case file audits received by inspectors (paragraph 47: as fieldwork"
          + " begins)", CALL_RECEIVE_COUNCIL_AUDIT, 11, "2026-09-01T23:59", LEAD, LOCAL_AREA, "47, 60"),
      new Row("11-19 Additional case files selected by inspectors (paragraph 47: at the start of the fieldwork)",
          TASK_SELECT_ADDITIONAL_CASES, 11, "2026-09-01T23:59", LEAD, LEAD_PERFORMER, "47, 60"),
      new Row("11-19 Fieldwork starts; 20 Inspectors conclude fieldwork in the morning", TASK_FIELDWORK, 20,
          "2026-09-14T12:00", LEAD, LEAD_PERFORMER, "14, 37-48, 60"),
      new Row("11-19 Fieldwork (the Care Quality Commission inspector); 20 conclude in the morning", TASK_CQC_FIELDWORK,
          20, "2026-09-14T12:00", "cqc", "cqc", "13-14, 37, 42, 60"),
      new Row("20 (the grades before the feedback)", TASK_RECORD_JUDGEMENTS, 20, "2026-09-14T23:59", LEAD,
          LEAD_PERFORMER, "27-29, 54-55"),
      new Row("20 (the limiting judgements confirmed)", TASK_CONFIRM_JUDGEMENTS, 20, "2026-09-14T23:59", LEAD,
          LEAD_PERFORMER, "30-32"),
      new Row("20 ... provide feedback to council and its partners in the afternoon; results of children's surveys",
          TASK_FEEDBACK, 20, "2026-09-14T23:59", LEAD, LEAD_PERFORMER, "53, 60, 62"),
      new Row("21-25 Drafting and quality assurance of report", TASK_QUALITY_ASSURE_REPORT, 24, "2026-09-18T23:59",
          "qa-manager", "qa-manager", "60, 64, 68"),
      new Row("21-25 Draft report sent ... for factual accuracy check on day 25", TASK_SEND_DRAFT_REPORT, 25,
          "2026-09-21T23:59", LEAD, LEAD_PERFORMER, "56, 60"),
      new Row("26-30 Local authority completes the factual accuracy check", CALL_RECORD_FACTUAL_ACCURACY, 30,
          "2026-09-28T23:59", LEAD, LOCAL_AREA, "57, 60"),
      new Row("35 Final report sent to local authority", TASK_SEND_FINAL_REPORT, 35, "2026-10-05T23:59", LEAD,
          LEAD_PERFORMER, "58, 60"),
      new Row("(paragraph 67, no day: with the final report) evaluation form", TASK_REQUEST_EVALUATION_FORM, 35,
          "2026-10-05T23:59", LEAD, LEAD_PERFORMER, "67"),
      new Row("40 Report published on the Ofsted website", TASK_PUBLISH_REPORT, 40, "2026-10-12T23:59", "editors",
          "editors", "59, 60, 72"));

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private static ZonedDateTime london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.LONDON);
  }

  private static Map<String, Object> completion(FrameworkScenario s, String step) {
    Map<String, Object> v = new HashMap<>();
    switch (step) {
      case TASK_SETUP_MEETING -> v.putAll(Slac2009ProcessTest.initialCases());
      case TASK_SELECT_ADDITIONAL_CASES -> v.putAll(Slac2009ProcessTest.additionalCases());
      case TASK_RECORD_JUDGEMENTS -> v.putAll(Slac2009ProcessTest.judgements("good"));
      case TASK_CONFIRM_JUDGEMENTS -> LIMITED_JUDGEMENTS.forEach(j -> v.put(j + SUFFIX_FINAL,
          s.engine.getRuntimeService().getVariable(s.processInstanceId, j + SUFFIX_SUGGESTED)));
      case TASK_PUBLISH_REPORT -> v.put("publicationUrl", "https://reports.example/SLAC-TABLE-1");
      default -> { }
    }
    return v;
  }

  @Test
  void everyStepOfTable1HasItsDayTimePerformerAndParagraphAcrossTheSummerBankHoliday() {
    FrameworkScenario.clock("2026-08-14T10:00");
    InspectionStarts.Started started = starts.start(new InspectionStartRequest("slac-2009", "SLAC-TABLE-1",
        "Northshire", null, "2026-08-17", null, LEAD, null, false, null));
    FrameworkScenario s = new FrameworkScenario(engine, started.processInstanceId());
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "plannedFieldworkStart"))
        .as("day 11 is the day after the bank holiday").isEqualTo("2026-09-01");

    // The timeline lists exactly table 1's steps, each with its day, deadline, performer and paragraph.
    Map<String, TimelineEntry> entries = timeline.of("SLAC-TABLE-1").stream()
        .collect(Collectors.toMap(TimelineEntry::id, e -> e));
    assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(TABLE_1.stream().map(Row::id).toList());
    for (Row row : TABLE_1) {
      TimelineEntry entry = entries.get(row.id());
      assertThat(entry.day()).as(row.seed() + ": day").isEqualTo(row.day());
      assertThat(entry.dueAt().toInstant()).as(row.seed() + ": due").isEqualTo(london(row.due()).toInstant());
      assertThat(entry.performer()).as(row.seed() + ": performer").isEqualTo(row.timelinePerformer());
      assertThat(entry.paragraph()).as(row.seed() + ": paragraph").isEqualTo(row.paragraph());
    }

    // The Tasklist: each step, when it opens, is due when the table says and is the named performer's.
    for (Row row : TABLE_1) {
      Task task = s.task(row.id());
      assertThat(task.getDueDate()).as(row.seed() + ": Tasklist due date").isEqualTo(FrameworkScenario.at(row.due()));
      if (LEAD.equals(row.who())) {
        assertThat(task.getAssignee()).as(row.seed() + ": assignee").isEqualTo(LEAD);
      } else {
        assertThat(task.getAssignee()).as(row.seed() + ": assignee").isNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
            .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(IdentityLink::getGroupId)
            .toList()).as(row.seed() + ": candidate groups").containsExactly(row.who());
      }
      s.complete(row.id(), completion(s, row.id()));
    }
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(s.processInstanceId)
        .singleResult().getEndActivityId()).isEqualTo(END_INSPECTION);
  }
}
