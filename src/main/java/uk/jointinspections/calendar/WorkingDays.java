package uk.jointinspections.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The application's one working-day calendar: the deadline expressions, the working-day business
 * calendar of the engine and the REST API all go through this component. It holds the current
 * {@link WorkingDayCalendar} and replaces it whole on {@link #reload()}.
 */
@Component
public class WorkingDays {

  private final BankHolidaySources sources;
  private volatile WorkingDayCalendar calendar;

  /** Fails, and with it the start of the application, when a holiday file cannot be read or parsed. */
  public WorkingDays(BankHolidaySources sources) {
    this.sources = sources;
    this.calendar = sources.load();
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }

  /**
   * Reads the holiday sources again and swaps the new calendar in once it is complete; on failure
   * the calendar in use is unchanged.
   */
  public synchronized WorkingDayCalendar reload() {
    WorkingDayCalendar fresh = sources.load();
    calendar = fresh;
    return fresh;
  }

  public boolean isWorkingDay(LocalDate date) {
    return calendar.isWorkingDay(date);
  }

  public LocalDate add(LocalDate reference, int workingDays) {
    return calendar.add(reference, workingDays);
  }

  public int countBetween(LocalDate from, LocalDate to) {
    return calendar.countBetween(from, to);
  }

  public List<BankHoliday> holidaysIn(int year) {
    return calendar.holidaysIn(year);
  }

  /** Working day {@code day} of an inspection whose day 0 is {@code reference}; end of day when {@code timeOfDay} is null. */
  public ZonedDateTime deadline(LocalDate reference, int day, LocalTime timeOfDay) {
    return calendar.deadline(reference, day, timeOfDay);
  }

  /** {@code workingDays} working days after the London date of {@code moment}; end of day when {@code timeOfDay} is null. */
  public ZonedDateTime deadlineAfter(Instant moment, int workingDays, LocalTime timeOfDay) {
    return calendar.deadline(moment.atZone(WorkingDayCalendar.LONDON).toLocalDate(), workingDays, timeOfDay);
  }
}
