package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.JtaiStart;

/**
 * {@code SEC-1} and {@code sec-1} are one reference: a second inspection in another case is refused, every lookup of
 * our API finds the inspection in any case, and an installation that held references case-sensitively is brought to
 * the new rule on start. On H2 and, in the failsafe run, on PostgreSQL.
 */
@EngineTest
class CaseInsensitiveReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aReferenceInAnotherCaseIsTheSameReference() throws Exception {
    String reference = "CASE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    assertThat(start(reference).statusCode()).isEqualTo(201);

    HttpResponse<String> lowerCase = start(reference.toLowerCase(Locale.ROOT));
    HttpResponse<String> mixedCase = start("Case" + reference.substring(4).toLowerCase(Locale.ROOT));

    assertThat(lowerCase.statusCode()).as(lowerCase.body()).isEqualTo(409);
    assertThat(JSON.readTree(lowerCase.body()).path("field").asText()).isEqualTo("reference");
    assertThat(mixedCase.statusCode()).as(mixedCase.body()).isEqualTo(409);
  }

  @Test
  void lookupsByReferenceIgnoreCase() throws Exception {
    String reference = "Look-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(start(reference).statusCode()).isEqualTo(201);

    HttpResponse<String> asStarted = get("/api/inspections/" + reference + "/timeline");
    HttpResponse<String> upper = get("/api/inspections/" + reference.toUpperCase(Locale.ROOT) + "/timeline");
    HttpResponse<String> calendar = get("/api/inspections/" + reference.toLowerCase(Locale.ROOT) + "/timeline.ics");
    HttpResponse<String> concerns = get("/api/inspections/" + reference.toLowerCase(Locale.ROOT) + "/concerns");

    assertThat(asStarted.statusCode()).isEqualTo(200);
    assertThat(upper.statusCode()).as(upper.body()).isEqualTo(200);
    assertThat(JSON.readTree(upper.body())).isEqualTo(JSON.readTree(asStarted.body()));
    assertThat(calendar.statusCode()).isEqualTo(200);
    assertThat(calendar.body()).contains(reference);
    assertThat(concerns.statusCode()).as(concerns.body()).isEqualTo(200);
  }

  @Test
  void anExistingInstallationIsUpgradedOnStart() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String legacy = "legacy-" + suffix;
    String clashLower = "clash-" + suffix;
    String clashUpper = clashLower.toUpperCase(Locale.ROOT);
    for (String reference : new String[] {legacy, clashLower, clashUpper}) {
      jdbc.update("INSERT INTO " + InspectionReferences.TABLE + " (REFERENCE_, PROC_INST_ID_, CLAIMED_AT_) VALUES (?, ?, ?)",
          reference, "instance-of-" + reference, Timestamp.from(Instant.now()));
    }

    InspectionReferences restarted = new InspectionReferences(jdbc);

    assertThat(referencesLike(suffix)).containsExactlyInAnyOrder(legacy.toUpperCase(Locale.ROOT), clashLower, clashUpper);
    assertThat(restarted.holder(legacy)).hasValue("instance-of-" + legacy);
    assertThat(restarted.holder(clashLower)).as("the old rows of two spellings keep their inspections")
        .hasValue("instance-of-" + clashLower);
    assertThat(restarted.holder(clashUpper)).hasValue("instance-of-" + clashUpper);
    assertThat(restarted.claim("Legacy-" + suffix, "another-instance", Instant.now(), id -> true)).isFalse();
  }

  private java.util.List<String> referencesLike(String suffix) {
    return jdbc.queryForList("SELECT REFERENCE_ FROM " + InspectionReferences.TABLE + " WHERE UPPER(REFERENCE_) LIKE ?",
        String.class, "%" + suffix.toUpperCase(Locale.ROOT));
  }

  private HttpResponse<String> start(String reference) throws Exception {
    Map<String, Object> body = JtaiStart.form(reference, "2027-03-15");
    return client.send(request("/api/inspections").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString("ofsted-lead:demo".getBytes(StandardCharsets.UTF_8)));
  }
}
