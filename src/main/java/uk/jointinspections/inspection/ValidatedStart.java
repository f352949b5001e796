package uk.jointinspections.inspection;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import uk.jointinspections.calendar.WorkingDayCalendar;

/** A start request that passed every rule, in the types the process works with. */
public record ValidatedStart(JtaiFramework framework, String reference, String localAuthority,
    JtaiFramework.DeepDiveTheme theme, LocalDate dayZero, LocalDate fieldworkStart, String leadInspector,
    String qaManager, InspectionTeam team) {

  /** A start without an inspection team besides the lead inspector and the QA manager. */
  public ValidatedStart(JtaiFramework framework, String reference, String localAuthority,
      JtaiFramework.DeepDiveTheme theme, LocalDate dayZero, LocalDate fieldworkStart, String leadInspector,
      String qaManager) {
    this(framework, reference, localAuthority, theme, dayZero, fieldworkStart, leadInspector, qaManager,
        InspectionTeam.nobody());
  }

  private static final java.time.format.DateTimeFormatter LABEL =
      java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK);

  /** The process variables of a new instance (day 0 and fieldwork as dates at midnight, London time). */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(JtaiProcess.VAR_FRAMEWORK, framework.id);
    variables.put(JtaiProcess.VAR_REFERENCE, reference);
    variables.put(JtaiProcess.VAR_LOCAL_AUTHORITY, localAuthority);
    variables.put(JtaiProcess.VAR_DEEP_DIVE_THEME, theme.id);
    variables.put(JtaiProcess.VAR_DAY_ZERO, midnight(dayZero));
    variables.put(JtaiProcess.VAR_FIELDWORK_START, midnight(fieldworkStart));
    variables.put(JtaiProcess.VAR_LEAD_INSPECTOR, leadInspector);
    variables.put(JtaiProcess.VAR_QA_MANAGER, qaManager);
    variables.put(InspectionTeam.VARIABLE, team.variableValue());
    // For people: the forms show these in their deadline text.
    variables.put(JtaiProcess.VAR_DAY_ZERO_LABEL, LABEL.format(dayZero));
    variables.put(JtaiProcess.VAR_FIELDWORK_START_LABEL, LABEL.format(fieldworkStart));
    return variables;
  }

  static Date midnight(LocalDate date) {
    return Date.from(date.atStartOfDay(WorkingDayCalendar.LONDON).toInstant());
  }
}
