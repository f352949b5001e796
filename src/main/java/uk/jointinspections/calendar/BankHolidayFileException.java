package uk.jointinspections.calendar;

/** A bank-holidays file that cannot be used; the message names the file and what is wrong with it. */
public class BankHolidayFileException extends RuntimeException {

  private final String file;

  BankHolidayFileException(String file, String problem) {
    this(file, problem, null);
  }

  BankHolidayFileException(String file, String problem, Throwable cause) {
    super("Bank holidays file " + file + ": " + problem, cause);
    this.file = file;
  }

  public String file() {
    return file;
  }
}
