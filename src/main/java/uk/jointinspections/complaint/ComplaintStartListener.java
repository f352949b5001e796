package uk.jointinspections.complaint;

import static uk.jointinspections.complaint.ComplaintProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.Inspectorates;
import uk.jointinspections.inspection.TaskCards;

/**
 * Validates a new complaint however it was started (start form, our API or the engine's REST API) with the shared
 * {@link ComplaintValidator}, refusing it before anything is stored, then records what the process needs: the business
 * key, the procedure, the window, day 0 and the texts the forms show. Before anything else it takes the conduct part
 * ({@code conductDetails}) out of the complaint and out of its history ({@link ConductPartInTransit}): it travels on to
 * the conduct investigation only.
 */
@Component("complaintStartListener")
public class ComplaintStartListener implements ExecutionListener {

  static final DateTimeFormatter MOMENT =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private final ComplaintValidator validator;
  private final ComplaintMilestones milestones;
  private final TaskCards cards;

  public ComplaintStartListener(ComplaintValidator validator, ComplaintMilestones milestones, TaskCards cards) {
    this.validator = validator;
    this.milestones = milestones;
    this.cards = cards;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String reference = text(execution.getVariable(VAR_INSPECTION_REFERENCE));
    if (reference == null) {
      reference = execution.getProcessBusinessKey();
    }
    String kind = text(execution.getVariable(VAR_KIND));
    // First of all, whichever way the complaint came: its conduct part must never be stored in the complaint.
    String conductPart = ConductPartInTransit.takeOutOfTheComplaint(execution);
    ComplaintRequest request = new ComplaintRequest(reference, date(execution.getVariable(VAR_RECEIVED_ON)), kind,
        text(execution.getVariable(VAR_TEXT)), conductPart, text(execution.getVariable(VAR_CONDUCT_INSPECTORATE)),
        bool(execution.getVariable(VAR_WITHHOLD_REQUESTED)), text(execution.getVariable(VAR_EXCEPTIONAL_CIRCUMSTANCES)),
        text(execution.getVariable(VAR_EDITION)), text(execution.getVariable(VAR_RELATES_TO)));
    ComplaintValidator.Validated complaint;
    try {
      complaint = validator.validate(request, false);
    } catch (ComplaintRefused refused) {
      throw new BadUserRequestException(refused.getMessage());
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey == null) {
      execution.setProcessBusinessKey(complaint.request().inspectionReference());
    } else if (!businessKey.equals(complaint.request().inspectionReference())) {
      throw new BadUserRequestException("inspectionReference: '" + complaint.request().inspectionReference()
          + "' differs from the business key '" + businessKey + "'; the business key is the inspection reference.");
    }
    record(execution, complaint);
    // The card says which inspection the complaint's tasks belong to, never what the complaint says.
    TaskCards.set(execution, cards.forReference(complaint.inspection().reference())
        .orElseThrow(() -> new IllegalStateException("the inspection of a validated complaint has gone")));
  }

