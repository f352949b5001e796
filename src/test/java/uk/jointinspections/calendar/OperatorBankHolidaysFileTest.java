package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator's file in the format of gov.uk's bank-holidays.json, merged with the library's holidays. */
class OperatorBankHolidaysFileTest {

  private static final LocalDate FRIDAY = LocalDate.parse("2026-06-12");
  private static final LocalDate MONDAY = LocalDate.parse("2026-06-15");
  private static final LocalDate TUESDAY = LocalDate.parse("2026-06-16");

  @TempDir
  Path dir;

  @Test
  void aNewHolidayInTheFileMovesADeadline() throws IOException {
    Path file = write("bank-holidays.json", governmentFormat("""
        {"title": "Early May bank holiday", "date": "2026-05-04", "notes": "", "bunting": true},
        {"title": "World Cup bank holiday", "date": "2026-06-15", "notes": "", "bunting": true}"""));
    WorkingDayCalendar withoutFile = new BankHolidaySources(new CalendarProperties(null)).load();
    WorkingDayCalendar withFile = new BankHolidaySources(new CalendarProperties(file.toString())).load();

    assertThat(withoutFile.add(FRIDAY, 1)).isEqualTo(MONDAY);
    assertThat(withFile.add(FRIDAY, 1)).isEqualTo(TUESDAY);
    assertThat(withFile.holidayOn(MONDAY)).contains(new BankHoliday(MONDAY, "World Cup bank holiday"));
    assertThat(withFile.holidayCount()).isEqualTo(withoutFile.holidayCount() + 1);
  }

  @Test
  void theOtherDivisionsOfTheGovernmentFileAreNotRead() throws IOException {
    Path file = write("bank-holidays.json", """
        {"england-and-wales": {"division": "england-and-wales", "events": []},
         "scotland": {"division": "scotland", "events": [{"title": "St Andrew's Day", "date": "2026-11-30", "notes": "", "bunting": true}]}}
        """);
    WorkingDayCalendar calendar = new BankHolidaySources(new CalendarProperties(file.toString())).load();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-11-30"))).isTrue();
  }

  @Test
  void reloadSwapsInTheNewCalendarOnlyWhenTheFileIsGood() throws IOException {
    Path file = write("bank-holidays.json", governmentFormat(""));
    WorkingDays workingDays = new WorkingDays(new BankHolidaySources(new CalendarProperties(file.toString())));
    assertThat(workingDays.add(FRIDAY, 1)).isEqualTo(MONDAY);

    write("bank-holidays.json", governmentFormat("""
        {"title": "World Cup bank holiday", "date": "2026-06-15", "notes": "", "bunting": true}"""));
    workingDays.reload();
    assertThat(workingDays.add(FRIDAY, 1)).isEqualTo(TUESDAY);

    WorkingDayCalendar inUse = workingDays.calendar();
    write("bank-holidays.json", "{\"england-and-wales\": {\"events\": [");
    assertThatThrownBy(workingDays::reload).isInstanceOf(BankHolidayFileException.class)
        .hasMessageContaining(file.toString());
    assertThat(workingDays.calendar()).isSameAs(inUse);
    assertThat(workingDays.add(FRIDAY, 1)).isEqualTo(TUESDAY);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      truncated JSON      | {"england-and-wales": {"events": [                                         | is not valid JSON
      not an object       | ["2026-06-15"]                                                              | must be a JSON object
      empty file          | ''                                                                          | is empty
      no division         | {"scotland": {"division": "scotland", "events": []}}                       | has no "england-and-wales" division (found: scotland)
      no events           | {"england-and-wales": {"division": "england-and-wales"}}                   | has no "events" list
      impossible date     | {"england-and-wales": {"events": [{"title": "X", "date": "2026-13-28"}]}}  | event 1 of "england-and-wales" has the date "2026-13-28", which is not a date in the form YYYY-MM-DD
      British date        | {"england-and-wales": {"events": [{"title": "X", "date": "28/12/2026"}]}}  | has the date "28/12/2026"
      date missing        | {"england-and-wales": {"events": [{"title": "X"}]}}                        | event 1 of "england-and-wales" has no "date"
      title missing       | {"england-and-wales": {"events": [{"date": "2026-12-28"}]}}                | (2026-12-28) has no "title"
      """)
  void aFileThatCannotBeUsedFailsWithTheFileAndTheProblemNamed(String what, String content, String problem) throws IOException {
    Path file = write("broken.json", content);
    assertThatThrownBy(() -> new BankHolidaySources(new CalendarProperties(file.toString())).load())
        .isInstanceOf(BankHolidayFileException.class)
        .hasMessageStartingWith("Bank holidays file " + file.toAbsolutePath())
        .hasMessageContaining(problem);
  }

  @Test
  void aMissingFileFailsWithTheFileNamed() {
    Path missing = dir.resolve("nowhere.json");
    assertThatThrownBy(() -> new WorkingDays(new BankHolidaySources(new CalendarProperties(missing.toString()))))
        .isInstanceOf(BankHolidayFileException.class)
        .hasMessage("Bank holidays file " + missing.toAbsolutePath() + ": cannot be read: there is no such file");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  static String governmentFormat(String events) {
    return """
        {"england-and-wales": {"division": "england-and-wales", "events": [%s]},
         "scotland": {"division": "scotland", "events": []},
         "northern-ireland": {"division": "northern-ireland", "events": []}}
        """.formatted(events);
  }
}
