package uk.jointinspections.inspection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One milestone of an inspection's timeline.
 *
 * @param day the framework's working day, where the step has one
 * @param due the deadline, London time, with its offset
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(String id, Integer day, String title, String performer, String paragraph,
    @JsonIgnore ZonedDateTime dueAt, Status status) {

  private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

  public String getDue() {
    return dueAt == null ? null : ISO_WITH_OFFSET.format(dueAt);
  }

  public enum Status {
    done, open, overdue, upcoming
  }
}
