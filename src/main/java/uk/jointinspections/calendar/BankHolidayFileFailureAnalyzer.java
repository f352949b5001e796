package uk.jointinspections.calendar;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start that failed on an unusable bank-holidays file into the short report operators read
 * ("APPLICATION FAILED TO START"), instead of a chain of bean-creation exceptions.
 */
public class BankHolidayFileFailureAnalyzer extends AbstractFailureAnalyzer<BankHolidayFileException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BankHolidayFileException cause) {
    return new FailureAnalysis(
        cause.getMessage() + ". The application does not start on a half-read holiday calendar.",
        "Correct the file (the format of https://www.gov.uk/bank-holidays.json, division \"england-and-wales\"),"
            + " or unset inspection.calendar.bank-holidays-file (INSPECTION_CALENDAR_BANK_HOLIDAYS_FILE) to run on"
            + " the library's holidays alone.",
        cause);
  }
}
