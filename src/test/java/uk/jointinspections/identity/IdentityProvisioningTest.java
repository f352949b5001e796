package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
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
  void operatorsWatchEveryProcessButCannotReadConcernsOrConductComplaints() {
    List<String> operators = List.of("operators");
    for (String key : List.of("jtai", "complaint", "notification")) {
      assertThat(authorizations.isUserAuthorized("operator", operators, Permissions.READ_INSTANCE,
          Resources.PROCESS_DEFINITION, key)).as(key).isTrue();
    }
    for (String key : ProcessGrants.CONFIDENTIAL_CONTENT) {
      assertThat(authorizations.isUserAuthorized("operator", operators, Permissions.READ,
          Resources.PROCESS_DEFINITION, key)).as(key).isTrue();
      assertThat(authorizations.isUserAuthorized("operator", operators, Permissions.UPDATE_INSTANCE,
          Resources.PROCESS_DEFINITION, key)).as("retrying jobs of %s", key).isTrue();
      for (var confidential : List.of(Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK)) {
        assertThat(authorizations.isUserAuthorized("operator", operators, confidential,
            Resources.PROCESS_DEFINITION, key)).as("%s on %s", confidential, key).isFalse();
      }
    }
  }

  @Test
  void sharesTheFiltersSortedByDueDate() {
    for (SharedTaskFilter shared : SharedTaskFilter.values()) {
      Filter filter = filters.createTaskFilterQuery().filterName(shared.displayName()).singleResult();
      assertThat(filter).as(shared.displayName()).isNotNull();
      assertThat(authorizations.isUserAuthorized("probation-inspector", List.of("hmi-probation"),
          Permissions.READ, Resources.FILTER, filter.getId())).isTrue();
    }
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
