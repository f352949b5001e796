package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess.Submission;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.testkit.WithEngineAssertions;

/** POST /api/inspections, the submissions endpoint and the timeline, over HTTP with basic authentication. */
@EngineTest
@WithEngineAssertions
class InspectionApiTest {

  @Autowired TestRestTemplate http;
  private final ApiClient api = new ApiClient(() -> http);
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;

  @BeforeEach
  void clock() {
    // The Friday before day −1 of an inspection whose fieldwork starts on Monday 15 March 2027.
    EngineClock.set("2027-02-26T10:00");
  }

  private Map<String, Object> request(String reference) {
    return JtaiStart.form(reference, "2027-03-15");
  }

  private long instances(String reference) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(JtaiProcess.KEY)
        .processInstanceBusinessKey(reference).count();
  }

  @Test
  void startsAnInspectionCountingNotificationBackNineWorkingDaysFromFieldwork() {
    ResponseEntity<JsonNode> response = api.post("ofsted-lead", "/api/inspections", request("JTAI-REST-START"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = response.getBody();
    assertThat(body.get("reference").asText()).isEqualTo("JTAI-REST-START");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(body.get("processInstanceId").asText())
        .singleResult().getBusinessKey()).isEqualTo("JTAI-REST-START");
    JsonNode first = body.get("timeline").get(0);
    // The senior analytical officer's pre-inspection briefing (¶10), day −2: Friday before the Monday review.
    assertThat(first.get("id").asText()).isEqualTo(JtaiProcess.TASK_PREPARE_PRE_INSPECTION_BRIEFING);
    assertThat(first.get("day").asInt()).isEqualTo(-2);
    assertThat(first.get("due").asText()).isEqualTo("2027-02-26T23:59:00+00:00");
    assertThat(first.get("status").asText()).isEqualTo("open");
    JsonNode notify = find(body.get("timeline"), JtaiProcess.TASK_NOTIFY_DCS);
    assertThat(notify.get("day").asInt()).isZero();
    assertThat(notify.get("due").asText()).isEqualTo("2027-03-02T09:30:00+00:00");
    assertThat(notify.get("performer").asText()).isEqualTo("lead inspector ofsted-lead");
    assertThat(notify.get("status").asText()).isEqualTo("upcoming");
    JsonNode publication = find(body.get("timeline"), JtaiProcess.TASK_PUBLISH_LETTER);
    assertThat(publication.get("day").asInt()).isEqualTo(43);
    assertThat(publication.get("performer").asText()).isEqualTo("editors");
    // In order: no milestone is due before the one listed ahead of it.
    for (int i = 1; i < body.get("timeline").size(); i++) {
      JsonNode previous = body.get("timeline").get(i - 1);
      JsonNode current = body.get("timeline").get(i);
      if (previous.hasNonNull("due") && current.hasNonNull("due")) {
        assertThat(java.time.OffsetDateTime.parse(current.get("due").asText()))
            .isAfterOrEqualTo(java.time.OffsetDateTime.parse(previous.get("due").asText()));
      }
    }
  }

  private static JsonNode find(JsonNode timeline, String id) {
    return ApiClient.entry(timeline, id);
  }

  @Test
  void refusesBadInputNamingTheFieldAndCreatesNothing() {
    Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
    Map<String, Object> noLead = request("JTAI-REST-BAD-1");
    noLead.remove("leadInspector");
    cases.put("leadInspector", noLead);
    Map<String, Object> neglect2016 = request("JTAI-REST-BAD-2");
    neglect2016.put("framework", "jtai-2016");
    cases.put("deepDiveTheme", neglect2016);
    Map<String, Object> christmas = request("JTAI-REST-BAD-3");
    christmas.remove("plannedFieldworkStart");
    christmas.put("notificationDate", "2026-12-25");
    cases.put("notificationDate", christmas);
    Map<String, Object> saturday = request("JTAI-REST-BAD-4");
    saturday.put("plannedFieldworkStart", "2027-03-13");
    cases.put("plannedFieldworkStart", saturday);
    Map<String, Object> notOfsted = request("JTAI-REST-BAD-5");
    notOfsted.put("leadInspector", "cqc-inspector");
    cases.put("leadInspector ", notOfsted);
    // ¶93: a QA manager is assigned to the inspection, and is not the lead inspector (J3).
    Map<String, Object> noQa = request("JTAI-REST-BAD-6");
    noQa.remove("qaManager");
    cases.put("qaManager", noQa);
    Map<String, Object> leadIsQa = request("JTAI-REST-BAD-7");
    leadIsQa.put("framework", "jtai-2016");
    leadIsQa.put("deepDiveTheme", "domestic-abuse");
    leadIsQa.put("leadInspector", "qa-manager");
    cases.put("qaManager  ", leadIsQa);

    cases.forEach((field, body) -> {
      ResponseEntity<JsonNode> response = api.post("ofsted-lead", "/api/inspections", body);
      assertThat(response.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
      assertThat(response.getBody().get("error").asText()).isEqualTo("Bad Request");
      assertThat(response.getBody().get("message").asText()).as(field).startsWith(field.strip() + ": ");
      assertThat(response.getBody().has("trace")).isFalse();
      assertThat(instances((String) body.get("reference"))).as(field).isZero();
    });
    assertThat(api.post("ofsted-lead", "/api/inspections", christmas).getBody().get("message").asText())
        .contains("not a working day");
    assertThat(api.post("ofsted-lead", "/api/inspections", leadIsQa).getBody().get("message").asText())
        .contains("must be different people");
  }

  @Test
  void aSecondStartWithTheSameReferenceIsRefused() {
    assertThat(api.post("ofsted-lead", "/api/inspections", request("JTAI-REST-TWICE")).getStatusCode()).isEqualTo(HttpStatus.CREATED);

    ResponseEntity<JsonNode> again = api.post("ofsted-lead", "/api/inspections", request("JTAI-REST-TWICE"));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(again.getBody().get("message").asText()).contains("already exists");
    assertThat(instances("JTAI-REST-TWICE")).isEqualTo(1);
  }

  @Test
  void onlyLeadInspectorsStartInspections() {
    ResponseEntity<JsonNode> response = api.post("cqc-inspector", "/api/inspections", request("JTAI-REST-CQC"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(instances("JTAI-REST-CQC")).isZero();
  }

  @Test
  void unknownInspectionsReadLikeInspectionsTheCallerMayNotSee() {
    ResponseEntity<JsonNode> submission = api.post("ofsted-lead", "/api/inspections/NO-SUCH-JTAI/submissions/deep-dive-list", Map.of());
    ResponseEntity<JsonNode> timeline = api.as("ofsted-lead").getForEntity("/api/inspections/NO-SUCH-JTAI/timeline", JsonNode.class);

    // A lead inspector leads some inspections, not all: "unknown" and "not yours" must read the same to her.
    assertThat(submission.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(submission.getBody().get("message").asText())
        .isEqualTo("You are not allowed to record submissions for this inspection.");
    assertThat(timeline.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // The timeline gives the answer it gives for an inspection the caller may not read (TimelineAccessTest).
    assertThat(timeline.getBody().get("message").asText())
        .isEqualTo("There is no inspection with reference 'NO-SUCH-JTAI' that you may see.");
  }

  @Test
  void aSubmissionIsCorrelatedOnceAndARepeatChangesNothing() {
    String pi = api.post("ofsted-lead", "/api/inspections", request("JTAI-REST-SUB")).getBody().get("processInstanceId").asText();
    String path = "/api/inspections/JTAI-REST-SUB/submissions/" + Submission.DEEP_DIVE_LIST.kind;

    Map<String, Object> list = Map.of("children", java.util.List.of("NS-1001", "NS-1002"));
    ResponseEntity<JsonNode> early = api.post("ofsted-lead", path, list);
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(early.getBody().get("message").asText()).contains("not yet waiting");

    JtaiStart.pastTheAnalystsBriefing(tasks, pi);
    tasks.createTaskQuery().processInstanceId(pi).list().forEach(t -> tasks.complete(t.getId()));
    tasks.complete(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(JtaiProcess.TASK_NOTIFY_DCS)
        .singleResult().getId(), Map.of(JtaiProcess.VAR_DCS_EMAIL, "dcs@northshire.example"));

    // Paragraph 19: identification numbers, not names; a list with a name is refused and changes nothing (J12).
    ResponseEntity<JsonNode> named = api.post("ofsted-lead", path, Map.of("children", java.util.List.of("NS-1001", "Amy Brown")));
    assertThat(named.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(named.getBody().get("message").asText()).contains("'Amy Brown' is not an identification number");
    assertThat(api.post("ofsted-lead", path, Map.of("list", "portal folder A")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(JtaiProcess.TASK_SELECT_20_CHILDREN).count())
        .isZero();

    ResponseEntity<JsonNode> first = api.post("ofsted-lead", path, list);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(JtaiProcess.TASK_SELECT_20_CHILDREN).count())
        .isEqualTo(1);

    ResponseEntity<JsonNode> repeat = api.post("ofsted-lead", path, Map.of("children", java.util.List.of("NS-1003")));
    assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(repeat.getBody().get("message").asText()).contains("already received").contains("changed nothing");
    assertThat(runtime.getVariable(pi, Submission.DEEP_DIVE_LIST.contentVariable())).isEqualTo("{\"children\":[\"NS-1001\",\"NS-1002\"]}");
    assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(JtaiProcess.TASK_SELECT_20_CHILDREN).count())
        .isEqualTo(1);

    JsonNode timeline = api.as("ofsted-lead").getForEntity("/api/inspections/JTAI-REST-SUB/timeline", JsonNode.class).getBody();
    assertThat(find(timeline, Submission.DEEP_DIVE_LIST.subProcessId).get("status").asText()).isEqualTo("done");
    assertThat(find(timeline, Submission.DEEP_DIVE_LIST.subProcessId).get("performer").asText()).isEqualTo("local area");
    assertThat(find(timeline, JtaiProcess.TASK_SELECT_20_CHILDREN).get("status").asText()).isEqualTo("open");
    assertThat(find(timeline, JtaiProcess.TASK_REVIEW_BRIEFING_LEAD).get("status").asText()).isEqualTo("done");
  }

  @Test
  void theTimelineIsAnICalendarFileOutlookCanImport() throws Exception {
    api.post("ofsted-lead", "/api/inspections", request("JTAI-REST-ICS"));

    ResponseEntity<String> response = api.as("ofsted-lead").getForEntity("/api/inspections/JTAI-REST-ICS/timeline.ics", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("text/calendar");
    String ics = response.getBody();
    Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
    parsed.validate();
    assertThat(ics).contains("VERSION:2.0", "PRODID:" + TimelineCalendar.PRODUCT,
        "UID:JTAI-REST-ICS-task_notify_dcs@jointinspections.uk",
        "DTSTART:20270302T090000Z", "DTEND:20270302T093000Z",
        "DTSTART;VALUE=DATE:20270301");
    JsonNode timeline = api.as("ofsted-lead").getForEntity("/api/inspections/JTAI-REST-ICS/timeline", JsonNode.class).getBody();
    int dated = 0;
    for (JsonNode entry : timeline) {
      dated += entry.hasNonNull("due") ? 1 : 0;
    }
    assertThat(dated).isGreaterThan(50);
    assertThat(parsed.getComponents("VEVENT")).as("one event per dated milestone").hasSize(dated);
  }

  @Test
  void anUnknownKindOfSubmissionAndAMalformedBodyAreExplained() {
    api.post("ofsted-lead", "/api/inspections", request("JTAI-REST-KIND"));

    ResponseEntity<JsonNode> kind = api.post("ofsted-lead", "/api/inspections/JTAI-REST-KIND/submissions/cake", Map.of());
    assertThat(kind.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(kind.getBody().get("message").asText()).startsWith("'cake' is not something the local area submits")
        .contains("deep-dive-list", "statement-of-action");

    ResponseEntity<JsonNode> malformed = api.post("ofsted-lead", "/api/inspections", "{\"framework\": ");
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody().get("message").asText()).contains("not the JSON object");
  }
}
