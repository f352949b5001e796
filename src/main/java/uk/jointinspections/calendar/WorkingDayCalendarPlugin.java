package uk.jointinspections.calendar;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Teaches the engine's "duration" and "dueDate" business calendars the working-day notation
 * ({@code P5WD}, {@code P5WDT17:00}), and checks the working-day deadlines of every deployed diagram
 * ({@link DeadlineDiagramCheck}). The Camunda Spring Boot starter applies every {@code ProcessEnginePlugin} bean.
 */
@Component
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

  private final WorkingDays workingDays;

  public WorkingDayCalendarPlugin(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  /** Every deployment is checked for working-day deadlines that cannot work. */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPreBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPreBPMNParseListeners());
    }
    listeners.add(new DeadlineDiagramCheck());
    configuration.setCustomPreBPMNParseListeners(listeners);
  }

  /** After init, because the engine creates its default calendars during init. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    BusinessCalendarManager engineCalendars = configuration.getBusinessCalendarManager();
    BusinessCalendar duration = new WorkingDayBusinessCalendar(
        engineCalendars.getBusinessCalendar(DurationBusinessCalendar.NAME), workingDays);
    BusinessCalendar dueDate = new WorkingDayBusinessCalendar(
        engineCalendars.getBusinessCalendar(DueDateBusinessCalendar.NAME), workingDays);
    configuration.setBusinessCalendarManager(name -> {
      if (DurationBusinessCalendar.NAME.equals(name)) {
        return duration;
      }
      if (DueDateBusinessCalendar.NAME.equals(name)) {
        return dueDate;
      }
      return engineCalendars.getBusinessCalendar(name);
    });
  }

  @Override
  public String toString() {
    return "WorkingDayCalendarPlugin";
  }
}
