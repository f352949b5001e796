package uk.jointinspections.inspection;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.jointinspections.identity.InstanceGrants;

/**
 * Who reads an inspection: its lead inspector, its QA manager and its inspection team, each by a grant on this one
 * instance made at its start ({@link InstanceGrants}); no group reads inspections as a whole. Nobody but the
 * administrator may change an instance through the engine (UPDATE): what the local area sends, recorded on its behalf
 * by the lead inspector, is delivered by the application once {@link CallerRights#requireLeadInspector} has said yes.
 *
 * <p>Every framework's start listener calls {@link #grantTeam} once its rules have passed. As the start listener of
 * the statement of action (a process only inspections call), it gives the called instance the calling inspection's
 * readers, or, started on its own, its lead inspector.
 */
@Component("inspectionTeamAccess")
public class InspectionTeamAccess implements ExecutionListener {

  public void grantTeam(String processInstanceId, String leadInspector, String qaManager, InspectionTeam team) {
    List<String> readers = new ArrayList<>(nonNull(leadInspector));
    readers.addAll(nonNull(qaManager));
    readers.addAll(team.members());
    InstanceGrants.grant(readers, processInstanceId, InstanceGrants.READ);
  }

  @Override
  public void notify(DelegateExecution execution) {
    DelegateExecution inspection = execution;
    while (inspection.getSuperExecution() != null) {
      inspection = inspection.getSuperExecution();
    }
    grantTeam(execution.getProcessInstanceId(), text(inspection, JtaiProcess.VAR_LEAD_INSPECTOR),
        text(inspection, JtaiProcess.VAR_QA_MANAGER), InspectionTeam.parse(inspection.getVariable(InspectionTeam.VARIABLE)));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static List<String> nonNull(String user) {
    return user == null || user.isBlank() ? List.of() : List.of(user);
  }
}
