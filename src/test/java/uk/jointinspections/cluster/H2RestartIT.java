package uk.jointinspections.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The single-node H2 file database (the default profile) survives a stop: instances, tasks, variables and timers are
 * back after a restart, and timers that fell due while the application was down fire once when it starts.
 */
@Tag("cluster")
class H2RestartIT {

  static final String ADMIN_PASSWORD = "h2-admin-" + UUID.randomUUID();
  static final String DEMO_PASSWORD = "h2-demo-" + UUID.randomUUID();

  final Path dir = Path.of("target", "cluster", "h2-" + Long.toHexString(System.nanoTime()));
  final List<AppNode> started = new ArrayList<>();
  GreenMail smtp;

  @AfterEach
  void stopAll() throws Exception {
    for (AppNode node : started) {
      node.kill9();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void everythingIsBackAfterARestartAndTimersThatFellDueWhileDownFireOnce() throws Exception {
    int smtpPort = AppNode.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();

    AppNode node = node(smtpPort).start().awaitUp(ClusterIT.START);
    for (int i = 0; i < 3; i++) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("framework", "jtai-2017");
      body.put("reference", "H2-RESTART-" + i);
      body.put("localAuthority", "Northshire");
      body.put("deepDiveTheme", "neglect");
      body.put("plannedFieldworkStart", "2027-03-15");
      body.put("leadInspector", ClusterIT.LEAD);
      body.put("qaManager", "qa-manager");
      assertThat(node.call("POST", "/api/inspections", ClusterIT.LEAD, DEMO_PASSWORD, body).status()).isEqualTo(201);
    }
    awaitNoExecutableJobs(node);
    Map<String, Long> before = counts(node);
    long mailsBefore = smtp.getReceivedMessages().length;
    assertThat(mailsBefore).isPositive();
    node.stop();

    // While the application is down, its timers fall due (the file database is only open when no node runs).
    List<String[]> madeDue = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(
        "jdbc:h2:file:" + dir.toAbsolutePath().resolve("data/joint-inspections"), "sa", "")) {
      try (PreparedStatement select = c.prepareStatement("SELECT j.ID_, j.PROCESS_INSTANCE_ID_, d.ACT_ID_"
          + " FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON j.JOB_DEF_ID_ = d.ID_ WHERE j.TYPE_ = 'timer'"
          + " AND d.ACT_ID_ LIKE 'boundary_overdue_%'"); ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          madeDue.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
        }
      }
      try (PreparedStatement update = c.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ?")) {
        for (String[] job : madeDue) {
          update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
          update.setString(2, job[0]);
          update.executeUpdate();
        }
      }
    }
    assertThat(madeDue).as("boundary timers of the three inspections").hasSizeGreaterThanOrEqualTo(3);

    node = node(smtpPort).start().awaitUp(ClusterIT.START);
    awaitNoExecutableJobs(node);
    Map<String, Long> after = counts(node);
    assertThat(after.get("instances")).isEqualTo(before.get("instances"));
    assertThat(after.get("tasks")).as("tasks kept (and overdue chases added)").isGreaterThanOrEqualTo(before.get("tasks"));
    assertThat(after.get("variables")).isGreaterThanOrEqualTo(before.get("variables"));
    assertThat(before.get("timers")).isGreaterThanOrEqualTo(madeDue.size());
    for (String[] job : madeDue) {
      assertThat(node.call("GET", "/engine-rest/job/" + job[0], "admin", ADMIN_PASSWORD, null).status())
          .as("due timer job %s has run", job[0]).isEqualTo(404);
      long fired = count(node, "/engine-rest/history/activity-instance/count?processInstanceId=" + job[1]
          + "&activityId=" + job[2]);
      assertThat(fired).as("timer %s of %s fired once", job[2], job[1]).isEqualTo(1);
    }
  }

  AppNode node(int smtpPort) {
    AppNode node = new AppNode("h2node", AppNode.builtJar(), dir, Map.of(
        "CAMUNDA_ADMIN_PASSWORD", ADMIN_PASSWORD,
        "INSPECTION_DEMO_PASSWORD", DEMO_PASSWORD,
        "MAIL_HOST", "127.0.0.1",
        "MAIL_PORT", Integer.toString(smtpPort)), List.of(
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000"));
    started.add(node);
    return node;
  }

  Map<String, Long> counts(AppNode node) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("instances", count(node, "/engine-rest/process-instance/count?processDefinitionKey=jtai"));
    counts.put("tasks", count(node, "/engine-rest/task/count"));
    counts.put("variables", count(node, "/engine-rest/variable-instance/count"));
    counts.put("timers", count(node, "/engine-rest/job/count?timers=true&processDefinitionKey=jtai"));
    return counts;
  }

  long count(AppNode node, String path) {
    return node.count(path, "admin", ADMIN_PASSWORD);
  }

  void awaitNoExecutableJobs(AppNode node) throws InterruptedException {
    Instant deadline = Instant.now().plus(ClusterIT.QUIET);
    while (count(node, "/engine-rest/job/count?executable=true") > 0) {
      if (Instant.now().isAfter(deadline)) {
        fail("Jobs still executable after " + ClusterIT.QUIET + ":\n" + node.logTail());
      }
      Thread.sleep(200);
    }
    assertThat(count(node, "/engine-rest/incident/count")).as("incidents").isZero();
  }
}
