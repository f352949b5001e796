package uk.jointinspections.frameworks;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.InspectionFramework;
import uk.jointinspections.inspection.InspectionFrameworks;
import uk.jointinspections.inspection.InspectionReferenceClaim;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.inspection.InspectionTeamAccess;
import uk.jointinspections.inspection.InspectionVariables;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.inspection.JtaiProcess;

/**
 * The start listener of every framework diagram after the 2017 JTAI: whoever starts it (the REST API or the Tasklist
 * start form), the framework's own rules apply, the business key becomes the reference, a reference is used once
 * across all frameworks, and the instance gets its typed variables.
 */
@Component("frameworkStartValidator")
public class FrameworkStartValidator implements ExecutionListener {

  private final InspectionFrameworks frameworks;
  private final InspectionReferenceClaim claim;
  private final InspectionTeamAccess access;

  public FrameworkStartValidator(InspectionFrameworks frameworks, InspectionReferenceClaim claim,
      InspectionTeamAccess access) {
    this.frameworks = frameworks;
    this.claim = claim;
    this.access = access;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String processKey = execution.getProcessDefinitionId().split(":")[0];
    InspectionFramework framework = frameworks.ofProcess(processKey)
        .orElseThrow(() -> new IllegalStateException("no inspection framework runs process " + processKey));
    String name = text(execution, InspectionVariables.FRAMEWORK);
    if (name == null) {
      name = framework.names().iterator().next(); // the Tasklist start form of a one-edition framework
    } else if (!framework.names().contains(name)) {
      throw new InvalidInspectionException("framework", "'" + name + "' is not run by process " + processKey + ".");
    }
    InspectionFramework.Start start = framework.validate(new InspectionStartRequest(name,
        text(execution, InspectionVariables.REFERENCE), text(execution, InspectionVariables.LOCAL_AUTHORITY),
        text(execution, JtaiProcess.VAR_DEEP_DIVE_THEME), text(execution, "notificationDate"),
        text(execution, "plannedFieldworkStart"), text(execution, InspectionVariables.LEAD_INSPECTOR),
        text(execution, InspectionVariables.QA_MANAGER), flag(execution, Slac2009Process.VAR_NO_NOTICE),
        text(execution, Slac2009Process.VAR_NO_NOTICE_REASON))
        .withTeam(InspectionTeam.parse(execution.getVariable(InspectionTeam.VARIABLE)).members())
        .withScope(text(execution, Slac2009Process.VAR_SCOPE), text(execution, Slac2009Process.VAR_SCOPE_REASON)));
    claim.claim(execution, start.reference(), start.variables());
    Map<String, Object> variables = start.variables();
    access.grantTeam(execution.getProcessInstanceId(), (String) variables.get(InspectionVariables.LEAD_INSPECTOR),
        (String) variables.get(InspectionVariables.QA_MANAGER),
        InspectionTeam.parse(variables.get(InspectionTeam.VARIABLE)));
  }

  private static Boolean flag(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value instanceof Boolean yes ? yes : value == null ? null : Boolean.valueOf(value.toString());
  }

  /** Form fields arrive as strings; a date may also arrive as a date. */
  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate().toString();
    }
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
