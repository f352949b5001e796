package uk.jointinspections.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A notification's record (recipient, subject, what the body is composed from; for a concern, a senior officer's
 * address) is kept as long as the history of the instance that caused it, and no longer: once the engine's history
 * cleanup has removed that instance ({@code history-time-to-live}, six years), its rows in {@link NotificationStore}
 * and {@link NotificationSendLog} go too. Runs on every node, each morning after the cleanup window; the deletes are
 * idempotent, so nodes doing it at once only find less to delete. Send-log keys without a stored notification (the
 * notification process's, before notifications were jobs) are not touched: that instance still guards its key.
 */
@Component
public class NotificationRetention {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationRetention.class);
  /** The stored notifications whose instance neither runs nor has history any more. */
  private static final String GONE = "N.PROC_INST_ID_ IS NOT NULL"
      + " AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION E WHERE E.PROC_INST_ID_ = N.PROC_INST_ID_)"
      + " AND NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST P WHERE P.PROC_INST_ID_ = N.PROC_INST_ID_)";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  public NotificationRetention(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  @Scheduled(cron = "${inspection.notification.retention-cron}", zone = "Europe/London")
  void removeExpiredOnSchedule() {
    try {
      int removed = removeExpired();
      if (removed > 0) {
        LOG.info("Removed the records of {} notifications whose instances' history has been cleaned up", removed);
      }
    } catch (DataAccessException e) {
      // Another node deleting the same rows at the same moment, or the database briefly away: tomorrow's run retries.
      LOG.warn("Could not remove expired notification records; the next run tries again: {}", e.toString());
    }
  }

  /** Deletes the expired records in one transaction; how many notifications went. */
  public int removeExpired() {
    Integer removed = transaction.execute(status -> {
      jdbc.update("DELETE FROM " + NotificationSendLog.TABLE + " WHERE BUSINESS_KEY_ IN (SELECT N.KEY_ FROM "
          + NotificationStore.TABLE + " N WHERE " + GONE + ")");
      return jdbc.update("DELETE FROM " + NotificationStore.TABLE + " N WHERE " + GONE);
    });
    return removed == null ? 0 : removed;
  }
}
