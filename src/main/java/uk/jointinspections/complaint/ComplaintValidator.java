package uk.jointinspections.complaint;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.Inspectorates;

/**
 * The one validation of a new complaint, shared by the REST API and the Tasklist start form (through the start
 * listener). A refusal names the field or the rule and nothing is created.
 */
@Component
public class ComplaintValidator {

  public record Validated(ComplaintRequest request, ComplaintKind kind, ComplaintEdition edition, LocalDate receivedOn,
      InspectionFacts inspection, ComplaintWindow.Result window, String relatesTo) {

    /** The challenge to process or outcome concerns one partner inspectorate's own work: it is referred to it. */
    public boolean referredToInspectorate() {
      return kind != ComplaintKind.CONDUCT && !ComplaintProcess.RELATES_TO_JOINT.equals(relatesTo)
          && !Inspectorates.OFSTED.equals(relatesTo);
    }

    /** Whether the challenge to process or outcome follows the joint procedure (partner steps of Annex D). */
    public boolean jointProcess() {
      return ComplaintProcess.RELATES_TO_JOINT.equals(relatesTo);
    }
  }

  static final Set<String> INSPECTORATES =
      Set.of(Inspectorates.OFSTED, Inspectorates.CQC, Inspectorates.HMICFRS, Inspectorates.HMI_PROBATION);
  /** Camunda keeps a string variable in one column of 4,000 characters; a longer one would fail only on saving. */
  static final int MAX_TEXT = 4000;

  private final ComplaintInspections inspections;
  private final ComplaintWindow window;
  private final ComplaintInspectorates inspectorates;

  public ComplaintValidator(ComplaintInspections inspections, ComplaintWindow window,
      ComplaintInspectorates inspectorates) {
    this.inspections = inspections;
    this.window = window;
    this.inspectorates = inspectorates;
  }

