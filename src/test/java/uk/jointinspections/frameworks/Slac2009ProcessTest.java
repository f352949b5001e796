package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.jointinspections.frameworks.Slac2009Process.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;

/**
 * The 2009 safeguarding and looked after children inspection, table 1 from the notification (day 1) to publication
 * (day 40), with notice across the May bank holidays (4 and 25 May 2026) and without notice (paragraph 11); the
 * judgements, the limiting judgements and the lead inspector's confirmation or override. Dates written out by hand.
 */
@EngineTest
class Slac2009ProcessTest {

  private static final String LEAD = "ofsted-lead";

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;
  @Autowired TestRestTemplate http;

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private FrameworkScenario start(String reference, String fieldworkStart, boolean noNotice, String now) {
    FrameworkScenario.clock(now);
    InspectionStarts.Started started = starts.start(new InspectionStartRequest("slac-2009", reference, "Northshire",
        null, null, fieldworkStart, LEAD, null, noNotice, noNotice ? "serious-concerns" : null));
    return new FrameworkScenario(engine, started.processInstanceId());
  }

  /** Every judgement graded {@code grade}; safeguarding outcomes and the rest as given. */
  static Map<String, Object> judgements(String grade) {
    Map<String, Object> v = new HashMap<>();
    SAFEGUARDING_JUDGEMENTS.keySet().forEach(k -> v.put(k, grade));
    LAC_JUDGEMENTS.keySet().forEach(k -> v.put(k, grade));
    v.put(VAR_EDUCATIONAL_PROGRESS, true);
    return v;
  }

  private static Map<String, Object> confirmAsSuggested(FrameworkScenario s) {
    Map<String, Object> v = new HashMap<>();
    for (String judgement : LIMITED_JUDGEMENTS) {
      v.put(judgement + SUFFIX_FINAL, s.engine.getRuntimeService().getVariable(s.processInstanceId, judgement + SUFFIX_SUGGESTED));
    }
    return v;
  }

  private Object variable(FrameworkScenario s, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(s.processInstanceId)
        .variableName(name).singleResult().getValue();
  }

