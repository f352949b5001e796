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

  /**
   * Definitions whose instances hold what the frameworks keep to named people: a concern about a child (Annex C) and
   * an inspector's conduct (Annex D). Operators see these definitions and can retry their jobs in Cockpit, but not
   * read their instances, variables, tasks or history.
   */
  public static final List<String> CONFIDENTIAL_CONTENT = List.of("concern-referral", "complaint-conduct");

  public static final List<ProcessGrants> ALL = List.of(
      // Annex D: Ofsted's complaints team records complaints from the online form and follows them up.
      new ProcessGrants(StaffGroup.COMPLAINTS_TEAM, "complaint", List.of(Permissions.READ, Permissions.CREATE_INSTANCE,
          Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK)));
}
