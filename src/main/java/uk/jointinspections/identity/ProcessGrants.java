package uk.jointinspections.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;

/**
 * Which group may start, and read the instances and history of, which process definition, beyond the tasks offered to
 * it. Starting needs CREATE_INSTANCE on the definition and CREATE on process instances; the Tasklist lists the
 * definitions a group may start. A definition that is not listed here (e.g. the confidential {@code complaint-conduct})
 * is readable by no Tasklist group as a whole.
 */
public record ProcessGrants(StaffGroup group, String processDefinitionKey, List<Permission> permissions) {

  public static final List<ProcessGrants> ALL = List.of(
      // Annex D: Ofsted's complaints team records complaints from the online form and follows them up.
      new ProcessGrants(StaffGroup.COMPLAINTS_TEAM, "complaint", List.of(Permissions.READ, Permissions.CREATE_INSTANCE,
          Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK)));
}
