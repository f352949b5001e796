package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;

/**
 * Hundreds of malformed and hostile requests to every endpoint of our /api: broken JSON, wrong types, huge strings,
 * script and SQL injection, dates at the ends of the calendar, unknown frameworks and references. Each gets a 4xx
 * with a JSON message; afterwards the server is healthy and no inspection, concern or complaint was created.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HUGE = "x".repeat(100_000);

  /** Strings nobody should get past validation with. */
  static final List<Object> HOSTILE = List.of("", "   ", "<script>alert('x')</script>", "'; DROP TABLE ACT_RU_TASK; --",
      "\" OR \"1\"=\"1", "${execution.setVariable('x', 1)}", "#{7*7}", "../../../etc/passwd", "0000-01-01",
      "9999-12-31", "2026-02-30", "-1", "NaN", "\u0000\u0001", "\uD835\uDD4F".repeat(3), HUGE, 123456789, -1, 3.14,
      true, List.of("a", "b"), Map.of("nested", Map.of("deep", "value")));

  /** Bodies that are not JSON objects at all. */
  static final List<String> BROKEN = List.of("", "{", "}", "{\"a\":", "[1,2", "null", "42", "\"text\"", "[]",
      "{\"framework\": undefined}", "<xml/>", "{'single': 'quotes'}", "{\"a\":1}{\"b\":2}", "\uFEFF{", "{\"a\":\"\\u00\"}");

  /** References and ids that name nothing, some of them hostile. */
  static final List<String> UNKNOWN_REFERENCES = List.of("NO-SUCH-JTAI", "JTAI-<script>", "' OR 1=1 --", "%00",
      "..%2F..%2Fetc", "9".repeat(300));

  private static final java.util.regex.Pattern REFERENCE = uk.jointinspections.inspection.InspectionStartRules.REFERENCE;

  record Case(String user, String method, String path, String body) {
    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "…(" + body.length() + ")" : body;
      return user + " " + method + " " + (path.length() > 80 ? path.substring(0, 80) + "…" : path) + " " + shown;
    }
  }

  @LocalServerPort int port;
  @Autowired HistoryService history;
  private final HttpClient client = HttpClient.newHttpClient();
  private Map<String, Long> before;

  static Stream<Case> cases() throws Exception {
    List<Case> cases = new ArrayList<>();
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("framework", "jtai-2017");
    start.put("reference", "JTAI-HOSTILE");
    start.put("localAuthority", "Northshire");
    start.put("deepDiveTheme", "neglect");
    start.put("plannedFieldworkStart", "2027-03-15");
    start.put("leadInspector", "ofsted-lead");
    // Inspection start: each field in turn hostile; the reference is also invalid unless it is the field tried, so
    // a hostile value accepted by one field can never create an inspection.
    for (String field : start.keySet()) {
      for (Object value : HOSTILE) {
        if (field.equals("reference") && value instanceof String s && REFERENCE.matcher(s).matches()) {
          continue;
        }
        Map<String, Object> body = new LinkedHashMap<>(start);
        body.put(field, value);
        if (!field.equals("reference")) {
          body.put("framework", field.equals("framework") ? value : "no-such-framework");
        }
        cases.add(new Case("ofsted-lead", "POST", "/api/inspections", JSON.writeValueAsString(body)));
      }
    }
    for (String broken : BROKEN) {
      cases.add(new Case("ofsted-lead", "POST", "/api/inspections", broken));
    }

    Map<String, Object> concern = new LinkedHashMap<>();
    concern.put("caseNumbers", "HV-1 (AB)");
    concern.put("agencyService", "Health visiting");
    concern.put("seniorOfficerRole", "Designated nurse");
    concern.put("seniorOfficerEmail", "nurse@icb.example");
    concern.put("category1", true);
    concern.put("category2", false);
    concern.put("issues", "Not followed up.");
    Map<String, Object> complaint = new LinkedHashMap<>();
    complaint.put("receivedOn", "2026-03-09");
    complaint.put("kind", "process-outcome");
    complaint.put("text", "The letter is wrong.");
    complaint.put("conductInspectorate", null);
    complaint.put("withholdOrWithdrawRequested", false);
    Map<String, Map<String, Object>> perInspection = new LinkedHashMap<>();
    perInspection.put("concerns|cqc-inspector", concern);
    perInspection.put("complaints|complaints-officer", complaint);
    perInspection.put("deferral-request|ofsted-lead", new LinkedHashMap<>(Map.of("reason", "Ofsted inspection that week")));
    perInspection.put("submissions/deep-dive-list|ofsted-lead", new LinkedHashMap<>(Map.of("list", "portal folder A")));
    for (var endpoint : perInspection.entrySet()) {
      String[] parts = endpoint.getKey().split("\\|");
      for (String reference : UNKNOWN_REFERENCES) {
        String path = "/api/inspections/" + URLEncoder.encode(reference, StandardCharsets.UTF_8).replace("+", "%20")
            + "/" + parts[0];
        cases.add(new Case(parts[1], "POST", path, JSON.writeValueAsString(endpoint.getValue())));
        if (!reference.equals(UNKNOWN_REFERENCES.get(0))) {
          continue;
        }
        for (String field : endpoint.getValue().keySet()) {
          for (Object value : HOSTILE) {
            Map<String, Object> body = new LinkedHashMap<>(endpoint.getValue());
            body.put(field, value);
            cases.add(new Case(parts[1], "POST", path, JSON.writeValueAsString(body)));
          }
        }
      }
      for (String broken : BROKEN) {
        cases.add(new Case(parts[1], "POST", "/api/inspections/NO-SUCH-JTAI/" + parts[0], broken));
      }
    }
    cases.add(new Case("ofsted-lead", "POST", "/api/inspections/NO-SUCH-JTAI/submissions/no-such-kind", "{}"));
    cases.add(new Case("ofsted-lead", "POST", "/api/inspections/NO-SUCH-JTAI/submissions/%3Cscript%3E", "{}"));

    for (String id : UNKNOWN_REFERENCES) {
      String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
      cases.add(new Case("cqc-inspector", "GET", "/api/concerns/" + encoded, null));
      cases.add(new Case("cqc-inspector", "GET", "/api/concerns/" + encoded + "/record.pdf", null));
      cases.add(new Case("ofsted-lead", "GET", "/api/inspections/" + encoded + "/timeline", null));
      cases.add(new Case("ofsted-lead", "GET", "/api/inspections/" + encoded + "/timeline.ics", null));
      cases.add(new Case("ofsted-lead", "GET", "/api/inspections/" + encoded + "/concerns", null));
      for (Object value : id.equals(UNKNOWN_REFERENCES.get(0)) ? HOSTILE : List.of()) {
        cases.add(new Case("cqc-inspector", "POST", "/api/concerns/" + encoded + "/response",
            JSON.writeValueAsString(Map.of("response", value, "receivedOn", "2026-01-05"))));
        cases.add(new Case("cqc-inspector", "POST", "/api/concerns/" + encoded + "/response",
            JSON.writeValueAsString(Map.of("response", "Answered.", "receivedOn", value))));
      }
    }
    for (String broken : BROKEN) {
      cases.add(new Case("cqc-inspector", "POST", "/api/concerns/NO-SUCH-CONCERN/response", broken));
    }

    for (Object value : HOSTILE) {
      String text = value instanceof String s && s.length() > 1000 ? s.substring(0, 1000) : String.valueOf(value);
      String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
      cases.add(new Case("ofsted-lead", "GET", "/api/working-days/add?date=" + encoded + "&days=5", null));
      if (!text.equals("-1")) {
        cases.add(new Case("ofsted-lead", "GET", "/api/working-days/add?date=2026-01-05&days=" + encoded, null));
      }
      cases.add(new Case("ofsted-lead", "GET", "/api/working-days/count?from=" + encoded + "&to=2026-01-05", null));
      cases.add(new Case("ofsted-lead", "GET", "/api/working-days/count?from=2026-01-05&to=" + encoded, null));
      cases.add(new Case("ofsted-lead", "GET", "/api/working-days/holidays?year=" + encoded, null));
    }
    cases.add(new Case("ofsted-lead", "GET", "/api/working-days/add?date=2026-01-05&days=99999999999", null));
    cases.add(new Case("ofsted-lead", "GET", "/api/working-days/add?days=5", null));
    cases.add(new Case("ofsted-lead", "GET", "/api/working-days/holidays?year=0", null));
    cases.add(new Case("ofsted-lead", "GET", "/api/working-days/holidays?year=9999", null));
    cases.add(new Case("ofsted-lead", "POST", "/api/working-days/recalculate", "{}"));
    return cases.stream();
  }

  @BeforeAll
  void countBefore() {
    before = counts();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAJsonMessage(Case c) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((c.user() + ":demo").getBytes()))
        .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
    if (c.body() != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

    String shown = response.body().length() > 300 ? response.body().substring(0, 300) : response.body();
    assertThat(response.statusCode()).as(shown).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type")).as(shown).get().asString().contains("json");
    HardeningTest.assertNoStackTrace(response.body());
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("message").asText()).as(shown).isNotBlank();
  }

  @AfterAll
  void nothingWasCreatedAndTheServerIsHealthy() throws Exception {
    assertThat(counts()).isEqualTo(before);
    HttpResponse<String> health = client.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String key : List.of("jtai", "jtai-2024", "concern-referral", "complaint", "complaint-conduct")) {
      counts.put(key, history.createHistoricProcessInstanceQuery().processDefinitionKey(key).count());
    }
    counts.put("all process instances", history.createHistoricProcessInstanceQuery().count());
    return counts;
  }
}
