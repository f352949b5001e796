package uk.jointinspections.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Per-user grants on one process instance, made at its start: how an inspection, a concern and a statement of action
 * become readable by their named people and nobody else. {@link #READ} is what a reader gets: READ on the running
 * instance (it lists in the REST API and the Tasklist's process view) and READ on its history, which with
 * {@code enable-historic-instance-permissions} is also what opens its historic variables, activities and tasks. With
 * {@code enforce-specific-variable-permission} the engine reads runtime variables only by a definition-wide
 * READ_INSTANCE_VARIABLE or through an open task's READ_VARIABLE; a per-instance reader reads the current values in
 * the history ({@code /history/variable-instance}), which the full history level keeps up to date.
 *
 * <p>The runtime grant goes when the instance ends (the engine deletes a process instance's authorizations with it);
 * the historic grant stays, so the named people keep reading what they worked on.
 */
public final class InstanceGrants {

  /** Read the instance and its history, variables included; never UPDATE, which would let the engine change it. */
  public static final Permission[] READ = {Permissions.READ};

  private InstanceGrants() {
  }

  /** Grants to each user, once; must run inside an engine command (a listener), whoever is signed in. */
  public static void grant(Collection<String> userIds, String processInstanceId, Permission... runtime) {
    CommandContext command = Context.getCommandContext();
    AuthorizationService authorizations = command.getProcessEngineConfiguration().getAuthorizationService();
    Set<String> users = new LinkedHashSet<>();
    userIds.stream().filter(u -> u != null && !u.isBlank()).forEach(users::add);
    command.runWithoutAuthorization(() -> {
      for (String user : users) {
        grantUser(authorizations, user, Resources.PROCESS_INSTANCE, processInstanceId, runtime);
        grantUser(authorizations, user, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
            HistoricProcessInstancePermissions.READ);
      }
      return null;
    });
  }

  static void grantUser(AuthorizationService authorizations, String userId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .userIdIn(userId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setUserId(userId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }
}
