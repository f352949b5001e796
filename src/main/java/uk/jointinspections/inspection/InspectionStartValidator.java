package uk.jointinspections.inspection;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The start event's listener: whoever starts an inspection (the REST API or the Tasklist start form), the same rules
 * apply, the business key becomes the reference, a reference is used once, and the instance gets its variables in
 * the types the deadlines and the timeline read (day 0 as a date).
 */
@Component("inspectionStartValidator")
public class InspectionStartValidator implements ExecutionListener {

  private final InspectionStartRules rules;
  private final InspectionReferenceClaim claim;
  private final InspectionTeamAccess access;
  private final JtaiTeamComposition composition;

  public InspectionStartValidator(InspectionStartRules rules, InspectionReferenceClaim claim,
      InspectionTeamAccess access, JtaiTeamComposition composition) {
    this.rules = rules;
    this.claim = claim;
    this.access = access;
    this.composition = composition;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ValidatedStart start = rules.validate(new InspectionStartRequest(
        text(execution, JtaiProcess.VAR_FRAMEWORK), text(execution, JtaiProcess.VAR_REFERENCE),
        text(execution, JtaiProcess.VAR_LOCAL_AUTHORITY), text(execution, JtaiProcess.VAR_DEEP_DIVE_THEME),
        text(execution, "notificationDate"), text(execution, "plannedFieldworkStart"),
        text(execution, JtaiProcess.VAR_LEAD_INSPECTOR), text(execution, JtaiProcess.VAR_QA_MANAGER))
        .withTeam(InspectionTeam.parse(execution.getVariable(InspectionTeam.VARIABLE)).members()));
    claim.claim(execution, start.reference(), start.variables());
    access.grantTeam(execution.getProcessInstanceId(), start.leadInspector(), start.qaManager(), start.team());
    // ¶8 "usually": a team of another size starts all the same, with the warning kept on the inspection.
    String warning = composition.warning(start.leadInspector(), start.team());
    if (warning != null) {
      execution.setVariable(JtaiTeamComposition.VAR_WARNING, warning);
    }
  }

  /** Form fields arrive as strings; a date may also arrive as a date. */
  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(uk.jointinspections.calendar.WorkingDayCalendar.LONDON).toLocalDate().toString();
    }
    return value == null ? null : value.toString();
  }
}
