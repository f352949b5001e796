package uk.jointinspections.concern;

import java.util.Arrays;

/**
 * How the frameworks differ on issues of concern, chosen by the inspection's {@code framework} variable; one diagram
 * serves them all. 2017 JTAI paragraph 75 (and the 2016 edition, paragraph 74): a senior officer, Annex C, the chief
 * officer signs. Ofsted targeted inspections 2016 paragraph 74: the local authority is notified and the DCS signs.
 * JTAI 2024 paragraphs 70–71: the lead inspector provides the template and the senior officer signs. Safeguarding and
 * looked after children inspections 2009 paragraph 61: an unresolved significant risk of harm to a child is told to the
 * DCS at once and confirmed to the DCS in writing.
 */
public enum ConcernVariant {

  JTAI_2017("jtai-2017", "a senior officer of the agency", "Chief officer",
      "Annex C: referring concerns to the local agencies", "75", "81", true),
  JTAI_2016("jtai-2016", "a senior officer of the agency", "Chief officer",
      "Annex C: referring concerns to the local agencies", "74", "80", true),
  OFSTED_TARGETED_2016("ofsted-targeted-2016", "the local authority", "Director of children's services (DCS)",
      "Annex C: referring concerns to the local authority", "74", "80", true),
  JTAI_2024("jtai-2024", "the relevant senior officer(s)", "Senior officer",
      "Record of issues of concern (template provided by the lead inspector)", "70-71", "76", true),
  SLAC_2009("slac-2009", "the Director of Children's Services (DCS), told at once", "Director of children's services (DCS)",
      "Written confirmation to the DCS of a significant risk of harm to a child", "61", "63", false);

  public final String framework;
  /** Who is notified and asked for the written response. */
  public final String agencyContact;
  /** Who signs for the agency, next to the lead inspector. */
  public final String signatoryTitle;
  public final String recordTitle;
  public final String paragraph;
  /**
   * Where the framework limits what inspectors record about people (case numbers, initials and job titles, no names):
   * 2017 paragraph 81, 2016 editions 80, 2024 76; 2009 has no such rule, its confidentiality paragraph is 63.
   */
  public final String namesParagraph;
  /**
   * An Annex C procedure (categories, a written response, its evaluation and both signatures); false for 2009, whose
   * paragraph 61 has the DCS told at once and the concern confirmed in writing, nothing more.
   */
  public final boolean annexC;

  ConcernVariant(String framework, String agencyContact, String signatoryTitle, String recordTitle, String paragraph,
      String namesParagraph, boolean annexC) {
    this.framework = framework;
    this.agencyContact = agencyContact;
    this.signatoryTitle = signatoryTitle;
    this.recordTitle = recordTitle;
    this.paragraph = paragraph;
    this.namesParagraph = namesParagraph;
    this.annexC = annexC;
  }

  /** The 2017 JTAI wording for a framework that names nothing different. */
  public static ConcernVariant of(String framework) {
    return Arrays.stream(values()).filter(v -> v.framework.equals(framework)).findFirst().orElse(JTAI_2017);
  }
}
