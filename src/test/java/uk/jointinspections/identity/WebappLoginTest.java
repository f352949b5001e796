package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.EngineTest;

/** Logs into the webapps the way the browser does: CSRF cookie first, then the login form. */
@EngineTest
class WebappLoginTest {

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} into {1}: {2}")
  @CsvSource({
      "ofsted-lead, tasklist, 200",
      "cqc-inspector, tasklist, 200",
      "operator, cockpit, 200",
      "admin, admin, 200",
      "ofsted-lead, cockpit, 403",
      "cqc-inspector, admin, 403",
      "operator, tasklist, 403",
      "operator, admin, 403"})
  void logsIn(String user, String app, int expectedStatus) throws Exception {
    String password = user.equals("admin") ? "test-admin-secret" : "demo";
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(url("/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrfToken = cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();

    HttpResponse<String> login = client.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).isEqualTo(expectedStatus);
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
