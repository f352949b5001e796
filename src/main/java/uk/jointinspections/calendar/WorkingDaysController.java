package uk.jointinspections.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.jointinspections.identity.Administrators;
import uk.jointinspections.web.ApiErrorHandler;
import uk.jointinspections.web.ApiErrorHandler.ApiError;

/** The working-day calendar over REST, for staff and other systems; authenticated like the rest of {@code /api}. */
@RestController
@RequestMapping(path = "/api/working-days", produces = MediaType.APPLICATION_JSON_VALUE)
public class WorkingDaysController {

  static final int MAX_DAYS = 1000;

  private final WorkingDays workingDays;
  private final DeadlineRecalculation recalculation;
  private final Administrators administrators;

  public WorkingDaysController(WorkingDays workingDays, DeadlineRecalculation recalculation,
      Administrators administrators) {
    this.workingDays = workingDays;
    this.recalculation = recalculation;
    this.administrators = administrators;
  }

  public record AddResult(LocalDate date) {
  }

  public record CountResult(LocalDate from, LocalDate to, int workingDays) {
  }

  public record HolidaysResult(int year, List<BankHoliday> holidays) {
  }

  /** Working day {@code days} counted from {@code date} as day 0 (the next working day if {@code date} is not one). */
  @GetMapping("/add")
  public AddResult add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam int days) {
    requireSupported("date", date);
    if (Math.abs(days) > MAX_DAYS) {
      throw new IllegalArgumentException("Parameter 'days' must be between -" + MAX_DAYS + " and " + MAX_DAYS + "; got " + days);
    }
    return new AddResult(workingDays.add(date, days));
  }

  /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is before {@code from}. */
  @GetMapping("/count")
  public CountResult count(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    requireSupported("from", from);
    requireSupported("to", to);
    return new CountResult(from, to, workingDays.countBetween(from, to));
  }

  @GetMapping("/holidays")
  public HolidaysResult holidays(@RequestParam int year) {
    if (year < WorkingDayCalendar.FIRST_YEAR || year > WorkingDayCalendar.LAST_YEAR) {
      throw new IllegalArgumentException("Parameter 'year' must be from " + WorkingDayCalendar.FIRST_YEAR + " to "
          + WorkingDayCalendar.LAST_YEAR + "; got " + year);
    }
    return new HolidaysResult(year, workingDays.holidaysIn(year));
  }

  /** Administrators only: reload the holiday sources, then move the working-day timers and task dates. */
  @PostMapping("/recalculate")
  public RecalculationReport recalculate() {
    administrators.requireCaller("recalculate deadlines");
    return recalculation.reloadAndRecalculate();
  }

  /** The calendar in use stays as it was, so this is the server's problem to report, not the caller's. */
  @ExceptionHandler(BankHolidayFileException.class)
  public ResponseEntity<ApiError> unusableHolidayFile(BankHolidayFileException e) {
    return ApiErrorHandler.error(HttpStatus.INTERNAL_SERVER_ERROR,
        e.getMessage() + ". The calendar in use and all deadlines are unchanged.");
  }

  private static void requireSupported(String parameter, LocalDate date) {
    if (!WorkingDayCalendar.isSupported(date)) {
      throw new IllegalArgumentException("Parameter '" + parameter + "' must be a date from " + WorkingDayCalendar.FIRST_DATE
          + " to " + WorkingDayCalendar.LAST_DATE + "; got " + date);
    }
  }
}
