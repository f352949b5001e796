package uk.jointinspections.calendar;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The working-day duration notation of timers and due dates: {@code P5WD} is the end of the fifth
 * working day after the moment the timer or task is created (day 0 being that moment's London date),
 * {@code P5WDT17:00} is 17:00 London time that day. ISO 8601 has no working days; the {@code WD}
 * designator keeps the notation apart from the engine's own durations, which go through unchanged.
 */
public record WorkingDayDuration(int workingDays, LocalTime timeOfDay) {

  private static final Pattern OURS = Pattern.compile("P\\d+WD.*");
  private static final Pattern NOTATION = Pattern.compile("P(\\d{1,4})WD(?:T(\\d{2}):(\\d{2}))?");

  /**
   * @return empty when the text is not in this notation (an ISO 8601 duration or date, say)
   * @throws IllegalArgumentException when the text starts like this notation but is malformed
   */
  public static Optional<WorkingDayDuration> parse(String text) {
    if (text == null || !OURS.matcher(text.strip()).matches()) {
      return Optional.empty();
    }
    Matcher matcher = NOTATION.matcher(text.strip());
    if (!matcher.matches()) {
      throw malformed(text, null);
    }
    int days = Integer.parseInt(matcher.group(1));
    if (matcher.group(2) == null) {
      return Optional.of(new WorkingDayDuration(days, null));
    }
    try {
      return Optional.of(new WorkingDayDuration(days,
          LocalTime.of(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)))));
    } catch (DateTimeException e) {
      throw malformed(text, e);
    }
  }

  private static IllegalArgumentException malformed(String text, Exception cause) {
    return new IllegalArgumentException("'" + text + "' is not a working-day duration: write P<n>WD (end of the"
        + " nth working day) or P<n>WDT<HH:mm> (that day at a London time), e.g. P5WD or P5WDT17:00", cause);
  }

  @Override
  public String toString() {
    return "P" + workingDays + "WD" + (timeOfDay == null ? "" : "T" + timeOfDay);
  }
}
