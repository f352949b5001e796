package uk.jointinspections.inspection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * Complete listener of a JTAI step that sends a letter to the local partnership (the draft for the factual accuracy
 * check, day 24; the pre-publication letter, day 41): the date the form records (today when left out) is kept as a
 * {@link Date} at midnight London time in the variable the task's property {@value #PROPERTY} names, so that what
 * follows counts from the day the letter was sent: the DCS's 10 working days (table days 24–33, reading R5) and the
 * statement of action's 70 working days (¶99). A date after today is refused.
 */
@Component("letterSentOn")
public class LetterSentOn implements TaskListener {

  public static final String PROPERTY = "sentOn";

  @Override
  public void notify(DelegateTask task) {
    String variable = ModelProperties.of(task.getBpmnModelElementInstance()).get(PROPERTY);
    if (variable == null || variable.isBlank()) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " calls letterSentOn without " + PROPERTY);
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    LocalDate sent = date(task.getVariable(variable.strip()), variable.strip(), today);
    if (sent.isAfter(today)) {
      throw new BadUserRequestException(variable + ": " + sent + " is after today; record the day the letter was sent.");
    }
    task.getExecution().setVariable(variable.strip(), midnight(sent));
  }

  private static LocalDate date(Object value, String variable, LocalDate today) {
    if (value == null || value instanceof String text && text.isBlank()) {
      return today;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(variable + ": '" + text + "' is not a date in the form yyyy-MM-dd.");
    }
  }

  static Date midnight(LocalDate date) {
    ZoneId london = WorkingDayCalendar.LONDON;
    return Date.from(date.atStartOfDay(london).toInstant());
  }
}
