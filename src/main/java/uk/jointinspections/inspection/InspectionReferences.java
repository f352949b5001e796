package uk.jointinspections.inspection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.jointinspections.storage.ApplicationTable;

/**
 * One row per inspection reference, written in the transaction that starts the inspection. Its primary key is what
 * keeps a reference to one inspection when two nodes of a cluster are asked to start it at the same moment: a query
 * of the history cannot, because neither start is visible to the other until both have committed. The second insert
 * waits for the first transaction and then fails, or succeeds if the first rolled back.
 *
 * <p>References are unique ignoring case: {@code SEC-1} and {@code sec-1} are the same inspection. The row's key is the
 * reference in upper case ({@link #key}); the inspection keeps the spelling it was started with (its business key),
 * and a lookup in any spelling finds it ({@link #holder}). Rows written before, in the spelling given, are brought to
 * upper case on start; two old rows that differ only in case cannot both be, so they are left as they are and named
 * in the log.
 *
 * <p>A row whose inspection no longer exists (its history removed by cleanup or by an operator) no longer holds the
 * reference: it is taken over by compare-and-set on the old instance id, so two takeovers cannot both succeed.
 */
@Component
public class InspectionReferences {

  static final String TABLE = "INSPECTION_REFERENCE";
  private static final Logger LOG = LoggerFactory.getLogger(InspectionReferences.class);

  private final JdbcTemplate jdbc;

  public InspectionReferences(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    createTable();
    upgradeToCaseInsensitiveKeys();
  }

  /** The key a reference is held under: upper case, so that it is unique ignoring case. */
  static String key(String reference) {
    return reference.strip().toUpperCase(Locale.ROOT);
  }

  /**
   * An installation that held references in the spelling given brings them to upper case. Idempotent, and safe when
   * two nodes start at once: the second finds nothing left to change.
   */
  private void upgradeToCaseInsensitiveKeys() {
    int upgraded = jdbc.update("UPDATE " + TABLE + " SET REFERENCE_ = UPPER(REFERENCE_) WHERE REFERENCE_ <> UPPER(REFERENCE_)"
        + " AND NOT EXISTS (SELECT 1 FROM " + TABLE + " other WHERE other.REFERENCE_ = UPPER(" + TABLE + ".REFERENCE_))");
    if (upgraded > 0) {
      LOG.info("{}: {} references now held ignoring case", TABLE, upgraded);
    }
    List<String> clashing = jdbc.queryForList("SELECT REFERENCE_ FROM " + TABLE + " WHERE REFERENCE_ <> UPPER(REFERENCE_)",
        String.class);
    if (!clashing.isEmpty()) {
      LOG.warn("{}: {} references were used twice before references ignored case, for different inspections: {}."
          + " Each keeps its inspection; a new one in any spelling is refused.", TABLE, clashing.size(), clashing);
    }
  }

  /**
   * The process instance holding this reference in any spelling: the row of exactly this spelling (one of two kept
   * from before references ignored case), else the row of its key.
   */
  public Optional<String> holder(String reference) {
    if (reference == null || reference.isBlank()) {
      return Optional.empty();
    }
    List<String> exact = jdbc.queryForList("SELECT PROC_INST_ID_ FROM " + TABLE + " WHERE REFERENCE_ = ?", String.class,
        reference.strip());
    if (!exact.isEmpty()) {
      return Optional.of(exact.get(0));
    }
    return jdbc.queryForList("SELECT PROC_INST_ID_ FROM " + TABLE + " WHERE REFERENCE_ = ?", String.class, key(reference))
        .stream().findFirst();
  }

  private void createTable() {
    ApplicationTable.create(jdbc, TABLE, "REFERENCE_ VARCHAR(255) NOT NULL PRIMARY KEY, PROC_INST_ID_ VARCHAR(64) NOT NULL,"
        + " CLAIMED_AT_ TIMESTAMP NOT NULL");
  }

  /**
   * Claims the reference for the instance in the current transaction.
   *
   * @param exists whether the inspection holding a reference (by process instance id) still exists
   * @return false when another inspection holds it
   * @throws ReferenceTakenException when another transaction is claiming it and the database will not wait longer
   */
  public boolean claim(String given, String processInstanceId, Instant now, Predicate<String> exists) {
    String reference = key(given);
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

  private boolean insert(String reference, String processInstanceId, Instant now) {
    try {
      return ApplicationTable.insertUnlessKeyTaken(jdbc, "INSERT INTO " + TABLE
          + " (REFERENCE_, PROC_INST_ID_, CLAIMED_AT_) VALUES (?, ?, ?)", reference, processInstanceId,
          Timestamp.from(now));
    } catch (QueryTimeoutException | PessimisticLockingFailureException waitedTooLong) {
      // H2 gives up waiting for the other transaction after its lock timeout; PostgreSQL waits until it ends.
      throw new ReferenceTakenException(reference, "is being started by another request at this moment; try again"
          + " in a minute if that start fails.");
    }
  }
}
