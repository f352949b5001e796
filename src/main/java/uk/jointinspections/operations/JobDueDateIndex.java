package uk.jointinspections.operations;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index Camunda recommends when the job executor acquires by due date ({@code
 * job-executor-acquire-by-due-date}): without it, every acquisition of every node sorts the due rows of
 * ACT_RU_JOB. Camunda's schema does not have it, so it is created at start-up, idempotently ({@code create index if
 * not exists}), after the engine has created or updated its schema. Several nodes starting at once may race to
 * create it; the loser finds it there. On databases other than PostgreSQL and H2 a DBA creates it; the log says how.
 */
@Component
public class JobDueDateIndex implements ApplicationRunner {

  static final Logger LOG = LoggerFactory.getLogger(JobDueDateIndex.class);
  public static final String NAME = "ACT_IDX_JOB_DUEDATE";
  static final String CREATE = "CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_JOB (DUEDATE_)";

  private final ProcessEngine engine;
  private final DataSource dataSource;

  public JobDueDateIndex(ProcessEngine engine, DataSource dataSource) {
    this.engine = engine;
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    if (!((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJobExecutorAcquireByDueDate()) {
      return;
    }
    String database;
    try (Connection connection = dataSource.getConnection()) {
      database = connection.getMetaData().getDatabaseProductName();
    }
    if (!database.equals("PostgreSQL") && !database.equals("H2")) {
      LOG.warn("The job executor acquires by due date; create its index on {}: {}", database, CREATE);
      return;
    }
    try {
      new JdbcTemplate(dataSource).execute(CREATE);
    } catch (RuntimeException raced) {
      if (!exists()) {
        throw raced;
      }
    }
  }

  /** Whether ACT_RU_JOB has the index, by the catalogue's (case-insensitive) name. */
  public boolean exists() throws SQLException {
    try (Connection connection = dataSource.getConnection();
         var indexes = connection.getMetaData().getIndexInfo(null, null,
             connection.getMetaData().storesLowerCaseIdentifiers() ? "act_ru_job" : "ACT_RU_JOB", false, false)) {
      while (indexes.next()) {
        if (NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }
}
