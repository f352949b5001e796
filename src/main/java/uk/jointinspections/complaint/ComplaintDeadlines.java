package uk.jointinspections.complaint;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;

/**
 * The {@code complaintDeadlines} expression bean: the one deadline of the complaint that is not in working days. A
 * request to withhold or withdraw a report is urgent: 48 calendar hours from the moment it was recorded, weekends and
 * bank holidays included (2017 Annex D). Under the 2024 procedure the acknowledgement, due on working day 5, states
 * whether the withdrawal was agreed, so the National Director's decision is due then.
 */
@Component("complaintDeadlines")
public class ComplaintDeadlines {

  public static final Duration WITHHOLD_DECISION = Duration.ofHours(48);
  public static final int WITHDRAWAL_DECISION_DAY_2024 = 5;

  private final WorkingDays workingDays;

  public ComplaintDeadlines(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  public Date withholdDecisionDue(VariableScope scope) {
    if (ComplaintEdition.E2024.id.equals(scope.getVariable(ComplaintProcess.VAR_EDITION))) {
      Date receivedOn = (Date) scope.getVariable(ComplaintProcess.VAR_RECEIVED_ON);
      LocalDate day0 = receivedOn.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
      return Date.from(workingDays.deadline(day0, WITHDRAWAL_DECISION_DAY_2024, null).toInstant());
    }
    Object requested = scope.getVariable(ComplaintProcess.VAR_WITHHOLD_REQUEST_RECEIVED_AT);
    if (!(requested instanceof Date at)) {
      throw new ProcessEngineException("The request to withhold or withdraw has no time of receipt ("
          + ComplaintProcess.VAR_WITHHOLD_REQUEST_RECEIVED_AT + ")");
    }
    return Date.from(at.toInstant().plus(WITHHOLD_DECISION));
  }
}
