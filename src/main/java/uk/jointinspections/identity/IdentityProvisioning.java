package uk.jointinspections.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the groups, their authorizations and the shared Tasklist filters on every start, and the demo
 * staff when the demo is on. Everything is looked up before it is created, so a restart changes nothing.
 */
@Component
public class IdentityProvisioning extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityProvisioning.class);
  private static final String ALL = "*";
  /** The filter property that lists the variables the Tasklist shows on each card. */
  static final String CARD_VARIABLES = "variables";

  private final DemoProperties demo;

  public IdentityProvisioning(DemoProperties demo) {
    this.demo = demo;
  }

  /**
   * What an operator may do with the processes in Cockpit: read definitions, instances, their variables, tasks,
   * history and incidents, and retry failed jobs. Nothing that changes an instance: no UPDATE_INSTANCE (which the
   * engine accepts for correlation, modification, suspension, variable writes and job changes), no task work.
   */
  static final Permission[] OPERATE = {Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY,
      Permissions.READ_TASK, ProcessDefinitionPermissions.RETRY_JOB, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
      ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE};
  /** What operators never read of a confidential definition; they keep READ on it and RETRY_JOB. */
  static final Permission[] CONFIDENTIAL = {Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK,
      ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
      ProcessDefinitionPermissions.READ_TASK_VARIABLE};

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskAuthorizations.install(configuration);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    removeHistoricTaskGrants(engine, authorizations);
    removeInstanceUpdateGrants(authorizations);
    for (StaffGroup group : StaffGroup.values()) {
      ensureGroup(identity, group);
      grantApplicationAccess(authorizations, group);
    }
    for (ProcessGrants grants : ProcessGrants.ALL) {
      grant(authorizations, grants.group(), Resources.PROCESS_DEFINITION, grants.processDefinitionKey(),
          grants.permissions().toArray(Permission[]::new));
      if (grants.permissions().contains(Permissions.CREATE_INSTANCE)) {
        grant(authorizations, grants.group(), Resources.PROCESS_INSTANCE, ALL, Permissions.CREATE);
      }
    }
    for (SharedTaskFilter sharedFilter : SharedTaskFilter.values()) {
      Filter filter = ensureFilter(engine, sharedFilter);
      for (StaffGroup group : StaffGroup.values()) {
        if (group.worksInTasklist()) {
          grant(authorizations, group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
      }
    }
    if (demo.enabled()) {
      createDemoStaff(identity);
    }
  }

  /**
   * Grants on one process instance read it and nothing more (InstanceGrants): UPDATE there would let a group suspend
   * the instance, run, delete or move its jobs and resolve its incidents through the engine's REST API. Conduct
   * investigations used to grant their inspectorate UPDATE; a database from before keeps no such grant.
   */
  private static void removeInstanceUpdateGrants(AuthorizationService authorizations) {
    String[] groups = java.util.Arrays.stream(StaffGroup.values()).map(StaffGroup::id).toArray(String[]::new);
    for (Authorization authorization : authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.PROCESS_INSTANCE).groupIdIn(groups)
        .hasPermission(Permissions.UPDATE).list()) {
      if (!ALL.equals(authorization.getResourceId())) {
        authorization.removePermission(Permissions.UPDATE);
        authorizations.saveAuthorization(authorization);
      }
    }
  }

  private void grantApplicationAccess(AuthorizationService authorizations, StaffGroup group) {
    if (group.worksInTasklist()) {
      grant(authorizations, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      // Tasklist shows who a task is assigned to and which group it is offered to.
      grant(authorizations, group, Resources.USER, ALL, Permissions.READ);
      grant(authorizations, group, Resources.GROUP, ALL, Permissions.READ);
    } else {
      grant(authorizations, group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, ALL, OPERATE);
      grant(authorizations, group, Resources.DECISION_DEFINITION, ALL, Permissions.READ, Permissions.READ_HISTORY);
      grant(authorizations, group, Resources.DEPLOYMENT, ALL, Permissions.READ);
      for (String confidential : ProcessGrants.CONFIDENTIAL_CONTENT) {
        revoke(authorizations, group, Resources.PROCESS_DEFINITION, confidential, CONFIDENTIAL);
      }
    }
  }

  /** A revocation on one resource outweighs a grant on all of them ("*"). */
  static void revoke(AuthorizationService authorizations, StaffGroup group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .groupIdIn(group.id())
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    if (existing == null) {
      authorization.setGroupId(group.id());
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    List<Permission> missing = Stream.of(permissions)
        .filter(p -> existing == null || !existing.isPermissionRevoked(p)).toList();
    if (!missing.isEmpty()) {
      missing.forEach(authorization::removePermission);
      authorizations.saveAuthorization(authorization);
    }
  }

  private void ensureGroup(IdentityService identity, StaffGroup staffGroup) {
    if (identity.createGroupQuery().groupId(staffGroup.id()).count() > 0) {
      return;
    }
    Group group = identity.newGroup(staffGroup.id());
    group.setName(staffGroup.displayName());
    group.setType(staffGroup.camundaType());
    identity.saveGroup(group);
    LOG.info("Created group {}", staffGroup.id());
  }

  /**
   * The engine granted every candidate READ_VARIABLE on the history of each task it was offered, for good
   * ({@link TaskAuthorizations} says why that opened the whole instance). Those of tasks that are over go; those of
   * open tasks keep READ alone, as granted now.
   */
  private void removeHistoricTaskGrants(ProcessEngine engine, AuthorizationService authorizations) {
    int removed = 0;
    int kept = 0;
    while (true) {
      List<Authorization> page = authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK)
          .orderByResourceId().asc().listPage(kept, 500);
      if (page.isEmpty()) {
        break;
      }
      for (Authorization grant : page) {
        boolean open = engine.getTaskService().createTaskQuery().taskId(grant.getResourceId()).count() > 0;
        if (!open) {
          authorizations.deleteAuthorization(grant.getId());
          removed++;
        } else {
          kept++;
          if (grant.getAuthorizationType() == AUTH_TYPE_GRANT
              && grant.isPermissionGranted(org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ_VARIABLE)) {
            ((AuthorizationEntity) grant).setPermissions(
                org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ.getValue());
            authorizations.saveAuthorization(grant);
          }
        }
      }
    }
    if (removed > 0) {
      LOG.info("Removed {} grants on the history of tasks that are over", removed);
    }
  }

  /**
   * The group has exactly these permissions on the resource (a permission given by an earlier version and no longer
   * listed is taken away), so that what the code says is what the database holds.
   */
  static void grant(AuthorizationService authorizations, StaffGroup group, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group.id())
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(group.id());
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    int wanted = 0;
    for (Permission permission : permissions) {
      wanted |= permission.getValue();
    }
    if (existing != null && ((AuthorizationEntity) existing).getPermissions() == wanted) {
      return;
    }
    ((AuthorizationEntity) authorization).setPermissions(wanted);
    authorizations.saveAuthorization(authorization);
  }

  /**
   * Creates the shared filter, or brings a filter saved by an earlier version up to date: its cards show the variables
   * of {@link SharedTaskFilter#cardVariables()}, whatever else its properties hold.
   */
  private Filter ensureFilter(ProcessEngine engine, SharedTaskFilter sharedFilter) {
    FilterService filters = engine.getFilterService();
    Filter existing = filters.createTaskFilterQuery().filterName(sharedFilter.displayName()).singleResult();
    if (existing != null) {
      Map<String, Object> properties = existing.getProperties() == null ? new java.util.HashMap<>()
          : new java.util.HashMap<>(existing.getProperties());
      if (SharedTaskFilter.cardVariables().equals(properties.get(CARD_VARIABLES))) {
        return existing;
      }
      properties.put(CARD_VARIABLES, SharedTaskFilter.cardVariables());
      existing.setProperties(properties);
      LOG.info("Filter \"{}\" shows the task cards' variables", sharedFilter.displayName());
      return filters.saveFilter(existing);
    }
    Filter filter = filters.newTaskFilter(sharedFilter.displayName())
        .setQuery(sharedFilter.query(engine.getTaskService().createTaskQuery()))
        .setProperties(Map.of(
            "description", sharedFilter.description(),
            "priority", sharedFilter.priority(),
            "refresh", true,
            CARD_VARIABLES, SharedTaskFilter.cardVariables()));
    return filters.saveFilter(filter);
  }

  private void createDemoStaff(IdentityService identity) {
    if (demo.password() == null || demo.password().isBlank()) {
      throw new IllegalStateException(
          "inspection.demo.enabled is true but inspection.demo.password (INSPECTION_DEMO_PASSWORD) is empty");
    }
    for (DemoStaff staff : DemoStaff.ALL) {
      if (identity.createUserQuery().userId(staff.id()).count() == 0) {
        User user = identity.newUser(staff.id());
        user.setFirstName(staff.firstName());
        user.setLastName(staff.lastName());
        user.setEmail(staff.email());
        user.setPassword(demo.password());
        // The demo's shared password (demo) is below the password policy (StaffPasswordPolicy), on purpose.
        ((IdentityServiceImpl) identity).saveUser(user, true);
      }
      EnumSet<StaffGroup> memberOf = EnumSet.noneOf(StaffGroup.class);
      identity.createGroupQuery().groupMember(staff.id()).list()
          .forEach(g -> StaffGroup.byId(g.getId()).ifPresent(memberOf::add));
      staff.groups().stream().filter(g -> !memberOf.contains(g))
          .forEach(g -> identity.createMembership(staff.id(), g.id()));
    }
    LOG.info("Demo staff ready: {} users", DemoStaff.ALL.size());
  }
}
