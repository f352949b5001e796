package uk.jointinspections.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The application's own tables beside the engine's, on H2 and on PostgreSQL alike. A table whose primary key guards
 * against doing a thing twice (a reference, a sent e-mail) is written by {@link #insertUnlessKeyTaken}.
 */
public final class ApplicationTable {

  private static final Logger LOG = LoggerFactory.getLogger(ApplicationTable.class);

  private ApplicationTable() {
  }

  /** Creates the table unless it exists; two nodes starting at once may both try. */
  public static void create(JdbcTemplate jdbc, String table, String columns) {
    try {
      jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (" + columns + ")");
    } catch (DataAccessException e) {
      // PostgreSQL's IF NOT EXISTS is not safe against a concurrent create; the loser finds the winner's table.
      jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
      LOG.debug("{} was created by another node at the same moment", table, e);
    }
  }

  /**
   * Runs the insert inside a savepoint and answers false when its primary key is taken. On PostgreSQL a failed
   * statement aborts the whole transaction, which here is an inspector's step or a job: without the savepoint,
   * every later statement of it would fail. An insert racing another transaction's uncommitted row waits for it, and
   * then fails (it committed) or succeeds (it rolled back); where the database stops waiting first (H2's lock timeout)
   * its {@link org.springframework.dao.QueryTimeoutException} or
   * {@link org.springframework.dao.PessimisticLockingFailureException} reaches the caller.
   */
  public static boolean insertUnlessKeyTaken(JdbcTemplate jdbc, String insert, Object... arguments) {
    DataSource dataSource = jdbc.getDataSource();
    Connection connection = DataSourceUtils.getConnection(dataSource);
    Savepoint savepoint = null;
    try {
      savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
      jdbc.update(insert, arguments);
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
      return true;
    } catch (DuplicateKeyException taken) {
      rollbackTo(connection, savepoint);
      return false;
    } catch (DataAccessException other) {
      rollbackTo(connection, savepoint);
      throw other;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set or release the savepoint around: " + insert, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private static void rollbackTo(Connection connection, Savepoint savepoint) {
    if (savepoint == null) {
      return;
    }
    try {
      connection.rollback(savepoint);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not roll back to the savepoint before an insert", e);
    }
  }
}
