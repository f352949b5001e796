package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.JtaiStart;

/**
 * A concern about a child and complaints, raised, answered and refused with distinctive free text: the log holds
 * case numbers and ids, never what people wrote.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class NothingPersonalInLogsTest extends ComplaintTestSupport {

  static final String CONCERN_ISSUES = "Zebrafinch-issues: the child's bruising was not followed up by the GP.";
  static final String CONCERN_RESPONSE = "Zebrafinch-response: a strategy meeting is now booked.";
  static final String COMPLAINT_TEXT = "Zebrafinch-complaint: the letter misstates our early help offer.";
  static final String CONDUCT_TEXT = "Zebrafinch-conduct: the inspector mocked a social worker.";
  static final String REFUSED_TEXT = "Zebrafinch-refused: a complaint sent far too late.";

  @Test
  void freeTextNeverReachesTheLog(CapturedOutput output) {
    // A concern raised and answered over the API.
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-24T10:00:00Z")));
    String reference = newReference();
    Map<String, Object> variables = JtaiStart.partWayVariables(reference, LocalDate.of(2026, 12, 7).toString());
    // Concerns are raised by the inspection's team (issue 15).
    variables.put(uk.jointinspections.inspection.InspectionTeam.VARIABLE, "cqc-inspector");
    JtaiStart.partWay(runtime, JtaiProcess.TASK_KIT_MEETING_DAY_10, variables);
    Map<String, Object> annexC = AnnexCConcern.categoryOne("HV-77001 (ZF)", CONCERN_ISSUES).agency("General practice")
        .seniorOfficer("Named GP for safeguarding", "named.gp@icb.example").body();
    ResponseEntity<JsonNode> raised = postJson("cqc-inspector", "/api/inspections/" + reference + "/concerns", annexC);
    assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(201);
    String concern = raised.getBody().get("id").asText();
    ResponseEntity<JsonNode> answered = postJson("cqc-inspector", "/api/concerns/" + concern + "/response",
        Map.of("response", CONCERN_RESPONSE));
    assertThat(answered.getStatusCode().value()).as(String.valueOf(answered.getBody())).isEqualTo(200);
    // Refused: the text of an invalid concern is not logged either.
    Map<String, Object> invalid = new HashMap<>(annexC);
    invalid.remove("caseNumbers");
    assertThat(postJson("cqc-inspector", "/api/inspections/" + reference + "/concerns", invalid)
        .getStatusCode().value()).isEqualTo(400);
    ClockUtil.reset();

    // Complaints about a published inspection: one about the report, one about an inspector's conduct, one of no known kind.
    String published = newReference();
    inspection(published, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 9), 11, 0);
    record(published, body("2026-03-09", "process-outcome", COMPLAINT_TEXT, null));
    record(published, body("2026-03-09", "conduct", CONDUCT_TEXT, "cqc"));
    Map<String, Object> late = new LinkedHashMap<>(body("2026-03-09", "no-such-kind", REFUSED_TEXT, null));
    assertThat(post("complaints-officer", published, late).getStatusCode().is4xxClientError()).isTrue();

    assertThat(output.getAll()).contains(reference)
        .doesNotContain(CONCERN_ISSUES, CONCERN_RESPONSE, COMPLAINT_TEXT, CONDUCT_TEXT, REFUSED_TEXT, "Zebrafinch");
  }

  private ResponseEntity<JsonNode> postJson(String user, String path, Object body) {
    return rest.withBasicAuth(user, "demo").postForEntity(path, ApiClient.json(body), JsonNode.class);
  }
}
