package uk.jointinspections.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uk.jointinspections.EngineTest;
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.notification.Notifications;

/**
 * The engine's job execution and incidents in Actuator: who may read them, and that a real failure shows. A
 * notification whose mail server is down fails on every attempt until its retries run out and it becomes an
 * incident; the counters and gauges (and the Prometheus text) must say so.
 */
@EngineTest
class EngineMetricsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired Notifications notifications;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JavaMailSender mailSender;

  private int configuredMailPort;

  @BeforeEach
  void mailServerDown() throws IOException {
    configuredMailPort = ((JavaMailSenderImpl) mailSender).getPort();
    try (ServerSocket closedAgainAtOnce = new ServerSocket(0)) {
      ((JavaMailSenderImpl) mailSender).setPort(closedAgainAtOnce.getLocalPort());
    }
    deleteNotifications();
  }

  @AfterEach
  void mailServerBack() {
    ((JavaMailSenderImpl) mailSender).setPort(configuredMailPort);
    deleteNotifications();
  }

  private void deleteNotifications() {
    runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up"));
  }

  @Test
  void healthStaysOpenWhileMetricsNeedAnOperatorOrAnAdministrator() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
        .as("health groups are health too").isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);

    for (String path : List.of("/actuator/metrics", "/actuator/metrics/camunda.jobs.due", "/actuator/prometheus",
        "/actuator", "/actuator/info", "/actuator/x/../metrics")) {
      ResponseEntity<String> anonymous = rest.getForEntity(path, String.class);
      assertThat(anonymous.getStatusCode()).as("anonymous %s", path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
      assertThat(anonymous.getBody()).contains("\"status\":401");

      ResponseEntity<String> inspector = rest.withBasicAuth("ofsted-lead", "demo").getForEntity(path, String.class);
      assertThat(inspector.getStatusCode()).as("an inspector asks for %s", path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(inspector.getBody()).contains("\"status\":403").contains("operators");
    }

    for (String path : List.of("/actuator/metrics", "/actuator/metrics/camunda.jobs.due", "/actuator/prometheus")) {
      assertThat(rest.withBasicAuth("operator", "demo").getForEntity(path, String.class).getStatusCode())
          .as("the operator asks for %s", path).isEqualTo(HttpStatus.OK);
      assertThat(rest.withBasicAuth("admin", "test-admin-secret").getForEntity(path, String.class).getStatusCode())
          .as("the administrator asks for %s", path).isEqualTo(HttpStatus.OK);
    }
    assertThat(metricNames()).contains("camunda.engine.events", "camunda.jobs.due", "camunda.jobs.due.age",
        "camunda.jobs.locked", "camunda.jobs.without.retries", "camunda.incidents.open");
  }

  @Test
  void aNotificationThatCannotBeMailedCountsAsFailedJobsThenAsAnOpenIncident() throws Exception {
    double failedBefore = metric("camunda.engine.events", "event:job-failed");
    double dueBefore = metric("camunda.jobs.due");
    double withoutRetriesBefore = metric("camunda.jobs.without.retries");
    double incidentsBefore = metric("camunda.incidents.open", "type:failedJob", "process:notification");

    notifications.request("metrics:outage:" + System.nanoTime(), "hmicfrs@inspections.example", "Metrics", "Body",
        Map.of());
    assertThat(metric("camunda.jobs.due")).as("the queued mail is due").isEqualTo(dueBefore + 1);

    int attempts = 0;
    while (mailJob().getRetries() > 0) {
      String jobId = mailJob().getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).isNotNull();
      attempts++;
      assertThat(attempts).as("the retry cycle ends").isLessThanOrEqualTo(10);
    }

    assertThat(metric("camunda.engine.events", "event:job-failed")).as("every failed attempt counted")
        .isEqualTo(failedBefore + attempts);
    assertThat(metric("camunda.jobs.without.retries")).isEqualTo(withoutRetriesBefore + 1);
    assertThat(metric("camunda.jobs.due")).as("a job without retries is not due").isEqualTo(dueBefore);
    assertThat(metric("camunda.incidents.open", "type:failedJob", "process:notification"))
        .isEqualTo(incidentsBefore + 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(mailJob().getProcessInstanceId()).count()).isOne();

    String prometheus = rest.withBasicAuth("operator", "demo").getForObject("/actuator/prometheus", String.class);
    assertThat(prometheusValue(prometheus, "camunda_incidents_open", "process=\"notification\",type=\"failedJob\""))
        .isEqualTo(incidentsBefore + 1);
    assertThat(prometheusValue(prometheus, "camunda_engine_events_total", "event=\"job-failed\""))
        .isEqualTo(failedBefore + attempts);

    deleteNotifications();
    assertThat(metric("camunda.incidents.open", "type:failedJob", "process:notification"))
        .as("the incident is gone with its instance").isEqualTo(incidentsBefore);
  }

  private Job mailJob() {
    return management.createJobQuery().processDefinitionKey(NotificationProcess.KEY).singleResult();
  }

  private List<String> metricNames() {
    JsonNode names = json(rest.withBasicAuth("operator", "demo").getForEntity("/actuator/metrics", String.class))
        .path("names");
    return JSON.convertValue(names, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  /** The value of a meter as /actuator/metrics/{name}?tag=k:v reports it (the sum over the matching series). */
  private double metric(String name, String... tags) {
    StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
    for (int i = 0; i < tags.length; i++) {
      path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
    }
    ResponseEntity<String> response = rest.withBasicAuth("admin", "test-admin-secret")
        .getForEntity(path.toString(), String.class);
    assertThat(response.getStatusCode()).as("%s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
    return json(response).path("measurements").get(0).path("value").asDouble();
  }

  private static double prometheusValue(String text, String name, String labels) {
    Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels) + "[^}]*} (\\S+)$").matcher(text);
    assertThat(line.find()).as("%s{%s} in:%n%s", name, labels, text).isTrue();
    return Double.parseDouble(line.group(1));
  }

  private static JsonNode json(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (IOException e) {
      throw new AssertionError(response.getBody(), e);
    }
  }
}
