package uk.jointinspections.calendar;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code inspection.calendar.*}.
 *
 * @param bankHolidaysFile optional file in the format of the UK government's bank-holidays.json whose
 *     England &amp; Wales holidays are added to the library's; blank for none
 *     (environment: {@code INSPECTION_CALENDAR_BANK_HOLIDAYS_FILE})
 */
@ConfigurationProperties("inspection.calendar")
public record CalendarProperties(String bankHolidaysFile) {

  public Optional<Path> bankHolidaysPath() {
    return bankHolidaysFile == null || bankHolidaysFile.isBlank()
        ? Optional.empty()
        : Optional.of(Path.of(bankHolidaysFile.strip()));
  }
}
