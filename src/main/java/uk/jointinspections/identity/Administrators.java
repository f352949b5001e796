package uk.jointinspections.identity;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Whether the signed-in caller is one of the engine's administrators (the {@code camunda-admin} group or a configured
 * admin user): the people whose actions change every inspection at once, such as recalculating deadlines or moving
 * running inspections to a corrected diagram.
 */
@Component
public class Administrators {

  private final ProcessEngine engine;

  public Administrators(@Lazy ProcessEngine engine) {
    this.engine = engine;
  }

  public boolean isCallerAdministrator() {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    if (authentication == null) {
      return false;
    }
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return authentication.getGroupIds() != null
        && authentication.getGroupIds().stream().anyMatch(configuration.getAdminGroups()::contains)
        || configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(authentication.getUserId());
  }

  /** @throws ResponseStatusException 403 naming what only administrators may do */
  public void requireCaller(String mayDoWhat) {
    if (!isCallerAdministrator()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Only administrators (group " + Groups.CAMUNDA_ADMIN + ") may " + mayDoWhat);
    }
  }
}
