package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.frameworks.OfstedTargeted2016Process.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.StatementOfActionProcess;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The 2016 Ofsted targeted inspection, day −1 to publication on day 30 and the statement of action, with the clock
 * moved through it. The notification on Tuesday 3 March 2026 puts the factual accuracy check across Easter (Good
 * Friday 3 April, Easter Monday 6 April) and the statement of action across the May bank holidays. Expected dates are
 * written out by hand.
 */
@EngineTest
@WithEngineAssertions
class OfstedTargeted2016ProcessTest {

  private static final String LEAD = "ofsted-lead";
  private static final String QA = "qa-manager";

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  private FrameworkScenario start(String reference, String notification, String now) {
    return FrameworkScenario.start(engine, starts, new InspectionStartRequest("ofsted-targeted-2016", reference,
        "Westshire", "cse-and-missing", notification, null, LEAD, QA), now);
  }

  @Test
  void wholeDayTableAcrossEaster() {
    FrameworkScenario s = start("OTA16-EASTER", "2026-03-03", "2026-02-27T10:00");
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, "fieldworkStartLabel"))
        .isEqualTo("Monday 16 March 2026");

    s.waitsAtExactly(TASK_PRODUCE_PRE_INSPECTION_BRIEFING);
    s.offered(TASK_PRODUCE_PRE_INSPECTION_BRIEFING, "senior-analytical-officer", "2026-02-27T23:59");
    s.complete(TASK_PRODUCE_PRE_INSPECTION_BRIEFING);
    s.waitsAtExactly(TASK_REVIEW_BRIEFING);
    s.assigned(TASK_REVIEW_BRIEFING, LEAD, "2026-03-02T23:59");
    s.complete(TASK_REVIEW_BRIEFING);
    s.assigned(TASK_NOTIFY_DCS, LEAD, "2026-03-03T09:30");
    s.complete(TASK_NOTIFY_DCS, Map.of("dcsNotified", true, "dcsEmail", OfstedTargeted2016Fixture.DCS_EMAIL));
    s.waitsAtExactly(TASK_SETUP_DISCUSSION, TASK_RECORD_DEEP_DIVE_LIST, TASK_RECORD_MULTI_AGENCY_MEETINGS);
    s.assigned(TASK_RECORD_MULTI_AGENCY_MEETINGS, LEAD, "2026-03-05T23:59");
    s.complete(TASK_RECORD_MULTI_AGENCY_MEETINGS);
    s.assigned(TASK_SETUP_DISCUSSION, LEAD, "2026-03-03T23:59");
    s.assigned(TASK_RECORD_DEEP_DIVE_LIST, LEAD, "2026-03-03T23:59");
    s.complete(TASK_SETUP_DISCUSSION);
    s.complete(TASK_RECORD_DEEP_DIVE_LIST);
    s.assigned(TASK_SELECT_20_CHILDREN, LEAD, "2026-03-04T12:00");
    s.complete(TASK_SELECT_20_CHILDREN, Map.of("selectedChildIds", OfstedTargeted2016Fixture.TWENTY));
    s.assigned(TASK_RECORD_INFORMATION_20, LEAD, "2026-03-05T15:00");
    s.complete(TASK_RECORD_INFORMATION_20);
    s.assigned(TASK_SELECT_CHILDREN_TO_EVALUATE, LEAD, "2026-03-05T17:00");
    s.complete(TASK_SELECT_CHILDREN_TO_EVALUATE, Map.of("evaluationChildIds", OfstedTargeted2016Fixture.FIVE));
    s.assigned(TASK_PRODUCE_BRIEFING_NOTE, LEAD, "2026-03-06T23:59");
    s.complete(TASK_PRODUCE_BRIEFING_NOTE);
    s.waitsAtExactly(TASK_PREPARE_OFF_SITE, TASK_COMMENCE_TIMETABLE);
    s.assigned(TASK_PREPARE_OFF_SITE, LEAD, "2026-03-09T23:59"); // nobody else named: the lead inspector alone
    s.assigned(TASK_COMMENCE_TIMETABLE, LEAD, "2026-03-09T23:59");
    s.complete(TASK_PREPARE_OFF_SITE);
    s.complete(TASK_COMMENCE_TIMETABLE);
    s.assigned(TASK_RECORD_ANNEX_A_INFORMATION, LEAD, "2026-03-10T23:59");
    s.complete(TASK_RECORD_ANNEX_A_INFORMATION);
    s.assigned(TASK_REVIEW_CASE_FILES, LEAD, "2026-03-11T23:59");
    s.complete(TASK_REVIEW_CASE_FILES);
    s.assigned(TASK_RECORD_EVALUATIONS, LEAD, "2026-03-12T23:59");
    s.complete(TASK_RECORD_EVALUATIONS);
    s.assigned(TASK_RECORD_CONSENT_CONFIRMATION, LEAD, "2026-03-13T23:59");
    s.complete(TASK_RECORD_CONSENT_CONFIRMATION);
    s.assigned(TASK_CONSIDER_EVALUATIONS, LEAD, "2026-03-13T23:59");
    s.complete(TASK_CONSIDER_EVALUATIONS);

    // Week three onsite: Monday 16 to Friday 20 March.
    s.waitsAtExactly(TASK_TEAM_BRIEFING, TASK_ANALYTICAL_SUPPORT_ON_SITE, TASK_QA_ON_SITE);
    s.assigned(TASK_TEAM_BRIEFING, LEAD, "2026-03-16T23:59");
    s.offered(TASK_ANALYTICAL_SUPPORT_ON_SITE, "senior-analytical-officer", "2026-03-17T23:59");
    s.assigned(TASK_QA_ON_SITE, QA, "2026-03-20T23:59");
    s.complete(TASK_TEAM_BRIEFING);
    s.assigned(TASK_INITIAL_MEETING, LEAD, "2026-03-16T23:59");
    s.complete(TASK_INITIAL_MEETING);
    s.complete(TASK_ANALYTICAL_SUPPORT_ON_SITE);
    s.assigned(TASK_KIT_WEDNESDAY, LEAD, "2026-03-18T12:00");
    s.complete(TASK_KIT_WEDNESDAY);
    s.assigned(TASK_KIT_THURSDAY, LEAD, "2026-03-19T12:00");
    s.complete(TASK_KIT_THURSDAY);
    s.assigned(TASK_AGREE_PROVISIONAL_FINDINGS, LEAD, "2026-03-19T23:59");
    s.complete(TASK_AGREE_PROVISIONAL_FINDINGS);
    s.assigned(TASK_IDENTIFY_FINDINGS, LEAD, "2026-03-20T12:00");
    s.complete(TASK_IDENTIFY_FINDINGS);
    s.assigned(TASK_FEEDBACK_MEETING, LEAD, "2026-03-20T15:00");
    s.assigned(TASK_SUBMIT_KEY_FINDINGS, LEAD, "2026-03-20T23:59");
    s.complete(TASK_FEEDBACK_MEETING);
    s.complete(TASK_SUBMIT_KEY_FINDINGS);
    s.complete(TASK_QA_ON_SITE, Map.of("qaOnSite", "yes"));

    // The letter: regional director sign-offs, factual accuracy across Easter, proof-reading, day 27 and day 30.
    // Day 16 is a joint step: the lead inspector's and the QA manager's halves, both needed before the sign-off.
    s.waitsAtExactly(TASK_AGREE_DRAFT_LETTER_LEAD, TASK_AGREE_DRAFT_LETTER_QA);
    s.assigned(TASK_AGREE_DRAFT_LETTER_LEAD, LEAD, "2026-03-25T12:00");
    s.assigned(TASK_AGREE_DRAFT_LETTER_QA, QA, "2026-03-25T12:00");
    s.complete(TASK_AGREE_DRAFT_LETTER_QA);
    s.waitsAtExactly(TASK_AGREE_DRAFT_LETTER_LEAD);
    s.complete(TASK_AGREE_DRAFT_LETTER_LEAD);
    s.offered(TASK_SIGN_OFF_DRAFT_LETTER, "regional-director", "2026-03-26T23:59");
    s.complete(TASK_SIGN_OFF_DRAFT_LETTER);
    s.assigned(TASK_SEND_DRAFT_TO_DCS, LEAD, "2026-03-27T23:59");
    s.complete(TASK_SEND_DRAFT_TO_DCS);
    s.assigned(TASK_RECORD_FACTUAL_ACCURACY_RESPONSE, LEAD, "2026-04-07T23:59"); // 5 working days: 30 March-2 April, 7 April
    s.moveTo("2026-04-07T12:00"); // Easter is not counted: not yet late
    assertThat(s.tasks("task_chase_record_factual_accuracy_response")).isEmpty();
    assertThat(s.tasks(JtaiProcess.TASK_FOLLOW_UP_OVERDUE)).isEmpty();
    s.moveTo("2026-04-08T00:01");
    s.assigned("task_chase_record_factual_accuracy_response", LEAD, null);
    s.complete("task_chase_record_factual_accuracy_response");
    // Beside the chase, the overdue step escalates to the lead inspector and the QA manager.
    assertThat(engine.getTaskService().getVariable(s.task(JtaiProcess.TASK_FOLLOW_UP_OVERDUE).getId(),
        JtaiProcess.VAR_OVERDUE_STEP)).isEqualTo(TASK_RECORD_FACTUAL_ACCURACY_RESPONSE);
    s.complete(JtaiProcess.TASK_FOLLOW_UP_OVERDUE, Map.of("overdueFollowUpAction", "Agreed a new date with the DCS."));
    s.complete(TASK_RECORD_FACTUAL_ACCURACY_RESPONSE);
    s.waitsAtExactly(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD, TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    s.assigned(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD, LEAD, "2026-04-08T23:59");
    s.assigned(TASK_CONSIDER_FACTUAL_ACCURACY_QA, QA, "2026-04-08T23:59");
    s.complete(TASK_CONSIDER_FACTUAL_ACCURACY_LEAD);
    s.waitsAtExactly(TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    s.complete(TASK_CONSIDER_FACTUAL_ACCURACY_QA);
    s.offered(TASK_SIGN_OFF_FINAL_LETTER, "regional-director", "2026-04-09T23:59");
    s.complete(TASK_SIGN_OFF_FINAL_LETTER);
    s.offered(TASK_PROOF_READ_LETTER, "editors", "2026-04-10T23:59");
    s.complete(TASK_PROOF_READ_LETTER);
    s.assigned(TASK_SEND_PRE_PUBLICATION_LETTER, LEAD, "2026-04-13T23:59");
    s.complete(TASK_SEND_PRE_PUBLICATION_LETTER);
    s.offered(TASK_PUBLISH_LETTER, "editors", "2026-04-16T23:59");
    FrameworkScenario.clock("2026-04-16T09:00");
    s.complete(TASK_PUBLISH_LETTER, Map.of("publicationUrl", "https://reports.example/OTA16-EASTER"));

    // Paragraph 93: the evaluation questionnaire once the letter is published, beside the statement of action.
    s.assigned(TASK_REQUEST_EVALUATION_QUESTIONNAIRE, LEAD, "2026-04-23T23:59");
    s.complete(TASK_REQUEST_EVALUATION_QUESTIONNAIRE);

    // Within 70 working days of publication, over the May bank holidays (4 and 25 May).
    Task record = s.assigned(TASK_RECORD_STATEMENT_OF_ACTION, LEAD, "2026-07-27T23:59");
    // The shared called process, with this inspection's reference, framework, day 0 and form.
    ProcessInstance inspection = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(s.processInstanceId).singleResult();
    ProcessInstance statement = BpmnAwareTests.assertThat(inspection).isWaitingAt(CALL_STATEMENT_OF_ACTION)
        .calledProcessInstance(StatementOfActionProcess.KEY).getActual();
    assertThat(statement.getBusinessKey()).isEqualTo("OTA16-EASTER");
    BpmnAwareTests.assertThat(statement).variables().containsEntry("framework", FRAMEWORK)
        .containsEntry(VAR_LETTER_PUBLISHED_ON, engine.getRuntimeService().getVariable(s.processInstanceId, VAR_LETTER_PUBLISHED_ON));
    assertThat(engine.getFormService().getTaskFormData(record.getId()).getCamundaFormRef().getKey())
        .isEqualTo("form_ota2016_record_statement_of_action");

    // Overdue in the called process: the escalation reaches this inspection's own follow-up, which names the step.
    s.moveTo("2026-07-28T09:00");
    Task followUp = s.task(JtaiProcess.TASK_FOLLOW_UP_OVERDUE);
    assertThat(followUp.getProcessInstanceId()).isEqualTo(s.processInstanceId);
    assertThat(engine.getTaskService().getVariables(followUp.getId()))
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP, TASK_RECORD_STATEMENT_OF_ACTION)
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_TITLE, "Record receipt of the written statement of proposed action")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DAY, "70")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_COUNTED_FROM, "counted from the day the letter was published")
        .containsEntry(JtaiProcess.VAR_OVERDUE_STEP_DUE, "Monday 27 July 2026 at 23:59");
    s.complete(JtaiProcess.TASK_FOLLOW_UP_OVERDUE, Map.of("overdueFollowUpAction", "Reminded the DCS."));

    s.complete(TASK_RECORD_STATEMENT_OF_ACTION, Map.of("statementReceived", true));
    BpmnAwareTests.assertThat(statement).isEnded().hasPassed(StatementOfActionProcess.END_STATEMENT_OF_ACTION)
        .hasNotPassed(StatementOfActionProcess.TASK_REVIEW_STATEMENT_OF_ACTION);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(s.processInstanceId)
        .variableName("statementReceived").singleResult().getValue()).isEqualTo(true);
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(s.processInstanceId)
        .singleResult().getEndActivityId()).isEqualTo(END_INSPECTION);
  }

  @Test
  void timelineShowsDaysMinusOneToThirty() {
    start("OTA16-TIMELINE", "2026-09-15", "2026-09-11T10:00");
    List<TimelineEntry> entries = timeline.of("OTA16-TIMELINE");
    assertThat(entries.get(0).id()).isEqualTo(TASK_PRODUCE_PRE_INSPECTION_BRIEFING);
    assertThat(entries.get(0).day()).isEqualTo(-2);
    assertThat(entries.get(1).id()).isEqualTo(TASK_REVIEW_BRIEFING);
    assertThat(entries.get(1).day()).isEqualTo(-1);
    TimelineEntry notify = entries.get(2);
    assertThat(notify.id()).isEqualTo(TASK_NOTIFY_DCS);
    assertThat(notify.getDue()).isEqualTo("2026-09-15T09:30:00+01:00");
    TimelineEntry publish = entries.stream().filter(e -> e.id().equals(TASK_PUBLISH_LETTER)).findFirst().orElseThrow();
    assertThat(publish.day()).isEqualTo(30);
    assertThat(publish.title()).isEqualTo("Publish the letter of inspection findings");
    assertThat(publish.getDue()).isEqualTo("2026-10-27T23:59:00+00:00");
    assertThat(entries.stream().filter(e -> e.id().equals(TASK_SIGN_OFF_DRAFT_LETTER)).findFirst().orElseThrow()
        .performer()).isEqualTo("regional-director");
    // The called statement-of-action process's step is listed once, with this framework's paragraph; the review,
    // which this framework does not have, is not.
    TimelineEntry statement = entries.stream().filter(e -> e.id().equals(TASK_RECORD_STATEMENT_OF_ACTION))
        .findFirst().orElseThrow();
    assertThat(entries).filteredOn(e -> e.id().equals(TASK_RECORD_STATEMENT_OF_ACTION)).hasSize(1);
    assertThat(statement.day()).isEqualTo(70);
    assertThat(statement.paragraph()).isEqualTo("9, 95");
    // The local area sends it, whether through the API or recorded by the lead inspector, as in the 2017 JTAI.
    assertThat(statement.performer()).isEqualTo("local area");
    assertThat(statement.status()).isEqualTo(TimelineEntry.Status.upcoming);
    assertThat(entries).extracting(TimelineEntry::id).doesNotContain(StatementOfActionProcess.TASK_REVIEW_STATEMENT_OF_ACTION,
        CALL_STATEMENT_OF_ACTION);
  }

  @Test
  void startRulesOfTheTargetedInspection() {
    FrameworkScenario.clock("2026-09-11T10:00");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> starts.start(new InspectionStartRequest(
            "ofsted-targeted-2016", "OTA16-BAD-THEME", "Westshire", "neglect", "2026-09-15", null, LEAD, QA)))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("deepDiveTheme"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> starts.start(new InspectionStartRequest(
            "ofsted-targeted-2016", "OTA16-BAD-LEAD", "Westshire", "cse-and-missing", "2026-09-15", null,
            "cqc-inspector", QA)))
        .isInstanceOfSatisfying(InvalidInspectionException.class, e -> assertThat(e.field()).isEqualTo("leadInspector"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> starts.start(new InspectionStartRequest(
            "ofsted-targeted-2016", "OTA16-BAD-DATES", "Westshire", "cse-and-missing", "2026-09-15", "2026-09-29",
            LEAD, QA)))
        .isInstanceOfSatisfying(InvalidInspectionException.class,
            e -> assertThat(e.field()).isEqualTo("plannedFieldworkStart"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKeyLike("OTA16-BAD-%").count()).isZero();
  }

  @Test
  void aConcernGoesToTheLocalAuthorityAndTheDcsSigns() {
    FrameworkScenario s = start("OTA16-CONCERN", "2026-09-15", "2026-09-11T10:00");
    FrameworkScenario.clock("2026-09-15T11:00");
    Map<String, Object> annexC = new java.util.HashMap<>();
    annexC.put(uk.jointinspections.concern.ConcernReferralProcess.VAR_INSPECTION_REFERENCE, "OTA16-CONCERN");
    annexC.put(uk.jointinspections.concern.ConcernReferralProcess.VAR_CASE_NUMBERS, "CS-1001 (AB)");
    annexC.put(uk.jointinspections.concern.ConcernReferralProcess.VAR_AGENCY_SERVICE, "Children's social care");
    annexC.put(uk.jointinspections.concern.ConcernReferralProcess.VAR_SENIOR_OFFICER_ROLE, "Director of children's services");
    annexC.put(uk.jointinspections.concern.ConcernReferralProcess.VAR_SENIOR_OFFICER_EMAIL, "dcs@westshire.example");
    annexC.put(uk.jointinspections.concern.ConcernReferralProcess.VAR_CATEGORY, "2");
    annexC.put(uk.jointinspections.concern.ConcernReferralProcess.VAR_ISSUES, "Strategy discussion not held.");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(uk.jointinspections.concern.ConcernReferralProcess.KEY).latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthentication(LEAD, List.of("ofsted", "lead-inspector"));
    org.camunda.bpm.engine.runtime.ProcessInstance concern;
    try {
      concern = engine.getFormService().submitStartForm(definition, annexC);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThat(engine.getRuntimeService().getVariable(concern.getId(), "framework")).isEqualTo(FRAMEWORK);
    assertThat(engine.getRuntimeService().getVariable(concern.getId(), "agencyContact")).isEqualTo("the local authority");
    assertThat(engine.getRuntimeService().getVariable(concern.getId(), "signatoryTitle"))
        .isEqualTo("Director of children's services (DCS)");
    assertThat(engine.getRuntimeService().getVariable(concern.getId(),
        uk.jointinspections.concern.ConcernReferralProcess.VAR_INSPECTION_PROCESS_INSTANCE_ID)).isEqualTo(s.processInstanceId);
  }

  @Test
  void startsOverHttpWithItsOwnFieldsAndCalendar() {
    FrameworkScenario.clock("2026-09-11T10:00");
    Map<String, Object> body = new java.util.HashMap<>(Map.of("framework", FRAMEWORK, "reference", "OTA16-REST",
        "localAuthority", "Westshire", "deepDiveTheme", "cse-and-missing", "plannedFieldworkStart", "2026-09-28",
        "leadInspector", LEAD, "qaManager", QA));
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var created = http.withBasicAuth(LEAD, "demo").postForEntity("/api/inspections",
        new org.springframework.http.HttpEntity<>(body, headers), com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    assertThat(created.getBody().get("timeline").get(2).get("due").asText()).isEqualTo("2026-09-15T09:30:00+01:00");

    body.put("reference", "OTA16-REST-NOQA");
    body.remove("qaManager");
    var refused = http.withBasicAuth(LEAD, "demo").postForEntity("/api/inspections",
        new org.springframework.http.HttpEntity<>(body, headers), com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).startsWith("qaManager: ");

    String ics = http.withBasicAuth(LEAD, "demo").getForObject("/api/inspections/OTA16-REST/timeline.ics", String.class)
        .replace("\r\n ", "");
    assertThat(ics).contains("Sign off the draft letter", "Final proof-reading of the letter",
        "Publish the letter of inspection findings");
  }
}
