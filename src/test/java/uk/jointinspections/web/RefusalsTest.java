package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.JtaiStart;

/**
 * A line break in a one-line field of /api is refused naming the field, while free text keeps its paragraphs; and a
 * refusal is logged as a refusal: one WARN line naming the endpoint, the field and the rule, never the value (so a line
 * break in it cannot forge a log line) and never a stack trace.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  private final HttpClient client = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "/api/inspections, framework",
      "/api/inspections, reference",
      "/api/inspections, localAuthority",
      "/api/inspections, deepDiveTheme",
      "/api/inspections, plannedFieldworkStart",
      "/api/inspections, leadInspector",
      "/api/inspections, qaManager",
      "/api/inspections, noNoticeReason",
      "/api/inspections, scope",
      "/api/inspections, scopeReason",
      "/api/inspections/JTAI-NONE/concerns, caseNumbers",
      "/api/inspections/JTAI-NONE/concerns, agencyService",
      "/api/inspections/JTAI-NONE/concerns, seniorOfficerRole",
      "/api/inspections/JTAI-NONE/concerns, seniorOfficerEmail",
      "/api/inspections/JTAI-NONE/concerns, responseRequiredBy",
      "/api/inspections/JTAI-NONE/complaints, receivedOn",
      "/api/inspections/JTAI-NONE/complaints, kind",
      "/api/inspections/JTAI-NONE/complaints, conductInspectorate",
      "/api/inspections/JTAI-NONE/complaints, complaintEdition",
      "/api/concerns/no-such-concern/response, receivedOn"})
  void aLineBreakInAOneLineFieldIsRefusedNamingTheField(String path, String field) throws Exception {
    for (String lineBreak : List.of("\n", "\r", "\r\n", "\u2028")) {
      HttpResponse<String> refused = post("ofsted-lead", path, Map.of(field, "first line" + lineBreak + "second line"));

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(refused.body());
      assertThat(error.path("field").asText()).isEqualTo(field);
      assertThat(error.path("message").asText()).isEqualTo(field + ": line breaks are not allowed: this field is one line of text.");
    }
  }

  @Test
  void freeTextKeepsItsLineBreaks() throws Exception {
    String reference = runningInspection();
    Map<String, Object> concern = AnnexCConcern.categoryTwo("HV-88001 (LB)",
        "First, the missed appointments.\r\nSecond, the referral was not shared.\n\nThird, no plan.").body();

    HttpResponse<String> raised = post("ofsted-lead", "/api/inspections/" + reference + "/concerns", concern);

    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
  }

  @Test
  void aRefusedValueIsLoggedAsARefusalWithoutTheValueOrAStackTrace(CapturedOutput output) throws Exception {
    String marker = "Unlogged" + UUID.randomUUID().toString().substring(0, 8);
    String reference = runningInspection();
    int before = output.getAll().length();
    HttpResponse<String> lineBreak = post("ofsted-lead", "/api/inspections", Map.of("framework", "jtai-2017",
        "reference", marker + "\r\n2026-12-03T09:00:00.000Z ERROR 1 --- [main] forged." + marker));
    Map<String, Object> concern = AnnexCConcern.categoryTwo("HV-88002 (LB)", "The referral was not shared.")
        .seniorOfficer("Designated nurse for safeguarding", marker + "-at-icb.example").body();
    HttpResponse<String> notAnAddress = post("ofsted-lead", "/api/inspections/" + reference + "/concerns", concern);
    HttpResponse<String> unknownFramework = post("ofsted-lead", "/engine-rest/process-definition/key/"
        + JtaiProcess.KEY + "/submit-form", Map.of("variables", Map.of(
            "framework", Map.of("value", marker, "type", "String"),
            "reference", Map.of("value", "JTAI-" + marker.toUpperCase(), "type", "String"))));

    assertThat(lineBreak.statusCode()).isEqualTo(400);
    assertThat(notAnAddress.statusCode()).as(notAnAddress.body()).isEqualTo(400);
    assertThat(unknownFramework.statusCode()).as(unknownFramework.body()).isEqualTo(400);
    // The filter logs once the answer has gone (its finally), so the line may follow the answer by a moment.
    String log = output.getAll().substring(before);
    for (long deadline = System.nanoTime() + 10_000_000_000L;
        !log.contains("/submit-form") && System.nanoTime() < deadline; log = output.getAll().substring(before)) {
      Thread.sleep(50);
    }
    assertThat(log).doesNotContain(marker).doesNotContain("forged");
    assertThat(log).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception:");
    List<String> warnings = log.lines().filter(l -> l.contains("WARN") && l.contains("Refused")).toList();
    assertThat(warnings)
        .anySatisfy(l -> assertThat(l).contains("POST /api/inspections:").contains("reference").contains("line breaks"))
        .anySatisfy(l -> assertThat(l).contains("POST /api/inspections/{reference}/concerns").contains("seniorOfficerEmail"))
        .anySatisfy(l -> assertThat(l).contains("/submit-form").contains("framework"));
  }

  private String runningInspection() {
    String reference = "JTAI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    JtaiStart.partWay(runtime, JtaiProcess.TASK_KIT_MEETING_DAY_10,
        JtaiStart.partWayVariables(reference, LocalDate.now().minusDays(7).toString()));
    return reference;
  }

  private HttpResponse<String> post(String user, String path, Object body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
