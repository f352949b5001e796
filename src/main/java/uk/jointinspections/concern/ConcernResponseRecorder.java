package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * The lead inspector records the agency's written response in the Tasklist ({@code task_record_response}, event
 * {@code complete}): the same variables as a response through the REST API, so that the concern reads the same
 * whichever way the response came.
 */
@Component("concernResponseRecorder")
public class ConcernResponseRecorder implements TaskListener {

  /** The form's date the agency's response is dated or was received, yyyy-MM-dd. */
  public static final String VAR_RESPONSE_RECEIVED_DATE = "responseReceivedDate";

  @Override
  public void notify(DelegateTask task) {
    Object response = task.getVariable(VAR_RESPONSE);
    if (!(response instanceof String text) || text.isBlank()) {
      throw ConcernRefusedException.invalid(VAR_RESPONSE, "record the agency's written response.");
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    Object received = task.getVariable(VAR_RESPONSE_RECEIVED_DATE);
    if (received instanceof String date && !date.isBlank()) {
      try {
        if (LocalDate.parse(date.strip()).isAfter(today)) {
          throw ConcernRefusedException.invalid(VAR_RESPONSE_RECEIVED_DATE, date + " is in the future.");
        }
      } catch (DateTimeParseException e) {
        throw ConcernRefusedException.invalid(VAR_RESPONSE_RECEIVED_DATE, "'" + date + "' is not a date (yyyy-MM-dd).");
      }
    } else {
      task.setVariable(VAR_RESPONSE_RECEIVED_DATE, today.toString());
    }
    task.setVariable(VAR_RESPONSE_RECEIVED_ON, ClockUtil.getCurrentTime());
    task.setVariable(VAR_RESPONSE_CHANNEL, CHANNEL_RECORDED);
  }
}
