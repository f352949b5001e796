package uk.jointinspections.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's job execution and incidents in Actuator (Micrometer): {@code /actuator/metrics} and
 * {@code /actuator/prometheus}, for operators only (see {@code web.ActuatorAccessFilter}).
 *
 * <ul>
 *   <li>{@code camunda.engine.events{event}}: counters of this node since its start, named as Camunda names its
 *       metrics ({@code job-successful}, {@code job-failed}, {@code job-acquisition-attempt}, …). Counted in memory
 *       as the engine counts them, so no query at all.</li>
 *   <li>{@code camunda.jobs.due}, {@code camunda.jobs.due.age}, {@code camunda.jobs.locked},
 *       {@code camunda.jobs.without.retries}, {@code camunda.incidents.open{type,process}}: the shared database's
 *       state, the same on every node. Two small aggregate queries answer all of them, at most once per
 *       {@code inspection.metrics.snapshot-ttl} however many gauges are read or scrapers ask.</li>
 * </ul>
 *
 * The queries are plain SQL rather than the engine's query API, which would filter them by the authorizations of
 * whoever is signed in for the scrape.
 */
@Component
public class EngineMetrics implements MeterBinder {

  static final Logger LOG = LoggerFactory.getLogger(EngineMetrics.class);

  /** Camunda's counters exposed per node: the job executor's, and the engine's throughput for context. */
  static final List<String> EVENTS = List.of(
      Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
      Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_LOCKED_EXCLUSIVE,
      Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START, Metrics.EXECUTED_DECISION_ELEMENTS,
      Metrics.HISTORY_CLEANUP_REMOVED_PROCESS_INSTANCES);

  private final CountingMetricsRegistry counts;
  private final JdbcTemplate jdbc;
  private final Duration ttl;
  private final Clock clock;
  private final Set<List<String>> incidentSeries = ConcurrentHashMap.newKeySet();
  private volatile MeterRegistry meters;
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  @Autowired
  public EngineMetrics(EngineMetricsPlugin plugin, JdbcTemplate jdbc,
      @Value("${inspection.metrics.snapshot-ttl:PT10S}") Duration ttl) {
    this(plugin.registry(), jdbc, ttl, Clock.systemUTC());
  }

  EngineMetrics(CountingMetricsRegistry counts, JdbcTemplate jdbc, Duration ttl, Clock clock) {
    this.counts = counts;
    this.jdbc = jdbc;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.meters = registry;
    for (String event : EVENTS) {
      FunctionCounter.builder("camunda.engine.events", counts, c -> c.total(event))
          .tag("event", event)
          .description("Camunda's metric of this name, counted on this node since it started")
          .register(registry);
    }
    Gauge.builder("camunda.jobs.due", this, m -> m.snapshot().due())
        .description("Jobs due now with retries left that no node is running: the job executors' backlog")
        .register(registry);
    Gauge.builder("camunda.jobs.due.age", this, m -> m.snapshot().oldestDueSeconds())
        .baseUnit("seconds")
        .description("How long the longest-waiting due job has waited; 0 when none waits")
        .register(registry);
    Gauge.builder("camunda.jobs.locked", this, m -> m.snapshot().locked())
        .description("Jobs a node holds a lock on: being run, or held by a dead node until the lock expires")
        .register(registry);
    Gauge.builder("camunda.jobs.without.retries", this, m -> m.snapshot().withoutRetries())
        .description("Jobs whose retries are exhausted; each waits for an operator (an incident)")
        .register(registry);
  }

  /** The incident series exist from the start: a scraper sees them at 0 before the first incident. */
  @EventListener(ApplicationReadyEvent.class)
  void readOnceReady() {
    snapshot();
  }

  /** The database's job and incident figures, at most {@link #ttl} old; NaN figures when it cannot be read. */
  Snapshot snapshot() {
    Snapshot current = snapshot;
    Instant now = clock.instant();
    if (current.takenAt() != null && !now.isAfter(current.takenAt().plus(ttl))) {
      return current;
    }
    synchronized (this) {
      if (snapshot != current) {
        return snapshot;
      }
      try {
        snapshot = read(now);
      } catch (RuntimeException e) {
        LOG.warn("Engine metrics could not be read from the database: {}", e.toString());
        snapshot = Snapshot.unavailable(now);
      }
      return snapshot;
    }
  }

  private Snapshot read(Instant now) {
    Timestamp at = Timestamp.from(now);
    Map<String, Object> jobs = jdbc.queryForMap("""
        SELECT
          SUM(CASE WHEN %1$s THEN 1 ELSE 0 END) AS DUE,
          MIN(CASE WHEN %1$s THEN COALESCE(DUEDATE_, CREATE_TIME_) END) AS OLDEST_DUE,
          SUM(CASE WHEN LOCK_EXP_TIME_ IS NOT NULL AND LOCK_EXP_TIME_ >= ? THEN 1 ELSE 0 END) AS LOCKED,
          SUM(CASE WHEN RETRIES_ <= 0 THEN 1 ELSE 0 END) AS WITHOUT_RETRIES
        FROM ACT_RU_JOB""".formatted("RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)"
        + " AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ < ?)"), at, at, at, at, at);
    Map<List<String>, Long> incidents = new HashMap<>();
    // Every process gets its failedJob series at 0, so that an alert on it exists before the first incident.
    jdbc.queryForList("SELECT DISTINCT KEY_ FROM ACT_RE_PROCDEF", String.class)
        .forEach(key -> incidents.put(List.of(Incident.FAILED_JOB_HANDLER_TYPE, key), 0L));
    jdbc.query("""
        SELECT i.INCIDENT_TYPE_, d.KEY_, COUNT(*) FROM ACT_RU_INCIDENT i
        LEFT JOIN ACT_RE_PROCDEF d ON i.PROC_DEF_ID_ = d.ID_
        GROUP BY i.INCIDENT_TYPE_, d.KEY_""", row -> {
      incidents.put(List.of(row.getString(1), row.getString(2) == null ? "none" : row.getString(2)), row.getLong(3));
    });
    Timestamp oldest = (Timestamp) jobs.get("OLDEST_DUE");
    Snapshot read = new Snapshot(now, number(jobs.get("DUE")),
        oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toMillis() / 1000.0),
        number(jobs.get("LOCKED")), number(jobs.get("WITHOUT_RETRIES")), Map.copyOf(incidents));
    incidents.keySet().forEach(this::registerIncidentSeries);
    return read;
  }

  /** A series appears with the first incident of its type and process (or the process's deployment), then stays. */
  private void registerIncidentSeries(List<String> typeAndProcess) {
    MeterRegistry registry = meters;
    if (registry != null && incidentSeries.add(typeAndProcess)) {
      Gauge.builder("camunda.incidents.open", this, m -> m.snapshot().incidents(typeAndProcess))
          .tag("type", typeAndProcess.get(0))
          .tag("process", typeAndProcess.get(1))
          .description("Open incidents of this type in instances of this process, on the whole cluster")
          .register(registry);
    }
  }

  private static double number(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  record Snapshot(Instant takenAt, double due, double oldestDueSeconds, double locked, double withoutRetries,
                  Map<List<String>, Long> incidents) {

    static final Snapshot EMPTY = new Snapshot(null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of());

    static Snapshot unavailable(Instant at) {
      return new Snapshot(at, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Map.of());
    }

    double incidents(List<String> typeAndProcess) {
      Long open = incidents.get(typeAndProcess);
      return open != null ? open : Double.isNaN(due) ? Double.NaN : 0;
    }
  }
}
