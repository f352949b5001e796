package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * {@code POST /api/inspections/{reference}/submissions/{kind}} for the three later frameworks: the local area's items
 * carry each framework's own names and complete the lead inspector's waiting "record receipt" step; an item the
 * framework does not have is 404, one it is not (or no longer) waiting for is 409, and neither changes anything.
 */
@EngineTest
@WithEngineAssertions
class FrameworkSubmissionsTest {

  private static final String LEAD = "ofsted-lead";

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired TestRestTemplate http;
  @Autowired Jtai2024Deferrals deferrals;

  private FrameworkScenario start(InspectionStartRequest request, String now) {
    return FrameworkScenario.start(engine, starts, request, now);
  }

  private ResponseEntity<JsonNode> submit(String user, String reference, String kind, Object body) {
    return http.withBasicAuth(user, "demo").postForEntity("/api/inspections/" + reference + "/submissions/" + kind,
        ApiClient.json(body), JsonNode.class);
  }

  private Object variable(FrameworkScenario s, String name) {
    return engine.getRuntimeService().getVariable(s.processInstanceId, name);
  }

  @Test
  void jtai2024AnnexADataListsCompleteTheirStepOnceAndOtherFrameworksItemsAreUnknown() {
    FrameworkScenario s = start(new InspectionStartRequest("jtai-2024", "JTAI24-SUBMIT", "Northshire", null, null,
        "2026-10-05", LEAD, "qa-manager"), "2026-09-18T10:00");

    ResponseEntity<JsonNode> early = submit(LEAD, "JTAI24-SUBMIT", "child-level-data", Map.of("lists", "folder 1"));
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("message").asText()).contains("not yet waiting for the child-level-data");

    Jtai2024Steps.preNotification(s);
    s.complete(Jtai2024Process.TASK_NOTIFY_DCS, Map.of("dcsNotified", true));
    s.complete(Jtai2024Process.TASK_NOTIFY_HEALTH_LEADERS);
    s.complete(Jtai2024Process.TASK_NOTIFY_POLICE_LEADERS);
    FrameworkScenario.clock("2026-09-22T16:40");
    ResponseEntity<JsonNode> lists = submit(LEAD, "JTAI24-SUBMIT", "child-level-data", Map.of("lists", "folder 1"));

