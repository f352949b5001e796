package uk.jointinspections.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Every Camunda group the application relies on. Inspectorates are the lanes that keep each
 * organisation's work (and confidential complaints) apart; roles are the people the frameworks name.
 */
public enum StaffGroup {
  OFSTED("ofsted", "Ofsted", Kind.INSPECTORATE),
  CQC("cqc", "Care Quality Commission", Kind.INSPECTORATE),
  HMICFRS("hmicfrs", "HM Inspectorate of Constabulary and Fire & Rescue Services (HMIC)", Kind.INSPECTORATE),
  HMI_PROBATION("hmi-probation", "HM Inspectorate of Probation", Kind.INSPECTORATE),

  LEAD_INSPECTOR("lead-inspector", "Lead inspectors", Kind.ROLE),
  QA_MANAGER("qa-manager", "Quality assurance managers (Senior HMI)", Kind.ROLE),
  OFSTED_NATIONAL_DIRECTOR("ofsted-national-director", "Ofsted National Director, Social Care", Kind.ROLE),
  EDITORS("editors", "Editors", Kind.ROLE),
  SENIOR_ANALYTICAL_OFFICER("senior-analytical-officer", "Ofsted senior analytical officers", Kind.ROLE),
  REGIONAL_DIRECTOR("regional-director", "Ofsted regional directors", Kind.ROLE),
  COMPLAINTS_TEAM("complaints-team", "Ofsted complaints team", Kind.ROLE),
  COMPLAINTS_MANAGER("complaints-manager", "Ofsted complaints team manager", Kind.ROLE),
  /** Senior managers a Category 1 concern (Annex C) escalates to when it stays unanswered; Ofsted's is the National Director. */
  CQC_SENIOR_MANAGER("cqc-senior-manager", "CQC senior managers (sign-off of joint letters, concern escalation)", Kind.ROLE),
  HMICFRS_SENIOR_MANAGER("hmicfrs-senior-manager", "HMICFRS senior managers (sign-off of joint letters, concern escalation)", Kind.ROLE),
  HMI_PROBATION_SENIOR_MANAGER("hmi-probation-senior-manager", "HMI Probation senior managers (sign-off of joint letters, concern escalation)", Kind.ROLE),

  OPERATORS("operators", "Operations staff (Cockpit)", Kind.OPERATIONS);

  public enum Kind { INSPECTORATE, ROLE, OPERATIONS }

  private final String id;
  private final String displayName;
  private final Kind kind;

  StaffGroup(String id, String displayName, Kind kind) {
    this.id = id;
    this.displayName = displayName;
    this.kind = kind;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public Kind kind() {
    return kind;
  }

  /** The Camunda group type, shown in Admin. */
  public String camundaType() {
    return kind == Kind.INSPECTORATE ? "INSPECTORATE" : "WORKFLOW";
  }

  public boolean worksInTasklist() {
    return kind != Kind.OPERATIONS;
  }

  public static Optional<StaffGroup> byId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
  }

  /** The ids of every group a diagram may offer a task to: ours, and Camunda's administrators. */
  public static Set<String> idsWithAdministrators() {
    return Stream.concat(Arrays.stream(values()).map(StaffGroup::id), Stream.of(Groups.CAMUNDA_ADMIN))
        .collect(Collectors.toUnmodifiableSet());
  }
}
