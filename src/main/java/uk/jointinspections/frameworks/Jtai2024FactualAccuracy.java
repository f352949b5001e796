package uk.jointinspections.frameworks;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;

/**
 * Paragraph 83: "The DCS has 9 working days" from receiving the draft letter. When the draft is sent (complete of
 * {@code task_send_draft_letter}) day 0 of those 9 days becomes the later of its deadline (working day 15 after
 * fieldwork) and today, so that a late draft still leaves the DCS 9 working days ({@code task_record_dcs_comments}
 * counts {@code from} {@value Jtai2024Process#VAR_FACTUAL_ACCURACY_DAY_ZERO}).
 */
@Component("jtai2024FactualAccuracy")
public class Jtai2024FactualAccuracy implements TaskListener {

  private final WorkingDays workingDays;

  public Jtai2024FactualAccuracy(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    LocalDate dayZero = today;
    if (task.getVariable(Jtai2024Process.VAR_FIELDWORK_END) instanceof java.util.Date end) {
      LocalDate due = workingDays.add(end.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate(),
          Jtai2024Plan.DRAFT_LETTER_DAY);
      if (due.isAfter(today)) {
        dayZero = due;
      }
    }
    task.getExecution().setVariable(Jtai2024Process.VAR_FACTUAL_ACCURACY_DAY_ZERO, Jtai2024Plan.midnight(dayZero));
  }
}
