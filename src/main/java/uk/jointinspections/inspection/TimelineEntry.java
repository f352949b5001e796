package uk.jointinspections.inspection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One milestone of an inspection's timeline.
 *
 * @param day the framework's working day, where the step has one
 * @param due the deadline, London time, with its offset
 * @param countsFrom what {@code day} counts from, in words ("counted from the last day of fieldwork"): a 2024 step's
 *     day 15 after fieldwork is not day 15 after the notification
 * @param countsFromOn the London date of that day 0, once the inspection has it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(String id, Integer day, String title, String performer, String paragraph,
    @JsonIgnore ZonedDateTime dueAt, Status status, String countsFrom, LocalDate countsFromOn) {

  /** An entry whose day, if any, needs no words on what it counts from (a concern's response, a publication hold). */
  public TimelineEntry(String id, Integer day, String title, String performer, String paragraph, ZonedDateTime dueAt,
      Status status) {
    this(id, day, title, performer, paragraph, dueAt, status, null, null);
  }

  private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  public String getDue() {
    return dueAt == null ? null : ISO_WITH_OFFSET.format(dueAt);
  }

  public enum Status {
    done, open, overdue, upcoming
  }
}
