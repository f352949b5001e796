package uk.jointinspections.frameworks;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.Inspectorates;

/** Lead inspectors may start and run the inspections of the other frameworks, as they do the 2017 JTAI. */
@Component
public class FrameworkAuthorizations extends AbstractProcessEnginePlugin {

  static final String[] KEYS = {Jtai2024Process.KEY, OfstedTargeted2016Process.KEY, Slac2009Process.KEY};

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String key : KEYS) {
      grant(authorizations, Inspectorates.LEAD_INSPECTOR, Resources.PROCESS_DEFINITION, key, Permissions.READ,
          Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.UPDATE_INSTANCE);
    }
  }

  private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource).resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
