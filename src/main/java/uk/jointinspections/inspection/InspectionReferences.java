package uk.jointinspections.inspection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * One row per inspection reference, written in the transaction that starts the inspection. Its primary key is what
 * keeps a reference to one inspection when two nodes of a cluster are asked to start it at the same moment: a query
 * of the history cannot, because neither start is visible to the other until both have committed. The second insert
 * waits for the first transaction and then fails, or succeeds if the first rolled back.
 *
 * <p>A row whose inspection no longer exists (its history removed by cleanup or by an operator) no longer holds the
 * reference: it is taken over by compare-and-set on the old instance id, so two takeovers cannot both succeed.
 */
@Component
public class InspectionReferences {

  static final String TABLE = "INSPECTION_REFERENCE";
  private static final Logger LOG = LoggerFactory.getLogger(InspectionReferences.class);

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  public InspectionReferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.dataSource = jdbc.getDataSource();
    createTable();
  }

  private void createTable() {
    try {
      jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (REFERENCE_ VARCHAR(255) NOT NULL PRIMARY KEY,"
          + " PROC_INST_ID_ VARCHAR(64) NOT NULL, CLAIMED_AT_ TIMESTAMP NOT NULL)");
    } catch (DataAccessException e) {
      // Two nodes starting at once on PostgreSQL can race on IF NOT EXISTS; the loser finds the winner's table.
      jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE, Long.class);
      LOG.debug("{} was created by another node at the same moment", TABLE, e);
    }
  }

  /**
   * Claims the reference for the instance in the current transaction.
   *
   * @param exists whether the inspection holding a reference (by process instance id) still exists
   * @return false when another inspection holds it
   * @throws ReferenceTakenException when another transaction is claiming it and the database will not wait longer
   */
  public boolean claim(String reference, String processInstanceId, Instant now, Predicate<String> exists) {
    if (insert(reference, processInstanceId, now)) {
      return true;
    }
    List<String> holders = jdbc.queryForList("SELECT PROC_INST_ID_ FROM " + TABLE + " WHERE REFERENCE_ = ?",
        String.class, reference);
    if (holders.isEmpty()) {
      return insert(reference, processInstanceId, now);
    }
    String holder = holders.get(0);
    if (holder.equals(processInstanceId)) {
      return true;
    }
    if (exists.test(holder)) {
      return false;
    }
    return jdbc.update("UPDATE " + TABLE + " SET PROC_INST_ID_ = ?, CLAIMED_AT_ = ? WHERE REFERENCE_ = ?"
        + " AND PROC_INST_ID_ = ?", processInstanceId, Timestamp.from(now), reference, holder) == 1;
  }

  /**
   * The insert runs inside a savepoint: on PostgreSQL a failed statement would otherwise abort the whole transaction
   * that is starting the inspection.
   */
  private boolean insert(String reference, String processInstanceId, Instant now) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    Savepoint savepoint = null;
    try {
      boolean inTransaction = !connection.getAutoCommit();
      savepoint = inTransaction ? connection.setSavepoint() : null;
      jdbc.update("INSERT INTO " + TABLE + " (REFERENCE_, PROC_INST_ID_, CLAIMED_AT_) VALUES (?, ?, ?)", reference,
          processInstanceId, Timestamp.from(now));
      if (savepoint != null) {
        connection.releaseSavepoint(savepoint);
      }
      return true;
    } catch (DuplicateKeyException taken) {
      rollbackTo(connection, savepoint);
      return false;
    } catch (QueryTimeoutException | PessimisticLockingFailureException waitedTooLong) {
      // H2 gives up waiting for the other transaction after its lock timeout; PostgreSQL waits until it ends.
      rollbackTo(connection, savepoint);
      throw new ReferenceTakenException(reference, "is being started by another request at this moment; try again"
          + " in a minute if that start fails.");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record inspection reference " + reference, e);
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
      throw new IllegalStateException("Could not roll back to the savepoint before the reference insert", e);
    }
  }
}
