package uk.jointinspections.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import uk.jointinspections.storage.ApplicationTable;

/**
 * The requested notifications, one row per key, written in the transaction of the step that causes them, next to the
 * job that sends each one ({@link NotificationJobHandler}). The primary key makes a request idempotent (a second
 * request of a key is refused), where a history query per request did it when each notification was a process
 * instance. Whether it was sent is {@link NotificationSendLog}'s row of the same key.
 */
@Component
public class NotificationStore {

  static final String TABLE = "INSPECTION_NOTIFICATION";
  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() { };
  private static final String SELECT = "SELECT N.KEY_, N.PROC_INST_ID_, N.ACT_ID_, N.REFERENCE_, N.VARIABLES_,"
      + " N.REQUESTED_AT_, S.SENT_AT_ FROM " + TABLE + " N LEFT JOIN " + NotificationSendLog.TABLE
      + " S ON S.BUSINESS_KEY_ = N.KEY_ ";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json = new ObjectMapper();

  /** @param sendLog taken so that its table, which {@link #find} joins, exists first */
  public NotificationStore(JdbcTemplate jdbc, NotificationSendLog sendLog) {
    this.jdbc = jdbc;
    createTable();
  }

  private void createTable() {
    ApplicationTable.create(jdbc, TABLE, "KEY_ VARCHAR(255) NOT NULL PRIMARY KEY, PROC_INST_ID_ VARCHAR(64),"
        + " ACT_ID_ VARCHAR(255), REFERENCE_ VARCHAR(255), VARIABLES_ VARCHAR(200000), REQUESTED_AT_ TIMESTAMP NOT NULL");
  }

  /** Records the notification in the current transaction; false when its key was requested before. */
  boolean add(Notification notification) {
    return ApplicationTable.insertUnlessKeyTaken(jdbc, "INSERT INTO " + TABLE
            + " (KEY_, PROC_INST_ID_, ACT_ID_, REFERENCE_, VARIABLES_, REQUESTED_AT_) VALUES (?, ?, ?, ?, ?, ?)",
        notification.key(), notification.processInstanceId(), notification.activityId(),
        notification.inspectionReference(), write(notification.variables()), Timestamp.from(notification.requestedAt()));
  }

  public Optional<Notification> find(String key) {
    return jdbc.query(SELECT + "WHERE N.KEY_ = ?", rows, key).stream().findFirst();
  }

  /** The notifications of one inspection (its reference), oldest first. */
  public List<Notification> ofInspection(String reference) {
    return jdbc.query(SELECT + "WHERE N.REFERENCE_ = ? ORDER BY N.REQUESTED_AT_, N.KEY_", rows, reference);
  }

  /** The notifications whose key starts with {@code prefix}, e.g. a task's ({@code taskId:}) or a concern's. */
  public List<Notification> withKeyPrefix(String prefix) {
    String escaped = prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return jdbc.query(SELECT + "WHERE N.KEY_ LIKE ? ESCAPE '!' ORDER BY N.REQUESTED_AT_, N.KEY_", rows,
        escaped + "%");
  }

  private final RowMapper<Notification> rows = this::row;

  private Notification row(ResultSet row, int number) throws SQLException {
    Timestamp sent = row.getTimestamp("SENT_AT_");
    return new Notification(row.getString("KEY_"), row.getString("PROC_INST_ID_"), row.getString("ACT_ID_"),
        row.getString("REFERENCE_"), read(row.getString("VARIABLES_")), row.getTimestamp("REQUESTED_AT_").toInstant(),
        sent == null ? null : sent.toInstant());
  }

  private String write(Map<String, Object> variables) {
    try {
      return json.writeValueAsString(variables);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A notification's record holds text, numbers and flags only", e);
    }
  }

  private Map<String, Object> read(String variables) {
    try {
      return json.readValue(variables, VARIABLES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable notification record: " + variables, e);
    }
  }
}
