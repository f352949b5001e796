package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

@EngineTest
class IdentityProvisioningTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired IdentityProvisioning provisioning;

  @Test
  void createsEveryGroupWithItsType() {
    for (StaffGroup group : StaffGroup.values()) {
      assertThat(identity.createGroupQuery().groupId(group.id()).singleResult())
          .as(group.id()).isNotNull()
          .extracting("type").isEqualTo(group.camundaType());
    }
  }

  @Test
  void createsDemoStaffWhoCanLogIn() {
    for (DemoStaff staff : DemoStaff.ALL) {
      assertThat(identity.checkPassword(staff.id(), "demo")).as(staff.id()).isTrue();
      List<String> groups = identity.createGroupQuery().groupMember(staff.id()).list().stream()
          .map(g -> g.getId()).toList();
      assertThat(groups).as(staff.id()).containsExactlyInAnyOrderElementsOf(
          staff.groups().stream().map(StaffGroup::id).toList());
    }
  }

  @Test
  void inspectorsGetTheTasklistAndOperatorsGetCockpit() {
    assertThat(authorizations.isUserAuthorized("cqc-inspector", List.of("cqc"),
        Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizations.isUserAuthorized("cqc-inspector", List.of("cqc"),
        Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizations.isUserAuthorized("cqc-inspector", List.of("cqc"),
        Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizations.isUserAuthorized("operator", List.of("operators"),
        Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizations.isUserAuthorized("operator", List.of("operators"),
        Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
  }

  @Test
  void operatorsWatchEveryProcessAndRetryJobsButChangeNothingAndCannotReadConcernsOrConductComplaints() {
    List<String> operators = List.of("operators");
    for (String key : List.of("jtai", "complaint", "notification")) {
      for (var read : List.of(Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
          ProcessDefinitionPermissions.RETRY_JOB)) {
        assertThat(authorizations.isUserAuthorized("operator", operators, read, Resources.PROCESS_DEFINITION, key))
            .as("%s on %s", read, key).isTrue();
      }
    }
    for (String key : List.of("jtai", "complaint", "notification", "concern-referral", "complaint-conduct")) {
      for (var change : List.of(Permissions.UPDATE_INSTANCE, Permissions.UPDATE_TASK, Permissions.TASK_WORK,
          Permissions.DELETE_INSTANCE, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
          ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
          ProcessDefinitionPermissions.MIGRATE_INSTANCE)) {
        assertThat(authorizations.isUserAuthorized("operator", operators, change, Resources.PROCESS_DEFINITION, key))
            .as("%s on %s", change, key).isFalse();
      }
    }
    for (String key : ProcessGrants.CONFIDENTIAL_CONTENT) {
      assertThat(authorizations.isUserAuthorized("operator", operators, Permissions.READ,
          Resources.PROCESS_DEFINITION, key)).as(key).isTrue();
      assertThat(authorizations.isUserAuthorized("operator", operators, ProcessDefinitionPermissions.RETRY_JOB,
          Resources.PROCESS_DEFINITION, key)).as("retrying jobs of %s", key).isTrue();
      for (var confidential : IdentityProvisioning.CONFIDENTIAL) {
        assertThat(authorizations.isUserAuthorized("operator", operators, confidential,
            Resources.PROCESS_DEFINITION, key)).as("%s on %s", confidential, key).isFalse();
      }
    }
  }

  @Test
  void provisioningTakesAwayWhatAnEarlierVersionGranted() {
    var operatorsGrant = authorizations.createAuthorizationQuery().authorizationType(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT).groupIdIn("operators")
        .resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
    operatorsGrant.addPermission(Permissions.UPDATE_INSTANCE);
    authorizations.saveAuthorization(operatorsGrant);
    assertThat(authorizations.isUserAuthorized("operator", List.of("operators"), Permissions.UPDATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "jtai")).isTrue();

    provisioning.postProcessEngineBuild(engine);

    assertThat(authorizations.isUserAuthorized("operator", List.of("operators"), Permissions.UPDATE_INSTANCE,
        Resources.PROCESS_DEFINITION, "jtai")).isFalse();
  }

  @Test
  void provisioningTakesAwayAnInspectoratesUpdateOnAConductInvestigationAnEarlierVersionGranted() {
    String instance = "conduct-investigation-of-an-earlier-version";
    var earlier = authorizations.createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    earlier.setGroupId("cqc");
    earlier.setResource(Resources.PROCESS_INSTANCE);
    earlier.setResourceId(instance);
    earlier.addPermission(Permissions.READ);
    earlier.addPermission(Permissions.UPDATE);
    authorizations.saveAuthorization(earlier);

    provisioning.postProcessEngineBuild(engine);

    assertThat(authorizations.isUserAuthorized("cqc-inspector", List.of("cqc"), Permissions.UPDATE,
        Resources.PROCESS_INSTANCE, instance)).isFalse();
    assertThat(authorizations.isUserAuthorized("cqc-inspector", List.of("cqc"), Permissions.READ,
        Resources.PROCESS_INSTANCE, instance)).isTrue();
    authorizations.deleteAuthorization(earlier.getId());
  }

  @Test
  void sharesTheFiltersSortedByDueDate() {
    for (SharedTaskFilter shared : SharedTaskFilter.values()) {
      Filter filter = filters.createTaskFilterQuery().filterName(shared.displayName()).singleResult();
      assertThat(filter).as(shared.displayName()).isNotNull();
      assertThat(authorizations.isUserAuthorized("probation-inspector", List.of("hmi-probation"),
          Permissions.READ, Resources.FILTER, filter.getId())).isTrue();
      assertThat(filter.getProperties().get("variables")).as(shared.displayName() + "'s card variables")
          .isEqualTo(List.of(Map.of("name", "inspectionReference", "label", "Inspection"),
              Map.of("name", "localAuthority", "label", "Local authority"),
              Map.of("name", "frameworkLabel", "label", "Framework")));
    }
  }

  @Test
  void aSharedFilterSavedByAnEarlierVersionGetsTheCardVariablesAndKeepsTheRest() {
    Filter filter = filters.createTaskFilterQuery().filterName(SharedTaskFilter.MY_INSPECTORATE.displayName())
        .singleResult();
    Map<String, Object> earlier = new HashMap<>(filter.getProperties());
    earlier.remove("variables");
    earlier.put("color", "#555555");
    filters.saveFilter(filter.setProperties(earlier));

    provisioning.postProcessEngineBuild(engine);

    Map<String, Object> now = filters.getFilter(filter.getId()).getProperties();
    assertThat(now.get("variables")).isEqualTo(SharedTaskFilter.cardVariables());
    assertThat(now).containsEntry("color", "#555555").containsEntry("description",
        SharedTaskFilter.MY_INSPECTORATE.description());
    earlier.put("variables", SharedTaskFilter.cardVariables());
    earlier.remove("color");
    filters.saveFilter(filters.getFilter(filter.getId()).setProperties(earlier));
  }

  @Test
  void provisioningAgainChangesNothing() {
    long users = identity.createUserQuery().count();
    long groups = identity.createGroupQuery().count();
    long memberships = DemoStaff.ALL.stream()
        .mapToLong(s -> identity.createGroupQuery().groupMember(s.id()).count()).sum();
    long grants = authorizations.createAuthorizationQuery().count();
    long filterCount = filters.createFilterQuery().count();

    provisioning.postProcessEngineBuild(engine);

    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(DemoStaff.ALL.stream().mapToLong(s -> identity.createGroupQuery().groupMember(s.id()).count()).sum())
        .isEqualTo(memberships);
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
    assertThat(filters.createFilterQuery().count()).isEqualTo(filterCount);
  }
}
