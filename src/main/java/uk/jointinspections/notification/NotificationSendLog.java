package uk.jointinspections.notification;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.jointinspections.storage.ApplicationTable;

/**
 * One row per notification business key, written in the sending job's transaction before the e-mail goes out. The
 * primary key is the guard that makes sending idempotent across nodes: when a job's lock expires while its first
 * executor is still sending, the second executor's insert waits on the first's uncommitted row and then fails, so it
 * never sends; when the first executor dies before committing, its row rolls back and the second one sends.
 */
@Component
public class NotificationSendLog {

  static final String TABLE = "INSPECTION_NOTIFICATION_SENT";

  private final JdbcTemplate jdbc;

  public NotificationSendLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    createTable();
  }

  private void createTable() {
    ApplicationTable.create(jdbc, TABLE, "BUSINESS_KEY_ VARCHAR(255) NOT NULL PRIMARY KEY, SENT_AT_ TIMESTAMP NOT NULL");
  }

  /** Claims the key in the current transaction; false when another transaction already sent (or is sending) it. */
  public boolean claim(String businessKey, Instant now) {
    return ApplicationTable.insertUnlessKeyTaken(jdbc, "INSERT INTO " + TABLE + " (BUSINESS_KEY_, SENT_AT_) VALUES (?, ?)",
        businessKey, Timestamp.from(now));
  }
}
