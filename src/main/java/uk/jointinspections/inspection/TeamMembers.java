package uk.jointinspections.inspection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The named people of one inspection who belong to one inspectorate: its lead inspector (when of that inspectorate)
 * and the {@link InspectionTeam} members in the inspectorate's group. Diagrams use it where the guidance gives a step
 * to "each inspector" or to one inspectorate's inspectors on this inspection rather than to the whole inspectorate:
 * {@code camunda:collection="${teamMembers.of(execution, 'ofsted')}"} for a step each does, or
 * {@code camunda:candidateUsers="${teamMembers.of(execution, 'cqc')}"} (the task is not in scope for candidate expressions) beside the group, which stays for cover.
 */
@Component("teamMembers")
public class TeamMembers {

  private final IdentityService identityService;
  private final WithoutAuthorization unrestricted;

  public TeamMembers(@Lazy IdentityService identityService, WithoutAuthorization unrestricted) {
    this.identityService = identityService;
    this.unrestricted = unrestricted;
  }

  /** In the order named at start, lead inspector first; empty when nobody of the inspectorate was named. */
  public List<String> of(VariableScope scope, String inspectorate) {
    Set<String> named = new LinkedHashSet<>();
    Object lead = scope.getVariable(JtaiProcess.VAR_LEAD_INSPECTOR);
    if (lead instanceof String leadId && !leadId.isBlank()) {
      named.add(leadId);
    }
    named.addAll(InspectionTeam.parse(scope.getVariable(InspectionTeam.VARIABLE)).members());
    List<String> members = new ArrayList<>();
    for (String userId : named) {
      long inGroup = unrestricted.call(
          () -> identityService.createUserQuery().userId(userId).memberOfGroup(inspectorate).count());
      if (inGroup > 0) {
        members.add(userId);
      }
    }
    return members;
  }
}
