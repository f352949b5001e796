package uk.jointinspections.notification;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The framework's Annex B, "Inspection notification email", filled in for one recipient. The wording is the
 * framework's; only the bracketed parts are supplied.
 *
 * @param area name of the local authority area
 * @param spokeWith who the lead inspector spoke with earlier today: "you" for the DCS, otherwise their job title
 * @param fieldworkStart the day inspectors arrive on site (day 9)
 * @param theme the deep dive theme (Annex A)
 * @param team one line per member or inspectorate contact of the inspection team
 * @param qaManager name, number and e-mail of the QA manager, or how to reach one while none is named
 * @param sender who signs
 * @param themeGuidance the link Annex A gives for the theme in this edition
 * @param ofstedTargeted2016 the 2016 targeted inspection's own Annex B (Ofsted alone, its guidance)
 */
public record AnnexBEmail(String area, String spokeWith, LocalDate fieldworkStart, String theme, List<String> team,
    String qaManager, String sender, String themeGuidance, boolean ofstedTargeted2016) {

  /** The 2017 JTAI's Annex B: Annex A's guidance collection, the same for every theme. */
  public AnnexBEmail(String area, String spokeWith, LocalDate fieldworkStart, String theme, List<String> team,
      String qaManager, String sender) {
    this(area, spokeWith, fieldworkStart, theme, team, qaManager, sender, JTAI_COLLECTION, false);
  }

  /** The JTAI's Annex B with this edition's guidance link for the theme. */
  public AnnexBEmail(String area, String spokeWith, LocalDate fieldworkStart, String theme, List<String> team,
      String qaManager, String sender, String themeGuidance) {
    this(area, spokeWith, fieldworkStart, theme, team, qaManager, sender, themeGuidance, false);
  }

  /** The guidance collection the 2017 Annex A links for every deep dive theme. */
  public static final String JTAI_COLLECTION = "www.gov.uk/government/collections/joint-inspections-of-local-area-services";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  public String subject() {
    if (ofstedTargeted2016) {
      return "Ofsted Targeted Local Authority Inspection of services for children " + area;
    }
    return "Joint targeted area inspection of services for children " + area;
  }

  public String body() {
    boolean you = "you".equals(spokeWith);
    if (ofstedTargeted2016) {
      return targeted2016Body(you);
    }
    return """
        Dear senior leader

        Joint targeted area inspection of services for children %s

        Earlier today I spoke with %s to inform %s that on %s inspectors from Ofsted, CQC, HMIC and HMI Probation \
        will arrive on site in %s to begin fieldwork for a joint targeted area inspection of services for children.

        The particular deep dive theme for your inspection will be %s.

        The guidance outlining how the inspection will be conducted is available at the links below:

        Framework and guidance – www.gov.uk/government/publications/joint-inspection-of-arrangements-and-services-for-children-in-need-of-help-and-protection.

        Guidance on the deep dive theme – %s.

        The inspectorates have asked local agencies to provide information to support the inspection. We have \
        arranged access to a secure online portal to receive the information requested from each service/agency by \
        the relevant inspectorate. Details for accessing and uploading information to this portal are in a guidance \
        note appended to this letter.

        The names and contact details of the inspection team are appended to this letter.

        All inspections are assigned a quality assurance manager. If there are any issues the inspection team cannot \
        resolve, you can discuss these with the quality assurance manager for this inspection: %s.

        Yours sincerely

        %s

        Inspection team
        %s
        """.formatted(area, spokeWith, you ? "you" : "them", DATE.format(fieldworkStart), area,
        theme.substring(0, 1).toLowerCase(Locale.UK) + theme.substring(1), themeGuidance, qaManager, sender,
        String.join("\n", team.stream().map(line -> "- " + line).toList()));
  }

  /** Annex B of the Ofsted targeted local authority inspection guidance of January 2016 (No. 160007). */
  private String targeted2016Body(boolean you) {
    return """
        Dear director of children's services

        Ofsted Targeted Local Authority Inspection of services for children %s

        Earlier today I spoke with %s to inform %s that on %s inspectors from Ofsted will arrive on site in %s to \
        begin fieldwork for a Targeted Local Authority Inspection of services for children.

        The particular deep dive theme for your inspection will be %s.

        The guidance outlining how the inspection will be conducted is available at the links below:

        Framework and guidance – www.gov.uk/government/publications/ofsted-inspection-of-local-authority-arrangements-and-services-for-children-in-need-of-help-and-protection

        Guidance on the deep dive theme – appended to this letter.

        I have asked the local authority to provide information to support the inspection. We have arranged access \
        to a secure online portal to receive the information requested from you. Details for accessing and uploading \
        information to this portal are in a guidance note appended to this letter.

        The names and contact details of the inspection team are appended to this letter.

        All inspections are assigned a Quality Assurance Manager. If there are any issues the inspection team cannot \
        resolve, you can discuss these with the Quality Assurance Manager for this inspection: %s.

        Yours sincerely

        %s

        Inspection team
        %s
        """.formatted(area, spokeWith, you ? "you" : "them", DATE.format(fieldworkStart), area,
        theme.substring(0, 1).toLowerCase(Locale.UK) + theme.substring(1), qaManager, sender,
        String.join("\n", team.stream().map(line -> "- " + line).toList()));
  }
}
