package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintTimeline;
import uk.jointinspections.concern.ConcernTimeline;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * {@code /api/inspections/{reference}/timeline} and {@code .ics} follow the inspection's read permission, as the engine
 * checks it for the caller: the inspection's lead inspector and admin see it with its concern, an operator sees it
 * without; only those who may read the conduct investigation (admin here; the investigating inspectorate does not read
 * the inspection) see its milestones; an inspector of another inspectorate gets the 404 of a reference that does not
 * exist, word for word, even one whose inspectorate investigates the conduct complaint.
 */
@EngineTest
@WithEngineAssertions
class TimelineAccessTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired WithoutAuthorization unrestricted;
  @Autowired InspectionTeamAccess teamAccess;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired TestRestTemplate rest;
  private final ApiClient api = new ApiClient(() -> rest);

  @Test
  void theTimelineIsForThoseWhoMayReadTheInspectionAndEachEntryForThoseWhoMayReadItsInstance() {
    String reference = "JTAI-TL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    finalisedInspection(reference, LocalDate.of(2026, 3, 2));
    clock(LocalDate.of(2026, 3, 3), 10, 0);

    ResponseEntity<JsonNode> concern = post("ofsted-lead", "/api/inspections/" + reference + "/concerns", 
        AnnexCConcern.categoryTwo("CS-770011 (JT)", "The plan was not reviewed.").agency("Children's social care")
            .seniorOfficer("Head of service", "head@exampleshire.example").body());
    assertThat(concern.getStatusCode()).as(String.valueOf(concern.getBody())).isEqualTo(HttpStatus.CREATED);
    String concernEntry = ConcernTimeline.ENTRY_PREFIX + concern.getBody().get("id").asText();

    Map<String, Object> complaint = new HashMap<>();
    complaint.put("receivedOn", "2026-03-03");
    complaint.put("kind", "conduct");
    complaint.put("text", "The inspector was rude to the custody sergeant.");
    complaint.put("conductInspectorate", "hmicfrs");
    ResponseEntity<JsonNode> recorded = post("complaints-officer", "/api/inspections/" + reference + "/complaints",
        complaint);
    assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
    String complaintId = recorded.getBody().get("id").asText();
    ProcessInstance conduct = runtime.createProcessInstanceQuery().superProcessInstanceId(complaintId)
        .processDefinitionKey(ComplaintConductProcess.KEY).singleResult();
    assertThat(conduct).isNotNull();
    String conductEntries = ComplaintTimeline.ENTRY_PREFIX + complaintId + ":";

    // The inspection's lead inspector: the inspection and its concern; not the conduct investigation.
    List<String> lead = entryIds("ofsted-lead", reference);
    assertThat(lead).contains(JtaiProcess.TASK_PUBLISH_LETTER, concernEntry)
        .noneMatch(id -> id.startsWith(conductEntries));
    // admin: everything.
    List<String> admin = entryIds("admin", reference);
    assertThat(admin).contains(JtaiProcess.TASK_PUBLISH_LETTER, concernEntry)
        .anyMatch(id -> id.equals(conductEntries + ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT));
    // An operator reads every inspection, never a concern or a conduct investigation.
    List<String> operator = entryIds("operator", reference);
    assertThat(operator).contains(JtaiProcess.TASK_PUBLISH_LETTER).doesNotContain(concernEntry)
        .noneMatch(id -> id.startsWith(conductEntries));
    assertThat(ics("operator", reference).getBody()).contains("Publish").doesNotContain("Concern 1");
    assertThat(ics("ofsted-lead", reference).getBody()).contains("Concern 1");

    // Outsiders: the answer of a reference that does not exist, for the JSON and the calendar file alike.
    String unknown = "JTAI-TL-NONE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    JsonNode none = get("cqc-inspector", "/api/inspections/" + unknown + "/timeline");
    for (String outsider : List.of("cqc-inspector", "hmicfrs-inspector", "probation-lead")) {
      for (String path : List.of("/timeline", "/timeline.ics")) {
        ResponseEntity<JsonNode> refused = api.as(outsider)
            .getForEntity("/api/inspections/" + reference + path, JsonNode.class);
        assertThat(refused.getStatusCode()).as(outsider + " " + path).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody().get("message").asText()).as(outsider + " " + path)
            .isEqualTo(none.get("message").asText().replace(unknown, reference));
        assertThat(refused.getBody().toString()).doesNotContain("Exampleshire", "Concern", "Publish");
      }
    }
    assertThat(none.get("message").asText())
        .isEqualTo("There is no inspection with reference '" + unknown + "' that you may see.");
  }

  /** A 2017 JTAI whose letter was finalised on this day and not yet published; lead ofsted-lead. */
  private void finalisedInspection(String reference, LocalDate finalisedOn) {
    clock(finalisedOn.minusDays(70), 9, 0);
    Map<String, Object> variables = JtaiStart.partWayVariables(reference,
        EngineClock.at(finalisedOn.minusDays(60), LocalTime.MIDNIGHT));
    variables.put(JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED, false);
    ProcessInstance jtai = JtaiStart.partWay(runtime, JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER, variables);
    // Started past its start event, so the grants its start listener makes are made here, as it makes them.
    unrestricted.call(() -> {
      teamAccess.grantTeam(jtai.getId(), "ofsted-lead", "qa-manager", InspectionTeam.nobody());
      return null;
    });
    clock(finalisedOn, 10, 0);
    tasks.complete(tasks.createTaskQuery().processInstanceId(jtai.getId())
        .taskDefinitionKey(JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER).singleResult().getId());
  }

  private List<String> entryIds(String user, String reference) {
    ResponseEntity<JsonNode> response = api.as(user)
        .getForEntity("/api/inspections/" + reference + "/timeline", JsonNode.class);
    assertThat(response.getStatusCode()).as(user + " timeline").isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    response.getBody().forEach(entry -> ids.add(entry.get("id").asText()));
    return ids;
  }

  private ResponseEntity<String> ics(String user, String reference) {
    ResponseEntity<String> response = api.as(user)
        .getForEntity("/api/inspections/" + reference + "/timeline.ics", String.class);
    assertThat(response.getStatusCode()).as(user + " .ics").isEqualTo(HttpStatus.OK);
    return response;
  }

  private JsonNode get(String user, String path) {
    return api.get(user, path).getBody();
  }

  private ResponseEntity<JsonNode> post(String user, String path, Map<String, Object> body) {
    return api.post(user, path, body);
  }

  private static void clock(LocalDate date, int hour, int minute) {
    EngineClock.set(date, LocalTime.of(hour, minute));
  }
}