  /**
   * @param conductPartRequired true for the API, where the complaint arrives whole and a complaint about conduct
   *     carries its conduct part in {@code conductDetails}; false on the Tasklist and the engine's REST start, where
   *     the investigating inspectorate may record it in its confidential task instead
   */
  public Validated validate(ComplaintRequest request, boolean conductPartRequired) {
    if (blank(request.inspectionReference())) {
      throw ComplaintRefused.badField("inspectionReference", "give the reference of the inspection complained about.");
    }
    if (blank(request.kind())) {
      throw ComplaintRefused.badField("kind", "give the kind of complaint: process-outcome, conduct or both.");
    }
    ComplaintKind kind = ComplaintKind.ofId(request.kind().strip()).orElseThrow(() -> ComplaintRefused.badField("kind",
        "'" + request.kind() + "' is not a kind of complaint; use process-outcome, conduct or both."));
    if (kind == ComplaintKind.CONDUCT) {
      if (!blank(request.text())) {
        throw ComplaintRefused.badField("text", "do not record the details of a conduct complaint as its text: give"
            + " them in conductDetails, stored with the investigating inspectorate only, or leave them for the"
            + " inspectorate to record in its confidential task.");
      }
    } else if (blank(request.text())) {
      throw ComplaintRefused.badField("text", kind == ComplaintKind.BOTH
          ? "give the challenge to the inspection process or outcome; the conduct part goes in conductDetails."
          : "give the text of the challenge or complaint.");
    } else if (request.text().length() > MAX_TEXT) {
      throw ComplaintRefused.badField("text", "at most " + MAX_TEXT + " characters.");
    }
    if (kind.concernsConduct() && blank(request.conductInspectorate())) {
      throw ComplaintRefused.badField("conductInspectorate",
          "a complaint about an inspector's conduct must name the inspectorate: ofsted, cqc, hmicfrs or hmi-probation.");
    }
    // Checked whenever given: the API records the field as sent, so a process-outcome complaint must not carry junk.
    if (!blank(request.conductInspectorate())) {
      if (!INSPECTORATES.contains(request.conductInspectorate().strip())) {
        throw ComplaintRefused.badField("conductInspectorate", "'" + request.conductInspectorate()
            + "' is not an inspectorate; use ofsted, cqc, hmicfrs or hmi-probation.");
      }
    }
    if (!kind.concernsConduct() && !blank(request.conductDetails())) {
      throw ComplaintRefused.badField("conductDetails", "a challenge to the inspection process or outcome has no"
          + " conduct part; a complaint that is also about an inspector's conduct is of kind both.");
    }
    if (kind.concernsConduct() && blank(request.conductDetails()) && conductPartRequired) {
      throw ComplaintRefused.badField("conductDetails", kind == ComplaintKind.BOTH
          ? "a complaint of kind both has a conduct part: give it in conductDetails, which only the investigating"
              + " inspectorate reads; text is the challenge to the inspection process or outcome."
          : "give the details of the conduct complaint.");
    }
    if (!blank(request.conductDetails()) && request.conductDetails().length() > MAX_TEXT) {
      throw ComplaintRefused.badField("conductDetails", "at most " + MAX_TEXT + " characters.");
    }
    LocalDate receivedOn = receivedOn(request.receivedOn());
    boolean withhold = Boolean.TRUE.equals(request.withholdOrWithdrawRequested());
    if (withhold && blank(request.exceptionalCircumstances())) {
      throw ComplaintRefused.badField("exceptionalCircumstances",
          "a request to withhold or withdraw the report should set out the exceptional circumstances.");
    }
    if (!blank(request.exceptionalCircumstances()) && request.exceptionalCircumstances().length() > MAX_TEXT) {
      throw ComplaintRefused.badField("exceptionalCircumstances", "at most " + MAX_TEXT + " characters.");
    }
    ComplaintEdition requestedEdition = null;
    if (!blank(request.complaintEdition())) {
      requestedEdition = ComplaintEdition.ofId(request.complaintEdition().strip()).orElseThrow(() ->
          ComplaintRefused.badField("complaintEdition", "'" + request.complaintEdition()
              + "' is not a complaints procedure; use " + ComplaintEdition.ids() + "."));
    }
    String reference = request.inspectionReference().strip();
    InspectionFacts inspection = inspections.find(reference).orElseThrow(() ->
        new ComplaintRefused(404, "There is no inspection with reference '" + reference + "'."));
    // The procedure is the framework's: a complaint about a 2017 JTAI cannot be run under the 2024 guidance.
    ComplaintEdition edition = ComplaintEdition.ofFramework(inspection.framework());
    if (requestedEdition != null && requestedEdition != edition) {
      throw ComplaintRefused.badField("complaintEdition", "inspection '" + inspection.reference() + "' is a "
          + inspection.framework() + " inspection; its complaints follow procedure " + edition.id + " (" + edition.title
          + "). Leave complaintEdition out or give " + edition.id + ".");
    }
    // A conduct complaint goes to an inspectorate that took part in the inspection.
    if (!blank(request.conductInspectorate())) {
      List<String> taking = inspectorates.of(inspection.framework());
      if (!taking.contains(request.conductInspectorate().strip())) {
        throw ComplaintRefused.badField("conductInspectorate", "'" + request.conductInspectorate().strip()
            + "' took no part in inspection '" + inspection.reference() + "' (" + inspection.framework()
            + "); its inspectorates are " + String.join(", ", taking) + ".");
      }
    }
    // JTAI 2017 paragraph 102 (2016: 101): a complaint about one inspectorate's own work is raised with it.
    String relatesTo = blank(request.relatesTo()) ? ComplaintProcess.RELATES_TO_JOINT : request.relatesTo().strip();
    if (!ComplaintProcess.RELATES_TO_JOINT.equals(relatesTo) && !inspectorates.of(inspection.framework()).contains(relatesTo)) {
      throw ComplaintRefused.badField("relatesTo", "'" + relatesTo + "' is neither joint-arrangements nor an"
          + " inspectorate of inspection '" + inspection.reference() + "'; use joint-arrangements or one of "
          + String.join(", ", inspectorates.of(inspection.framework())) + ".");
    }
    if (withhold && edition == ComplaintEdition.E2009) {
      throw ComplaintRefused.badField("withholdOrWithdrawRequested", "the 2009 framework has no procedure to withhold"
          + " or withdraw a report: the report is published irrespective of appeals or complaints (paragraph 59)."
          + " Record the complaint without the request.");
    }
    if (withhold && edition == ComplaintEdition.E2016_OFSTED) {
      throw ComplaintRefused.badField("withholdOrWithdrawRequested", "the Ofsted targeted inspection framework"
          + " (paragraphs 96-97) has no procedure to withhold or withdraw the letter; the complaint follows Ofsted's"
          + " published complaints procedure. Record the complaint without the request.");
    }
    ComplaintWindow.Result result = window.evaluate(edition, inspection, receivedOn);
    if (ComplaintProcess.WINDOW_TOO_EARLY.equals(result.window())) {
      throw new ComplaintRefused(409, "Inspection '" + reference + "' is not yet at the stage at which a formal complaint"
          + " can be made under the " + edition.id + " procedure. " + result.rule() + ".");
    }
    return new Validated(request.withReference(inspection.reference()), kind, edition, receivedOn, inspection, result,
        relatesTo);
  }

  private static LocalDate receivedOn(String text) {
    if (blank(text)) {
      throw ComplaintRefused.badField("receivedOn", "give the date the complaint was made (yyyy-MM-dd).");
    }
    LocalDate date;
    try {
      String value = text.strip();
      date = LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw ComplaintRefused.badField("receivedOn", "'" + text + "' is not a date yyyy-MM-dd.");
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    if (date.isAfter(today)) {
      throw ComplaintRefused.badField("receivedOn", date + " is in the future.");
    }
    if (!WorkingDayCalendar.isSupported(date)) {
      throw ComplaintRefused.badField("receivedOn", date + " is outside the years the working-day calendar covers.");
    }
    return date;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
