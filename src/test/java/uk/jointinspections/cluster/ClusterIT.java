package uk.jointinspections.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application JVMs from the built jar on one fresh PostgreSQL database, job executors on, GreenMail as the mail
 * server: the production topology of docker/docker-compose.yml without Docker. The tests run in order on the same
 * cluster, each leaving it quiet for the next.
 *
 * <p>Timers are made due by one SQL update of ACT_RU_JOB.DUEDATE_ (not one REST call per job), so that hundreds of
 * them fall due in the same instant on both nodes, which is the race under test. Everything else goes through the
 * nodes' HTTP APIs; results are read from the engine's history tables.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {

  static final int INSPECTIONS = Integer.getInteger("cluster.inspections", 200);
  static final int LOCK_TIME_MILLIS = 10_000;
  // Generous: on a 2-core machine shared with other builds a node has needed more than four minutes to start.
  static final Duration START = Duration.ofSeconds(420);
  static final Duration QUIET = Duration.ofSeconds(180);
  static final String ADMIN_PASSWORD = "Cluster-" + UUID.randomUUID(); // meets the password policy (no user id in it)
  static final String DEMO_PASSWORD = "cluster-demo-" + UUID.randomUUID();
  static final String LEAD = "ofsted-lead";
  static final String ANALYST = "analyst";
  /** Extra job executor settings for both nodes, to measure a setting (README "Job executor and history cleanup"). */
  static final List<String> NODE_ARGS = System.getProperty("cluster.nodeArgs", "").isBlank() ? List.of()
      : List.of(System.getProperty("cluster.nodeArgs").trim().split("\\s+"));

  final String baseUrl = System.getenv().getOrDefault("INSPECTION_TEST_POSTGRES_URL",
      "jdbc:postgresql://127.0.0.1:5432/inspections_test");
  final String dbUser = System.getenv().getOrDefault("INSPECTION_TEST_POSTGRES_USER", "postgres");
  // The postgres profile refuses an empty password; local trust authentication ignores whatever is given.
  final String dbPassword = System.getenv().getOrDefault("INSPECTION_TEST_POSTGRES_PASSWORD", "");
  final String database = "inspections_cluster_" + Long.toHexString(System.nanoTime());
  final String url = baseUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");

  Path jar;
  GreenMail smtp;
  int smtpPort;
  AppNode nodeA;
  AppNode nodeB;
  final List<AppNode> started = new ArrayList<>();

  @BeforeAll
  void startCluster() throws Exception {
    jar = AppNode.builtJar();
    admin("CREATE DATABASE " + database);
    smtpPort = AppNode.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    // The first start of an empty database creates the schema, the deployments and the users: one node alone, as
    // in production (README); the second joins an initialised database.
    nodeA = node("nodeA").start().awaitUp(START);
    nodeB = node("nodeB").start().awaitUp(START);
  }

  @AfterAll
  void stopCluster() throws Exception {
    for (AppNode node : started) {
      node.kill9();
    }
    if (smtp != null) {
      smtp.stop();
    }
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }

  AppNode node(String name) {
    Map<String, String> env = new HashMap<>();
    env.put("SPRING_PROFILES_ACTIVE", "postgres");
    env.put("SPRING_DATASOURCE_URL", url);
    env.put("SPRING_DATASOURCE_USERNAME", dbUser);
    env.put("SPRING_DATASOURCE_PASSWORD", dbPassword.isEmpty() ? "ignored-by-trust-authentication" : dbPassword);
    env.put("CAMUNDA_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("INSPECTION_DEMO_ENABLED", "true");
    env.put("INSPECTION_DEMO_PASSWORD", DEMO_PASSWORD);
    env.put("MAIL_HOST", "127.0.0.1");
    env.put("MAIL_PORT", Integer.toString(smtpPort));
    env.put("INSPECTION_DB_POOL_SIZE", "12");
    List<String> properties = new ArrayList<>(List.of(
        // Short lock and acquisition times so that a dead node's jobs return within seconds, not minutes.
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
        "--camunda.bpm.job-execution.wait-time-in-millis=500",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--logging.level.org.camunda.bpm.engine.jobexecutor=error",
        "--logging.level.org.camunda.bpm.engine.context=error"));
    properties.addAll(NODE_ARGS);
    AppNode node = new AppNode(name, jar, Path.of("target", "cluster", database, name), env, properties);
    started.add(node);
    return node;
  }

  // --- exactly once ---------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void timersFallingDueAtOnceOnTwoNodesFireOnceAndNoMailGoesTwice() throws Exception {
    startInspections("EXACT", INSPECTIONS);
    awaitQuiet();

    List<TimerJob> timers = makeJtaiTimersDue();
    Instant due = Instant.now();
    assertThat(timers).as("boundary timers of the started inspections").hasSizeGreaterThanOrEqualTo(INSPECTIONS);
    try {
      awaitQuiet();
    } catch (AssertionError notDrainedInTime) {
      recordDrain(timers.size(), null, due);
      throw notDrainedInTime;
    }
    recordDrain(timers.size(), Duration.between(due, Instant.now()), due);

    assertFiredOnce(timers);
    assertThat(queryLong("SELECT COUNT(DISTINCT HOSTNAME_) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2"
        + " AND HOSTNAME_ IN ('nodeA', 'nodeB')"))
        .as("both nodes executed jobs").isEqualTo(2);
    assertEveryNotificationDeliveredOnce(false);
  }

  // --- concurrent completion ------------------------------------------------------------------------------------

  @Test
  @Order(2)
  void theSameTaskCompletedThroughBothNodesCompletesOnceAndTheOtherCallGetsAConflict() throws Exception {
    // Each started inspection's first step: the senior analytical officer's pre-inspection briefing (¶10).
    List<String> tasks = queryStrings("SELECT ID_ FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ ="
        + " 'task_prepare_pre_inspection_briefing' ORDER BY ID_ LIMIT 10");
    assertThat(tasks).hasSize(10);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> losers = new ArrayList<>();
    try {
      for (String task : tasks) {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<AppNode.Response>> calls = new ArrayList<>();
        for (AppNode node : List.of(nodeA, nodeB)) {
          calls.add(pool.submit(() -> {
            together.await(30, TimeUnit.SECONDS);
            return node.call("POST", "/engine-rest/task/" + task + "/complete", ANALYST, DEMO_PASSWORD,
                Map.of("variables", Map.of()));
          }));
        }
        List<AppNode.Response> answers = new ArrayList<>();
        for (Future<AppNode.Response> call : calls) {
          answers.add(call.get(90, TimeUnit.SECONDS));
        }
        assertThat(answers.stream().filter(r -> r.status() == 204).count())
            .as("exactly one completion of task %s wins: %s", task, answers).isEqualTo(1);
        AppNode.Response loser = answers.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
        assertThat(loser.status()).as("the other completion of task %s: %s", task, loser).isEqualTo(409);
        assertThat(loser.json().path("status").asInt()).isEqualTo(409);
        assertThat(loser.json().path("message").asText()).as("%s", loser).containsAnyOf("at the same moment", "by another request");
        losers.add(loser.body());
        assertThat(queryLong("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = '" + task
            + "' AND END_TIME_ IS NOT NULL AND DELETE_REASON_ = 'completed'")).isEqualTo(1);
        assertThat(queryLong("SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN ACT_HI_TASKINST t"
            + " ON a.PROC_INST_ID_ = t.PROC_INST_ID_ WHERE t.ID_ = '" + task
            + "' AND a.ACT_ID_ = 'task_prepare_pre_inspection_briefing'")).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(losers).hasSize(10);
  }

  // --- a node killed mid-work -----------------------------------------------------------------------------------

  @Test
  @Order(3)
  void aNodeKilledMidWorkLosesNothingTheOtherTakesOverItsJobsWhenTheirLocksExpire() throws Exception {
    startInspections("KILL", Math.max(20, INSPECTIONS / 4));
    awaitQuiet();
    List<TimerJob> timers = makeJtaiTimersDue();

    // Wait until node A holds locks on due jobs, then kill it without a chance to release them.
    awaitCondition("node A locks jobs", Duration.ofSeconds(60),
        () -> queryLong("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ LIKE 'nodeA:%'") > 0);
    Instant killedAt = Instant.now();
    nodeA.kill9();
    List<String> orphaned = queryStrings("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ LIKE 'nodeA:%'");

    awaitQuiet();
    assertFiredOnce(timers);
    for (String job : orphaned) {
      // Rolled back with the dead node's connection, then run by node B after the lock expired: exactly one success.
      List<String> successes = queryStrings("SELECT HOSTNAME_ || '@' || TIMESTAMP_ FROM ACT_HI_JOB_LOG"
          + " WHERE JOB_ID_ = '" + job + "' AND JOB_STATE_ = 2");
      assertThat(successes).as("job %s held by the killed node", job).hasSizeLessThanOrEqualTo(1);
    }
    long takenOver = queryLong("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND HOSTNAME_ = 'nodeB'"
        + " AND TIMESTAMP_ >= ? AND JOB_ID_ IN (" + inList(orphaned) + ")",
        Timestamp.from(killedAt.plusMillis(LOCK_TIME_MILLIS - 1000)));
    // A job still locked by node A after its death is one whose transaction never committed.
    assertThat(takenOver).as("every job node A held when killed ran once, on node B: %s", orphaned)
        .isEqualTo(orphaned.size());
    assertThat(takenOver).as("node B took over node A's locked jobs after their lock expired").isPositive();
    // A mail node A handed to the SMTP server just before its transaction died goes again from node B: SMTP is not
    // transactional. Same Message-ID, so the receiving side can drop it; never lost.
    assertEveryNotificationDeliveredOnce(true);
  }

  // --- restart --------------------------------------------------------------------------------------------------

  @Test
  @Order(4)
  void afterAFullStopEverythingIsBackAndTimersThatFellDueWhileDownFireOnce() throws Exception {
    startInspections("RESTART", 10);
    awaitQuiet();
    nodeB.stop();
    nodeA.stop();
    Map<String, Long> before = stateCounts();
    // While nothing runs, some timers fall due.
    List<TimerJob> dueWhileDown = makeJtaiTimersDue();
    assertThat(dueWhileDown).isNotEmpty();

    nodeA = node("nodeA").start();
    nodeB = node("nodeB").start();
    nodeA.awaitUp(START);
    nodeB.awaitUp(START);
    awaitQuiet();

    Map<String, Long> after = stateCounts();
    assertThat(after.get("instances")).isEqualTo(before.get("instances"));
    assertThat(after.get("variables")).isGreaterThanOrEqualTo(before.get("variables"));
    assertThat(after.get("tasks")).isGreaterThanOrEqualTo(before.get("tasks"));
    assertThat(after.get("history")).isGreaterThanOrEqualTo(before.get("history"));
    assertFiredOnce(dueWhileDown);
    assertThat(nodeA.count("/engine-rest/process-instance/count?processDefinitionKey=jtai", "admin", ADMIN_PASSWORD))
        .isEqualTo(before.get("instances"));
    assertEveryNotificationDeliveredOnce(true);
  }

  // --- mail outage --------------------------------------------------------------------------------------------

  @Test
  @Order(5)
  void withTheMailServerDownWorkCompletesNotificationsRetryThenRaiseIncidentsAndRetryDeliversEachOnce()
      throws Exception {
    smtp.stop();
    startInspections("OUTAGE", 4);
    assertThat(queryLong("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON t.PROC_INST_ID_ = e.ID_"
        + " WHERE e.BUSINESS_KEY_ LIKE 'OUTAGE-%'")).as("inspectors' tasks exist without mail").isPositive();
    List<String> jobs = queryStrings("SELECT ID_ FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'inspection-notification'");
    assertThat(jobs).as("notifications queued").isNotEmpty();
    awaitCondition("every notification attempt failed once and waits to retry", QUIET,
        () -> queryLong("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'inspection-notification'"
            + " AND RETRIES_ = 4 AND EXCEPTION_MSG_ IS NOT NULL AND LOCK_OWNER_ IS NULL") == jobs.size());

    // The retry cycle (R5/PT5M) would take 25 minutes; its attempts are made due now, as the cycle would make them.
    // Half the notifications run out of retries while the server is still down; the other half wait for a retry.
    List<String> exhausted = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      (i % 2 == 0 ? exhausted : waiting).add(jobs.get(i));
    }
    assertThat(waiting).as("at least two notifications queued").isNotEmpty();
    for (String job : exhausted) {
      assertThat(nodeA.call("PUT", "/engine-rest/job/" + job + "/retries", "admin", ADMIN_PASSWORD,
          Map.of("retries", 1)).status()).isEqualTo(204);
      makeDueNow(nodeA, job);
    }
    awaitCondition("an incident for every notification whose retries ran out", QUIET, () -> nodeB.count(
        "/engine-rest/incident/count?incidentType=failedJob", "admin", ADMIN_PASSWORD) == exhausted.size());
    // The REST incident list (what Cockpit shows) names each failed job; the operators' metrics count them.
    List<String> incidentJobs = new ArrayList<>();
    List<String> incidentInstances = new ArrayList<>();
    nodeB.call("GET", "/engine-rest/incident?incidentType=failedJob", "admin", ADMIN_PASSWORD, null).json()
        .forEach(incident -> {
          incidentJobs.add(incident.path("configuration").asText());
          incidentInstances.add(incident.path("processInstanceId").asText());
        });
    assertThat(incidentJobs).containsExactlyInAnyOrderElementsOf(exhausted);
    // Each on the inspection whose step caused the e-mail, where Cockpit shows it.
    assertThat(queryLong("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND BUSINESS_KEY_ LIKE"
        + " 'OUTAGE-%' AND ID_ IN (" + inList(incidentInstances) + ")"))
        .as("incidents on the inspections").isEqualTo(incidentInstances.stream().distinct().count());
    for (AppNode node : List.of(nodeA, nodeB)) {
      awaitCondition("node " + node.name + " reports the open incidents", QUIET, () -> node.call("GET",
          "/actuator/metrics/camunda.incidents.open?tag=type:failedJob", "admin",
          ADMIN_PASSWORD, null).json().path("measurements").get(0).path("value").asLong() == exhausted.size());
    }

    // The mail server is back. The waiting notifications go out at their next attempt, with nobody's help.
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    for (String job : waiting) {
      makeDueNow(nodeA, job);
    }
    awaitCondition("waiting notifications delivered by their retry", QUIET, () -> queryLong(
        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (" + inList(waiting) + ")") == 0);
    assertThat(queryLong("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (" + inList(exhausted) + ")"))
        .as("notifications without retries wait for an operator").isEqualTo(exhausted.size());

    // An operator retries the incidents in Cockpit, which sets the jobs' retries through the REST API.
    for (String job : exhausted) {
      AppNode.Response retry = nodeB.call("PUT", "/engine-rest/job/" + job + "/retries", "admin", ADMIN_PASSWORD,
          Map.of("retries", 1));
      assertThat(retry.status()).as("%s", retry).isEqualTo(204);
      makeDueNow(nodeB, job);
    }
    awaitCondition("retried notifications delivered", QUIET,
        () -> queryLong("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'inspection-notification'") == 0);
    assertThat(queryLong("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents resolved by the retry").isZero();
    Map<String, Long> byMessageId = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      byMessageId.merge(message.getMessageID(), 1L, Long::sum);
    }
    assertThat(byMessageId).as("each queued notification delivered").hasSize(jobs.size());
    assertThat(byMessageId.values()).as("each exactly once").containsOnly(1L);
  }

  /** A retry's due date moved to now, as the cycle's next attempt would be (Cockpit can do the same). */
  void makeDueNow(AppNode node, String job) {
    assertThat(node.call("PUT", "/engine-rest/job/" + job + "/duedate", "admin", ADMIN_PASSWORD,
        Map.of("duedate", java.time.OffsetDateTime.now().minusSeconds(1).format(CAMUNDA_DATE))).status())
        .isEqualTo(204);
  }

  static final java.time.format.DateTimeFormatter CAMUNDA_DATE =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /**
   * A measurement, not an assertion (null: not drained within the suite's wait): how long the cluster took to run the timers that fell due at once and
   * everything they caused, with the settings under test and the machine's load, appended to
   * target/cluster/drain-times.txt (README "Job executor and history cleanup" quotes these lines).
   */
  void recordDrain(int timers, Duration drain, Instant due) throws Exception {
    Timestamp since = Timestamp.from(due);
    String line = String.format("%s inspections=%d timers=%d jobsRun=%d failedRuns=%d byNode=%s drain=%s"
            + " engine=%s load=%s settings=%s%n", Instant.now(), INSPECTIONS, timers,
        queryLong("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND TIMESTAMP_ >= ?", since),
        queryLong("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 3 AND TIMESTAMP_ >= ?", since),
        queryStrings("SELECT HOSTNAME_ || ':' || COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND TIMESTAMP_ >= '"
            + since + "' GROUP BY HOSTNAME_ ORDER BY HOSTNAME_"),
        drain == null ? "over " + QUIET.toSeconds() + "s" : "%.1fs".formatted(drain.toMillis() / 1000.0),
        engineEvents(), loadAverage(), NODE_ARGS);
    System.out.print("[drain] " + line);
    java.nio.file.Files.writeString(Path.of("target", "cluster", "drain-times.txt"), line,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  /** The job executors' own counts since the nodes started, summed over both (Actuator, as an operator reads them). */
  Map<String, Long> engineEvents() {
    Map<String, Long> sums = new LinkedHashMap<>();
    for (String event : List.of("job-acquisition-attempt", "job-acquired-success", "job-acquired-failure",
        "job-execution-rejected", "job-locked-exclusive", "job-successful", "job-failed")) {
      for (AppNode node : List.of(nodeA, nodeB)) {
        AppNode.Response metric = node.call("GET", "/actuator/metrics/camunda.engine.events?tag=event:" + event,
            "admin", ADMIN_PASSWORD, null);
        assertThat(metric.status()).as("%s", metric).isEqualTo(200);
        sums.merge(event, metric.json().path("measurements").get(0).path("value").asLong(), Long::sum);
      }
    }
    return sums;
  }

  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    } catch (java.io.IOException | RuntimeException notLinux) {
      return "n/a";
    }
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  record TimerJob(String id, String processInstanceId, String activityId) {
  }

  void startInspections(String prefix, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AppNode.Response>> calls = new ArrayList<>();
      List<AppNode> alive = started.stream().filter(AppNode::isAlive).distinct().toList();
      // The lead inspector signs in to each node once before the parallel starts, as a client would: parallel calls
      // whose password no call has yet proven right count as guesses in flight (README "Sign-in").
      for (AppNode node : alive) {
        assertThat(node.call("GET", "/engine-rest/task/count", LEAD, DEMO_PASSWORD, null).status())
            .as("%s signs the lead inspector in", node).isEqualTo(200);
      }
      for (int i = 0; i < count; i++) {
        AppNode node = alive.get(i % alive.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("framework", "jtai-2017");
        body.put("reference", prefix + "-" + i);
        body.put("localAuthority", "Northshire");
        body.put("deepDiveTheme", "neglect");
        body.put("plannedFieldworkStart", "2027-03-15");
        body.put("leadInspector", LEAD);
        body.put("qaManager", "qa-manager");
        calls.add(pool.submit(() -> node.call("POST", "/api/inspections", LEAD, DEMO_PASSWORD, body)));
      }
      for (Future<AppNode.Response> call : calls) {
        AppNode.Response response = call.get(120, TimeUnit.SECONDS);
        assertThat(response.status()).as("start an inspection: %s", response).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every jtai timer becomes due in one commit: both nodes' acquisition sees all of them at once. */
  List<TimerJob> makeJtaiTimersDue() throws SQLException {
    List<TimerJob> timers = new ArrayList<>();
    try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
        "SELECT j.ID_, j.PROCESS_INSTANCE_ID_, d.ACT_ID_ FROM ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON j.JOB_DEF_ID_ = d.ID_"
            + " WHERE j.TYPE_ = 'timer' AND j.PROCESS_DEF_KEY_ = 'jtai' AND d.ACT_ID_ LIKE 'boundary_overdue_%'")) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          timers.add(new TimerJob(rows.getString(1), rows.getString(2), rows.getString(3)));
        }
      }
      try (PreparedStatement update = c.prepareStatement("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE ID_ = ANY (?)")) {
        update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
        update.setArray(2, c.createArrayOf("varchar", timers.stream().map(TimerJob::id).toArray()));
        update.executeUpdate();
      }
    }
    return timers;
  }

  void assertFiredOnce(List<TimerJob> timers) throws SQLException {
    Map<String, Long> firings = new HashMap<>();
    try (Connection c = connect(); PreparedStatement select = c.prepareStatement(
        "SELECT PROC_INST_ID_ || '/' || ACT_ID_, COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_TYPE_ = 'boundaryTimer'"
            + " GROUP BY PROC_INST_ID_, ACT_ID_")) {
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          firings.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    List<String> wrong = timers.stream()
        .filter(t -> firings.getOrDefault(t.processInstanceId() + "/" + t.activityId(), 0L) != 1)
        .map(t -> t + " fired " + firings.getOrDefault(t.processInstanceId() + "/" + t.activityId(), 0L) + " times")
        .toList();
    assertThat(wrong).as("every timer fires exactly once").isEmpty();
    long successes = queryLong("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_ID_ IN ("
        + inList(timers.stream().map(TimerJob::id).toList()) + ")");
    assertThat(successes).as("one successful run per timer job in the job log").isEqualTo(timers.size());
    // The transactional effect of each firing: the escalation end event after it, once.
    long escalations = queryLong("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ LIKE 'end_overdue_%'"
        + " AND PROC_INST_ID_ || '/' || REPLACE(ACT_ID_, 'end_overdue_', 'boundary_overdue_') IN ("
        + inList(timers.stream().map(t -> t.processInstanceId() + "/" + t.activityId()).toList()) + ")");
    assertThat(escalations).as("one escalation per fired timer").isEqualTo(timers.size());
  }

  void assertEveryNotificationDeliveredOnce(boolean duplicatesAfterACrashAllowed) throws Exception {
    assertThat(queryLong("SELECT COUNT(*) FROM ACT_RU_JOB WHERE HANDLER_TYPE_ = 'inspection-notification'"))
        .as("notifications still waiting").isZero();
    List<String> keys = queryStrings("SELECT KEY_ FROM INSPECTION_NOTIFICATION");
    assertThat(keys).as("notifications").isNotEmpty();
    assertThat(queryLong("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'notification'"))
        .as("no process instance per e-mail").isZero();
    assertThat(queryLong("SELECT COUNT(*) FROM INSPECTION_NOTIFICATION_SENT")).isEqualTo(keys.size());
    Map<String, Long> byMessageId = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      byMessageId.merge(message.getMessageID(), 1L, Long::sum);
    }
    // GreenMail stores one copy per recipient; each notification has exactly one.
    assertThat(byMessageId.keySet()).as("one distinct e-mail per notification").hasSize(keys.size());
    Map<String, Long> duplicates = byMessageId.entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    if (duplicatesAfterACrashAllowed) {
      assertThat(duplicates.size()).as("duplicates only from jobs the killed node was running: %s", duplicates)
          .isLessThanOrEqualTo(10);
    } else {
      assertThat(duplicates).as("no e-mail sent twice").isEmpty();
    }
  }

  Map<String, Long> stateCounts() throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    counts.put("instances", queryLong("SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d"
        + " ON e.PROC_DEF_ID_ = d.ID_ WHERE e.PARENT_ID_ IS NULL AND d.KEY_ = 'jtai'"));
    counts.put("tasks", queryLong("SELECT COUNT(*) FROM ACT_RU_TASK"));
    counts.put("variables", queryLong("SELECT COUNT(*) FROM ACT_RU_VARIABLE"));
    counts.put("history", queryLong("SELECT COUNT(*) FROM ACT_HI_PROCINST"));
    return counts;
  }

  /** Waits until no job can run (none due and with retries left) and none is locked. */
  void awaitQuiet() throws Exception {
    awaitCondition("all due jobs done on the cluster", QUIET, () -> queryLong(
        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE (RETRIES_ > 0 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?))"
            + " OR LOCK_EXP_TIME_ IS NOT NULL", Timestamp.from(Instant.now())) == 0);
    long failed = queryLong("SELECT COUNT(*) FROM ACT_RU_INCIDENT");
    if (failed > 0) {
      fail("Incidents on the cluster: " + queryStrings("SELECT INCIDENT_MSG_ FROM ACT_RU_INCIDENT LIMIT 5"));
    }
  }

  void awaitCondition(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        String nodes = started.stream().map(n -> n.name + (n.isAlive() ? " alive" : " dead")).toList().toString();
        fail("Timed out after " + timeout + " waiting for: " + what + "; nodes " + nodes
            + "; jobs left: " + queryStrings("SELECT ID_ || ' ' || COALESCE(LOCK_OWNER_, '-') || ' '"
            + " || COALESCE(EXCEPTION_MSG_, '') FROM ACT_RU_JOB LIMIT 5"));
      }
      Thread.sleep(100);
    }
  }

  static String inList(List<String> values) {
    return values.isEmpty() ? "NULL" : values.stream().map(v -> "'" + v.replace("'", "''") + "'")
        .collect(Collectors.joining(","));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, dbUser, dbPassword);
  }

  void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(baseUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  long queryLong(String sql, Object... parameters) {
    try (Connection c = connect(); PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  List<String> queryStrings(String sql) {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(); Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return values;
  }
}
