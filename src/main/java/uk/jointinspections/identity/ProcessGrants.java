package uk.jointinspections.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.frameworks.Slac2009Process;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.LocalAreaSubmissionProcess;
import uk.jointinspections.inspection.StatementOfActionProcess;

/**
 * Which group may start, and read the instances and history of, which process definition, beyond the tasks offered to
 * it. Starting needs CREATE_INSTANCE on the definition and CREATE on process instances; the Tasklist lists the
 * definitions a group may start. Inspections, concerns and statements of action are read by their named people
 * through grants on each instance made at its start ({@link InstanceGrants}), never by a group as a whole; a definition
 * that is not listed here (e.g. the confidential {@code complaint-conduct}) is readable by no Tasklist group.
 */
public record ProcessGrants(StaffGroup group, String processDefinitionKey, List<Permission> permissions) {

  /**
   * Definitions whose instances hold what the frameworks keep to named people: a concern about a child (Annex C) and
   * an inspector's conduct (Annex D). Operators see these definitions and can retry their jobs in Cockpit, but not
   * read their instances, variables, tasks or history.
   */
  public static final List<String> CONFIDENTIAL_CONTENT =
      List.of(ConcernReferralProcess.KEY, ComplaintConductProcess.KEY);

  /**
   * A lead inspector starts inspections (REST or Tasklist). Reading one, and correlating what the local area sends on
   * its behalf, is granted on that inspection alone to its lead inspector, QA manager and team at its start
   * ({@code InspectionTeamAccess}).
   */
  private static final List<Permission> START_INSPECTIONS = List.of(Permissions.READ, Permissions.CREATE_INSTANCE);
  /**
   * The statement of action and what the local area sends are processes the inspections call: its steps are the lead inspector's as the calling
   * inspection's are (assigned, so the engine grants the task), and the called instance is readable by the calling
   * inspection's people (granted at its start). Nobody starts it on its own.
   */
  private static final List<Permission> WORK_CALLED = List.of(Permissions.READ);
  /** Any inspector may raise a concern about a child; seeing it afterwards is granted per concern, at its start. */
  private static final List<Permission> RAISE = List.of(Permissions.READ, Permissions.CREATE_INSTANCE);

  public static final List<ProcessGrants> ALL = List.of(
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, JtaiProcess.KEY, START_INSPECTIONS),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, Jtai2024Process.KEY, START_INSPECTIONS),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, OfstedTargeted2016Process.KEY, START_INSPECTIONS),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, Slac2009Process.KEY, START_INSPECTIONS),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, StatementOfActionProcess.KEY, WORK_CALLED),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, LocalAreaSubmissionProcess.KEY, WORK_CALLED),
      new ProcessGrants(StaffGroup.OFSTED, ConcernReferralProcess.KEY, RAISE),
      new ProcessGrants(StaffGroup.CQC, ConcernReferralProcess.KEY, RAISE),
      new ProcessGrants(StaffGroup.HMICFRS, ConcernReferralProcess.KEY, RAISE),
      new ProcessGrants(StaffGroup.HMI_PROBATION, ConcernReferralProcess.KEY, RAISE),
      // Annex D: Ofsted's complaints team records complaints from the online form and follows them up, reading each
      // complaint's variables (its conduct details live in complaint-conduct, which the team does not read).
      new ProcessGrants(StaffGroup.COMPLAINTS_TEAM, ComplaintProcess.KEY, List.of(Permissions.READ,
          Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK,
          ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
          ProcessDefinitionPermissions.READ_TASK_VARIABLE)));
}
