package uk.jointinspections.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A process engine without Spring, wired like the application's: the {@code deadlines} bean and the
 * working-day plugin over the given calendar, the job executor off so that tests move the clock.
 */
final class CalendarTestEngine {

  private CalendarTestEngine() {
  }

  static ProcessEngine start(String name, WorkingDays workingDays) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setBeans(Map.of("deadlines", new Deadlines(workingDays)));
    List<ProcessEnginePlugin> plugins = new ArrayList<>(configuration.getProcessEnginePlugins());
    plugins.add(new WorkingDayCalendarPlugin(workingDays));
    configuration.setProcessEnginePlugins(plugins);
    return configuration.buildProcessEngine();
  }
}
