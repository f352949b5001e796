package uk.jointinspections.frameworks;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * Records the day the final letter went to the local partnership ({@code finalLetterSentOn}, midnight London time):
 * day 0 of the statement of action, due 70 working days after receipt of the letter (2024 paragraph 86).
 */
@Component("jtai2024FinalLetterSent")
public class FinalLetterSent implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    task.getExecution().setVariable(Jtai2024Process.VAR_FINAL_LETTER_SENT_ON, Jtai2024Plan.midnight(today));
  }
}
