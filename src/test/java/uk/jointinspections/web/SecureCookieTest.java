package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Served behind HTTPS (INSPECTION_SECURE_COOKIES=true), the webapps' session and CSRF cookies carry Secure, so a
 * browser never sends them over plain HTTP. Its own database, so it does not share the engine tests' one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "INSPECTION_SECURE_COOKIES=true",
    "spring.datasource.url=jdbc:h2:mem:secure-cookies;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"})
class SecureCookieTest {

  @LocalServerPort int port;

  @Test
  void sessionAndCsrfCookiesAreSecure() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());

    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("Secure"));
    assertThat(cookies).allSatisfy(c -> assertThat(c).contains("Secure"));
  }
}
