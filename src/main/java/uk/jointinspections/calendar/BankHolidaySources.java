package uk.jointinspections.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the bank holidays come from, in order: the jollyday library; the bank-holidays.json bundled
 * with the application (holidays the library lacks); the operator's file, if configured (holidays
 * announced since the release). A later source adds dates, and its name wins for a date already known.
 */
@Component
public class BankHolidaySources {

  static final String BUNDLED_FILE = "uk/jointinspections/calendar/bank-holidays.json";

  private static final Logger log = LoggerFactory.getLogger(BankHolidaySources.class);

  private final JollydayBankHolidays library = new JollydayBankHolidays();
  private final Optional<Path> operatorFile;

  public BankHolidaySources(CalendarProperties properties) {
    this.operatorFile = properties.bankHolidaysPath();
  }

  public Optional<Path> operatorFile() {
    return operatorFile;
  }

  /**
   * Reads every source and builds a complete calendar.
   *
   * @throws BankHolidayFileException if the bundled or the operator's file cannot be read or parsed
   */
  public WorkingDayCalendar load() {
    Map<LocalDate, BankHoliday> byDate = new LinkedHashMap<>();
    library.holidays(WorkingDayCalendar.FIRST_YEAR, WorkingDayCalendar.LAST_YEAR)
        .forEach(holiday -> byDate.put(holiday.date(), holiday));
    int fromLibrary = byDate.size();
    int fromBundle = merge(byDate, readBundled(), "bundled " + BUNDLED_FILE);
    int fromOperator = operatorFile.map(file -> merge(byDate, BankHolidaysFile.read(file), file.toString())).orElse(0);
    WorkingDayCalendar calendar = WorkingDayCalendar.of(byDate.values());
    log.info("Working-day calendar {}–{}: {} bank holidays ({} from jollyday, {} added by the bundled file, {})",
        WorkingDayCalendar.FIRST_YEAR, WorkingDayCalendar.LAST_YEAR, calendar.holidayCount(), fromLibrary, fromBundle,
        operatorFile.map(file -> fromOperator + " added by " + file).orElse("no operator file configured"));
    return calendar;
  }

  private static List<BankHoliday> readBundled() {
    try (InputStream in = BankHolidaySources.class.getClassLoader().getResourceAsStream(BUNDLED_FILE)) {
      if (in == null) {
        throw new BankHolidayFileException(BUNDLED_FILE, "is missing from the application");
      }
      return BankHolidaysFile.read(in, BUNDLED_FILE);
    } catch (IOException e) {
      throw new BankHolidayFileException(BUNDLED_FILE, "cannot be read: " + e, e);
    }
  }

  private static int merge(Map<LocalDate, BankHoliday> byDate, List<BankHoliday> holidays, String source) {
    int added = 0;
    for (BankHoliday holiday : holidays) {
      if (!WorkingDayCalendar.isSupported(holiday.date())) {
        log.warn("{}: {} ({}) is outside the supported years and is ignored", source, holiday.date(), holiday.name());
      } else if (byDate.put(holiday.date(), holiday) == null) {
        added++;
      }
    }
    return added;
  }
}
