package uk.jointinspections.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/inspections/{reference}/concerns} as the Annex C form sends it: the case numbers, the
 * agency and its senior officer, one of the two categories and the issues. A health visiting service's designated
 * nurse unless the test names another officer; the test gives what it looks for (its case numbers and issues).
 */
public final class AnnexCConcern {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private AnnexCConcern(String caseNumbers, boolean categoryOne, String issues) {
    fields.put("caseNumbers", caseNumbers);
    fields.put("agencyService", "Health visiting service");
    fields.put("seniorOfficerRole", "Designated nurse for safeguarding");
    fields.put("seniorOfficerEmail", "designated.nurse@icb.example");
    fields.put("category1", categoryOne);
    fields.put("category2", !categoryOne);
    fields.put("issues", issues);
  }

  /** A Category 1 concern, the one that escalates to a senior manager when it stays unanswered. */
  public static AnnexCConcern categoryOne(String caseNumbers, String issues) {
    return new AnnexCConcern(caseNumbers, true, issues);
  }

  /** A Category 2 concern. */
  public static AnnexCConcern categoryTwo(String caseNumbers, String issues) {
    return new AnnexCConcern(caseNumbers, false, issues);
  }

  /** The agency (service) the concern is about. */
  public AnnexCConcern agency(String agencyService) {
    fields.put("agencyService", agencyService);
    return this;
  }

  /** The senior officer of that agency the concern is referred to. */
  public AnnexCConcern seniorOfficer(String role, String email) {
    fields.put("seniorOfficerRole", role);
    fields.put("seniorOfficerEmail", email);
    return this;
  }

  /** The fields as a new mutable map, for a test that changes or removes one before it posts them. */
  public Map<String, Object> body() {
    return new LinkedHashMap<>(fields);
  }
}
