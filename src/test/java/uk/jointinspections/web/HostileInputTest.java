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
import java.sql.ResultSet;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.concern.ConcernRules;
import uk.jointinspections.frameworks.Slac2009Process;
import uk.jointinspections.inspection.InspectionFrameworks;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.SubmissionItem;
import uk.jointinspections.testkit.AnnexCConcern;

/**
 * Hundreds of malformed and hostile requests to every endpoint of our /api: broken JSON, wrong types, huge strings,
 * script and SQL injection, dates at the ends of the calendar, unknown frameworks and references. Each gets a 4xx
 * with a JSON message and no class names; after each the server is healthy and no process instance (running or
 * historic, per key) and no row of our own tables was added. Besides unknown references, every field of every body is
 * tried one hostile value at a time, the others valid, against a running inspection of each framework, and the
 * refusal must name that field: its own rule refused it, not an unknown reference or framework. Values a field's rule
 * allows (an optional field left blank, text a person could write) are left out; they are accepted, as they should be.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HUGE = "x".repeat(100_000);
  /** One character more than a string variable's column holds. */
  private static final String LONG = "y".repeat(4001);

  /** Strings nobody should get past validation with. */
  static final List<Object> HOSTILE = List.of("", "   ", "<script>alert('x')</script>", "'; DROP TABLE ACT_RU_TASK; --",
      "\" OR \"1\"=\"1", "${execution.setVariable('x', 1)}", "#{7*7}", "../../../etc/passwd", "0000-01-01",
      "9999-12-31", "2026-02-30", "-1", "NaN", "\u0000\u0001", "\uD835\uDD4F".repeat(3), LONG, HUGE, 123456789, -1, 3.14,
      true, List.of("a", "b"), Map.of("nested", Map.of("deep", "value")));

  /** Bodies that are not JSON objects at all. */
  static final List<String> BROKEN = List.of("", "{", "}", "{\"a\":", "[1,2", "null", "42", "\"text\"", "[]",
      "{\"framework\": undefined}", "<xml/>", "{'single': 'quotes'}", "{\"a\":1}{\"b\":2}", "\uFEFF{", "{\"a\":\"\\u00\"}");

  /** References and ids that name nothing, some of them hostile. */
  static final List<String> UNKNOWN_REFERENCES = List.of("NO-SUCH-JTAI", "JTAI-<script>", "' OR 1=1 --", "%00",
      "..%2F..%2Fetc", "9".repeat(300));

  private static final java.util.regex.Pattern REFERENCE = uk.jointinspections.inspection.InspectionStartRules.REFERENCE;

  /**
   * One request; {@code field}, when set, is the one hostile field of an otherwise valid body, and the refusal must
   * name it (the {@code field} of the error body, or the message), so that it is that field's own rule that refused.
   */
  record Case(String user, String method, String path, String body, String field) {
    Case(String user, String method, String path, String body) {
      this(user, method, path, body, null);
    }

    @Override
    public String toString() {
      String shown = body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "…(" + body.length() + ")" : body;
      return (field == null ? "" : "[" + field + "] ") + user + " " + method + " "
          + (path.length() > 80 ? path.substring(0, 80) + "…" : path) + " " + shown;
    }
  }

  @LocalServerPort int port;
  private final HttpClient client = HttpClient.newHttpClient();

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

    Map<String, Object> concern = validConcern();
    concern.remove("responseRequiredBy");
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

  // --- Hostile fields against real, running inspections of every framework ------------------------------------

  /** One running inspection per framework, started once for the class by the lead inspector. */
  static final Map<String, String> REAL = new LinkedHashMap<>();

  static {
    for (String framework : List.of("jtai-2017", "jtai-2016", "jtai-2024", "ofsted-targeted-2016", "slac-2009")) {
      REAL.put(framework, "HOSTILE-" + framework.toUpperCase());
    }
  }

  @Autowired InspectionStarts starts;
  @Autowired WorkingDays workingDays;
  @Autowired InspectionFrameworks frameworks;
  @Autowired JdbcTemplate jdbc;
  private String plannedFieldworkStart;
  private String realConcern;
  private int startCount;

  @BeforeAll
  void startRealInspections() throws Exception {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    // Far enough ahead that no inspection is yet between notification and fieldwork (a 2024 deferral is refused as
    // early) and no submission is yet asked for: a hostile value that a field accepts changes nothing either.
    plannedFieldworkStart = workingDays.add(today, 30).toString();
    for (var real : REAL.entrySet()) {
      Map<String, Object> body = validStart(real.getKey());
      body.put("reference", real.getValue());
      starts.start(JSON.convertValue(body, InspectionStartRequest.class));
    }
    HttpResponse<String> concern = send(new Case("ofsted-lead", "POST",
        "/api/inspections/" + REAL.get("jtai-2017") + "/concerns", JSON.writeValueAsString(validConcern())));
    assertThat(concern.statusCode()).as(concern.body()).isEqualTo(201);
    realConcern = JSON.readTree(concern.body()).path("id").asText();
  }

  /** A start request each framework accepts as it stands. */
  Map<String, Object> validStart(String framework) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("framework", framework);
    body.put("reference", "HS-" + framework + "-" + ++startCount);
    body.put("localAuthority", "Northshire");
    boolean themed = List.of("jtai-2017", "jtai-2016", "ofsted-targeted-2016").contains(framework);
    body.put("deepDiveTheme", themed ? "cse-and-missing" : null);
    body.put("notificationDate", null);
    body.put("plannedFieldworkStart", plannedFieldworkStart);
    body.put("leadInspector", "ofsted-lead");
    body.put("qaManager", "qa-manager");
    body.put("noNotice", framework.equals("slac-2009") ? false : null);
    body.put("noNoticeReason", null);
    body.put("scope", null);
    body.put("scopeReason", null);
    return body;
  }

  static Map<String, Object> validConcern() {
    Map<String, Object> concern = AnnexCConcern.categoryOne("HV-1 (AB)", "Not followed up.").body();
    concern.put("responseRequiredBy", null);
    return concern;
  }

  static Map<String, Object> validComplaint() {
    Map<String, Object> complaint = new LinkedHashMap<>();
    complaint.put("receivedOn", ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate()
        .toString());
    complaint.put("kind", "process-outcome");
    complaint.put("text", "The letter is wrong.");
    complaint.put("conductInspectorate", null);
    complaint.put("withholdOrWithdrawRequested", false);
    complaint.put("exceptionalCircumstances", null);
    complaint.put("complaintEdition", null);
    return complaint;
  }

  static boolean blank(Object value) {
    return value instanceof String s && s.isBlank();
  }

  /** Free text a person could legitimately write: text, not blank, not too long, no control characters. */
  static boolean text(Object value, int max) {
    return value instanceof String s && !s.isBlank() && s.length() <= max && s.chars().noneMatch(HostileInputTest::control);
  }

  static boolean control(int c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }

  /**
   * Whether a hostile value is in fact legal for this field under the framework's rules (so accepted, and no case
   * for this suite): optional fields left blank, free text a person could write, a reference that is well formed.
   */
  static boolean legalStartValue(String framework, String field, Object value) {
    boolean themed = List.of("jtai-2017", "jtai-2016", "ofsted-targeted-2016").contains(framework);
    boolean qaOptional = List.of("slac-2009").contains(framework);
    return switch (field) {
      case "reference" -> value instanceof String s && REFERENCE.matcher(s.strip()).matches();
      case "localAuthority" -> text(value, 100);
      case "deepDiveTheme" -> !themed && blank(value);
      case "notificationDate", "noNoticeReason", "scopeReason" -> blank(value);
      // the three scopes are legal in 2009 (the two separate ones then refused for want of a reason: another field's)
      case "scope" -> blank(value) || framework.equals("slac-2009") && value instanceof String s
          && Slac2009Process.SCOPES.contains(s.strip());
      case "qaManager" -> qaOptional && blank(value);
      // true is legal in 2009, and then refused for want of a reason: another field's rule
      case "noNotice" -> Boolean.FALSE.equals(value)
          || framework.equals("slac-2009") && Boolean.TRUE.equals(value);
      default -> false;
    };
  }

  static boolean legalConcernValue(String field, Object value) {
    return switch (field) {
      case "caseNumbers" -> value instanceof String s && s.matches(ConcernRules.CASE_NUMBERS_PATTERN);
      case "agencyService" -> text(value, 300);
      case "seniorOfficerRole" -> blank(value) || text(value, 300);
      case "category1" -> Boolean.TRUE.equals(value);
      case "category2" -> Boolean.FALSE.equals(value);
      case "issues" -> text(value, 4000);
      case "responseRequiredBy" -> blank(value);
      default -> false;
    };
  }

  static boolean legalComplaintValue(String field, Object value) {
    return switch (field) {
      case "text", "exceptionalCircumstances" -> text(value, 4000) || field.equals("exceptionalCircumstances")
          && blank(value);
      // true is legal, and then refused for want of the exceptional circumstances: another field's rule
      case "withholdOrWithdrawRequested" -> value instanceof Boolean;
      case "conductInspectorate", "complaintEdition" -> blank(value);
      default -> false;
    };
  }

  Stream<Case> realCases() throws Exception {
    List<Case> cases = new ArrayList<>();
    int index = 0;
    for (String framework : REAL.keySet()) {
      Map<String, Object> valid = validStart(framework);
      int turn = index++;
      for (String field : valid.keySet()) {
        if (field.equals("framework")) {
          continue; // unknown frameworks are the cases above
        }
        for (int v = 0; v < HOSTILE.size(); v++) {
          Object value = HOSTILE.get(v);
          // Text meets each framework's own rules; a value of the wrong JSON type is refused before any framework
          // sees it, so each of those goes to one framework in turn.
          boolean wrongType = field.equals("noNotice") ? !(value instanceof Boolean) : !(value instanceof String);
          if (wrongType && (v + field.length()) % REAL.size() != turn) {
            continue;
          }
          if (!legalStartValue(framework, field, value)) {
            Map<String, Object> body = validStart(framework);
            body.put(field, value);
            cases.add(new Case("ofsted-lead", "POST", "/api/inspections", JSON.writeValueAsString(body), field));
          }
        }
      }
    }
    // Concerns and complaints are validated alike whatever the framework, so each hostile value of a field goes to
    // one framework's inspection in turn: every framework sees every field, and the suite stays quick.
    int turn = 0;
    for (var real : REAL.entrySet()) {
      String inspection = "/api/inspections/" + real.getValue();
      int framework = turn++;
      for (String field : validConcern().keySet()) {
        for (int v = 0; v < HOSTILE.size(); v++) {
          Object value = HOSTILE.get(v);
          if ((v + field.length()) % REAL.size() == framework && !legalConcernValue(field, value)) {
            Map<String, Object> body = validConcern();
            body.put(field, value);
            cases.add(new Case("ofsted-lead", "POST", inspection + "/concerns", JSON.writeValueAsString(body), field));
          }
        }
      }
      for (String field : validComplaint().keySet()) {
        for (int v = 0; v < HOSTILE.size(); v++) {
          Object value = HOSTILE.get(v);
          if ((v + field.length()) % REAL.size() == framework && !legalComplaintValue(field, value)) {
            Map<String, Object> body = validComplaint();
            body.put(field, value);
            cases.add(new Case("complaints-officer", "POST", inspection + "/complaints", JSON.writeValueAsString(body),
                field));
          }
        }
      }
      for (String endpoint : List.of("concerns", "complaints")) {
        for (int b = framework; b < BROKEN.size(); b += REAL.size()) {
          String broken = BROKEN.get(b);
          cases.add(new Case(endpoint.equals("concerns") ? "ofsted-lead" : "complaints-officer", "POST",
              inspection + "/" + endpoint, broken));
        }
      }
      if (real.getKey().equals("jtai-2024")) {
        for (Object value : HOSTILE) {
          if (!text(value, 4000)) { // any other reason is legal: refused here only because it is not yet time
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", value);
            cases.add(new Case("ofsted-lead", "POST", inspection + "/deferral-request", JSON.writeValueAsString(body),
                "reason"));
          }
        }
        for (String broken : BROKEN) {
          cases.add(new Case("ofsted-lead", "POST", inspection + "/deferral-request", broken));
        }
      }
      // A submission is any JSON up to 4,000 characters (README): what is not JSON, or too long, is refused, for
      // every item the framework's local areas send; and a kind the framework does not know is refused by name.
      List<String> notJson = BROKEN.stream().filter(b -> !isJson(b)).toList();
      int next = framework;
      for (SubmissionItem item : frameworks.named(real.getKey()).submissions()) {
        String path = inspection + "/submissions/" + item.kind();
        for (int b = 0; b < 2; b++) {
          cases.add(new Case("ofsted-lead", "POST", path, notJson.get(next++ % notJson.size())));
        }
        cases.add(new Case("ofsted-lead", "POST", path, JSON.writeValueAsString(Map.of("list", LONG))));
        cases.add(new Case("ofsted-lead", "POST", path, JSON.writeValueAsString(List.of(HUGE))));
      }
      // Encoded twice, as a browser sends such text: a raw %2F or %00 is refused by Tomcat before it reaches /api.
      for (String kind : List.of("no-such-kind", "<script>", "../..", "deep-dive-list\u0000", "x".repeat(300))) {
        cases.add(new Case("ofsted-lead", "POST", inspection + "/submissions/" + URLEncoder.encode(
            URLEncoder.encode(kind, StandardCharsets.UTF_8), StandardCharsets.UTF_8), "{\"list\": \"folder A\"}"));
      }
    }
    // The agency's response to a real concern: the response itself and the date it was received.
    String response = "/api/concerns/" + realConcern + "/response";
    String today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate().toString();
    for (Object value : HOSTILE) {
      if (!text(value, 4000)) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("response", value, "receivedOn", today));
        cases.add(new Case("ofsted-lead", "POST", response, JSON.writeValueAsString(body), "response"));
      }
      if (!blank(value)) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("response", "Answered.", "receivedOn", value));
        cases.add(new Case("ofsted-lead", "POST", response, JSON.writeValueAsString(body), "receivedOn"));
      }
    }
    for (String broken : BROKEN) {
      cases.add(new Case("ofsted-lead", "POST", response, broken));
    }
    return cases.stream();
  }

  static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return !text.isBlank();
    } catch (Exception notJson) {
      return false;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedWithAJsonMessage(Case c) throws Exception {
    assertRefusedAndNothingLeft(c);
  }

  /**
   * Listing the concerns of a reference that is no inspection answers as for an inspection whose concerns the caller
   * may not see, an empty list (ApiAuthorizesFirstTest), whatever the reference holds; and nothing is left behind.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownReferences")
  void anUnknownReferenceListsNoConcerns(String reference) throws Exception {
    Case c = new Case("ofsted-lead", "GET", "/api/inspections/"
        + URLEncoder.encode(reference, StandardCharsets.UTF_8).replace("+", "%20") + "/concerns", null);
    Map<String, Long> before = counts();
    HttpResponse<String> response = send(c);

    assertThat(response.statusCode()).as(c.toString()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).isArray() && JSON.readTree(response.body()).isEmpty())
        .as(c + " -> " + response.body()).isTrue();
    assertThat(counts()).isEqualTo(before);
  }

  static Stream<String> unknownReferences() {
    return UNKNOWN_REFERENCES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realCases")
  void aHostileFieldOfARealInspectionIsRefusedByItsOwnRule(Case c) throws Exception {
    assertRefusedAndNothingLeft(c);
  }

  private static final java.util.regex.Pattern CLASS_NAME =
      java.util.regex.Pattern.compile("\\b(java|javax|jakarta|org|com|uk)\\.[a-z]+\\.[A-Za-z.$]+");

  private void assertRefusedAndNothingLeft(Case c) throws Exception {
    Map<String, Long> before = counts();
    HttpResponse<String> response = send(c);

    String shown = c + " -> " + (response.body().length() > 200 ? response.body().substring(0, 200) : response.body());
    assertThat(response.statusCode()).as(shown).isBetween(400, 499);
    assertThat(response.headers().firstValue("Content-Type")).as(shown).get().asString().contains("json");
    HardeningTest.assertNoStackTrace(response.body());
    assertThat(response.body()).as("no class names").doesNotContainPattern(CLASS_NAME);
    JsonNode error = JSON.readTree(response.body());
    String message = error.path("message").asText();
    assertThat(message).as(shown).isNotBlank();
    if (c.field() != null) {
      String named = error.path("field").asText("");
      assertThat(!named.isEmpty() && c.field().startsWith(named) || message.contains(c.field()))
          .as("the refusal names " + c.field() + ": " + shown).isTrue();
    }
    assertThat(counts()).as("nothing created or left half-written").isEqualTo(before);
    assertHealthy();
  }

  private HttpResponse<String> send(Case c) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((c.user() + ":demo").getBytes()))
        .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8));
    if (c.body() != null) {
      request.header("Content-Type", "application/json");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @AfterAll
  void theServerIsHealthy() throws Exception {
    assertHealthy();
  }

  private void assertHealthy() throws Exception {
    HttpResponse<String> health = client.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  /**
   * Running and historic process instances per process key (inspections of every framework, concerns, complaints,
   * conduct investigations, notifications), and the rows of our own tables.
   */
  private Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.query("SELECT d.KEY_, COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON e.PROC_DEF_ID_ = d.ID_"
        + " WHERE e.ID_ = e.PROC_INST_ID_ GROUP BY d.KEY_", (ResultSet row) -> {
          counts.put("running " + row.getString(1), row.getLong(2));
        });
    jdbc.query("SELECT PROC_DEF_KEY_, COUNT(*) FROM ACT_HI_PROCINST GROUP BY PROC_DEF_KEY_", (ResultSet row) -> {
      counts.put("historic " + row.getString(1), row.getLong(2));
    });
    for (String table : List.of("INSPECTION_REFERENCE", "INSPECTION_NOTIFICATION_SENT")) {
      counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }
    return counts;
  }
}
