package uk.jointinspections.inspection;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import uk.jointinspections.calendar.WorkingDayCalendar;

/** A start request that passed every rule, in the types the process works with. */
public record ValidatedStart(JtaiFramework framework, String reference, String localAuthority,
    JtaiFramework.DeepDiveTheme theme, LocalDate dayZero, LocalDate fieldworkStart, String leadInspector,
    String qaManager) {

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
    return variables;
  }

  static Date midnight(LocalDate date) {
    return Date.from(date.atStartOfDay(WorkingDayCalendar.LONDON).toInstant());
  }
}
