package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;

/**
 * What must stay switched on in front of the data: the webapps' CSRF protection and security headers, and error
 * answers that are JSON with a message and never show a stack trace, on every path (our /api, the engine's REST API,
 * Spring's /error).
 */
@EngineTest
class HardeningTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void theWebappsRefuseALoginWithoutTheCsrfToken() throws Exception {
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=ofsted-lead&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(login.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }

  @Test
  void theWebappsSendTheirSecurityHeaders() throws Exception {
    HttpResponse<String> page = client.send(HttpRequest.newBuilder(url("/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("default-src 'self'").contains("script-src");
    assertThat(page.headers().firstValue("X-XSS-Protection")).hasValue("1; mode=block");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));
    assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
        .allSatisfy(c -> assertThat(c).contains("HttpOnly").contains("SameSite=Lax"));
  }

  @ParameterizedTest(name = "{0} {1} as {2}: {3}")
  @CsvSource(delimiter = '|', value = {
      "GET    | /api/no-such-endpoint                      | ofsted-lead | 404 | ",
      "GET    | /api/inspections                           | ofsted-lead | 405 | ",
      "POST   | /api/inspections                           | ofsted-lead | 400 | {\"framework\": ",
      "POST   | /api/inspections                           | ofsted-lead | 400 | [1, 2, 3]",
      "POST   | /api/inspections/JTAI-X/concerns           | cqc-lead    | 400 | {not json",
      "POST   | /api/inspections/JTAI-X/complaints         | complaints-officer | 400 | \"text\"",
      "POST   | /api/inspections/JTAI-X/deferral-request   | ofsted-lead | 400 | {\"reason\": [",
      "GET    | /api/working-days/add?date=soon&days=1     | ofsted-lead | 400 | ",
      "GET    | /api/concerns/no-such-concern              | ofsted-lead | 404 | ",
      "GET    | /engine-rest/task/no-such-task             | ofsted-lead | 404 | ",
      "POST   | /engine-rest/process-definition/key/jtai/start | ofsted-lead | 400 | {\"variables\": 7",
      "GET    | /engine-rest/no-such-resource              | ofsted-lead | 404 | ",
      "GET    | /no-such-page                              |             | 404 | ",
      "GET    | /api/inspections/x/timeline                |             | 401 | "})
  void errorsAreJsonWithAMessageAndNoStackTrace(String method, String path, String user, int status, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (user != null) {
      String password = "demo";
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).as(response.headers().map() + " " + response.body())
        .get().asString().contains("json");
    assertNoStackTrace(response.body());
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
  }

  static void assertNoStackTrace(String body) {
    assertThat(body).doesNotContain("\tat ", "at org.", "at uk.", "at java.", "\"trace\"", "Caused by", ".java:");
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