  private void record(DelegateExecution execution, ComplaintValidator.Validated complaint) {
    ComplaintKind kind = complaint.kind();
    boolean withhold = Boolean.TRUE.equals(complaint.request().withholdOrWithdrawRequested());
    execution.setVariable(VAR_INSPECTION_REFERENCE, complaint.request().inspectionReference());
    execution.setVariable(VAR_FRAMEWORK, complaint.inspection().framework());
    // Copied from the inspection, so that teamMembers names each partner inspectorate's inspectors on it.
    execution.setVariable(VAR_LEAD_INSPECTOR_OF_INSPECTION, complaint.inspection().leadInspector());
    execution.setVariable(VAR_INSPECTION_TEAM, complaint.inspection().team().variableValue());
    execution.setVariable(VAR_EDITION, complaint.edition().id);
    execution.setVariable(VAR_RELATES_TO, complaint.relatesTo());
    execution.setVariable(VAR_REFERRED_TO_INSPECTORATE, complaint.referredToInspectorate());
    execution.setVariable(VAR_RELATES_TO_TEXT, RELATES_TO_JOINT.equals(complaint.relatesTo())
        ? "the joint inspection arrangements" : Inspectorates.displayName(complaint.relatesTo()) + "'s own work");
    execution.setVariable(VAR_RECEIVED_ON, midnight(complaint.receivedOn()));
    execution.setVariable(VAR_KIND, kind.id);
    execution.setVariable(VAR_CONDUCT_INSPECTORATE,
        kind.concernsConduct() ? complaint.request().conductInspectorate().strip() : null);
    if (kind == ComplaintKind.CONDUCT) {
      execution.removeVariable(VAR_TEXT);
    }
    execution.setVariable(VAR_WITHHOLD_REQUESTED, withhold);
    execution.setVariable(VAR_EXCEPTIONAL_CIRCUMSTANCES, withhold ? complaint.request().exceptionalCircumstances() : null);
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable(VAR_WITHHOLD_REQUEST_RECEIVED_AT, withhold ? now : null);
    execution.setVariable(VAR_WITHHOLD_REQUEST_RECEIVED_AT_TEXT, withhold ? MOMENT.format(now.toInstant()) : null);
    execution.setVariable(VAR_WINDOW, complaint.window().window());
    execution.setVariable(VAR_WINDOW_RULE, complaint.window().rule());
    execution.setVariable(VAR_PUBLISHED_ON, complaint.inspection().published() ? midnight(complaint.inspection().publishedOn()) : null);
    execution.setVariable(VAR_FINALISED_ON, complaint.inspection().finalised() ? midnight(complaint.inspection().finalisedOn()) : null);
    // Decisions the gateways read: present from the start, so that every condition can be evaluated.
    execution.setVariable(VAR_CONDUCT_HANDLING, kind == ComplaintKind.CONDUCT ? HANDLING_SEPARATELY : null);
    execution.setVariable(VAR_CONDUCT_MAY_AFFECT_FINDINGS, false);
    execution.setVariable(VAR_CONDUCT_UPHELD, null);
    execution.setVariable(VAR_LATE_CONSIDERED, null);
    execution.setVariable(VAR_RESOLVED_EARLY, null);
    execution.setVariable(VAR_VIEWS_SOUGHT, null);
    execution.setVariable(VAR_WITHHOLD_DECIDED, false);
    execution.setVariable(VAR_PARTNER_VIEWS, "None given yet.");
    execution.setVariable(VAR_PARTNER_VIEWS_COUNT, 0);
    execution.setVariable(VAR_EXCEPTIONAL_FOUND, null);
    execution.setVariable(VAR_LEAD_INVESTIGATOR, null);
    // Texts for the forms
    execution.setVariable(VAR_RECEIVED_ON_TEXT, ComplaintMilestones.DATE.format(complaint.receivedOn()));
    execution.setVariable(VAR_KIND_TEXT, kind.title);
    execution.setVariable(VAR_EDITION_TEXT, complaint.edition().title);
    execution.setVariable(VAR_CONDUCT_INSPECTORATE_TEXT,
        kind.concernsConduct() ? Inspectorates.displayName(complaint.request().conductInspectorate().strip()) : null);
    execution.setVariable(VAR_WITHHOLD_DECISION_TEXT, withhold ? "requested; not decided yet" : "not requested");
    execution.setVariable(VAR_EXPECTED_DEADLINES,
        milestones.describe(milestones.of(complaint.edition(), kind, complaint.receivedOn(),
            complaint.jointProcess())));
  }

  static Date midnight(LocalDate date) {
    return Date.from(date.atStartOfDay(WorkingDayCalendar.LONDON).toInstant());
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  /** The start form sends yyyy-MM-dd; a Date or LocalDate from Java is taken at its London date. */
  private static String date(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate().toString();
    }
    return value == null ? null : value.toString();
  }
}
