package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The calendar against every England &amp; Wales bank holiday the government published for 2012–2028. */
class PublishedBankHolidaysTest {

  private static final String FIXTURE = "/calendar/england-and-wales-bank-holidays-2012-2028.txt";

  private static Map<Integer, Set<LocalDate>> publishedByYear;
  private static WorkingDayCalendar calendar;

  @BeforeAll
  static void load() throws IOException {
    publishedByYear = new TreeMap<>();
    try (InputStream in = PublishedBankHolidaysTest.class.getResourceAsStream(FIXTURE)) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> LocalDate.parse(line.substring(0, 10)))
          .forEach(date -> publishedByYear.computeIfAbsent(date.getYear(), y -> new TreeSet<>()).add(date));
    }
    calendar = new BankHolidaySources(new CalendarProperties(null)).load();
  }

  static Stream<Integer> years() {
    return IntStream.rangeClosed(2012, 2028).boxed();
  }

  @Test
  void fixtureCoversEveryYearAndOnlyWeekdays() {
    assertThat(publishedByYear.keySet()).containsExactlyElementsOf(years().toList());
    assertThat(publishedByYear.values().stream().flatMap(Set::stream))
        .hasSize(140)
        .allSatisfy(date -> assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("years")
  void calendarHasExactlyThePublishedHolidays(int year) {
    Set<LocalDate> holidays = calendar.holidaysIn(year).stream().map(BankHoliday::date)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(holidays).containsExactlyElementsOf(publishedByYear.get(year));
    publishedByYear.get(year).forEach(date -> assertThat(calendar.isWorkingDay(date)).as("%s", date).isFalse());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("years")
  void jollydayAloneProducesThePublishedHolidays(int year) {
    Set<LocalDate> holidays = new JollydayBankHolidays().holidays(year, year).stream().map(BankHoliday::date)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(holidays).containsExactlyElementsOf(publishedByYear.get(year));
  }

  @Test
  void substituteAndOneOffHolidaysAreThere() {
    List<LocalDate> specials = Stream.of("2012-06-04", "2012-06-05", "2020-05-08", "2021-12-27", "2021-12-28",
        "2022-06-02", "2022-06-03", "2022-09-19", "2022-12-26", "2022-12-27", "2023-05-08", "2027-12-27", "2027-12-28")
        .map(LocalDate::parse).toList();
    assertThat(specials).noneMatch(calendar::isWorkingDay);
    assertThat(calendar.holidayOn(LocalDate.parse("2021-12-27")).orElseThrow().name()).contains("substitute");
    // The days the one-off holidays replaced are ordinary working days.
    assertThat(Stream.of("2012-05-28", "2020-05-04", "2022-05-30").map(LocalDate::parse)).allMatch(calendar::isWorkingDay);
  }

  @Test
  void goldenJubilee2002IsCorrectedOverJollyday() {
    assertThat(calendar.holidaysIn(2002)).extracting(BankHoliday::date).containsExactly(
        LocalDate.parse("2002-01-01"), LocalDate.parse("2002-03-29"), LocalDate.parse("2002-04-01"),
        LocalDate.parse("2002-05-06"), LocalDate.parse("2002-06-03"), LocalDate.parse("2002-06-04"),
        LocalDate.parse("2002-08-26"), LocalDate.parse("2002-12-25"), LocalDate.parse("2002-12-26"));
  }
}
