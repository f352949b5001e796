package uk.jointinspections.testkit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * The engine's clock in the inspections' own time: London local date-times ("2027-02-26T10:00"), since every deadline
 * is a London working day and a test that wrote UTC instants would be an hour out half the year.
 */
public final class EngineClock {

  private EngineClock() {
  }

  /** The instant of a London local date-time such as "2027-02-26T10:00". */
  public static Date at(String londonDateTime) {
    return at(LocalDateTime.parse(londonDateTime));
  }

  public static Date at(LocalDate date, LocalTime time) {
    return at(date.atTime(time));
  }

  public static Date at(LocalDateTime londonDateTime) {
    return Date.from(londonDateTime.atZone(WorkingDayCalendar.LONDON).toInstant());
  }

  /** Sets the engine clock to a London local date-time such as "2027-02-26T10:00". */
  public static void set(String londonDateTime) {
    ClockUtil.setCurrentTime(at(londonDateTime));
  }

  public static void set(LocalDate date, LocalTime time) {
    ClockUtil.setCurrentTime(at(date, time));
  }

  public static void set(LocalDateTime londonDateTime) {
    ClockUtil.setCurrentTime(at(londonDateTime));
  }

  /** The engine clock's date in London. */
  public static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
  }

  /** Back to real time. */
  public static void reset() {
    ClockUtil.reset();
  }
}
