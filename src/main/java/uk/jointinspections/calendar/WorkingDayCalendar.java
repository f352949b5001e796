package uk.jointinspections.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * England &amp; Wales working days for the years {@value #FIRST_YEAR}–{@value #LAST_YEAR}: Monday to
 * Friday, less the bank holidays given at construction. Immutable, so that a reload can build a new
 * one completely and swap it in while requests keep using the old one.
 *
 * <p>Counting convention (the frameworks' day-numbered tables, taken literally): the reference date
 * is day 0 and day N is the Nth working day after it; when the reference date is not a working day,
 * day 0 is the next working day. Negative N counts backwards from that day 0.
 *
 * <p>Every working day is numbered once at construction, so that additions, subtractions and counts
 * are two array look-ups rather than a walk over the calendar.
 */
public final class WorkingDayCalendar {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  /** "By the end of the day" and bare dates mean this time, London time, on the working day. */
  public static final LocalTime END_OF_DAY = LocalTime.of(23, 59);
  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2099;
  public static final LocalDate FIRST_DATE = LocalDate.of(FIRST_YEAR, 1, 1);
  public static final LocalDate LAST_DATE = LocalDate.of(LAST_YEAR, 12, 31);

  private static final long FIRST_EPOCH_DAY = FIRST_DATE.toEpochDay();
  private static final int DAYS_IN_RANGE = (int) (LAST_DATE.toEpochDay() - FIRST_EPOCH_DAY + 1);

  /** Index: days since {@link #FIRST_DATE}; value: working days strictly before that day. One extra slot at the end. */
  private final int[] workingDaysBefore;
  /** Index: working-day ordinal (0 = first working day of the range); value: days since {@link #FIRST_DATE}. */
  private final int[] workingDayOffsets;
  private final NavigableMap<LocalDate, BankHoliday> holidays;

  private WorkingDayCalendar(NavigableMap<LocalDate, BankHoliday> holidays) {
    this.holidays = Collections.unmodifiableNavigableMap(holidays);
    this.workingDaysBefore = new int[DAYS_IN_RANGE + 1];
    int[] offsets = new int[DAYS_IN_RANGE];
    int workingDays = 0;
    for (int offset = 0; offset < DAYS_IN_RANGE; offset++) {
      workingDaysBefore[offset] = workingDays;
      LocalDate date = LocalDate.ofEpochDay(FIRST_EPOCH_DAY + offset);
      if (!isWeekend(date) && !holidays.containsKey(date)) {
        offsets[workingDays++] = offset;
      }
    }
    workingDaysBefore[DAYS_IN_RANGE] = workingDays;
    this.workingDayOffsets = Arrays.copyOf(offsets, workingDays);
  }

  /**
   * @param holidays bank holidays, at most one per date; dates outside the supported years are ignored
   */
  public static WorkingDayCalendar of(Collection<BankHoliday> holidays) {
    NavigableMap<LocalDate, BankHoliday> byDate = new TreeMap<>();
    for (BankHoliday holiday : holidays) {
      if (isSupported(holiday.date()) && byDate.put(holiday.date(), holiday) != null) {
        throw new IllegalArgumentException("Two bank holidays on " + holiday.date() + "; merge them before building the calendar");
      }
    }
    return new WorkingDayCalendar(byDate);
  }

  public static boolean isSupported(LocalDate date) {
    return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
  }

  public boolean isWorkingDay(LocalDate date) {
    int offset = offsetOf(date, "date");
    return workingDaysBefore[offset + 1] != workingDaysBefore[offset];
  }

  /**
   * Working day {@code workingDays} counted from {@code reference} as day 0 (see the class comment).
   *
   * @throws IllegalArgumentException if the reference date or the result is outside the supported years
   */
  public LocalDate add(LocalDate reference, int workingDays) {
    int dayZero = workingDaysBefore[offsetOf(reference, "reference date")];
    long ordinal = (long) dayZero + workingDays;
    if (ordinal < 0 || ordinal >= workingDayOffsets.length) {
      throw new IllegalArgumentException("Working day " + workingDays + " from " + reference
          + " falls outside the supported years " + FIRST_YEAR + "–" + LAST_YEAR);
    }
    return LocalDate.ofEpochDay(FIRST_EPOCH_DAY + workingDayOffsets[(int) ordinal]);
  }

  public LocalDate subtract(LocalDate reference, int workingDays) {
    return add(reference, Math.negateExact(workingDays));
  }

  /**
   * Working days after {@code from} up to and including {@code to}; negative, with the same
   * magnitude as the reverse count, when {@code to} is before {@code from}. For a working day
   * {@code from}, {@code add(from, countBetween(from, to))} is the last working day on or before {@code to}.
   */
  public int countBetween(LocalDate from, LocalDate to) {
    return workingDaysBefore[offsetOf(to, "to") + 1] - workingDaysBefore[offsetOf(from, "from") + 1];
  }

  /** The moment of working day {@code day} from {@code reference}, at {@code timeOfDay} London time (end of day when null). */
  public ZonedDateTime deadline(LocalDate reference, int day, LocalTime timeOfDay) {
    return atLondonTime(add(reference, day), timeOfDay);
  }

  public static ZonedDateTime atLondonTime(LocalDate date, LocalTime timeOfDay) {
    return ZonedDateTime.of(date, timeOfDay == null ? END_OF_DAY : timeOfDay, LONDON);
  }

  public List<BankHoliday> holidaysIn(int year) {
    requireSupportedYear(year);
    return List.copyOf(holidays.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
  }

  public Optional<BankHoliday> holidayOn(LocalDate date) {
    return Optional.ofNullable(holidays.get(date));
  }

  public int holidayCount() {
    return holidays.size();
  }

  public static void requireSupportedYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException("year " + year + " is outside the supported years " + FIRST_YEAR + "–" + LAST_YEAR);
    }
  }

  private static int offsetOf(LocalDate date, String what) {
    if (date == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    long offset = date.toEpochDay() - FIRST_EPOCH_DAY;
    if (offset < 0 || offset >= DAYS_IN_RANGE) {
      throw new IllegalArgumentException(what + " " + date + " is outside the supported years " + FIRST_YEAR + "–" + LAST_YEAR);
    }
    return (int) offset;
  }

  private static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }

  @Override
  public String toString() {
    return "WorkingDayCalendar[" + FIRST_YEAR + "–" + LAST_YEAR + ", " + holidays.size() + " bank holidays]";
  }
}
