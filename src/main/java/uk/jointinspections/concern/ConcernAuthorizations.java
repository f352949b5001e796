package uk.jointinspections.concern;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;
import uk.jointinspections.identity.StaffGroup;

/**
 * Every inspector (each inspectorate's group) may raise a concern: start {@code concern-referral} from the Tasklist
 * or the REST API. Seeing a concern afterwards is granted per concern, at its start ({@link ConcernStartListener}).
 * Granted at every start, idempotently.
 */
@Component
public class ConcernAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (StaffGroup group : StaffGroup.values()) {
      if (group.kind() == StaffGroup.Kind.INSPECTORATE) {
        grant(authorizations, group.id(), Resources.PROCESS_DEFINITION, ConcernReferralProcess.KEY,
            Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(authorizations, group.id(), Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      }
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
    boolean missing = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
