package uk.jointinspections.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.jointinspections.testkit.EngineClock.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.JtaiStart;

/**
 * The on-time report over a history built with known lateness, read the way Cockpit's page reads it (an operator's
 * session on the plugin's resource). Eight 2017 JTAIs are started on Monday 23 May 2033; seven are notified on Tuesday
 * 31 May, so their lead inspector's briefing review is due by the end of Friday 27 May, the working day before (Monday
 * 30 May is the spring bank holiday). Their reviews are completed two and one working days early, on the day, on the
 * Saturday and on the bank holiday after it (late, but 0 working days late), and one and three working days late. The
 * eighth is notified on 14 June and stays open, not yet due. "Now" is Friday 3 June 2033, noon.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnTimeReportTest {

  static final String FIGURES = "/camunda/api/cockpit/plugin/on-time-report/default/figures";
  static final LocalDate NOTIFIED = LocalDate.of(2033, 5, 31);
  static final String LEAD_STEP = JtaiProcess.TASK_REVIEW_BRIEFING_LEAD;
  /**
   * The analytical officer's briefing (day -2), done as each inspection starts on Monday 23 May: 3 working days before
   * its deadline, Thursday 26 May, for the seven notified on 31 May; 13 before Friday 10 June for the one notified on
   * 14 June. With the lead inspector's seven reviews (-2, -1, 0, 0, 0, 1, 3) the JTAI's 15 completions sorted are
   * -13, -3 (seven times), -2, -1, 0, 0, 0, 1, 3: 11 on time, median the 8th (-3), 90th percentile the 14th (1).
   */
  static final String BRIEFING_STEP = JtaiProcess.TASK_PREPARE_PRE_INSPECTION_BRIEFING;
  static final List<Object> BRIEFING_FIGURES = List.of(8L, 8L, 8L, 1.0, -3, -3, 0L, 0L);
  static final List<Object> JTAI_TOTALS = List.of(15L, 15L, 11L, 11.0 / 15, -3, 1, 25L, 21L);
  static final List<String> INSPECTORATE_STEPS = List.of("cqc", "hmicfrs", "hmi_probation").stream()
      .map(g -> JtaiProcess.TASK_REVIEW_BRIEFING + "_" + g).toList();

  /** When each of the seven notified on 31 May completes the lead inspector's review, and how late that is. */
  static final Map<String, Integer> COMPLETIONS = new LinkedHashMap<>();

  static {
    COMPLETIONS.put("2033-05-25T10:00", -2);
    COMPLETIONS.put("2033-05-26T12:00", -1);
    COMPLETIONS.put("2033-05-27T15:00", 0);
    COMPLETIONS.put("2033-05-28T10:00", 0);
    COMPLETIONS.put("2033-05-30T11:00", 0);
    COMPLETIONS.put("2033-05-31T09:00", 1);
    COMPLETIONS.put("2033-06-02T14:00", 3);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired WorkingDays workingDays;
  @Autowired ObjectMapper json;

  private final List<String> jtais = new ArrayList<>();
  private String jtai2024;
  private CockpitSession operator;

  @BeforeAll
  void history() throws Exception {
    // The premises of the expected figures, from the application's own calendar.
    assertThat(workingDays.calendar().holidayOn(LocalDate.of(2033, 5, 30))).isPresent();
    assertThat(NOTIFIED.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);

    removeEarlierRuns();
    String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    EngineClock.set("2033-05-23T09:00");
    for (int i = 0; i < COMPLETIONS.size(); i++) {
      jtais.add(start("ONTIME-" + run + "-" + i, NOTIFIED));
    }
    String notYetDue = start("ONTIME-" + run + "-LATER", LocalDate.of(2033, 6, 14));
    jtai2024 = starts.start(new InspectionStartRequest("jtai-2024", "ONTIME24-" + run, "Northshire", null, null,
        "2033-06-13", "ofsted-lead", "qa-manager")).processInstanceId();

    Task lead = task(jtais.get(0), LEAD_STEP);
    assertThat(lead.getDueDate()).isEqualTo(Date.from(ZonedDateTime.of(LocalDate.of(2033, 5, 27),
        WorkingDayCalendar.END_OF_DAY, WorkingDayCalendar.LONDON).toInstant()));
    assertThat(task(notYetDue, LEAD_STEP).getDueDate()).isAfter(at("2033-06-03T12:00"));

    int i = 0;
    for (String completedAt : COMPLETIONS.keySet()) {
      EngineClock.set(completedAt);
      engine.getTaskService().complete(task(jtais.get(i++), LEAD_STEP).getId());
    }
    // The 2024 JTAI's notification, completed an hour before its deadline: on time, 0 working days. Before it, the
    // inspectorates' sharing of their analyses and their meeting (paragraphs 14-15), done as the inspection starts.
    EngineClock.set("2033-05-23T09:00");
    for (String step : List.of(Jtai2024Process.TASK_SHARE_ANALYSIS_OFSTED, Jtai2024Process.TASK_SHARE_ANALYSIS_CQC,
        Jtai2024Process.TASK_SHARE_ANALYSIS_HMICFRS, Jtai2024Process.TASK_PRE_NOTIFICATION_MEETING)) {
      engine.getTaskService().complete(task(jtai2024, step).getId());
    }
    Task notifyDcs = task(jtai2024, Jtai2024Process.TASK_NOTIFY_DCS);
    ClockUtil.setCurrentTime(new Date(notifyDcs.getDueDate().getTime() - 3_600_000));
    engine.getTaskService().complete(notifyDcs.getId(), Map.of("dcsNotified", true));
    ClockUtil.reset();
    operator = CockpitSession.signIn(port, "cockpit", "operator", "demo");
  }

  @BeforeEach
  void now() {
    EngineClock.set("2033-06-03T12:00");
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @AfterAll
  void removeHistory() {
    ClockUtil.reset();
    removeEarlierRuns();
  }

  /** This test's inspections and their history, also those an interrupted run left in a kept database. */
  private void removeEarlierRuns() {
    List<String> ids = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike("ONTIME%").list().stream().map(p -> p.getId()).toList();
    if (ids.isEmpty()) {
      return;
    }
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "on-time report test", true, true));
    engine.getHistoryService().deleteHistoricProcessInstances(ids);
  }

  /** A JTAI past the analytical officer's briefing (¶10, done at once), so its day −1 reviews are open. */
  private String start(String reference, LocalDate notified) {
    return JtaiStart.pastTheAnalystsBriefing(engine.getTaskService(),
        starts.start(JtaiStart.notifiedOn("jtai-2017", reference, "neglect", notified)).processInstanceId());
  }

  private Task task(String instance, String step) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).singleResult();
  }

  private JsonNode figures(String query) throws Exception {
    HttpResponse<String> answer = operator.get(FIGURES + "?" + query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return json.readTree(answer.body());
  }

  private static JsonNode row(JsonNode rows, String framework, String stepId) {
    for (JsonNode row : rows) {
      if (row.path("framework").asText().equals(framework)
          && (stepId == null ? row.path("stepId").isNull() : row.path("stepId").asText().equals(stepId))) {
        return row;
      }
    }
    throw new AssertionError("no row for " + framework + " " + stepId + " in " + rows);
  }

  /** completed, with a deadline, on time, share, median, p90, open, open and overdue. */
  private static List<Object> numbers(JsonNode row) {
    return java.util.Arrays.asList(row.get("completed").asLong(), row.get("completedWithDeadline").asLong(),
        row.get("completedOnTime").asLong(), row.get("shareOnTime").isNull() ? null : row.get("shareOnTime").asDouble(),
        row.get("medianLateness").isNull() ? null : row.get("medianLateness").asInt(),
        row.get("p90Lateness").isNull() ? null : row.get("p90Lateness").asInt(), row.get("open").asLong(),
        row.get("openOverdue").asLong());
  }

  @Test
  void everyFigureOfTheMonthForTheJtai() throws Exception {
    JsonNode report = figures("framework=jtai&from=2033-05-01&to=2033-06-30");

    assertThat(report.path("from").asText()).isEqualTo("2033-05-01");
    assertThat(report.path("to").asText()).isEqualTo("2033-06-30");
    JsonNode steps = report.get("steps");
    assertThat(steps).extracting(s -> s.get("stepId").asText())
        .containsExactlyInAnyOrder(BRIEFING_STEP, LEAD_STEP, INSPECTORATE_STEPS.get(0), INSPECTORATE_STEPS.get(1),
            INSPECTORATE_STEPS.get(2));
    assertThat(numbers(row(steps, "jtai", BRIEFING_STEP))).containsExactlyElementsOf(BRIEFING_FIGURES);
    // Lateness -2, -1, 0, 0, 0, 1, 3: on time the first three; the median is the 4th of 7, the 90th percentile the 7th.
    assertThat(numbers(row(steps, "jtai", LEAD_STEP))).containsExactly(7L, 7L, 3L, 3.0 / 7, 0, 3, 1L, 0L);
    assertThat(row(steps, "jtai", LEAD_STEP).get("step").asText())
        .isEqualTo("Review the joint pre-inspection briefing (lead inspector)");
    for (String step : INSPECTORATE_STEPS) {
      assertThat(numbers(row(steps, "jtai", step))).as(step).containsExactly(0L, 0L, 0L, null, null, null, 8L, 7L);
    }
    assertThat(report.get("totals")).hasSize(1);
    assertThat(numbers(row(report.get("totals"), "jtai", null))).containsExactlyElementsOf(JTAI_TOTALS);
    assertThat(row(report.get("totals"), "jtai", null).get("step").asText()).isEqualTo("All steps");
  }

  @Test
  void thePeriodCountsCompletionsByTheirDayAndOpenStepsByTheDayTheyWereCreated() throws Exception {
    // Friday 27 to Tuesday 31 May: the reviews completed on the Friday, Saturday, bank holiday and Tuesday (0, 0, 0,
    // 1); nothing still open was created in those days.
    JsonNode report = figures("framework=jtai&from=2033-05-27&to=2033-05-31");

    assertThat(report.get("steps")).extracting(s -> s.get("stepId").asText()).containsExactly(LEAD_STEP);
    assertThat(numbers(row(report.get("steps"), "jtai", LEAD_STEP))).containsExactly(4L, 4L, 1L, 0.25, 0, 1, 0L, 0L);

    JsonNode created = figures("framework=jtai&from=2033-05-23&to=2033-05-23");
    assertThat(numbers(row(created.get("steps"), "jtai", LEAD_STEP))).containsExactly(0L, 0L, 0L, null, null, null, 1L, 0L);
    // 23 May also saw the eight briefings completed, as the inspections started.
    assertThat(numbers(row(created.get("totals"), "jtai", null))).containsExactly(8L, 8L, 8L, 1.0, -3, -3, 25L, 21L);
  }

  @Test
  void overdueIsAsOfNow() throws Exception {
    EngineClock.set("2033-05-27T23:00");
    JsonNode beforeTheDeadline = figures("framework=jtai&from=2033-05-23&to=2033-05-23");
    assertThat(numbers(row(beforeTheDeadline.get("totals"), "jtai", null)).subList(6, 8)).containsExactly(25L, 0L);
    EngineClock.set("2033-06-14T12:00");
    JsonNode afterTheLastDeadline = figures("framework=jtai&from=2033-05-23&to=2033-05-23");
    assertThat(numbers(row(afterTheLastDeadline.get("totals"), "jtai", null)).subList(6, 8)).containsExactly(25L, 25L);
  }

  @Test
  void theFrameworkFilter() throws Exception {
    JsonNode only2024 = figures("framework=jtai-2024&from=2033-05-01&to=2033-06-30");
    assertThat(only2024.get("totals")).extracting(t -> t.get("framework").asText()).containsExactly("jtai-2024");
    assertThat(only2024.get("steps")).allSatisfy(s -> assertThat(s.get("framework").asText()).isEqualTo("jtai-2024"));
    assertThat(numbers(row(only2024.get("steps"), "jtai-2024", Jtai2024Process.TASK_NOTIFY_DCS)).subList(0, 6))
        .containsExactly(1L, 1L, 1L, 1.0, 0, 0);
    // Its open steps as the engine counts them: created with the inspection on 23 May, due before now or not.
    long open = engine.getTaskService().createTaskQuery().processInstanceId(jtai2024).count();
    long overdue = engine.getTaskService().createTaskQuery().processInstanceId(jtai2024).dueBefore(at("2033-06-03T12:00")).count();
    assertThat(numbers(row(only2024.get("totals"), "jtai-2024", null)).subList(6, 8)).containsExactly(open, overdue);

    JsonNode all = figures("from=2033-05-01&to=2033-06-30");
    assertThat(all.get("framework").isNull()).isTrue();
    assertThat(all.get("totals")).extracting(t -> t.get("framework").asText()).containsExactlyElementsOf(ReportedProcesses.KEYS);
    assertThat(numbers(row(all.get("totals"), "jtai", null))).containsExactlyElementsOf(JTAI_TOTALS);
    assertThat(numbers(row(all.get("totals"), "jtai-2024", null))).isEqualTo(numbers(row(only2024.get("totals"), "jtai-2024", null)));
    assertThat(numbers(row(all.get("totals"), "concern-referral", null))).containsExactly(0L, 0L, 0L, null, null, null, 0L, 0L);
    assertThat(all.get("frameworks")).extracting(f -> f.get("key").asText(), f -> f.get("name").asText())
        .contains(tuple("jtai", "Joint targeted area inspection"));
  }

  @Test
  void theSameFiguresAsCsv() throws Exception {
    HttpResponse<String> csv = operator.get(FIGURES + ".csv?framework=jtai&from=2033-05-01&to=2033-06-30");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"on-time-report-jtai-2033-05-01-to-2033-06-30.csv\"");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("framework,framework_name,step_id,step,completed,completed_with_deadline,"
        + "completed_on_time,share_on_time_percent,median_lateness_working_days,p90_lateness_working_days,open,open_overdue");
    assertThat(lines).hasSize(7);
    assertThat(lines).contains(
        "jtai,Joint targeted area inspection,task_prepare_pre_inspection_briefing,"
            + "Prepare the pre-inspection briefing for the inspection team,8,8,8,100.0,-3,-3,0,0",
        "jtai,Joint targeted area inspection,task_review_briefing_lead,"
            + "Review the joint pre-inspection briefing (lead inspector),7,7,3,42.9,0,3,1,0",
        "jtai,Joint targeted area inspection,task_review_briefing_cqc,Review the joint pre-inspection briefing (CQC),"
            + "0,0,0,,,,8,7",
        "jtai,Joint targeted area inspection,,All steps,15,15,11,73.3,-3,1,25,21");
    assertThat(lines.get(6)).startsWith("jtai,Joint targeted area inspection,,All steps,");
  }

  @Test
  void operatorsAndAdministratorsOnly() throws Exception {
    CockpitSession admin = CockpitSession.signIn(port, "cockpit", "admin", "test-admin-secret");
    assertThat(admin.get(FIGURES + "?framework=jtai&from=2033-05-01&to=2033-06-30").statusCode()).isEqualTo(200);

    // Inspectors never get into Cockpit; signed in to the Tasklist, their session reaches Cockpit's API and is refused.
    for (String inspector : List.of("cqc-inspector", "ofsted-lead")) {
      CockpitSession tasklist = CockpitSession.signIn(port, "tasklist", inspector, "demo");
      for (String path : List.of(FIGURES, FIGURES + ".csv")) {
        HttpResponse<String> refused = tasklist.get(path + "?framework=jtai&from=2033-05-01&to=2033-06-30");
        assertThat(refused.statusCode()).as(inspector + " " + path).isEqualTo(403);
        assertThat(json.readTree(refused.body()).get("message").asText()).isEqualTo(OnTimeReportAccess.REFUSAL);
      }
    }
    assertThat(CockpitSession.anonymous(port).get(FIGURES).statusCode()).isEqualTo(401);
  }

  @Test
  void badFiltersAreRefusedSayingWhy() throws Exception {
    Map<String, String> refusals = Map.of(
        "from=31/05/2033", "Parameter 'from' must be a date written yyyy-MM-dd, such as 2027-01-31; got '31/05/2033'",
        "from=2033-06-01&to=2033-05-01", "Parameter 'from' (2033-06-01) is after 'to' (2033-05-01)",
        "framework=notification", "Parameter 'framework' must be one of " + String.join(", ", ReportedProcesses.KEYS)
            + "; got 'notification'",
        "to=1999-12-31", "Parameter 'to' must be a date from 2000-01-01 to 2099-12-31; got 1999-12-31");
    for (Map.Entry<String, String> refusal : refusals.entrySet()) {
      HttpResponse<String> answer = operator.get(FIGURES + "?" + refusal.getKey());
      assertThat(answer.statusCode()).as(refusal.getKey()).isEqualTo(400);
      assertThat(json.readTree(answer.body()).get("message").asText()).isEqualTo(refusal.getValue());
    }
  }

  @Test
  void withoutDatesTheYearUpToToday() throws Exception {
    JsonNode report = figures("framework=jtai");
    assertThat(report.path("from").asText()).isEqualTo("2032-06-04");
    assertThat(report.path("to").asText()).isEqualTo("2033-06-03");
    assertThat(numbers(row(report.get("totals"), "jtai", null))).containsExactlyElementsOf(JTAI_TOTALS);
  }
}
