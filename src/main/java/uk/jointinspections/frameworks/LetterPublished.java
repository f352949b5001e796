package uk.jointinspections.frameworks;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * Records the day the letter was published ({@code letterPublishedOn}, midnight London time): day 0 of the local
 * authority's statement of action, due within 70 working days (2016 targeted inspection, paragraph 95).
 */
@Component("ota2016LetterPublished")
public class LetterPublished implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    task.getExecution().setVariable(OfstedTargeted2016Process.VAR_LETTER_PUBLISHED_ON, Jtai2024Plan.midnight(today));
  }
}
