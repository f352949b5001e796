package uk.jointinspections.inspection;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The editions of the JTAI framework the process runs. Both use the same diagram; an edition differs only in the
 * deadlines its elements carry ({@code day.jtai-2016}, {@code time.jtai-2016}) and in its Annex A themes.
 */
public enum JtaiFramework {

  JTAI_2017("jtai-2017", "JTAI 2017", "Joint targeted area inspections: framework and guidance (April 2017)",
      List.of(DeepDiveTheme.CSE_AND_MISSING, DeepDiveTheme.DOMESTIC_ABUSE, DeepDiveTheme.NEGLECT)),
  JTAI_2016("jtai-2016", "JTAI 2016", "Joint targeted area inspections: framework and guidance (August 2016)",
      List.of(DeepDiveTheme.CSE_AND_MISSING, DeepDiveTheme.DOMESTIC_ABUSE));

  /** Fieldwork starts on day 9 (paragraph 12: notification nine working days before fieldwork begins). */
  public static final int FIELDWORK_START_DAY = 9;

  public final String id;
  /** What inspectors call the edition, shown on the Tasklist's cards. */
  public final String label;
  public final String title;
  /** Annex A, "List of deep dive investigation themes". */
  public final List<DeepDiveTheme> themes;

  JtaiFramework(String id, String label, String title, List<DeepDiveTheme> themes) {
    this.id = id;
    this.label = label;
    this.title = title;
    this.themes = themes;
  }

  public static Optional<JtaiFramework> ofId(String id) {
    return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
  }

  public Optional<DeepDiveTheme> theme(String id) {
    return themes.stream().filter(t -> t.id.equals(id)).findFirst();
  }

  /** The 2017 Annex A gives one collection for every theme. */
  static final String COLLECTION = "www.gov.uk/government/collections/joint-inspections-of-local-area-services";

  /**
   * "Guidance on the deep dive theme – [insert link]" of Annex B: the 2017 Annex A gives the collection for every
   * theme; the 2016 Annex A links each theme to its own dated guidance.
   */
  public String themeGuidance(DeepDiveTheme theme) {
    if (this == JTAI_2016 && theme == DeepDiveTheme.CSE_AND_MISSING) {
      return "www.gov.uk/government/publications/joint-inspections-of-child-sexual-exploitation-and-missing-children-"
          + "february-to-august-2016";
    }
    if (this == JTAI_2016 && theme == DeepDiveTheme.DOMESTIC_ABUSE) {
      return "www.gov.uk/government/publications/joint-inspections-of-the-response-to-children-living-with-domestic-"
          + "abuse-september-2016-to-march-2017";
    }
    return COLLECTION;
  }

  public enum DeepDiveTheme {
    CSE_AND_MISSING("cse-and-missing",
        "The response to child sexual exploitation and those missing from home, care or education"),
    DOMESTIC_ABUSE("domestic-abuse", "The response to children living with domestic abuse"),
    NEGLECT("neglect", "The response to children living with neglect");

    public final String id;
    public final String title;

    DeepDiveTheme(String id, String title) {
      this.id = id;
      this.title = title;
    }

    public static Optional<DeepDiveTheme> ofId(String id) {
      return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
  }
}
