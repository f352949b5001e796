package uk.jointinspections.complaint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The complaints procedure that applies, one diagram for all: Annex D of the JTAI framework (2017; the August 2016
 * edition's Annex D has the same text), Annex C of the 2024 JTAI guidance (paragraphs 118-125), and the 2009 rule of the
 * safeguarding and looked after children inspections (paragraphs 71-74), and Ofsted's own published complaints
 * procedure for the Ofsted targeted local authority inspections of 2016 (paragraphs 96-97), a single-inspectorate
 * inspection with no partner steps.
 */
public enum ComplaintEdition {
  E2017("2017", "JTAI framework Annex D (2016 and 2017 editions)"),
  E2024("2024", "JTAI guidance 2024, Annex C"),
  E2009("2009", "Safeguarding and looked after children inspections 2009, paragraphs 71-74"),
  E2016_OFSTED("ofsted-2016", "Ofsted targeted local authority inspections 2016, paragraphs 96-97: Ofsted's published"
      + " complaints procedure");

  /** The ids, for messages: "2017, 2024, 2009 or ofsted-2016". */
  public static String ids() {
    return "2017, 2024, 2009 or ofsted-2016";
  }

  public final String id;
  public final String title;

  ComplaintEdition(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public static Optional<ComplaintEdition> ofId(String id) {
    return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
  }

  /**
   * jtai-2016 and jtai-2017 follow Annex D; a framework id naming 2024 or 2009 follows that procedure; the Ofsted
   * targeted inspection (ofsted-targeted-2016) follows Ofsted's own procedure.
   */
  public static ComplaintEdition ofFramework(String framework) {
    if (framework != null && framework.startsWith("ofsted-targeted")) {
      return E2016_OFSTED;
    }
    if (framework != null && framework.contains("2024")) {
      return E2024;
    }
    if (framework != null && framework.contains("2009")) {
      return E2009;
    }
    return E2017;
  }
}
