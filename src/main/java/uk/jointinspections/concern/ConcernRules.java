package uk.jointinspections.concern;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.inspection.InspectionDirectory.Inspection;
import uk.jointinspections.inspection.InspectionFramework;
import uk.jointinspections.inspection.InspectionFrameworks;
import uk.jointinspections.inspection.Inspectorates;

/**
 * The one validation of a new concern, for the REST API and the Tasklist start form alike (both reach it through the
 * start listener): it refuses with a message naming the field, before anything is created.
 */
@Component
public class ConcernRules {

  /**
   * Case numbers, each optionally followed by the child's initials in brackets, separated by commas or semicolons:
   * {@code CS-104233 (AB); CS-104234 (CD)}. A case number is 2–24 letters, digits, '/' or '-' with at least one digit,
   * so that a name cannot pass for one (2017 paragraph 81; the namesParagraph of each ConcernVariant).
   */
  public static final String CASE_NUMBERS_PATTERN =
      "^\\s*(?=[A-Za-z0-9/-]*[0-9])[A-Za-z0-9/-]{2,24}(\\s*\\([A-Z]{1,3}\\))?"
          + "(\\s*[,;]\\s*(?=[A-Za-z0-9/-]*[0-9])[A-Za-z0-9/-]{2,24}(\\s*\\([A-Z]{1,3}\\))?)*\\s*$";
  private static final Pattern CASE_NUMBERS = Pattern.compile(CASE_NUMBERS_PATTERN);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");
  /** Camunda keeps a string variable in one column of 4,000 characters; a longer one would fail only on saving. */
  static final int MAX_TEXT = 4000;

  private final InspectionDirectory inspections;
  private final WorkingDays workingDays;
  private final InspectionFrameworks frameworks;

  public ConcernRules(InspectionDirectory inspections, WorkingDays workingDays, InspectionFrameworks frameworks) {
    this.inspections = inspections;
    this.workingDays = workingDays;
    this.frameworks = frameworks;
  }

  /**
   * @param referringInspectorate the referring inspector's inspectorate that takes part in the inspection's framework
   * @param category 1 or 2; null for a framework without categories (2009, paragraph 61)
   * @param requiredBy the date the inspector gave, or null for the decision's default
   */
  public record ValidConcern(Inspection inspection, String referringInspectorate, String caseNumbers, Integer category,
      LocalDate requiredBy) {
  }