    assertThat(lists.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(lists.getBody().get("processInstanceId").asText()).isEqualTo(s.processInstanceId);
    assertThat(s.tasks(Jtai2024Process.TASK_RECORD_CHILD_LEVEL_DATA)).isEmpty();
    s.assigned(Jtai2024Process.TASK_SELECT_30_CHILDREN, LEAD, "2026-09-23T17:00");
    assertThat(variable(s, "childLevelDataChannel")).isEqualTo("api");
    assertThat(variable(s, "childLevelDataContent")).isEqualTo("{\"lists\":\"folder 1\"}");
    assertThat(variable(s, "childLevelDataSubmittedBy")).isEqualTo(LEAD);
    assertThat(variable(s, "childLevelDataReceivedOn")).isEqualTo(FrameworkScenario.at("2026-09-22T16:40"));

    ResponseEntity<JsonNode> repeat = submit(LEAD, "JTAI24-SUBMIT", "child-level-data", Map.of("lists", "folder 2"));
    assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(repeat.getBody().get("message").asText())
        .contains("already received on 22 September 2026 at 16:40", "changed nothing");
    assertThat(variable(s, "childLevelDataContent")).isEqualTo("{\"lists\":\"folder 1\"}");

    ResponseEntity<JsonNode> jtai2017Item = submit(LEAD, "JTAI24-SUBMIT", "deep-dive-list", Map.of());
    assertThat(jtai2017Item.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(jtai2017Item.getBody().get("message").asText())
        .startsWith("'deep-dive-list' is not something the local area submits in inspection JTAI24-SUBMIT")
        .contains("child-level-data", "answers-for-30-children", "case-records", "audits", "statement-of-action");
  }

  @Test
  void jtai2024AfterAGrantedDeferralTheDataListsAreAskedForAgain() {
    FrameworkScenario s = start(new InspectionStartRequest("jtai-2024", "JTAI24-SUBMIT-DEFER", "Northshire", null,
        null, "2026-10-05", LEAD, "qa-manager"), "2026-09-18T10:00");
    Jtai2024Steps.preNotification(s);
    s.complete(Jtai2024Process.TASK_NOTIFY_DCS, Map.of("dcsNotified", true));
    s.complete(Jtai2024Process.TASK_NOTIFY_HEALTH_LEADERS);
    s.complete(Jtai2024Process.TASK_NOTIFY_POLICE_LEADERS);
    FrameworkScenario.clock("2026-09-22T15:00");
    assertThat(submit(LEAD, "JTAI24-SUBMIT-DEFER", "child-level-data", Map.of("lists", "folder 1")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    FrameworkScenario.clock("2026-09-22T16:00");
    deferrals.request("JTAI24-SUBMIT-DEFER", "The DCS is on sick leave.");
    Jtai2024Steps.deferralViews(s, "2026-10-02T23:59", "grant", "grant");
    s.complete(Jtai2024Process.TASK_DECIDE_DEFERRAL, Map.of(Jtai2024Process.VAR_DEFERRAL_DECISION, "granted",
        Jtai2024Process.VAR_DEFERRED_FIELDWORK_START, "2026-11-16", "deferralDecisionReasons", "Exceptional."));

    // Weeks 1 and 2 start again from Monday 2 November: the lists of September no longer count.
    ResponseEntity<JsonNode> beforeNotification = submit(LEAD, "JTAI24-SUBMIT-DEFER", "child-level-data", Map.of());
    assertThat(beforeNotification.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(beforeNotification.getBody().get("message").asText()).contains("not yet waiting")
        .doesNotContain("already received");
    s.complete(Jtai2024Process.TASK_NOTIFY_DCS, Map.of("dcsNotified", true));
    s.complete(Jtai2024Process.TASK_NOTIFY_HEALTH_LEADERS);
    s.complete(Jtai2024Process.TASK_NOTIFY_POLICE_LEADERS);
    assertThat(submit(LEAD, "JTAI24-SUBMIT-DEFER", "child-level-data", Map.of("lists", "folder 2")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(variable(s, "childLevelDataContent")).isEqualTo("{\"lists\":\"folder 2\"}");
  }

  @Test
  void ofstedTargeted2016ListsUseTheirOwnNamesAndNeedTheRightToRunTheInspection() {
    FrameworkScenario s = start(new InspectionStartRequest("ofsted-targeted-2016", "OTA16-SUBMIT", "Westshire",
        "cse-and-missing", "2026-03-03", null, LEAD, "qa-manager"), "2026-02-27T10:00");
    s.complete(OfstedTargeted2016Process.TASK_PRODUCE_PRE_INSPECTION_BRIEFING);
    s.complete(OfstedTargeted2016Process.TASK_REVIEW_BRIEFING);
    s.complete(OfstedTargeted2016Process.TASK_NOTIFY_DCS, Map.of("dcsNotified", true, "dcsEmail", "dcs@westshire.example"));

    // Not the inspection's lead inspector: a CQC inspector, its QA manager, an operator (who reads every inspection).
    for (String other : java.util.List.of("cqc-inspector", "qa-manager", "operator")) {
      ResponseEntity<JsonNode> notTheirs = submit(other, "OTA16-SUBMIT", "deep-dive-list", Map.of("list", "A"));
      assertThat(notTheirs.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(s.tasks(OfstedTargeted2016Process.TASK_RECORD_DEEP_DIVE_LIST)).hasSize(1);

    ResponseEntity<JsonNode> list = submit(LEAD, "OTA16-SUBMIT", "deep-dive-list", Map.of("list", "A"));
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(s.tasks(OfstedTargeted2016Process.TASK_RECORD_DEEP_DIVE_LIST)).isEmpty();
    assertThat(variable(s, "deepDiveListChannel")).isEqualTo("api");

    ResponseEntity<JsonNode> slacItem = submit(LEAD, "OTA16-SUBMIT", "core-documents", Map.of());
    assertThat(slacItem.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(slacItem.getBody().get("message").asText()).contains("deep-dive-list", "information-on-20-children",
        "annex-a-information", "evaluations", "factual-accuracy-response", "statement-of-action");

    ResponseEntity<JsonNode> tooLong = submit(LEAD, "OTA16-SUBMIT", "information-on-20-children",
        Map.of("notes", "x".repeat(4001)));
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
  }

  @Test
  void ofstedTargeted2016StatementOfActionCompletesTheStepOfTheCalledProcess() {
    FrameworkScenario.clock("2026-05-05T10:00");
    // An inspection past publication: it waits in the shared statement-of-action process it called.
    String inspection = engine.getRuntimeService().createProcessInstanceByKey(OfstedTargeted2016Process.KEY)
        .businessKey("OTA16-SOA").setVariables(Map.of("framework", OfstedTargeted2016Process.FRAMEWORK,
            "leadInspector", LEAD, "qaManager", "qa-manager",
            OfstedTargeted2016Process.VAR_LETTER_PUBLISHED_ON, FrameworkScenario.at("2026-04-16T09:00")))
        .startBeforeActivity(OfstedTargeted2016Process.CALL_STATEMENT_OF_ACTION).execute().getId();
    FrameworkScenario s = new FrameworkScenario(engine, inspection);
    Task record = s.assigned(OfstedTargeted2016Process.TASK_RECORD_STATEMENT_OF_ACTION, LEAD, "2026-07-27T23:59");
    assertThat(record.getProcessInstanceId()).isNotEqualTo(inspection);

    ResponseEntity<JsonNode> statement = submit(LEAD, "OTA16-SOA", "statement-of-action", Map.of("url", "https://la/soa"));
    assertThat(statement.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(statement.getBody().get("processInstanceId").asText()).isEqualTo(inspection);
    assertThat(s.tasks(OfstedTargeted2016Process.TASK_RECORD_STATEMENT_OF_ACTION)).isEmpty();
    // Given back to the inspection, which has ended with its statement of action.
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(inspection)
        .singleResult().getEndActivityId()).isEqualTo(OfstedTargeted2016Process.END_INSPECTION);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(inspection)
        .variableName("statementOfActionChannel").singleResult().getValue()).isEqualTo("api");

    ResponseEntity<JsonNode> repeat = submit(LEAD, "OTA16-SOA", "statement-of-action", Map.of());
    assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(repeat.getBody().get("message").asText()).contains("already received on 5 May 2026 at 10:00");
  }

  @Test
  void slac2009CoreDocumentsCaseListAndAuditArriveInTable1Order() {
    FrameworkScenario s = start(new InspectionStartRequest("slac-2009", "SLAC-SUBMIT", "Northshire", null, null,
        "2026-05-18", LEAD, null, false, null), "2026-04-30T10:00");
    s.complete(Slac2009Process.TASK_SEND_NOTIFICATION);

    assertThat(submit(LEAD, "SLAC-SUBMIT", "case-list", Map.of()).getBody().get("message").asText())
        .contains("not yet waiting for the case-list");
    ResponseEntity<JsonNode> core = submit(LEAD, "SLAC-SUBMIT", "core-documents", Map.of("folder", "core"));
    assertThat(core.getStatusCode()).isEqualTo(HttpStatus.OK);
    s.waitsAtExactly(Slac2009Process.TASK_AGREE_SETUP_MEETING);
    s.complete(Slac2009Process.TASK_AGREE_SETUP_MEETING);
    s.complete(Slac2009Process.TASK_RECORD_LAC_LETTER);
    assertThat(submit(LEAD, "SLAC-SUBMIT", "case-list", Map.of("folder", "cases")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    s.waitsAtExactly(Slac2009Process.TASK_SETUP_MEETING);
    // Recorded in the called building block, the item is the inspection's: its variables come back through the call.
    assertThat(variable(s, "caseListChannel")).isEqualTo("api");
    assertThat(variable(s, "caseListContent")).isEqualTo("{\"folder\":\"cases\"}");
    assertThat(submit(LEAD, "SLAC-SUBMIT", "case-list", Map.of()).getBody().get("message").asText())
        .contains("case-list of inspection SLAC-SUBMIT was already received");
    assertThat(submit(LEAD, "SLAC-SUBMIT", "lac-letter", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void slac2009WithoutNoticeNeverWaitsForTheDocumentsOfDays2To10() {
    FrameworkScenario s = start(new InspectionStartRequest("slac-2009", "SLAC-SUBMIT-NO-NOTICE", "Northshire", null,
        null, "2026-05-18", LEAD, null, true, "inadequate"), "2026-05-18T08:00");
    s.waitsAtExactly(Slac2009Process.TASK_NOTIFY_ON_ARRIVAL);

    ResponseEntity<JsonNode> audit = submit(LEAD, "SLAC-SUBMIT-NO-NOTICE", "council-audit", Map.of());
    assertThat(audit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(audit.getBody().get("message").asText()).contains("changed nothing");
    s.waitsAtExactly(Slac2009Process.TASK_NOTIFY_ON_ARRIVAL);
  }
}
