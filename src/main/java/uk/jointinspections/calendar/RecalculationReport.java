package uk.jointinspections.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

/**
 * What a recalculation after a change of the holiday list did.
 *
 * @param bankHolidays bank holidays in the reloaded calendar, 2000–2099
 * @param timersChecked waiting timers whose BPMN element uses working days
 * @param tasksChecked open tasks whose BPMN element uses working days for a due or follow-up date
 * @param moved the timers and task dates that now fall on another moment
 * @param failed the ones that could not be recalculated, left as they were
 */
public record RecalculationReport(int bankHolidays, int timersChecked, int tasksChecked, List<Move> moved, List<Failure> failed) {

  public static final String TIMER = "timer";
  public static final String TASK = "task";
  public static final String TASK_DUE_DATE = "task due date";
  public static final String TASK_FOLLOW_UP_DATE = "task follow-up date";

  /** Times are London times with their offset. */
  public record Move(String kind, String id, String processInstanceId, String element,
      @JsonProperty("old") OffsetDateTime before, @JsonProperty("new") OffsetDateTime after) {

    static Move of(String kind, String id, String processInstanceId, String element, Date before, Date after) {
      return new Move(kind, id, processInstanceId, element, london(before), london(after));
    }

    private static OffsetDateTime london(Date date) {
      return date == null ? null : date.toInstant().atZone(WorkingDayCalendar.LONDON).toOffsetDateTime();
    }
  }

  public record Failure(String kind, String id, String processInstanceId, String element, String message) {
  }
}
