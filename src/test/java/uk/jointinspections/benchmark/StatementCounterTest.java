package uk.jointinspections.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The benchmark's statement timer: what it names a statement, and that its own polling stays out of the figures. */
class StatementCounterTest {

  @Test
  void timesEachStatementUnderItsShapeWithoutLiterals() throws Exception {
    StatementCounter counter = new StatementCounter();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:statementcounter;DB_CLOSE_DELAY=-1");
    DataSource ds = (DataSource) counter.postProcessAfterInitialization(h2, "dataSource");
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("create table T (ID int, NAME varchar(20))");
      s.execute("insert into T values (1, 'a')");
      s.execute("insert into T values (2, 'it''s')");
      try (PreparedStatement p = c.prepareStatement("select NAME from T where ID = ?")) {
        p.setInt(1, 1);
        p.executeQuery().close();
        p.setInt(1, 2);
        p.executeQuery().close();
      }
      counter.uncounted(() -> {
        try {
          return s.execute("select count(*) from T");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }
    var rows = counter.jdbcTimes().rows();
    assertThat(rows.get("sql: insert into T values (?, ?)")[0]).isEqualTo(2);
    assertThat(rows.get("sql: select NAME from T where ID = ?")[0]).isEqualTo(2);
    assertThat(rows.keySet()).noneMatch(k -> k.contains("count(*)"));
    assertThat(counter.executed.get()).isEqualTo(5);
    assertThat(counter.thisThread()[0]).isEqualTo(5);
    assertThat(counter.prepareTimes().rows()).containsOnlyKeys("sql: select NAME from T where ID = ?");
    assertThat(counter.connectionTimes().rows()).containsKeys("getConnection (from the pool)", "close");
  }

  @Test
  void namesMappingsAndCommandsShortly() {
    assertThat(StatementCounter.mappingName(
        "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity.selectVariablesByExecutionId"))
        .isEqualTo("selectVariablesByExecutionId");
    Runnable lambda = () -> { };
    assertThat(CommandTimer.name(lambda.getClass())).isEqualTo("StatementCounterTest (lambda)");
    assertThat(CommandTimer.name(org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd.class)).isEqualTo("CompleteTaskCmd");
  }
}
