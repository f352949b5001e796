package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import uk.jointinspections.EngineTest;

@EngineTest
class RestAuthenticationTest {

  @Autowired TestRestTemplate rest;

  @Test
  void anonymousCallsToTheEngineRestApiAreRefused() {
    var response = rest.getForEntity("/engine-rest/process-definition", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void anonymousCallsToOurApiAreRefused() {
    assertThat(rest.getForEntity("/api/working-days/add?date=2026-01-05&days=1", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void wrongPasswordsAreRefused() {
    // A wrong password counts towards that user's sign-in throttle from this address (web.LoginThrottle), so use a
    // user no other test needs.
    assertThat(rest.withBasicAuth("regional-director", "not-the-password")
        .getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void staffWithValidCredentialsAreServed() {
    assertThat(rest.withBasicAuth("ofsted-lead", "demo")
        .getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("admin", "test-admin-secret")
        .getForEntity("/engine-rest/deployment", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theHealthEndpointIsOpenForLoadBalancers() {
    var health = rest.getForEntity("/actuator/health", String.class);

    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"processEngine\":{\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}");
  }
}