  /**
   * @param inspector the signed-in user raising the concern
   * @param inspectorates the inspector's inspectorate groups
   */
  public ValidConcern validate(String inspectionReference, ConcernRequest request, String inspector,
      List<String> inspectorates) {
    if (blank(inspectionReference)) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_INSPECTION_REFERENCE,
          "give the reference of the inspection the concern arises from.");
    }
    Inspection inspection = inspections.find(inspectionReference).orElseThrow(() -> new ConcernRefusedException(
        ConcernRefusedException.Reason.UNKNOWN_INSPECTION, ConcernReferralProcess.VAR_INSPECTION_REFERENCE,
        "there is no inspection with reference '" + inspectionReference.strip() + "'."));
    String referringInspectorate = requireOnTeam(inspection, inspector, inspectorates);
    if (inspection.published()) {
      throw new ConcernRefusedException(ConcernRefusedException.Reason.PUBLISHED,
          ConcernReferralProcess.VAR_INSPECTION_REFERENCE, "inspection '" + inspection.reference()
          + "' was published on " + inspection.publishedOn().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate()
          + "; concerns are raised during an inspection, before its findings are published.");
    }
    if (blank(request.caseNumbers())) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_CASE_NUMBERS,
          "give the case number(s) of the child, and of other children in the household where relevant.");
    }
    ConcernVariant variant = ConcernVariant.of(inspection.framework());
    if (!CASE_NUMBERS.matcher(request.caseNumbers()).matches()) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_CASE_NUMBERS,
          "give case numbers and initials only, e.g. 'CS-104233 (AB); CS-104234 (CD)': each case number has a digit,"
              + " initials are 1-3 capital letters in brackets, and names are never recorded (paragraph "
              + variant.namesParagraph + ").");
    }
    boolean one = Boolean.TRUE.equals(request.category1());
    boolean two = Boolean.TRUE.equals(request.category2());
    if (!variant.annexC) {
      return valid2009(inspection, referringInspectorate, request, two);
    }
    if (one == two) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_CATEGORY, one
          ? "select one category only, not both: 1 (serious issue of concern) or 2 (the service offer or risk"
              + " assessment may not be appropriate for the child's needs)."
          : "select a category: 1 (serious issue of concern) or 2 (the service offer or risk assessment may not be"
              + " appropriate for the child's needs).");
    }
    requireText(ConcernReferralProcess.VAR_AGENCY_SERVICE, request.agencyService(), 300,
        "give the service or agency the concern is referred to.");
    requireText(ConcernReferralProcess.VAR_ISSUES, request.issues(), MAX_TEXT,
        "describe the issues that led to the case being referred.");
    if (!blank(request.seniorOfficerRole()) && request.seniorOfficerRole().length() > 300) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_SENIOR_OFFICER_ROLE, "is longer than 300 characters.");
    }
    if (blank(request.seniorOfficerEmail())) {
      if (one) {
        throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_SENIOR_OFFICER_EMAIL,
            "a Category 1 concern is e-mailed to the senior officer at once: give their e-mail address.");
      }
    } else if (!EMAIL.matcher(request.seniorOfficerEmail().strip()).matches()) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_SENIOR_OFFICER_EMAIL,
          "'" + request.seniorOfficerEmail().strip() + "' is not an e-mail address.");
    }
    return new ValidConcern(inspection, referringInspectorate, request.caseNumbers().strip(), one ? 1 : 2,
        requiredBy(request.responseRequiredBy()));
  }

  /**
   * Paragraph 61 of 2009: an unresolved significant risk of harm, told to the DCS at once and confirmed in writing to
   * the DCS's address. No categories (a Category 2 is refused, a Category 1 box is the same risk) and no date for a
   * response, which the framework does not ask for.
   */
  private ValidConcern valid2009(Inspection inspection, String referringInspectorate, ConcernRequest request,
      boolean categoryTwo) {
    if (categoryTwo) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_CATEGORY, "a safeguarding and looked after"
          + " children inspection (2009) has no categories: paragraph 61 is about an unresolved issue of significant"
          + " risk of harm to a child, which the DCS is told at once; leave the category empty.");
    }
    if (!blank(request.responseRequiredBy())) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_RESPONSE_REQUIRED_BY, "a safeguarding and"
          + " looked after children inspection (2009) asks the DCS for no written response (paragraph 61); leave the"
          + " date empty.");
    }
    requireText(ConcernReferralProcess.VAR_AGENCY_SERVICE, request.agencyService(), 300,
        "give the service or agency the concern is about.");
    requireText(ConcernReferralProcess.VAR_ISSUES, request.issues(), MAX_TEXT,
        "describe the unresolved issue of significant risk of harm to the child.");
    if (!blank(request.seniorOfficerRole()) && request.seniorOfficerRole().length() > 300) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_SENIOR_OFFICER_ROLE, "is longer than 300 characters.");
    }
    if (blank(request.seniorOfficerEmail())) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_SENIOR_OFFICER_EMAIL, "the concern is"
          + " confirmed in writing to the Director of Children's Services (paragraph 61): give the DCS's e-mail address.");
    }
    if (!EMAIL.matcher(request.seniorOfficerEmail().strip()).matches()) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_SENIOR_OFFICER_EMAIL,
          "'" + request.seniorOfficerEmail().strip() + "' is not an e-mail address.");
    }
    return new ValidConcern(inspection, referringInspectorate, request.caseNumbers().strip(), null, null);
  }

  /**
   * A concern is raised by a member of the inspection's team (its lead inspector, QA manager or a member named at its
   * start) for an inspectorate taking part in its framework; anyone else is refused before anything is read of what
   * they sent.
   *
   * @return the inspectorate the concern is referred for
   */
  private String requireOnTeam(Inspection inspection, String inspector, List<String> inspectorates) {
    List<String> takingPart = frameworks.ofProcess(inspection.processKey()).map(InspectionFramework::inspectorates)
        .orElse(List.of());
    String referring = inspectorates.stream().filter(takingPart::contains).findFirst().orElse(null);
    if (referring == null) {
      throw new ConcernRefusedException(ConcernRefusedException.Reason.NOT_ON_TEAM,
          ConcernReferralProcess.VAR_INSPECTION_REFERENCE, "a concern on inspection '" + inspection.reference()
          + "' is raised by an inspector of an inspectorate taking part in it (" + String.join(", ",
              takingPart.stream().map(Inspectorates::displayName).toList()) + "); '" + inspector + "' is in none.");
    }
    if (!inspection.onTeam(inspector)) {
      throw new ConcernRefusedException(ConcernRefusedException.Reason.NOT_ON_TEAM,
          ConcernReferralProcess.VAR_INSPECTION_REFERENCE, "only the team of inspection '" + inspection.reference()
          + "' (its lead inspector, its QA manager and the inspectors named on its team) raise concerns on it; '"
          + inspector + "' is not on that team.");
    }
    return referring;
  }

  private LocalDate requiredBy(String text) {
    if (blank(text)) {
      return null;
    }
    LocalDate date;
    try {
      String value = text.strip();
      // The Camunda Forms date picker gives yyyy-MM-dd; tolerate a full ISO timestamp from other clients.
      date = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_RESPONSE_REQUIRED_BY,
          "'" + text + "' is not a date (yyyy-MM-dd).");
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    if (date.isBefore(today)) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_RESPONSE_REQUIRED_BY,
          date + " is in the past; give today or a later working day.");
    }
    if (!WorkingDayCalendar.isSupported(date) || !workingDays.isWorkingDay(date)) {
      throw ConcernRefusedException.invalid(ConcernReferralProcess.VAR_RESPONSE_REQUIRED_BY,
          date + " is not a working day (a weekend or a bank holiday in England); give a working day.");
    }
    return date;
  }

  private static void requireText(String field, String value, int max, String missing) {
    if (blank(value)) {
      throw ConcernRefusedException.invalid(field, missing);
    }
    if (value.length() > max) {
      throw ConcernRefusedException.invalid(field, "is longer than " + max + " characters.");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