  @Test
  void table1WithNoticeAcrossTheMayBankHolidays() {
    // Fieldwork from Monday 18 May 2026 (day 11): day 1 is Friday 1 May, Monday 4 May being a bank holiday.
    FrameworkScenario s = start("SLAC-MAY-2026", "2026-05-18", false, "2026-04-30T10:00");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "notificationDate")).isEqualTo("2026-05-01");
    s.assigned(TASK_SEND_NOTIFICATION, LEAD, "2026-05-01T23:59");
    s.complete(TASK_SEND_NOTIFICATION);
    s.waitsAtExactly(TASK_AGREE_SETUP_MEETING, CALL_RECORD_CORE_DOCUMENTS);
    s.assigned(TASK_AGREE_SETUP_MEETING, LEAD, "2026-05-05T23:59");
    s.assigned(CALL_RECORD_CORE_DOCUMENTS, LEAD, "2026-05-05T23:59");
    s.complete(TASK_AGREE_SETUP_MEETING);
    s.complete(CALL_RECORD_CORE_DOCUMENTS);
    s.assigned(TASK_RECORD_LAC_LETTER, LEAD, "2026-05-06T23:59");
    s.complete(TASK_RECORD_LAC_LETTER);
    s.assigned(CALL_RECORD_CASE_LIST, LEAD, "2026-05-07T23:59");
    s.complete(CALL_RECORD_CASE_LIST);
    s.assigned(TASK_SETUP_MEETING, LEAD, "2026-05-08T23:59");
    s.complete(TASK_SETUP_MEETING, initialCases());
    // Paragraph 47: the council shares its audit "as fieldwork begins", day 11; fieldwork does not wait for it.
    s.waitsAtExactly(CALL_RECEIVE_COUNCIL_AUDIT, TASK_SELECT_ADDITIONAL_CASES);
    s.assigned(CALL_RECEIVE_COUNCIL_AUDIT, LEAD, "2026-05-18T23:59");
    s.assigned(TASK_SELECT_ADDITIONAL_CASES, LEAD, "2026-05-18T23:59");
    s.complete(TASK_SELECT_ADDITIONAL_CASES, additionalCases());
    s.moveTo("2026-05-19T09:00"); // the audit is late on Tuesday morning: the lead inspector chases it
    s.assigned(CALL_RECEIVE_COUNCIL_AUDIT + "/" + uk.jointinspections.inspection.LocalAreaSubmissionProcess.TASK_CHASE, LEAD, null);
    s.complete(CALL_RECEIVE_COUNCIL_AUDIT + "/" + uk.jointinspections.inspection.LocalAreaSubmissionProcess.TASK_CHASE);
    assertThat(engine.getTaskService().getVariable(s.task(JtaiProcess.TASK_FOLLOW_UP_OVERDUE).getId(),
        JtaiProcess.VAR_OVERDUE_STEP)).isEqualTo(CALL_RECEIVE_COUNCIL_AUDIT);
    s.complete(JtaiProcess.TASK_FOLLOW_UP_OVERDUE, Map.of("overdueFollowUpAction", "The council sends it today."));

    // Fieldwork days 11-20: Monday 18 May to Monday 1 June (25 May is the spring bank holiday), ending at noon.
    s.waitsAtExactly(CALL_RECEIVE_COUNCIL_AUDIT, TASK_FIELDWORK, TASK_CQC_FIELDWORK);
    s.complete(CALL_RECEIVE_COUNCIL_AUDIT);
    s.assigned(TASK_FIELDWORK, LEAD, "2026-06-01T12:00");
    s.offered(TASK_CQC_FIELDWORK, "cqc", "2026-06-01T12:00");
    s.complete(TASK_FIELDWORK);
    s.complete(TASK_CQC_FIELDWORK);

    s.assigned(TASK_RECORD_JUDGEMENTS, LEAD, "2026-06-01T23:59");
    Map<String, Object> grades = judgements("good");
    grades.put("sgChildrenFeelSafe", "adequate"); // paragraph 31: overall unlikely to be good or better
    s.complete(TASK_RECORD_JUDGEMENTS, grades);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "sgOverallEffectivenessSuggested"))
        .isEqualTo("adequate");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacOverallEffectivenessSuggested"))
        .isEqualTo("good");
    s.assigned(TASK_CONFIRM_JUDGEMENTS, LEAD, "2026-06-01T23:59");
    s.complete(TASK_CONFIRM_JUDGEMENTS, confirmAsSuggested(s));
    s.assigned(TASK_FEEDBACK, LEAD, "2026-06-01T23:59");
    s.complete(TASK_FEEDBACK);
    s.offered(TASK_QUALITY_ASSURE_REPORT, "qa-manager", "2026-06-05T23:59"); // days 21-25: drafting and QA
    s.complete(TASK_QUALITY_ASSURE_REPORT);
    s.assigned(TASK_SEND_DRAFT_REPORT, LEAD, "2026-06-08T23:59");
    s.complete(TASK_SEND_DRAFT_REPORT);
    s.assigned(CALL_RECORD_FACTUAL_ACCURACY, LEAD, "2026-06-15T23:59");
    s.complete(CALL_RECORD_FACTUAL_ACCURACY);
    s.assigned(TASK_SEND_FINAL_REPORT, LEAD, "2026-06-22T23:59");
    s.complete(TASK_SEND_FINAL_REPORT);
    s.assigned(TASK_REQUEST_EVALUATION_FORM, LEAD, "2026-06-22T23:59");
    s.complete(TASK_REQUEST_EVALUATION_FORM);
    s.offered(TASK_PUBLISH_REPORT, "editors", "2026-06-29T23:59");
    s.complete(TASK_PUBLISH_REPORT, Map.of("publicationUrl", "https://reports.example/SLAC-MAY-2026"));

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(s.processInstanceId)
        .singleResult().getEndActivityId()).isEqualTo(END_INSPECTION);
    assertThat(variable(s, "sgOverallEffectivenessFinal")).isEqualTo("adequate");
    assertThat(variable(s, "sgOverallEffectivenessOverridden")).isEqualTo(false);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(s.processInstanceId)
        .activityId(TASK_NOTIFY_ON_ARRIVAL).count()).isZero();
  }

  @Test
  void timelineShowsTable1DayNumbersAndOnlyTheNoticeBranchTaken() {
    start("SLAC-TIMELINE", "2026-05-18", false, "2026-04-30T10:00");
    List<TimelineEntry> entries = timeline.of("SLAC-TIMELINE");
    assertThat(entries.get(0).id()).isEqualTo(TASK_SEND_NOTIFICATION);
    assertThat(entries.get(0).day()).isEqualTo(1);
    assertThat(entries).extracting(TimelineEntry::id).doesNotContain(TASK_NOTIFY_ON_ARRIVAL);
    TimelineEntry published = entries.get(entries.size() - 1);
    assertThat(published.id()).isEqualTo(TASK_PUBLISH_REPORT);
    assertThat(published.day()).isEqualTo(40);
    assertThat(published.getDue()).isEqualTo("2026-06-29T23:59:00+01:00");
  }

  @Test
  void withoutNoticeTheLocalAuthorityIsToldOnTheFirstDayOfFieldwork() {
    FrameworkScenario s = start("SLAC-NO-NOTICE", "2026-06-01", true, "2026-06-01T08:00");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "notificationDate")).isEqualTo("2026-06-01");
    s.waitsAtExactly(TASK_NOTIFY_ON_ARRIVAL);
    s.assigned(TASK_NOTIFY_ON_ARRIVAL, LEAD, "2026-06-01T23:59");
    List<TimelineEntry> entries = timeline.of("SLAC-NO-NOTICE");
    assertThat(entries.get(0).id()).isEqualTo(TASK_NOTIFY_ON_ARRIVAL);
    assertThat(entries.get(0).day()).isEqualTo(11);
    assertThat(entries).extracting(TimelineEntry::id).doesNotContain(TASK_SEND_NOTIFICATION, TASK_SETUP_MEETING,
        CALL_RECEIVE_COUNCIL_AUDIT, CALL_RECORD_CASE_LIST);
    assertThat(entries).extracting(TimelineEntry::id).contains(TASK_RECORD_CASE_LIST_ON_SITE, TASK_SETUP_MEETING_ON_SITE,
        TASK_SELECT_ADDITIONAL_CASES);
    s.complete(TASK_NOTIFY_ON_ARRIVAL);
    // Paragraphs 36, 47-48 without notice: the case list, the set-up discussion and the case selection on site, day 11.
    s.assigned(TASK_RECORD_CASE_LIST_ON_SITE, LEAD, "2026-06-01T23:59");
    s.complete(TASK_RECORD_CASE_LIST_ON_SITE);
    s.assigned(TASK_SETUP_MEETING_ON_SITE, LEAD, "2026-06-01T23:59");
    assertThatThrownBy(() -> s.complete(TASK_SETUP_MEETING_ON_SITE, Map.of("initialSafeguardingCaseIds", "S1, S2",
        "initialLacCaseIds", "L1, L2, L3, L4"))).hasMessageContaining("at least four safeguarding cases");
    s.complete(TASK_SETUP_MEETING_ON_SITE, initialCases());
    s.assigned(TASK_SELECT_ADDITIONAL_CASES, LEAD, "2026-06-01T23:59");
    s.complete(TASK_SELECT_ADDITIONAL_CASES, additionalCases());
    s.waitsAtExactly(TASK_FIELDWORK, TASK_CQC_FIELDWORK);
    s.assigned(TASK_FIELDWORK, LEAD, "2026-06-12T12:00"); // day 20: ten working days from Monday 1 June, at noon
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(s.processInstanceId)
        .activityId(TASK_SEND_NOTIFICATION).count()).isZero();
  }

  @Test
  void noNoticeNeedsOneOfTheReasonsOfParagraph11() {
    FrameworkScenario.clock("2026-06-01T08:00");
    assertThatThrownBy(() -> starts.start(new InspectionStartRequest("slac-2009", "SLAC-BAD-1", "Northshire", null,
        null, "2026-06-01", LEAD, null, true, null)))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("noNoticeReason"));
    assertThatThrownBy(() -> starts.start(new InspectionStartRequest("slac-2009", "SLAC-BAD-2", "Northshire", null,
        null, "2026-06-01", LEAD, null, true, "short-staffed")))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("noNoticeReason"));
    assertThatThrownBy(() -> starts.start(new InspectionStartRequest("slac-2009", "SLAC-BAD-3", "Northshire", null,
        "2026-05-20", "2026-06-01", LEAD, null, null, null)))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("notificationDate"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKeyLike("SLAC-BAD-%").count()).isZero();
  }

  /** Paragraph 47: four safeguarding and four looked after children's cases, by identification number. */
  static Map<String, Object> initialCases() {
    return Map.of("initialSafeguardingCaseIds", "S101, S102, S103, S104", "initialLacCaseIds", "L201, L202, L203, L204");
  }

  /** Paragraph 47: six more of each at the start of fieldwork. */
  static Map<String, Object> additionalCases() {
    return Map.of("additionalSafeguardingCaseIds", "S105, S106, S107, S108, S109, S110",
        "additionalLacCaseIds", "L205, L206, L207, L208, L209, L210");
  }

  private FrameworkScenario atJudgements(String reference) {
    FrameworkScenario s = start(reference, "2026-06-01", true, "2026-06-01T08:00");
    s.complete(TASK_NOTIFY_ON_ARRIVAL);
    s.complete(TASK_RECORD_CASE_LIST_ON_SITE);
    s.complete(TASK_SETUP_MEETING_ON_SITE, initialCases());
    s.complete(TASK_SELECT_ADDITIONAL_CASES, additionalCases());
    s.complete(TASK_FIELDWORK);
    s.complete(TASK_CQC_FIELDWORK);
    return s;
  }

  @Test
  void everyJudgementIsGradedOnTheFourPointScale() {
    FrameworkScenario s = atJudgements("SLAC-GRADES");
    Map<String, Object> missing = judgements("good");
    missing.remove("lacPromotingSafeguarding");
    assertThatThrownBy(() -> s.complete(TASK_RECORD_JUDGEMENTS, missing)).hasMessageContaining("lacPromotingSafeguarding");
    Map<String, Object> offScale = judgements("good");
    offScale.put("sgValueForMoney", "satisfactory");
    assertThatThrownBy(() -> s.complete(TASK_RECORD_JUDGEMENTS, offScale)).hasMessageContaining("sgValueForMoney");
    s.waitsAtExactly(TASK_RECORD_JUDGEMENTS);
  }

  @Test
  void anOverrideNeedsItsReasonAndIsRecorded() {
    FrameworkScenario s = atJudgements("SLAC-OVERRIDE");
    Map<String, Object> grades = judgements("outstanding");
    grades.put("lacStayingSafe", "inadequate"); // paragraph 32: likely to be inadequate
    s.complete(TASK_RECORD_JUDGEMENTS, grades);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacOverallEffectivenessSuggested"))
        .isEqualTo("inadequate");

    Map<String, Object> override = confirmAsSuggested(s);
    override.put("lacOverallEffectivenessFinal", "adequate");
    assertThatThrownBy(() -> s.complete(TASK_CONFIRM_JUDGEMENTS, override))
        .hasMessageContaining("lacOverallEffectivenessOverrideReason");
    override.put("lacOverallEffectivenessOverrideReason", "Staying safe failings are confined to one small team, already remedied.");
    s.complete(TASK_CONFIRM_JUDGEMENTS, override);

    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacOverallEffectivenessOverridden")).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacOverallEffectivenessFinal")).isEqualTo("adequate");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "sgOverallEffectivenessOverridden")).isEqualTo(false);
    s.waitsAtExactly(TASK_FEEDBACK);
  }

  @Test
  void aComplaintAfterPublicationFollowsThe2009Rule() {
    FrameworkScenario s = atJudgements("SLAC-COMPLAINT");
    s.complete(TASK_RECORD_JUDGEMENTS, judgements("good"));
    s.complete(TASK_CONFIRM_JUDGEMENTS, confirmAsSuggested(s));
    for (String step : List.of(TASK_FEEDBACK, TASK_QUALITY_ASSURE_REPORT, TASK_SEND_DRAFT_REPORT,
        CALL_RECORD_FACTUAL_ACCURACY, TASK_SEND_FINAL_REPORT, TASK_REQUEST_EVALUATION_FORM)) {
      s.complete(step);
    }
    FrameworkScenario.clock("2026-07-10T10:00");
    s.complete(TASK_PUBLISH_REPORT, Map.of("publicationUrl", "https://reports.example/SLAC-COMPLAINT"));
    FrameworkScenario.clock("2026-08-05T10:00"); // 26 calendar days after publication

    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var response = http.withBasicAuth("complaints-officer", "demo").postForEntity(
        "/api/inspections/SLAC-COMPLAINT/complaints", new org.springframework.http.HttpEntity<>(Map.of(
            "receivedOn", "2026-08-05", "kind", "process-outcome", "text", "The looked after children judgement is unfair."),
            headers), com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    assertThat(engine.getRuntimeService().getVariable(response.getBody().get("id").asText(), "complaintEdition"))
        .isEqualTo("2009");
  }

  private com.fasterxml.jackson.databind.JsonNode complain(String reference, String receivedOn) {
    FrameworkScenario.clock(receivedOn + "T10:00");
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var response = http.withBasicAuth("complaints-officer", "demo").postForEntity(
        "/api/inspections/" + reference + "/complaints", new org.springframework.http.HttpEntity<>(Map.of(
            "receivedOn", receivedOn, "kind", "process-outcome", "text", "The inspection was unfair."), headers),
        com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return response.getBody();
  }

  private Object complaintVariable(com.fasterxml.jackson.databind.JsonNode complaint, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(complaint.get("id").asText()).variableName(name).singleResult().getValue();
  }

  /** ¶72: at any stage up to 30 calendar days after publication; ¶59: publication does not wait for a complaint. */
  @Test
  void aComplaintMayComeUntil30CalendarDaysAfterPublicationAndNeverHoldsPublicationUp() {
    FrameworkScenario s = atJudgements("SLAC-COMPLAINT-WINDOW");
    s.complete(TASK_RECORD_JUDGEMENTS, judgements("good"));
    s.complete(TASK_CONFIRM_JUDGEMENTS, confirmAsSuggested(s));
    s.complete(TASK_FEEDBACK);
    s.complete(TASK_QUALITY_ASSURE_REPORT);
    s.complete(TASK_SEND_DRAFT_REPORT);

    var duringFactualAccuracy = complain("SLAC-COMPLAINT-WINDOW", "2026-06-22");
    assertThat(complaintVariable(duringFactualAccuracy, "window")).isEqualTo("in-time");
    assertThat((String) complaintVariable(duringFactualAccuracy, "windowRule")).contains("at any stage");

    s.complete(CALL_RECORD_FACTUAL_ACCURACY);
    s.complete(TASK_SEND_FINAL_REPORT);
    s.complete(TASK_REQUEST_EVALUATION_FORM);
    // Day 40 stays Friday 10 July 2026 with a complaint open; it is published early, on Tuesday 7 July.
    assertThat(s.task(TASK_PUBLISH_REPORT).getDueDate()).isEqualTo(FrameworkScenario.at("2026-07-10T23:59"));
    FrameworkScenario.clock("2026-07-07T09:00");
    s.complete(TASK_PUBLISH_REPORT, Map.of("publicationUrl", "https://reports.example/SLAC-COMPLAINT-WINDOW"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(s.processInstanceId)
        .singleResult().getEndActivityId()).as("published while the complaint is handled").isEqualTo(END_INSPECTION);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(duringFactualAccuracy.get("id").asText()).count()).isEqualTo(1);

    var thirtiethDay = complain("SLAC-COMPLAINT-WINDOW", "2026-08-06");
    assertThat(complaintVariable(thirtiethDay, "window")).isEqualTo("in-time");
    var thirtyFirstDay = complain("SLAC-COMPLAINT-WINDOW", "2026-08-07");
    assertThat(complaintVariable(thirtyFirstDay, "window")).isEqualTo("late");
    assertThat((String) complaintVariable(thirtyFirstDay, "windowRule")).contains("more than 30 calendar days");
  }

  @Test
  void startsOverHttpWithoutNotice() {
    FrameworkScenario.clock("2026-06-01T08:00");
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    Map<String, Object> body = new HashMap<>(Map.of("framework", "slac-2009", "reference", "SLAC-REST",
        "localAuthority", "Northshire", "plannedFieldworkStart", "2026-06-01", "noNotice", true,
        "noNoticeReason", "serious-concerns", "leadInspector", LEAD));
    var created = http.withBasicAuth(LEAD, "demo").postForEntity("/api/inspections",
        new org.springframework.http.HttpEntity<>(body, headers), com.fasterxml.jackson.databind.JsonNode.class);

    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    var first = created.getBody().get("timeline").get(0);
    assertThat(first.get("id").asText()).isEqualTo(TASK_NOTIFY_ON_ARRIVAL);
    assertThat(first.get("day").asInt()).isEqualTo(11);
    String ics = http.withBasicAuth(LEAD, "demo").getForObject("/api/inspections/SLAC-REST/timeline.ics", String.class)
        .replace("\r\n ", "");
    assertThat(ics).contains("Grade every judgement of the schedules inspected", "Publish the report on the Ofsted website")
        .doesNotContain("Send the notification and the accompanying documentation");

    body.put("reference", "SLAC-REST-2");
    body.put("noNoticeReason", "staff absence");
    var refused = http.withBasicAuth(LEAD, "demo").postForEntity("/api/inspections",
        new org.springframework.http.HttpEntity<>(body, headers), com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).startsWith("noNoticeReason: ");
  }

  private FrameworkScenario atSetupMeeting(String reference, String qaManager, List<String> team) {
    FrameworkScenario.clock("2026-04-30T10:00");
    InspectionStarts.Started started = starts.start(new InspectionStartRequest("slac-2009", reference, "Northshire",
        null, null, "2026-05-18", LEAD, qaManager, false, null, team));
    FrameworkScenario s = new FrameworkScenario(engine, started.processInstanceId());
    s.complete(TASK_SEND_NOTIFICATION);
    s.complete(TASK_AGREE_SETUP_MEETING);
    s.complete(CALL_RECORD_CORE_DOCUMENTS);
    s.complete(TASK_RECORD_LAC_LETTER);
    s.complete(CALL_RECORD_CASE_LIST);
    return s;
  }

  private static Map<String, Object> cases(String... pairs) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      v.put(pairs[i], pairs[i + 1]);
    }
    return v;
  }

  /** Defect 11, paragraph 47: at least four safeguarding and four looked after children's cases, by number only. */
  @Test
  void theInitialSelectionIsFourOfEachByIdentificationNumber() {
    FrameworkScenario s = atSetupMeeting("SLAC-INITIAL", null, null);
    assertThatThrownBy(() -> s.complete(TASK_SETUP_MEETING, cases("initialSafeguardingCaseIds", "S1, S2, S3",
        "initialLacCaseIds", "L1, L2, L3, L4")))
        .hasMessageContaining("Select at least four safeguarding cases for the initial audit: you gave 3");
    assertThatThrownBy(() -> s.complete(TASK_SETUP_MEETING, cases("initialSafeguardingCaseIds", "S1, S2, S3, S4",
        "initialLacCaseIds", "L1, L2, L3")))
        .hasMessageContaining("at least four looked after children's cases for the initial audit: you gave 3");
    assertThatThrownBy(() -> s.complete(TASK_SETUP_MEETING, cases("initialSafeguardingCaseIds", "S1, S2, S3, Jane Smith",
        "initialLacCaseIds", "L1, L2, L3, L4"))).hasMessageContaining("'Jane Smith' is not an identification number");
    assertThatThrownBy(() -> s.complete(TASK_SETUP_MEETING, cases("initialSafeguardingCaseIds", "S1, S2, S3, S4",
        "initialLacCaseIds", "L1, L2, L3, S4"))).hasMessageContaining("already chosen in initialSafeguardingCaseIds: S4");
    assertThatThrownBy(() -> s.complete(TASK_SETUP_MEETING, cases("initialLacCaseIds", "L1, L2, L3, L4")))
        .hasMessageContaining("initialSafeguardingCaseIds");
    s.waitsAtExactly(TASK_SETUP_MEETING);
    s.complete(TASK_SETUP_MEETING, cases("initialSafeguardingCaseIds", "S1;S2\nS3, S4", "initialLacCaseIds",
        "L1, L2, L3, L4, L5"));
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, VAR_INITIAL_SAFEGUARDING_CASES))
        .isEqualTo("S1, S2, S3, S4");
  }

  /** Defect 12, paragraph 47: at least a further six of each at the start of fieldwork, none of the initial ones. */
  @Test
  void theFurtherSelectionAtTheStartOfFieldworkIsSixMoreOfEach() {
    FrameworkScenario s = atSetupMeeting("SLAC-FURTHER", null, null);
    s.complete(TASK_SETUP_MEETING, initialCases());
    s.assigned(TASK_SELECT_ADDITIONAL_CASES, LEAD, "2026-05-18T23:59");
    assertThatThrownBy(() -> s.complete(TASK_SELECT_ADDITIONAL_CASES, cases("additionalSafeguardingCaseIds",
        "S105, S106, S107, S108, S109", "additionalLacCaseIds", "L205, L206, L207, L208, L209, L210")))
        .hasMessageContaining("Select at least six further safeguarding cases: you gave 5");
    assertThatThrownBy(() -> s.complete(TASK_SELECT_ADDITIONAL_CASES, cases("additionalSafeguardingCaseIds",
        "S101, S106, S107, S108, S109, S110", "additionalLacCaseIds", "L205, L206, L207, L208, L209, L210")))
        .hasMessageContaining("already chosen in initialSafeguardingCaseIds: S101");
    assertThatThrownBy(() -> s.complete(TASK_SELECT_ADDITIONAL_CASES, cases("additionalSafeguardingCaseIds",
        "S105, S106, S107, S108, S109, S110", "additionalLacCaseIds", "L205, L206, L207, L208, L209, S110")))
        .hasMessageContaining("already chosen in additionalSafeguardingCaseIds: S110");
    s.waitsAtExactly(TASK_SELECT_ADDITIONAL_CASES, CALL_RECEIVE_COUNCIL_AUDIT);
    s.complete(TASK_SELECT_ADDITIONAL_CASES, additionalCases());
    s.waitsAtExactly(CALL_RECEIVE_COUNCIL_AUDIT, TASK_FIELDWORK, TASK_CQC_FIELDWORK);
  }

  /** Defect 15, table days 21-25 and paragraph 68: the QA manager named at start quality assures the draft first. */
  @Test
  void theNamedQaManagerQualityAssuresTheReportBeforeTheDraftGoes() {
    FrameworkScenario s = atSetupMeeting("SLAC-QA", "qa-manager", null);
    s.complete(TASK_SETUP_MEETING, initialCases());
    s.complete(TASK_SELECT_ADDITIONAL_CASES, additionalCases());
    s.complete(CALL_RECEIVE_COUNCIL_AUDIT);
    s.complete(TASK_FIELDWORK);
    s.complete(TASK_CQC_FIELDWORK);
    s.complete(TASK_RECORD_JUDGEMENTS, judgements("good"));
    s.complete(TASK_CONFIRM_JUDGEMENTS, confirmAsSuggested(s));
    s.complete(TASK_FEEDBACK);
    s.waitsAtExactly(TASK_QUALITY_ASSURE_REPORT);
    s.assigned(TASK_QUALITY_ASSURE_REPORT, "qa-manager", "2026-06-05T23:59");
    assertThat(engine.getTaskService().getIdentityLinksForTask(s.task(TASK_QUALITY_ASSURE_REPORT).getId()))
        .extracting(l -> l.getGroupId()).contains("qa-manager");
    s.complete(TASK_QUALITY_ASSURE_REPORT, Map.of("reportQualityAssured", true));
    s.assigned(TASK_SEND_DRAFT_REPORT, LEAD, "2026-06-08T23:59");
  }

  /** Defect 18, paragraph 14: the CQC fieldwork is the named CQC inspector's; a team without one is refused. */
  @Test
  void theCqcFieldworkIsOfferedToTheTeamsCqcInspector() {
    FrameworkScenario.clock("2026-04-30T10:00");
    assertThatThrownBy(() -> starts.start(new InspectionStartRequest("slac-2009", "SLAC-TEAM-BAD", "Northshire",
        null, null, "2026-05-18", LEAD, null, false, null, List.of("ofsted-inspector"))))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> {
          assertThat(e.field()).isEqualTo("inspectionTeam");
          assertThat(e.getMessage()).contains("Care Quality Commission inspector", "paragraph 14");
        });
    FrameworkScenario s = atSetupMeeting("SLAC-TEAM", null, List.of("ofsted-inspector", "cqc-inspector"));
    s.complete(TASK_SETUP_MEETING, initialCases());
    s.complete(TASK_SELECT_ADDITIONAL_CASES, additionalCases());
    var links = engine.getTaskService().getIdentityLinksForTask(s.task(TASK_CQC_FIELDWORK).getId());
    assertThat(links).filteredOn(l -> "candidate".equals(l.getType()) && l.getUserId() != null)
        .extracting(l -> l.getUserId()).containsExactly("cqc-inspector");
    assertThat(links).filteredOn(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .extracting(l -> l.getGroupId()).containsExactly("cqc");
    assertThat(engine.getTaskService().createTaskQuery().taskCandidateUser("cqc-inspector")
        .processInstanceId(s.processInstanceId).taskDefinitionKey(TASK_CQC_FIELDWORK).count()).isEqualTo(1);
  }

  /** Defect 20, paragraph 32: the educational progress question is a required yes or no, never a default "no". */
  @Test
  void educationalProgressIsARequiredYesOrNo() throws Exception {
    var form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        java.nio.file.Files.readString(java.nio.file.Path.of("forms/form_slac2009_record_judgements.form")));
    com.fasterxml.jackson.databind.JsonNode field = null;
    for (var component : form.get("components")) {
      if (VAR_EDUCATIONAL_PROGRESS.equals(component.path("key").asText())) {
        field = component;
      }
    }
    assertThat(field).isNotNull();
    assertThat(field.has("defaultValue")).isFalse();
    assertThat(field.path("type").asText()).isEqualTo("radio");
    assertThat(field.path("validate").path("required").asBoolean()).isTrue();

    FrameworkScenario s = atJudgements("SLAC-PROGRESS");
    Map<String, Object> unanswered = judgements("good");
    unanswered.remove(VAR_EDUCATIONAL_PROGRESS);
    assertThatThrownBy(() -> s.complete(TASK_RECORD_JUDGEMENTS, unanswered)).hasMessageContaining(VAR_EDUCATIONAL_PROGRESS);
    Map<String, Object> no = judgements("good");
    no.put(VAR_EDUCATIONAL_PROGRESS, "no");
    s.complete(TASK_RECORD_JUDGEMENTS, no);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, VAR_EDUCATIONAL_PROGRESS)).isEqualTo(false);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacEnjoyingAchievingSuggested"))
        .isEqualTo("adequate");
  }

  /** Defect 21, paragraph 32: overriding enjoying and achieving recomputes the looked after children's overall limit. */
  @Test
  void overridingEnjoyingAndAchievingRecomputesTheOverallSuggestion() {
    FrameworkScenario s = atJudgements("SLAC-RECOMPUTE");
    Map<String, Object> grades = judgements("good");
    grades.put(VAR_EDUCATIONAL_PROGRESS, false); // enjoying and achieving suggested adequate, so overall adequate
    s.complete(TASK_RECORD_JUDGEMENTS, grades);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacOverallEffectivenessSuggested"))
        .isEqualTo("adequate");
    Map<String, Object> confirm = confirmAsSuggested(s);
    confirm.put("lacEnjoyingAchievingFinal", "good");
    confirm.put("lacEnjoyingAchievingOverrideReason", "Progress data for the year just ended shows good progress.");
    assertThatThrownBy(() -> s.complete(TASK_CONFIRM_JUDGEMENTS, confirm))
        .hasMessageContaining("lacOverallEffectivenessOverrideReason").hasMessageContaining("suggest 'good'");
    confirm.put("lacOverallEffectivenessFinal", "good");
    s.complete(TASK_CONFIRM_JUDGEMENTS, confirm);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacOverallEffectivenessSuggested"))
        .isEqualTo("good");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacOverallEffectivenessOverridden"))
        .isEqualTo(false);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacEnjoyingAchievingOverridden"))
        .isEqualTo(true);
  }

  /** The grades of one schedule only, as a separate inspection's lead inspector gives them. */
  private static Map<String, Object> judgementsOf(Map<String, String> schedule, String grade) {
    Map<String, Object> v = new HashMap<>();
    schedule.keySet().forEach(k -> v.put(k, grade));
    return v;
  }

  private static Map<String, Object> confirmAsSuggested(FrameworkScenario s, String scope) {
    Map<String, Object> v = new HashMap<>();
    for (String judgement : limitedJudgements(scope)) {
      v.put(judgement + SUFFIX_FINAL, s.engine.getRuntimeService().getVariable(s.processInstanceId, judgement + SUFFIX_SUGGESTED));
    }
    return v;
  }

  private long ran(FrameworkScenario s, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(s.processInstanceId)
        .activityId(activityId).finished().count();
  }

  private void reportToPublication(FrameworkScenario s, String reference) {
    for (String step : List.of(TASK_FEEDBACK, TASK_QUALITY_ASSURE_REPORT, TASK_SEND_DRAFT_REPORT,
        CALL_RECORD_FACTUAL_ACCURACY, TASK_SEND_FINAL_REPORT, TASK_REQUEST_EVALUATION_FORM)) {
      s.complete(step);
    }
    s.complete(TASK_PUBLISH_REPORT, Map.of("publicationUrl", "https://reports.example/" + reference));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(s.processInstanceId)
        .singleResult().getEndActivityId()).isEqualTo(END_INSPECTION);
  }

  /**
   * Defect 19, paragraph 18: a separate inspection of safeguarding (here without notice, serious concerns, paragraph
   * 11) asks for the safeguarding judgements only, runs only their limiting decisions and confirms only theirs.
   */
  @Test
  void aSeparateInspectionOfSafeguardingNeedsOnlyTheSafeguardingJudgements() {
    FrameworkScenario.clock("2026-06-01T08:00");
    InspectionStarts.Started started = starts.start(new InspectionStartRequest("slac-2009", "SLAC-SG-ONLY",
        "Northshire", null, null, "2026-06-01", LEAD, null, true, "serious-concerns")
        .withScope(SCOPE_SAFEGUARDING, "serious-concerns"));
    FrameworkScenario s = new FrameworkScenario(engine, started.processInstanceId());
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, VAR_SCOPE)).isEqualTo(SCOPE_SAFEGUARDING);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, VAR_SCOPE_REASON)).isEqualTo("serious-concerns");
    s.complete(TASK_NOTIFY_ON_ARRIVAL);
    s.complete(TASK_RECORD_CASE_LIST_ON_SITE);
    // A separate inspection of safeguarding selects safeguarding cases only (children.*.skipWhen, paragraph 18).
    assertThatThrownBy(() -> s.complete(TASK_SETUP_MEETING_ON_SITE, Map.of("initialSafeguardingCaseIds", "S101, S102")))
        .hasMessageContaining("at least four safeguarding cases");
    s.complete(TASK_SETUP_MEETING_ON_SITE, Map.of("initialSafeguardingCaseIds", "S101, S102, S103, S104"));
    s.complete(TASK_SELECT_ADDITIONAL_CASES,
        Map.of("additionalSafeguardingCaseIds", "S105, S106, S107, S108, S109, S110"));
    s.complete(TASK_FIELDWORK);
    s.complete(TASK_CQC_FIELDWORK);

    Map<String, Object> grades = judgementsOf(SAFEGUARDING_JUDGEMENTS, "good");
    grades.remove("sgEqualityDiversity");
    assertThatThrownBy(() -> s.complete(TASK_RECORD_JUDGEMENTS, grades)).hasMessageContaining("sgEqualityDiversity");
    grades.put("sgEqualityDiversity", "inadequate"); // paragraph 31: leadership unlikely to be adequate
    s.complete(TASK_RECORD_JUDGEMENTS, grades); // no looked after children's grade, no educational progress answer
    assertThat(ran(s, TASK_LIMIT_SG_OVERALL)).isEqualTo(1);
    assertThat(ran(s, TASK_LIMIT_SG_LEADERSHIP)).isEqualTo(1);
    assertThat(ran(s, TASK_LIMIT_LAC_ENJOYING) + ran(s, TASK_LIMIT_LAC_LEADERSHIP) + ran(s, TASK_LIMIT_LAC_OVERALL))
        .isZero();
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "sgLeadershipManagementSuggested"))
        .isEqualTo("inadequate");
    assertThat(engine.getRuntimeService().getVariables(s.processInstanceId).keySet())
        .noneMatch(name -> name.startsWith("lac"));

    Map<String, Object> confirm = confirmAsSuggested(s, SCOPE_SAFEGUARDING);
    assertThat(confirm).containsOnlyKeys("sgOverallEffectivenessFinal", "sgLeadershipManagementFinal");
    s.complete(TASK_CONFIRM_JUDGEMENTS, confirm);
    assertThat(variable(s, "sgLeadershipManagementFinal")).isEqualTo("inadequate");
    reportToPublication(s, "SLAC-SG-ONLY");
  }

  /** Defect 19, paragraph 18: a separate inspection of looked after children, with notice, grades only theirs. */
  @Test
  void aSeparateInspectionOfLookedAfterChildrenNeedsOnlyTheirJudgements() {
    FrameworkScenario.clock("2026-04-30T10:00");
    InspectionStarts.Started started = starts.start(new InspectionStartRequest("slac-2009", "SLAC-LAC-ONLY",
        "Northshire", null, null, "2026-05-18", LEAD, null, false, null)
        .withScope(SCOPE_LOOKED_AFTER_CHILDREN, "inadequate"));
    FrameworkScenario s = new FrameworkScenario(engine, started.processInstanceId());
    for (String step : List.of(TASK_SEND_NOTIFICATION, TASK_AGREE_SETUP_MEETING, CALL_RECORD_CORE_DOCUMENTS,
        TASK_RECORD_LAC_LETTER, CALL_RECORD_CASE_LIST)) {
      s.complete(step);
    }
    s.complete(TASK_SETUP_MEETING, Map.of("initialLacCaseIds", "L201, L202, L203, L204"));
    s.complete(TASK_SELECT_ADDITIONAL_CASES, Map.of("additionalLacCaseIds", "L205, L206, L207, L208, L209, L210"));
    s.complete(CALL_RECEIVE_COUNCIL_AUDIT);
    s.complete(TASK_FIELDWORK);
    s.complete(TASK_CQC_FIELDWORK);

    Map<String, Object> grades = judgementsOf(LAC_JUDGEMENTS, "good");
    assertThatThrownBy(() -> s.complete(TASK_RECORD_JUDGEMENTS, grades))
        .hasMessageContaining(VAR_EDUCATIONAL_PROGRESS); // still asked: paragraph 32 limits enjoying and achieving
    grades.put(VAR_EDUCATIONAL_PROGRESS, "no");
    s.complete(TASK_RECORD_JUDGEMENTS, grades); // no safeguarding grade
    assertThat(ran(s, TASK_LIMIT_SG_OVERALL) + ran(s, TASK_LIMIT_SG_LEADERSHIP)).isZero();
    assertThat(ran(s, TASK_LIMIT_LAC_ENJOYING)).isEqualTo(1);
    assertThat(ran(s, TASK_LIMIT_LAC_LEADERSHIP)).isEqualTo(1);
    assertThat(ran(s, TASK_LIMIT_LAC_OVERALL)).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacEnjoyingAchievingSuggested"))
        .isEqualTo("adequate");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "lacOverallEffectivenessSuggested"))
        .isEqualTo("adequate");
    assertThat(engine.getRuntimeService().getVariables(s.processInstanceId).keySet())
        .noneMatch(name -> name.startsWith("sg"));

    Map<String, Object> confirm = confirmAsSuggested(s, SCOPE_LOOKED_AFTER_CHILDREN);
    assertThat(confirm).containsOnlyKeys("lacEnjoyingAchievingFinal", "lacLeadershipManagementFinal",
        "lacOverallEffectivenessFinal");
    s.complete(TASK_CONFIRM_JUDGEMENTS, confirm);
    assertThat(variable(s, "lacOverallEffectivenessOverridden")).isEqualTo(false);
    reportToPublication(s, "SLAC-LAC-ONLY");
  }

  /** Defect 19: both schedules stay the default; a scope is checked, and only 2009 has one. */
  @Test
  void theScopeIsBothByDefaultAndASeparateInspectionNeedsAReasonOfParagraph18() {
    FrameworkScenario s = atJudgements("SLAC-BOTH");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, VAR_SCOPE)).isEqualTo(SCOPE_BOTH);
    Map<String, Object> safeguardingOnly = judgementsOf(SAFEGUARDING_JUDGEMENTS, "good");
    assertThatThrownBy(() -> s.complete(TASK_RECORD_JUDGEMENTS, safeguardingOnly))
        .hasMessageContaining("lacOverallEffectiveness");

    FrameworkScenario.clock("2026-04-30T10:00");
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    java.util.function.Function<Map<String, Object>, com.fasterxml.jackson.databind.JsonNode> refused = changes -> {
      Map<String, Object> body = new HashMap<>(Map.of("framework", "slac-2009", "reference", "SLAC-SCOPE-BAD",
          "localAuthority", "Northshire", "plannedFieldworkStart", "2026-05-18", "leadInspector", LEAD));
      body.putAll(changes);
      var answer = http.withBasicAuth(LEAD, "demo").postForEntity("/api/inspections",
          new org.springframework.http.HttpEntity<>(body, headers), com.fasterxml.jackson.databind.JsonNode.class);
      assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
      return answer.getBody();
    };
    assertThat(refused.apply(Map.of("scope", "children-in-need")).get("message").asText()).startsWith("scope: ")
        .contains("paragraph 18");
    assertThat(refused.apply(Map.of("scope", "safeguarding")).get("message").asText()).startsWith("scopeReason: ")
        .contains("paragraph 18");
    assertThat(refused.apply(Map.of("scope", "looked-after-children", "scopeReason", "staff shortages"))
        .get("message").asText()).startsWith("scopeReason: ");
    assertThat(refused.apply(Map.of("scope", "both", "scopeReason", "inadequate")).get("message").asText())
        .startsWith("scopeReason: ");
    assertThat(refused.apply(Map.of("scope", "looked-after-children", "scopeReason", "inadequate", "noNotice", true,
        "noNoticeReason", "inadequate")).get("message").asText()).startsWith("noNotice: ").contains("paragraph 11");
    assertThat(refused.apply(Map.of("framework", "jtai-2024", "qaManager", "qa-manager", "scope", "safeguarding"))
        .get("message").asText()).startsWith("scope: ").contains("slac-2009");
    assertThat(refused.apply(Map.of("framework", "ofsted-targeted-2016", "qaManager", "qa-manager",
        "deepDiveTheme", "cse-and-missing", "scopeReason", "inadequate")).get("message").asText())
        .startsWith("scopeReason: ");
    assertThat(refused.apply(Map.of("framework", "jtai-2017", "qaManager", "qa-manager", "deepDiveTheme",
        "cse-and-missing", "scope", "both"))
        .get("message").asText()).startsWith("scope: ");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey("SLAC-SCOPE-BAD").count()).isZero();
  }
}
