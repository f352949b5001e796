package uk.jointinspections.report;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.identity.StaffGroup;

/**
 * Who may see the on-time report: operators, who watch the service in Cockpit, and the administrators (the
 * {@code camunda-admin} group or a configured admin user), who own the diagrams and deploy them. Inspectors and anyone
 * signed in for the Tasklist only are refused: the report is about how the service runs, not their work.
 */
@Component
public class OnTimeReportAccess {

  static final String REFUSAL = "The on-time report is for members of the operators or camunda-admin group.";

  private final ProcessEngineConfigurationImpl configuration;

  public OnTimeReportAccess(@Lazy ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  public boolean mayRead(Authentication caller) {
    if (caller == null) {
      return false;
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    return groups.contains(StaffGroup.OPERATORS.id())
        || groups.stream().anyMatch(configuration.getAdminGroups()::contains)
        || configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(caller.getUserId());
  }
}
