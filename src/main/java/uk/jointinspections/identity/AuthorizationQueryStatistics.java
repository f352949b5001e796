package uk.jointinspections.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, statistics on the permission bits that Camunda's authorized task query tests ({@code A.PERMS_ & 2 =
 * 2} for READ on a task, {@code A.PERMS_ & 64 = 64} for READ_TASK on a definition). Without them PostgreSQL guesses
 * that a group's task authorizations are a handful of rows (0.5 % per bit test) when every task offered to the group
 * has one, and joins them to the group's tasks by comparing every task with every authorization: at 1,000 open
 * inspections the Tasklist's "My inspectorate" took about a second (README "Performance"). With the statistics the
 * estimate is right and the plan looks each task's authorization up in the index. The engine's schema has no such
 * statistics, so they are created at start-up, idempotently, once the engine has created or updated its schema.
 * {@code inspection.tasklist.authorization-statistics=false} leaves them out (the benchmark's "before").
 */
@Component
@ConditionalOnProperty(name = "inspection.tasklist.authorization-statistics", matchIfMissing = true)
public class AuthorizationQueryStatistics implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationQueryStatistics.class);
  static final List<String> CREATE = List.of(
      "CREATE STATISTICS IF NOT EXISTS inspection_stat_auth_perms_2 ON (PERMS_ & 2) FROM ACT_RU_AUTHORIZATION",
      "CREATE STATISTICS IF NOT EXISTS inspection_stat_auth_perms_64 ON (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION");

  /**
   * Without autovacuum nothing analyzes the tables as inspections fill them: at 10,000 open inspections the planner
   * still took a group's candidate links for one row, and "My inspectorate" took 187 ms instead of 79 ms.
   */
  static final String AUTOVACUUM_OFF = "PostgreSQL's autovacuum is off: nothing keeps the planner's statistics up to"
      + " date as inspections add tasks, and the Tasklist's queries slow down as they grow. Turn it on (the default),"
      + " or run ANALYZE regularly (README \"Performance\")";

  private final DataSource dataSource;

  public AuthorizationQueryStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    if ("off".equalsIgnoreCase(jdbc.queryForObject("SHOW autovacuum", String.class))) {
      LOG.warn(AUTOVACUUM_OFF);
    }
    Integer existing = jdbc.queryForObject(
        "SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname LIKE 'inspection_stat_auth_perms_%'", Integer.class);
    if (existing != null && existing == CREATE.size()) {
      return;
    }
    try {
      CREATE.forEach(jdbc::execute);
      // Autovacuum would fill them in later; the Tasklist needs them now.
      jdbc.execute("ANALYZE ACT_RU_AUTHORIZATION");
      LOG.info("Created the statistics of ACT_RU_AUTHORIZATION's permission bits for the Tasklist's task query");
    } catch (RuntimeException raced) {
      // Two nodes starting at once: IF NOT EXISTS can still collide in the catalogue; the loser finds them there.
      Integer now = jdbc.queryForObject(
          "SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname LIKE 'inspection_stat_auth_perms_%'", Integer.class);
      if (now == null || now < CREATE.size()) {
        throw raced;
      }
    }
  }
}
