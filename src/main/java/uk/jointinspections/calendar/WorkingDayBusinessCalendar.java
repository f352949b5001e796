package uk.jointinspections.calendar;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * One of the engine's business calendars ("duration" for timeDuration timers, "dueDate" for
 * timeDate timers and task due/follow-up dates), taught the {@link WorkingDayDuration} notation.
 * Anything else goes to the engine's own calendar unchanged.
 */
final class WorkingDayBusinessCalendar implements BusinessCalendar {

  private final BusinessCalendar engineCalendar;
  private final WorkingDays workingDays;

  WorkingDayBusinessCalendar(BusinessCalendar engineCalendar, WorkingDays workingDays) {
    this.engineCalendar = engineCalendar;
    this.workingDays = workingDays;
  }

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  /** @param startDate the timer's creation time when the engine recalculates from it; otherwise null, meaning now */
  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    Optional<WorkingDayDuration> duration = parse(duedateDescription);
    if (duration.isEmpty()) {
      return engineCalendar.resolveDuedate(duedateDescription, startDate);
    }
    return after(startDate == null ? ClockUtil.getCurrentTime() : startDate, duration.get());
  }

  /** Counts from the task's creation, so that recalculating an open task's due date gives the same day. */
  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    Optional<WorkingDayDuration> duration = parse(duedateDescription);
    if (duration.isEmpty()) {
      return engineCalendar.resolveDuedate(duedateDescription, task);
    }
    Date created = task == null ? null : task.getCreateTime();
    return after(created == null ? ClockUtil.getCurrentTime() : created, duration.get());
  }

  private Date after(Date start, WorkingDayDuration duration) {
    try {
      return Date.from(workingDays.deadlineAfter(start.toInstant(), duration.workingDays(), duration.timeOfDay()).toInstant());
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("Cannot resolve working-day duration " + duration + ": " + e.getMessage(), e);
    }
  }

  private static Optional<WorkingDayDuration> parse(String description) {
    try {
      return WorkingDayDuration.parse(description);
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(e.getMessage(), e);
    }
  }
}
