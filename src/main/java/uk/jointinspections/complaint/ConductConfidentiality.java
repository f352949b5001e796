package uk.jointinspections.complaint;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Makes a conduct investigation readable by the investigating inspectorate's group, and by nobody else who works in the
 * Tasklist: a grant on this process instance (runtime variables) and on its history (with
 * {@code enableHistoricInstancePermissions}). Its tasks are offered to that group only, and the engine's default
 * authorizations give each task to its candidate group. No definition-level permission on {@code complaint-conduct} is
 * granted to any Tasklist group.
 */
@Component("conductConfidentiality")
public class ConductConfidentiality implements ExecutionListener {

  private final AuthorizationService authorizationService;

  public ConductConfidentiality(@Lazy AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String group = (String) execution.getVariable(ComplaintProcess.VAR_CONDUCT_INSPECTORATE);
    if (group == null || !ComplaintValidator.INSPECTORATES.contains(group)) {
      throw new IllegalStateException("A conduct investigation needs the investigating inspectorate's group");
    }
    String instance = execution.getProcessInstanceId();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      // READ only: the inspectorate works the investigation through its tasks, and only the administrator may move
      // an instance on otherwise (suspend it, run or delete its jobs, resolve its incidents).
      grant(group, Resources.PROCESS_INSTANCE, instance, Permissions.READ);
      grant(group, Resources.HISTORIC_PROCESS_INSTANCE, instance, HistoricProcessInstancePermissions.READ);
      return null;
    });
  }

  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
