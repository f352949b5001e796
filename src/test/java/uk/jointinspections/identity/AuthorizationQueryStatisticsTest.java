package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.jointinspections.EngineTest;

/**
 * On PostgreSQL (the failsafe run) the statistics the Tasklist's query needs exist after start-up, and an operator
 * whose server runs without autovacuum is told so at every start; on H2 there is nothing to create or say.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class AuthorizationQueryStatisticsTest {

  @Autowired AuthorizationQueryStatistics statistics;
  @Autowired DataSource dataSource;

  @Test
  void theStatisticsExistAndAServerWithoutAutovacuumIsNamedAtStart(CapturedOutput output) throws Exception {
    statistics.run(null);

    boolean postgres;
    try (Connection connection = dataSource.getConnection()) {
      postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
    if (!postgres) {
      assertThat(output.getAll()).doesNotContain("autovacuum");
      return;
    }
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname LIKE"
        + " 'inspection_stat_auth_perms_%'", Integer.class)).isEqualTo(AuthorizationQueryStatistics.CREATE.size());
    // The server's own setting decides which answer is right; this machine's PostgreSQL runs without autovacuum.
    boolean off = "off".equalsIgnoreCase(jdbc.queryForObject("SHOW autovacuum", String.class));
    if (off) {
      assertThat(output.getAll()).contains("WARN").contains(AuthorizationQueryStatistics.AUTOVACUUM_OFF);
    } else {
      assertThat(output.getAll()).doesNotContain(AuthorizationQueryStatistics.AUTOVACUUM_OFF);
    }
  }
}
