package uk.jointinspections.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The application's HTTP API (/api and /engine-rest) as its clients call it: JSON over basic authentication, each call
 * as a named user. The demo users sign in with "demo", the administrator with the test configuration's password. An
 * answer of any status is returned as it came, for the test to judge.
 */
public final class ApiClient {

  /** The demo staff's password (inspection.demo.password in application.yaml). */
  public static final String DEMO_PASSWORD = "demo";
  /** The administrator's password in src/test/resources/config/application.yaml. */
  public static final String ADMIN_PASSWORD = "test-admin-secret";

  private final Supplier<TestRestTemplate> rest;

  public ApiClient(TestRestTemplate rest) {
    this(() -> rest);
  }

  /**
   * A client on the template Spring injects into the test later: {@code final ApiClient api = new ApiClient(() ->
   * http);} beside {@code @Autowired TestRestTemplate http;}.
   */
  public ApiClient(Supplier<TestRestTemplate> rest) {
    this.rest = rest;
  }

  /** The password the test configuration gives this user. */
  public static String passwordOf(String user) {
    return "admin".equals(user) ? ADMIN_PASSWORD : DEMO_PASSWORD;
  }

  /** The template signed in as this user, for what the JSON calls here do not cover. */
  public TestRestTemplate as(String user) {
    return as(user, passwordOf(user));
  }

  public TestRestTemplate as(String user, String password) {
    return rest.get().withBasicAuth(user, password);
  }

  public ResponseEntity<JsonNode> get(String user, String path) {
    return get(user, passwordOf(user), path);
  }

  public ResponseEntity<JsonNode> get(String user, String password, String path) {
    return as(user, password).getForEntity(path, JsonNode.class);
  }

  /** POSTs the body as JSON. */
  public ResponseEntity<JsonNode> post(String user, String path, Object body) {
    return post(user, passwordOf(user), path, body);
  }

  public ResponseEntity<JsonNode> post(String user, String password, String path, Object body) {
    return as(user, password).postForEntity(path, json(body), JsonNode.class);
  }

  /** POSTs the body as JSON and asserts it succeeded (2xx); the answer's body. */
  public JsonNode postOk(String user, String path, Object body) {
    ResponseEntity<JsonNode> answer = post(user, path, body);
    assertThat(answer.getStatusCode().is2xxSuccessful()).as(path + ": " + answer.getBody()).isTrue();
    return answer.getBody();
  }

  /** Any method with a JSON body (or none), the answer read as {@code type}. */
  public <T> ResponseEntity<T> exchange(String user, HttpMethod method, String path, Object body, Class<T> type) {
    return as(user).exchange(path, method, body == null ? null : json(body), type);
  }

  /** The entry of a JSON list (an inspection's timeline, say) with this id. */
  public static JsonNode entry(JsonNode list, String id) {
    for (JsonNode entry : list) {
      if (entry.get("id").asText().equals(id)) {
        return entry;
      }
    }
    throw new AssertionError("no entry " + id + " in " + list);
  }

  /** A body to send as JSON. */
  public static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
