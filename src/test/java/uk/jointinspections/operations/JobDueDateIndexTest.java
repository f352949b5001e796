package uk.jointinspections.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.jointinspections.EngineTest;

/**
 * The index on ACT_RU_JOB(DUEDATE_) that acquiring by due date needs: there after start-up when the setting is on,
 * created again without error (a second node, a restart), on H2 and, in the failsafe run, on PostgreSQL.
 */
@EngineTest
class JobDueDateIndexTest {

  @Autowired ProcessEngine engine;
  @Autowired JobDueDateIndex index;
  @Autowired DataSource dataSource;

  @Test
  void theDueDateIndexIsThereWhenJobsAreAcquiredByDueDateAndCreatingItAgainIsHarmless() throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    boolean configured = configuration.isJobExecutorAcquireByDueDate();
    if (configured) {
      assertThat(index.exists()).as("created at start-up").isTrue();
    }
    try {
      configuration.setJobExecutorAcquireByDueDate(true);
      index.run(null);
      index.run(null);
      assertThat(index.exists()).isTrue();
    } finally {
      configuration.setJobExecutorAcquireByDueDate(configured);
    }

    try (Connection connection = dataSource.getConnection()) {
      if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        assertThat(new JdbcTemplate(dataSource).queryForObject(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'act_ru_job' AND indexname = 'act_idx_job_duedate'",
            String.class)).containsIgnoringCase("(duedate_)");
      }
    }
  }
}
