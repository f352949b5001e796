package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;

/**
 * State-changing requests that a browser sends for another site are refused on /engine-rest and /api, whatever the
 * credentials it has cached; requests of this application's own pages, of curl and of the Camunda Modeler go through.
 * And every answer of the APIs carries the headers that keep it out of caches and frames.
 */
@EngineTest
class CrossSiteRequestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "admin:test-admin-secret";

  @LocalServerPort int port;
  private final HttpClient client = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0} {1} with {2}: {3}")
  @CsvSource(delimiter = '|', value = {
      "POST   | /engine-rest/task/count                     | Origin: https://evil.example            | 403",
      "POST   | /engine-rest/task/count                     | Sec-Fetch-Site: cross-site              | 403",
      "POST   | /engine-rest/task/count                     | Sec-Fetch-Site: same-site               | 403",
      "POST   | /engine-rest/task/count                     | Origin: null                            | 403",
      "POST   | /engine-rest/task/count                     | Referer: https://evil.example/page.html | 403",
      "POST   | /api/inspections                            | Origin: https://evil.example            | 403",
      "DELETE | /engine-rest/deployment/no-such-deployment  | Origin: https://evil.example            | 403",
      "PUT    | /engine-rest/user/admin/profile             | Sec-Fetch-Site: cross-site              | 403",
      "POST   | /engine-rest/task/count                     | Origin: http://localhost:{port}          | 200",
      "POST   | /engine-rest/task/count                     | Sec-Fetch-Site: same-origin             | 200",
      "POST   | /engine-rest/task/count                     | Referer: http://localhost:{port}/camunda | 200",
      "POST   | /engine-rest/task/count                     |                                         | 200",
      "GET    | /engine-rest/task/count                     | Origin: https://evil.example            | 200"})
  void aBrowsersRequestFromAnotherSiteIsRefused(String method, String path, String header, int status) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
        .header("Authorization", basic(ADMIN)).header("Content-Type", "application/json")
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
    if (header != null) {
      String[] nameValue = header.replace("{port}", String.valueOf(port)).split(": ", 2);
      request.header(nameValue[0], nameValue[1]);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    if (status == 403) {
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.path("status").asInt()).isEqualTo(403);
      assertThat(error.path("message").asText()).contains("from another site");
    }
  }

  /** What the Camunda Modeler sends from its Electron main process: multipart, basic auth, no Origin, no custom header. */
  @Test
  void theModelerStillDeploys() throws Exception {
    String process = "modeler_shaped_" + UUID.randomUUID().toString().substring(0, 8);
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="start" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(process);
    String boundary = "----CamundaModeler" + UUID.randomUUID().toString().replace("-", "");
    String body = part(boundary, "deployment-name", null, "modeler-shaped")
        + part(boundary, "deployment-source", null, "Camunda Modeler")
        + part(boundary, "data", process + ".bpmn", bpmn)
        + "--" + boundary + "--\r\n";

    HttpResponse<String> deployed = client.send(HttpRequest.newBuilder(url("/engine-rest/deployment/create"))
        .header("Authorization", basic(ADMIN)).header("Accept", "application/json")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    String id = JSON.readTree(deployed.body()).path("id").asText();
    assertThat(client.send(HttpRequest.newBuilder(url("/engine-rest/deployment/" + id + "?cascade=true"))
        .header("Authorization", basic(ADMIN)).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(204);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "/api/working-days/add?date=2026-01-05&days=1",
      "/api/no-such-endpoint",
      "/engine-rest/task",
      "/engine-rest/history/variable-instance",
      "/actuator/metrics"})
  void everyApiAnswerCarriesTheSecurityHeaders(String path) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(url(path)).header("Authorization", basic(ADMIN))
        .build(), HttpResponse.BodyHandlers.ofString());

    SecurityHeadersAssert.assertNotCachedNorFramed(response.headers());
  }

  private static String part(String boundary, String name, String filename, String content) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
        + (filename == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n" + content + "\r\n";
  }

  private static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
