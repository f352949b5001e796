package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

  private static final LocalTime HALF_NINE = LocalTime.of(9, 30);

  private static WorkingDayCalendar calendar;

  @BeforeAll
  static void load() {
    calendar = new BankHolidaySources(new CalendarProperties(null)).load();
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      // Easter 2024: Good Friday 29 March, Easter Monday 1 April
      "2024-03-28, 1, 2024-04-02",
      "2024-03-28, 0, 2024-03-28",
      "2024-03-29, 0, 2024-04-02",
      "2024-03-30, 1, 2024-04-03",
      "2024-04-02, -1, 2024-03-28",
      "2024-03-27, 2, 2024-04-02",
      // Christmas 2021: 25/26 at the weekend, substitutes 27 and 28; New Year substitute Monday 3 January 2022
      "2021-12-24, 1, 2021-12-29",
      "2021-12-24, 3, 2021-12-31",
      "2021-12-24, 4, 2022-01-04",
      "2022-01-04, -4, 2021-12-24",
      "2021-12-25, 0, 2021-12-29",
      "2021-12-25, -1, 2021-12-24",
      // Christmas 2024 and New Year's Day 2025 midweek
      "2024-12-24, 1, 2024-12-27",
      "2024-12-24, 4, 2025-01-02",
      "2025-01-02, -4, 2024-12-24",
      // Christmas 2027: both substitutes; New Year 2028 on a Saturday, substitute Monday 3 January
      "2027-12-24, 1, 2027-12-29",
      "2027-12-31, 1, 2028-01-04",
      // 29 February
      "2024-02-28, 1, 2024-02-29",
      "2024-02-29, 1, 2024-03-01",
      "2024-03-01, -1, 2024-02-29",
      "2028-02-28, 1, 2028-02-29",
      "2028-02-26, 1, 2028-02-29",
      // a weekend reference date: day 0 is the Monday
      "2024-06-15, 0, 2024-06-17",
      "2024-06-15, 1, 2024-06-18",
      "2024-06-15, -1, 2024-06-14",
      // a framework-sized addition across the spring and summer holidays of 2025
      "2025-05-01, 43, 2025-07-03",
  })
  void adds(LocalDate reference, int days, LocalDate expected) {
    assertThat(calendar.add(reference, days)).isEqualTo(expected);
    assertThat(calendar.subtract(reference, -days)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} .. {1} = {2}")
  @CsvSource({
      "2021-12-24, 2022-01-04, 4",
      "2022-01-04, 2021-12-24, -4",
      "2024-03-28, 2024-04-02, 1",
      "2024-02-28, 2024-03-01, 2",
      "2028-02-25, 2028-03-01, 3",
      "2024-06-14, 2024-06-14, 0",
      "2024-06-15, 2024-06-17, 1",
      "2024-06-14, 2024-06-16, 0",
      "2024-01-01, 2024-12-31, 254",
  })
  void counts(LocalDate from, LocalDate to, int expected) {
    assertThat(calendar.countBetween(from, to)).isEqualTo(expected);
  }

  @Test
  void timesOfDayStayLondonTimesAcrossTheClockChanges() {
    // Clocks go forward on Sunday 31 March 2024, back on Sunday 27 October 2024.
    ZonedDateTime beforeSpring = calendar.deadline(LocalDate.parse("2024-03-27"), 0, HALF_NINE);
    ZonedDateTime afterSpring = calendar.deadline(LocalDate.parse("2024-03-27"), 2, HALF_NINE);
    assertThat(beforeSpring.toInstant()).isEqualTo(Instant.parse("2024-03-27T09:30:00Z"));
    assertThat(afterSpring.toInstant()).isEqualTo(Instant.parse("2024-04-02T08:30:00Z"));
    assertThat(afterSpring.toLocalDateTime()).hasToString("2024-04-02T09:30");
    assertThat(afterSpring.getOffset()).isEqualTo(ZoneOffset.ofHours(1));

    ZonedDateTime beforeAutumn = calendar.deadline(LocalDate.parse("2024-10-25"), 0, HALF_NINE);
    ZonedDateTime afterAutumn = calendar.deadline(LocalDate.parse("2024-10-25"), 1, HALF_NINE);
    assertThat(beforeAutumn.toInstant()).isEqualTo(Instant.parse("2024-10-25T08:30:00Z"));
    assertThat(afterAutumn.toInstant()).isEqualTo(Instant.parse("2024-10-28T09:30:00Z"));
    assertThat(afterAutumn.toLocalTime()).isEqualTo(HALF_NINE);
  }

  @Test
  void endOfDayIsOneMinuteToMidnightLondonTime() {
    assertThat(calendar.deadline(LocalDate.parse("2024-07-01"), 1, null).toInstant())
        .isEqualTo(Instant.parse("2024-07-02T22:59:00Z"));
    assertThat(calendar.deadline(LocalDate.parse("2024-12-24"), 1, null).toInstant())
        .isEqualTo(Instant.parse("2024-12-27T23:59:00Z"));
  }

  @Test
  void additionsAgreeWithADayByDayWalkOverTheHolidayList() {
    Random random = new Random(20240229);
    LocalDate first = LocalDate.of(2001, 1, 1);
    for (int i = 0; i < 20_000; i++) {
      LocalDate reference = first.plusDays(random.nextInt(365 * 97));
      int days = random.nextInt(401) - 200;
      assertThat(calendar.add(reference, days)).as("%s %+d", reference, days).isEqualTo(walk(reference, days));
    }
  }

  @Test
  void countingUndoesAddingFromAWorkingDay() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      LocalDate reference = calendar.add(LocalDate.of(2012, 1, 1).plusDays(random.nextInt(365 * 18)), 0);
      int days = random.nextInt(2001) - 1000;
      assertThat(calendar.countBetween(reference, calendar.add(reference, days))).isEqualTo(days);
    }
  }

  @Test
  void rejectsDatesOutsideTheSupportedYears() {
    assertThatThrownBy(() -> calendar.add(LocalDate.parse("1999-12-31"), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1999-12-31").hasMessageContaining("2000–2099");
    assertThatThrownBy(() -> calendar.add(LocalDate.parse("2099-12-28"), 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the supported years");
    assertThatThrownBy(() -> calendar.add(LocalDate.parse("2000-01-04"), -5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the supported years");
    assertThatThrownBy(() -> calendar.countBetween(LocalDate.parse("2024-01-01"), LocalDate.parse("2100-01-01")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to 2100-01-01");
    assertThatThrownBy(() -> calendar.holidaysIn(1999)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("year 1999");
    assertThat(calendar.add(LocalDate.parse("2099-12-30"), 1)).isEqualTo(LocalDate.parse("2099-12-31"));
    // 3 January 2000 is the New Year's Day substitute, so 4 January is the first working day of the range.
    assertThatThrownBy(() -> calendar.add(LocalDate.parse("2000-01-04"), -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(calendar.add(LocalDate.parse("2000-01-05"), -1)).isEqualTo(LocalDate.parse("2000-01-04"));
  }

  /** The definition, one calendar day at a time, using only the weekday and the holiday list. */
  private static LocalDate walk(LocalDate reference, int days) {
    LocalDate day = reference;
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    int step = days < 0 ? -1 : 1;
    for (int remaining = Math.abs(days); remaining > 0; ) {
      day = day.plusDays(step);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return day;
  }

  private static boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
        && calendar.holidayOn(date).isEmpty();
  }
}
