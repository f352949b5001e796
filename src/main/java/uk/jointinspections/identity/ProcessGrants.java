package uk.jointinspections.identity;

import java.util.List;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.frameworks.Slac2009Process;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.StatementOfActionProcess;

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
  public static final List<String> CONFIDENTIAL_CONTENT =
      List.of(ConcernReferralProcess.KEY, ComplaintConductProcess.KEY);

  /** Everything a lead inspector does with an inspection: start it (REST or Tasklist), correlate what the local
   * area sends on its behalf, and read the inspections of every framework. */
  private static final List<Permission> RUN_INSPECTIONS = List.of(Permissions.READ, Permissions.CREATE_INSTANCE,
      Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.UPDATE_INSTANCE);
  /**
   * The statement of action is a process the inspections call: its steps are the lead inspector's as the calling
   * inspection's are, but it is only ever started by an inspection, never on its own.
   */
  private static final List<Permission> WORK_CALLED = List.of(Permissions.READ, Permissions.READ_INSTANCE,
      Permissions.READ_HISTORY, Permissions.UPDATE_INSTANCE);
  /** Any inspector may raise a concern about a child; seeing it afterwards is granted per concern, at its start. */
  private static final List<Permission> RAISE = List.of(Permissions.READ, Permissions.CREATE_INSTANCE);

  public static final List<ProcessGrants> ALL = List.of(
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, JtaiProcess.KEY, RUN_INSPECTIONS),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, Jtai2024Process.KEY, RUN_INSPECTIONS),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, OfstedTargeted2016Process.KEY, RUN_INSPECTIONS),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, Slac2009Process.KEY, RUN_INSPECTIONS),
      new ProcessGrants(StaffGroup.LEAD_INSPECTOR, StatementOfActionProcess.KEY, WORK_CALLED),
      new ProcessGrants(StaffGroup.OFSTED, ConcernReferralProcess.KEY, RAISE),
      new ProcessGrants(StaffGroup.CQC, ConcernReferralProcess.KEY, RAISE),
      new ProcessGrants(StaffGroup.HMICFRS, ConcernReferralProcess.KEY, RAISE),
      new ProcessGrants(StaffGroup.HMI_PROBATION, ConcernReferralProcess.KEY, RAISE),
      // Annex D: Ofsted's complaints team records complaints from the online form and follows them up.
      new ProcessGrants(StaffGroup.COMPLAINTS_TEAM, ComplaintProcess.KEY, List.of(Permissions.READ,
          Permissions.CREATE_INSTANCE, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK)));
}
