package uk.jointinspections.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The England &amp; Wales bank holidays of the jollyday library. The subdivision matters: the GB
 * calendar alone lacks Easter Monday and the summer bank holiday, which are defined for
 * {@code eng} (and {@code wls}) only.
 */
final class JollydayBankHolidays {

  static final String ENGLAND = "eng";

  /**
   * Dates jollyday 2.19 wrongly gives as bank holidays. In 2002 the spring bank holiday was moved
   * from Monday 27 May to Tuesday 4 June for the Golden Jubilee; jollyday keeps the usual rule.
   * The two June holidays it lacks are in the bundled bank-holidays.json, like any added holiday.
   */
  private static final Map<LocalDate, String> NOT_BANK_HOLIDAYS = Map.of(
      LocalDate.of(2002, 5, 27), "spring bank holiday moved to 4 June 2002 for the Golden Jubilee");

  private final HolidayManager manager =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

  List<BankHoliday> holidays(int firstYear, int lastYear) {
    List<BankHoliday> holidays = new ArrayList<>();
    for (int year = firstYear; year <= lastYear; year++) {
      for (Holiday holiday : manager.getHolidays(Year.of(year), ENGLAND)) {
        if (holiday.getType() != HolidayType.OBSERVANCE && !NOT_BANK_HOLIDAYS.containsKey(holiday.getDate())) {
          holidays.add(new BankHoliday(holiday.getDate(), nameOf(holiday)));
        }
      }
    }
    return holidays;
  }

  private static String nameOf(Holiday holiday) {
    String name = holiday.getDescription(Locale.UK);
    boolean substitute = !holiday.getDate().equals(holiday.getActualDate());
    return substitute ? name + " (substitute day)" : name;
  }
}
