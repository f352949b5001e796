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
import org.camunda.bpm.engine.ProcessEngine;
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
import uk.jointinspections.EngineTest;
import uk.jointinspections.notification.NotificationJobs;
import uk.jointinspections.notification.Notifications;
import uk.jointinspections.testkit.MailTarget;

/**
 * The engine's job execution and incidents in Actuator: who may read them, and that a real failure shows. A
 * notification whose mail server is down fails on every attempt until its retries run out and it becomes an
 * incident; the counters and gauges (and the Prometheus text) must say so.
 */
@EngineTest
class EngineMetricsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESS = "test_notified_steps";

  @Autowired TestRestTemplate rest;
  @Autowired Notifications notifications;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JavaMailSender mailSender;

  @Autowired ProcessEngine engine;

  private MailTarget mail;
  private String deploymentId;
  private String instanceId;

  @BeforeEach
  void mailServerDown() throws IOException {
    try (ServerSocket closedAgainAtOnce = new ServerSocket(0)) {
      mail = MailTarget.pointAt(mailSender, closedAgainAtOnce.getLocalPort());
    }
    deleteNotifications();
  }

  @AfterEach
  void mailServerBack() {
    mail.close();
    deleteNotifications();
  }

  private void deleteNotifications() {
    if (instanceId != null) {
      NotificationJobs.deleteOfInstance(engine, instanceId);
      runtime.deleteProcessInstance(instanceId, "test clean-up");
      instanceId = null;
    }
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
      deploymentId = null;
    }
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
    deploymentId = engine.getRepositoryService().createDeployment()
        .addClasspathResource("notification/notified_steps.bpmn").deploy().getId();
    // The test process's series appears with its deployment, once the cached snapshot is renewed: until then, none.
    double incidentsBefore = metricOrZero("camunda.incidents.open", "type:failedJob", "process:" + PROCESS);

    // The step's announcement to CQC's mailbox is the notification.
    instanceId = runtime.startProcessInstanceByKey(PROCESS, "METRICS-" + System.nanoTime(),
        Map.of("leadInspector", "ofsted-lead")).getId();
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
    assertThat(metric("camunda.incidents.open", "type:failedJob", "process:" + PROCESS))
        .isEqualTo(incidentsBefore + 1);
    assertThat(runtime.createIncidentQuery().processInstanceId(instanceId).count()).as("on the inspection").isOne();

    String prometheus = rest.withBasicAuth("operator", "demo").getForObject("/actuator/prometheus", String.class);
    assertThat(prometheusValue(prometheus, "camunda_incidents_open", "process=\"" + PROCESS + "\",type=\"failedJob\""))
        .isEqualTo(incidentsBefore + 1);
    assertThat(prometheusValue(prometheus, "camunda_engine_events_total", "event=\"job-failed\""))
        .isEqualTo(failedBefore + attempts);

    deleteNotifications();
    assertThat(metric("camunda.incidents.open", "type:failedJob", "process:" + PROCESS))
        .as("the incident is gone with its instance").isEqualTo(incidentsBefore);
  }

  private Job mailJob() {
    List<Job> jobs = NotificationJobs.ofInstance(engine, instanceId);
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
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

  private double metricOrZero(String name, String... tags) {
    StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
    for (int i = 0; i < tags.length; i++) {
      path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
    }
    ResponseEntity<String> response = rest.withBasicAuth("admin", "test-admin-secret")
        .getForEntity(path.toString(), String.class);
    return response.getStatusCode() == HttpStatus.NOT_FOUND ? 0 : metric(name, tags);
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
