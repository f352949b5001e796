package uk.jointinspections.frameworks;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.inspection.StartFields;

/**
 * A granted deferral (paragraph 19) moves the whole timeline: the new start of fieldwork gives a new notification
 * date 10 working days before it, and weeks 1 and 2 start again from there. The new notification cannot be in the
 * past: the local area must again have its 10 working days, and a deferral is to a later start, never an earlier or the
 * same one.
 */
@Component("jtai2024Deferral")
public class Jtai2024Deferral implements JavaDelegate {

  private final StartFields fields;
  private final WorkingDays workingDays;

  public Jtai2024Deferral(StartFields fields, WorkingDays workingDays) {
    this.fields = fields;
    this.workingDays = workingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = FrameworkStartValidator.text(execution, Jtai2024Process.VAR_DEFERRED_FIELDWORK_START);
    if (text == null) {
      throw new InvalidInspectionException(Jtai2024Process.VAR_DEFERRED_FIELDWORK_START,
          "a granted deferral needs the new start of fieldwork.");
    }
    LocalDate fieldworkStart = fields.workingDate(text.length() > 10 ? text.substring(0, 10) : text,
        Jtai2024Process.VAR_DEFERRED_FIELDWORK_START);
    Object current = execution.getVariable(Jtai2024Process.VAR_FIELDWORK_START);
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    if (current instanceof java.util.Date date) {
      LocalDate planned = date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
      // Fieldwork opens on its day even with a decision still open; a grant then would leave it running twice.
      if (!today.isBefore(planned)) {
        throw new InvalidInspectionException(Jtai2024Process.VAR_DEFERRAL_DECISION, "fieldwork started on " + planned
            + ": a deferral can be granted only before fieldwork starts (paragraph 19); record the request as refused.");
      }
      if (!fieldworkStart.isAfter(planned)) {
        throw new InvalidInspectionException(Jtai2024Process.VAR_DEFERRED_FIELDWORK_START, "a deferral moves fieldwork"
            + " later (paragraph 19): " + fieldworkStart + " is not after the planned start of fieldwork, " + planned
            + ".");
      }
    }
    Jtai2024Plan plan = Jtai2024Plan.fromFieldworkStart(fieldworkStart, workingDays);
    if (plan.notification().isBefore(today)) {
      throw new InvalidInspectionException(Jtai2024Process.VAR_DEFERRED_FIELDWORK_START, "fieldwork from "
          + fieldworkStart + " would need the notification on " + plan.notification()
          + ", which has passed; choose a start of fieldwork at least 10 working days ahead.");
    }
    execution.setVariables(plan.variables());
    execution.setVariable(uk.jointinspections.inspection.Timeline.VAR_TIMELINE_SINCE, ClockUtil.getCurrentTime());
    Object deferrals = execution.getVariable(Jtai2024Process.VAR_DEFERRALS);
    execution.setVariable(Jtai2024Process.VAR_DEFERRALS, deferrals instanceof Number n ? n.intValue() + 1 : 1);
  }
}
