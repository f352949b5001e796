package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.VAR_LEAD_INSPECTOR;
import static uk.jointinspections.concern.ConcernReferralProcess.VAR_QA_MANAGER;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.jointinspections.identity.StaffGroup;

/**
 * Who an overdue response escalates to: the inspection's lead inspector and its named QA manager; while no QA
 * manager is named, the QA managers' group instead.
 */
@Component("concernRoutes")
public class ConcernRoutes {

  public List<String> leadAndQualityAssurance(VariableScope execution) {
    List<String> users = new ArrayList<>();
    for (String variable : List.of(VAR_LEAD_INSPECTOR, VAR_QA_MANAGER)) {
      if (execution.getVariable(variable) instanceof String user && !user.isBlank()) {
        users.add(user);
      }
    }
    return users;
  }

  public List<String> qualityAssuranceGroups(VariableScope execution) {
    return execution.getVariable(VAR_QA_MANAGER) instanceof String user && !user.isBlank()
        ? List.of() : List.of(StaffGroup.QA_MANAGER.id());
  }
}
