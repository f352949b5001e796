package uk.jointinspections.frameworks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.InspectionVariables;

/**
 * The dates a 2024 JTAI is planned from, all counted from the start of fieldwork: the notification (day 0) 10 working
 * days before it, and the last day of fieldwork 4 working days after it, from which the letter deadlines count.
 */
public record Jtai2024Plan(LocalDate notification, LocalDate fieldworkStart, LocalDate fieldworkEnd,
    LocalDate factualAccuracyStart) {

  /** The draft letter is due with the DCS on working day 15 after fieldwork (table after paragraph 83). */
  public static final int DRAFT_LETTER_DAY = 15;

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  public static Jtai2024Plan fromFieldworkStart(LocalDate fieldworkStart, WorkingDays workingDays) {
    LocalDate fieldworkEnd = workingDays.add(fieldworkStart,
        Jtai2024Process.FIELDWORK_END_DAY - Jtai2024Process.FIELDWORK_START_DAY);
    return new Jtai2024Plan(workingDays.add(fieldworkStart, -Jtai2024Process.FIELDWORK_START_DAY), fieldworkStart,
        fieldworkEnd, workingDays.add(fieldworkEnd, DRAFT_LETTER_DAY));
  }

  /** The variables the deadlines ({@code from} dayZero or fieldworkEnd) and the forms read. */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InspectionVariables.DAY_ZERO, midnight(notification));
    variables.put(Jtai2024Process.VAR_FIELDWORK_START, midnight(fieldworkStart));
    variables.put(Jtai2024Process.VAR_FIELDWORK_END, midnight(fieldworkEnd));
    variables.put(Jtai2024Process.VAR_FACTUAL_ACCURACY_DAY_ZERO, midnight(factualAccuracyStart));
    variables.put(InspectionVariables.DAY_ZERO_LABEL, LABEL.format(notification));
    variables.put(Jtai2024Process.VAR_FIELDWORK_START_LABEL, LABEL.format(fieldworkStart));
    variables.put(Jtai2024Process.VAR_FIELDWORK_END_LABEL, LABEL.format(fieldworkEnd));
    variables.put("notificationDate", notification.toString());
    variables.put("plannedFieldworkStart", fieldworkStart.toString());
    return variables;
  }

  static String label(LocalDate date) {
    return LABEL.format(date);
  }

  static Date midnight(LocalDate date) {
    return Date.from(date.atStartOfDay(WorkingDayCalendar.LONDON).toInstant());
  }
}
