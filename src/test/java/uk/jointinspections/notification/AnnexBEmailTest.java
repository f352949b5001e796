package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexBEmailTest {

  @Test
  void fillsInTheAnnexBTemplate() {
    AnnexBEmail email = new AnnexBEmail("Northshire", "the director of children's services", LocalDate.of(2026, 12, 7),
        "The response to children living with neglect", List.of("Lead inspector (Ofsted): Olivia Lead, ol@x.example"),
        "Quentin Manager, q@x.example", "CQC, for the joint inspection team");

    assertThat(email.subject()).isEqualTo("Joint targeted area inspection of services for children Northshire");
    assertThat(email.body())
        .contains("Earlier today I spoke with the director of children's services to inform them that on Monday 7 December"
            + " 2026 inspectors from Ofsted, CQC, HMIC and HMI Probation will arrive on site in Northshire")
        .contains("The particular deep dive theme for your inspection will be the response to children living with neglect.")
        .contains("quality assurance manager for this inspection: Quentin Manager, q@x.example.")
        .contains("- Lead inspector (Ofsted): Olivia Lead, ol@x.example")
        .contains("Guidance on the deep dive theme – www.gov.uk/government/collections/joint-inspections-of-local-area-services.")
        .endsWith("CQC, for the joint inspection team\n\nInspection team\n- Lead inspector (Ofsted): Olivia Lead, ol@x.example\n");
  }

  @Test
  void the2016EditionLinksEachThemeToItsOwnGuidance() {
    uk.jointinspections.inspection.JtaiFramework jtai2016 = uk.jointinspections.inspection.JtaiFramework.JTAI_2016;
    AnnexBEmail email = new AnnexBEmail("Northshire", "you", LocalDate.of(2026, 12, 7),
        "The response to children living with domestic abuse", List.of(), "Quentin Manager, q@x.example", "Ofsted",
        jtai2016.themeGuidance(uk.jointinspections.inspection.JtaiFramework.DeepDiveTheme.DOMESTIC_ABUSE));
    assertThat(email.body()).contains("Guidance on the deep dive theme – www.gov.uk/government/publications/"
        + "joint-inspections-of-the-response-to-children-living-with-domestic-abuse-september-2016-to-march-2017.");
    assertThat(jtai2016.themeGuidance(uk.jointinspections.inspection.JtaiFramework.DeepDiveTheme.CSE_AND_MISSING))
        .endsWith("joint-inspections-of-child-sexual-exploitation-and-missing-children-february-to-august-2016");
    assertThat(uk.jointinspections.inspection.JtaiFramework.JTAI_2017.themeGuidance(
        uk.jointinspections.inspection.JtaiFramework.DeepDiveTheme.DOMESTIC_ABUSE))
        .isEqualTo("www.gov.uk/government/collections/joint-inspections-of-local-area-services");
  }
}
