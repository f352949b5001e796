package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDayDuration;
import uk.jointinspections.calendar.WorkingDays;

/**
 * The concern's deadlines, on the working-day calendar: the date the response is required by (the inspector's date,
 * or the response-deadline decision's working days from the referral), and the second-level escalation of an
 * unanswered Category 1 concern (the escalation-delay decision's working days after that date).
 */
@Component("concernDeadlines")
public class ConcernDeadlines implements JavaDelegate {

  /** Output of the response-deadline decision: the inspection's next keep-in-touch meeting (2024 JTAI). */
  public static final String NEXT_KIT_MEETING = "next-kit-meeting";
  /** The 2024 keep-in-touch meetings (days 12 and 13) and the last day of fieldwork after them. */
  static final int[] KIT_MEETING_DAYS = {12, 13, 14};
  /** A concern raised after the 2024 fieldwork: the Category 2 default of the other frameworks. */
  static final WorkingDayDuration AFTER_FIELDWORK = new WorkingDayDuration(5, null);
  /** Output of the response-deadline decision for a framework that asks for no written response. */
  public static final String NO_RESPONSE = "none";

  private final WorkingDays workingDays;

  public ConcernDeadlines(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  /** {@code task_set_response_deadline}: sets {@code responseDueDate}, the end of the required-by working day. */
  @Override
  public void execute(DelegateExecution execution) {
    if (NO_RESPONSE.equals(execution.getVariable(VAR_RESPONSE_DEADLINE))) {
      // 2009 paragraph 61: the DCS is told at once and the concern confirmed in writing; no response is awaited.
      return;
    }
    Object requiredBy = execution.getVariable(VAR_RESPONSE_REQUIRED_BY);
    Date due;
    if (requiredBy instanceof String text && !text.isBlank()) {
      due = Date.from(WorkingDayCalendar.atLondonTime(LocalDate.parse(text.strip()), null).toInstant());
    } else {
      Date referral = (Date) execution.getVariable(VAR_REFERRAL_DATE);
      LocalDate meeting = NEXT_KIT_MEETING.equals(execution.getVariable(VAR_RESPONSE_DEADLINE))
          ? nextKitMeeting(execution, referral) : null;
      if (meeting != null) {
        due = Date.from(WorkingDayCalendar.atLondonTime(meeting, null).toInstant());
      } else {
        WorkingDayDuration deadline = NEXT_KIT_MEETING.equals(execution.getVariable(VAR_RESPONSE_DEADLINE))
            ? AFTER_FIELDWORK : duration(execution, VAR_RESPONSE_DEADLINE);
        due = Date.from(workingDays.deadlineAfter(referral.toInstant(), deadline.workingDays(), deadline.timeOfDay())
            .toInstant());
      }
      execution.setVariable(VAR_RESPONSE_REQUIRED_BY,
          due.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate().toString());
    }
    execution.setVariable(VAR_RESPONSE_DUE_DATE, due);
  }

  /**
   * 2024 paragraphs 40 and 71: the response is received through the keep-in-touch meetings, on days 12 and 13 of the
   * inspection (Wednesday and Thursday of fieldwork). The next meeting after the day of referral; day 14 (the last day
   * of fieldwork) when referred on day 13; null once fieldwork is over or when the inspection has no day 0.
   */
  LocalDate nextKitMeeting(DelegateExecution execution, Date referral) {
    Object dayZero = execution.getVariable(VAR_INSPECTION_DAY_ZERO);
    if (!(dayZero instanceof String text) || text.isBlank()) {
      return null;
    }
    LocalDate zero = LocalDate.parse(text.strip());
    LocalDate referred = referral.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    for (int day : KIT_MEETING_DAYS) {
      LocalDate meeting = workingDays.add(zero, day);
      if (referred.isBefore(meeting)) {
        return meeting;
      }
    }
    return null;
  }

  /** {@code timer_senior_escalation}: the escalation delay counted in working days from the required-by date. */
  public Date seniorEscalationDue(VariableScope execution) {
    WorkingDayDuration delay = duration(execution, VAR_SENIOR_ESCALATION_DELAY);
    Date responseDue = (Date) execution.getVariable(VAR_RESPONSE_DUE_DATE);
    return Date.from(workingDays.deadlineAfter(responseDue.toInstant(), delay.workingDays(), delay.timeOfDay())
        .toInstant());
  }

  private static WorkingDayDuration duration(VariableScope execution, String variable) {
    Object value = execution.getVariable(variable);
    try {
      return WorkingDayDuration.parse(value == null ? null : String.valueOf(value)).orElseThrow(() ->
          new ProcessEngineException("Variable '" + variable + "' = '" + value + "' is not a working-day duration"
              + " such as P1WD; correct the decision table in processes/concern-referral.dmn"));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException(e.getMessage() + " (variable '" + variable + "', from processes/concern-referral.dmn)", e);
    }
  }
}
