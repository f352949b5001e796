package uk.jointinspections.identity;

import static uk.jointinspections.identity.StaffGroup.*;

import java.util.List;

/** The demo staff of the H2 run: at least a lead inspector and an inspector per inspectorate, and each role. */
public record DemoStaff(String id, String firstName, String lastName, List<StaffGroup> groups) {

  public static final List<DemoStaff> ALL = List.of(
      new DemoStaff("ofsted-lead", "Olivia", "Lead (Ofsted HMI)", List.of(OFSTED, LEAD_INSPECTOR)),
      new DemoStaff("ofsted-inspector", "Oscar", "Inspector (Ofsted)", List.of(OFSTED)),
      new DemoStaff("cqc-lead", "Chloe", "Lead (CQC)", List.of(CQC)),
      new DemoStaff("cqc-inspector", "Callum", "Inspector (CQC)", List.of(CQC)),
      new DemoStaff("hmicfrs-lead", "Hannah", "Lead (HMICFRS)", List.of(HMICFRS)),
      new DemoStaff("hmicfrs-inspector", "Harry", "Inspector (HMICFRS)", List.of(HMICFRS)),
      new DemoStaff("probation-lead", "Priya", "Lead (HMI Probation)", List.of(HMI_PROBATION)),
      new DemoStaff("probation-inspector", "Peter", "Inspector (HMI Probation)", List.of(HMI_PROBATION)),
      new DemoStaff("qa-manager", "Quentin", "QA manager (Senior HMI)", List.of(OFSTED, QA_MANAGER)),
      new DemoStaff("national-director", "Nadia", "National Director, Social Care", List.of(OFSTED, OFSTED_NATIONAL_DIRECTOR)),
      new DemoStaff("regional-director", "Rupert", "Regional Director", List.of(OFSTED, REGIONAL_DIRECTOR)),
      new DemoStaff("editor", "Edith", "Editor", List.of(OFSTED, EDITORS)),
      new DemoStaff("analyst", "Anil", "Senior analytical officer", List.of(OFSTED, SENIOR_ANALYTICAL_OFFICER)),
      new DemoStaff("complaints-officer", "Carys", "Complaints officer", List.of(OFSTED, COMPLAINTS_TEAM)),
      new DemoStaff("complaints-manager", "Martin", "Complaints manager", List.of(OFSTED, COMPLAINTS_TEAM, COMPLAINTS_MANAGER)),
      new DemoStaff("cqc-senior-manager", "Clara", "Senior manager (CQC)", List.of(CQC, CQC_SENIOR_MANAGER)),
      new DemoStaff("hmicfrs-senior-manager", "Hugh", "Senior manager (HMICFRS)", List.of(HMICFRS, HMICFRS_SENIOR_MANAGER)),
      new DemoStaff("probation-senior-manager", "Paula", "Senior manager (HMI Probation)",
          List.of(HMI_PROBATION, HMI_PROBATION_SENIOR_MANAGER)),
      new DemoStaff("operator", "Opal", "Operations", List.of(OPERATORS)));

  public String email() {
    return id + "@inspections.example";
  }
}
