package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;

import static uk.jointinspections.web.SecurityHeadersAssert.assertNotCachedNorFramed;

/** A concern's JSON and its PDF record are never kept by a browser or a proxy, nor shown in another site's frame. */
@EngineTest
class ConcernNotCachedTest extends ConcernDuringInspection {

  @LocalServerPort int port;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void theConcernAndItsRecordAreNeitherCachedNorFramed() throws Exception {
    String concern = fixture.raise("ofsted-lead", reference, ConcernFixture.annexC(2)).getId();

    HttpResponse<byte[]> json = get("/api/concerns/" + concern);
    HttpResponse<byte[]> pdf = get("/api/concerns/" + concern + "/record.pdf");

    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
    assertNotCachedNorFramed(json.headers());
    assertNotCachedNorFramed(pdf.headers());
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("ofsted-lead:demo".getBytes(StandardCharsets.UTF_8))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
