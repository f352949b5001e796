package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import uk.jointinspections.JointInspectionsApplication;

/** The calendar's part of the application start, with the operator's file set as operators set it. */
class CalendarStartupTest {

  @Configuration
  @EnableConfigurationProperties(CalendarProperties.class)
  @Import({BankHolidaySources.class, WorkingDays.class})
  static class CalendarOnly {
  }

  private final ApplicationContextRunner calendarPart = new ApplicationContextRunner().withUserConfiguration(CalendarOnly.class);

  @TempDir
  Path dir;

  @Test
  void startsWithTheLibraryAloneWhenNoFileIsConfigured() {
    calendarPart.withPropertyValues("inspection.calendar.bank-holidays-file=").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(WorkingDays.class).isWorkingDay(LocalDate.parse("2026-12-28"))).isFalse();
    });
  }

  @Test
  void startsWithTheOperatorsHolidays() throws IOException {
    Path file = Files.writeString(dir.resolve("bank-holidays.json"), OperatorBankHolidaysFileTest.governmentFormat("""
        {"title": "World Cup bank holiday", "date": "2026-06-15", "notes": "", "bunting": true}"""));

    calendarPart.withPropertyValues("inspection.calendar.bank-holidays-file=" + file).run(context ->
        assertThat(context.getBean(WorkingDays.class).add(LocalDate.parse("2026-06-12"), 1)).isEqualTo(LocalDate.parse("2026-06-16")));
  }

  @Test
  void aCorruptFileStopsTheStartNamingTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("bank-holidays.json"), "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [");

    calendarPart.withPropertyValues("inspection.calendar.bank-holidays-file=" + file).run(context -> {
      assertThat(context).hasFailed();
      assertThat(holidayFileProblem(context.getStartupFailure()))
          .hasMessageStartingWith("Bank holidays file " + file.toAbsolutePath() + ": is not valid JSON");
    });
  }

  @Test
  void aMissingFileStopsTheStartToo() {
    Path missing = dir.resolve("not-there.json");

    calendarPart.withPropertyValues("inspection.calendar.bank-holidays-file=" + missing).run(context ->
        assertThat(holidayFileProblem(context.getStartupFailure()))
            .hasMessage("Bank holidays file " + missing + ": cannot be read: there is no such file"));
  }

  /** The whole application, as operators start it: it stops, and says why in its start-up failure report. */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void theApplicationRefusesToStartAndReportsTheFile(CapturedOutput output) throws IOException {
    Path file = Files.writeString(dir.resolve("bank-holidays.json"),
        "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [{\"title\": \"Boxing Day\", \"date\": \"2026-12-32\"}]}}");
    SpringApplication application = new SpringApplicationBuilder(JointInspectionsApplication.class).build();

    Throwable failure = catchThrowable(() -> application.run("--inspection.calendar.bank-holidays-file=" + file,
        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:calendar-start-failure").close());

    assertThat(holidayFileProblem(failure)).hasMessageContaining(file.toAbsolutePath().toString());
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("Bank holidays file " + file.toAbsolutePath() + ": event 1 of \"england-and-wales\" has the date \"2026-12-32\"")
        .contains("INSPECTION_CALENDAR_BANK_HOLIDAYS_FILE");
  }

  private static BankHolidayFileException holidayFileProblem(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BankHolidayFileException problem) {
        return problem;
      }
    }
    throw new AssertionError("expected a BankHolidayFileException, got " + failure, failure);
  }
}
