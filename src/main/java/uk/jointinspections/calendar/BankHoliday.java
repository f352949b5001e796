package uk.jointinspections.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One England &amp; Wales bank holiday: the day it is observed, and its name. */
public record BankHoliday(LocalDate date, String name) implements Comparable<BankHoliday> {

  public BankHoliday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public int compareTo(BankHoliday other) {
    return date.compareTo(other.date);
  }
}
