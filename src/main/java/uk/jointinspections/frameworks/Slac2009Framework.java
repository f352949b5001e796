package uk.jointinspections.frameworks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.InspectionFramework;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.inspection.InspectionVariables;
import uk.jointinspections.inspection.Inspectorates;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.inspection.StartFields;
import uk.jointinspections.inspection.SubmissionItem;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * Start rules of the 2009 inspection of safeguarding and looked after children services: at most 10 working days'
 * notice (table 1: notification on day 1, fieldwork from day 11), or none where provision was already judged
 * inadequate or serious safeguarding concerns were raised (paragraph 11): then the notification is on the first day
 * of fieldwork and the steps of days 2-10 do not happen. The lead inspector is an Ofsted inspector (paragraph 14). A
 * team named at start includes the CQC inspector who does the CQC fieldwork (paragraph 14: "normally ... at least three
 * Ofsted inspectors and a Care Quality Commission inspector"; fewer Ofsted inspectors are accepted, the word being
 * "normally"); without a team the CQC fieldwork is offered to the whole CQC group. Both elements are inspected
 * together unless the start asks for a separate inspection of one, with one of the reasons of paragraph 18.
 */
@Component
public class Slac2009Framework implements InspectionFramework {

  private final StartFields fields;
  private final WorkingDays workingDays;
  private final IdentityService identityService;
  private final WithoutAuthorization unrestricted;

  public Slac2009Framework(StartFields fields, WorkingDays workingDays, @Lazy IdentityService identityService,
      WithoutAuthorization unrestricted) {
    this.fields = fields;
    this.workingDays = workingDays;
    this.identityService = identityService;
    this.unrestricted = unrestricted;
  }

  private boolean inCqc(String userId) {
    return unrestricted.call(() -> identityService.createUserQuery().userId(userId).memberOfGroup(Inspectorates.CQC)
        .count()) > 0;
  }

  @Override
  public String label(String name) {
    return "SLAC 2009";
  }

  @Override
  public Set<String> names() {
    return Set.of(Slac2009Process.FRAMEWORK);
  }

  @Override
  public String processKey() {
    return Slac2009Process.KEY;
  }

  /** Inspectors from Ofsted and the Care Quality Commission carry it out (paragraphs 3, 13). */
  @Override
  public List<String> inspectorates() {
    return List.of(Inspectorates.OFSTED, Inspectorates.CQC);
  }

  @Override
  public List<SubmissionItem> submissions() {
    return Slac2009Process.SUBMISSIONS;
  }

  @Override
  public Start validate(InspectionStartRequest request) {
    String reference = fields.reference(request.reference());
    String area = fields.localAuthority(request.localAuthority());
    if (StartFields.present(request.deepDiveTheme())) {
      throw new InvalidInspectionException("deepDiveTheme",
          "the 2009 inspection has no deep dive theme: it covers safeguarding and looked after children.");
    }
    boolean noNotice = Boolean.TRUE.equals(request.noNotice());
    String reason = null;
    if (noNotice) {
      reason = StartFields.required(request.noNoticeReason(), "noNoticeReason");
      if (!Slac2009Process.NO_NOTICE_REASONS.contains(reason)) {
        throw new InvalidInspectionException("noNoticeReason", "'" + reason + "' is not a reason paragraph 11 gives;"
            + " use inadequate (provision already judged inadequate) or serious-concerns (serious concerns about"
            + " safeguarding have been raised).");
      }
    } else if (StartFields.present(request.noNoticeReason())) {
      throw new InvalidInspectionException("noNoticeReason", "only for an inspection without notice (noNotice true).");
    }
    String scope = StartFields.present(request.scope()) ? request.scope().strip() : Slac2009Process.SCOPE_BOTH;
    if (!Slac2009Process.SCOPES.contains(scope)) {
      throw new InvalidInspectionException(Slac2009Process.VAR_SCOPE, "'" + scope + "' is not what paragraph 18"
          + " lets an inspection cover; use both (a single inspection, the default), safeguarding or"
          + " looked-after-children (a separate inspection of one of them).");
    }
    String scopeReason = null;
    if (!Slac2009Process.SCOPE_BOTH.equals(scope)) {
      if (!StartFields.present(request.scopeReason())) {
        throw new InvalidInspectionException(Slac2009Process.VAR_SCOPE_REASON, "is required for a separate inspection"
            + " of " + scope + ": paragraph 18 allows one only where provision has been judged inadequate previously"
            + " (inadequate) or serious concerns about safeguarding have been raised (serious-concerns).");
      }
      scopeReason = request.scopeReason().strip();
      if (!Slac2009Process.SCOPE_REASONS.contains(scopeReason)) {
        throw new InvalidInspectionException(Slac2009Process.VAR_SCOPE_REASON, "'" + scopeReason + "' is not a reason"
            + " paragraph 18 gives for a separate inspection; use inadequate (provision judged inadequate previously)"
            + " or serious-concerns (serious concerns about safeguarding have been raised).");
      }
    } else if (StartFields.present(request.scopeReason())) {
      throw new InvalidInspectionException(Slac2009Process.VAR_SCOPE_REASON, "only for a separate inspection (scope"
          + " safeguarding or looked-after-children, paragraph 18).");
    }
    if (noNotice && Slac2009Process.SCOPE_LOOKED_AFTER_CHILDREN.equals(scope)) {
      throw new InvalidInspectionException("noNotice", "paragraph 11 allows an inspection without notice for a full"
          + " inspection of safeguarding; a separate inspection of looked after children is notified.");
    }
    LocalDate fieldworkStart = fieldworkStart(request, noNotice);
    LocalDate notification = noNotice ? fieldworkStart
        : workingDays.add(fieldworkStart, Slac2009Process.NOTIFICATION_DAY - Slac2009Process.FIELDWORK_START_DAY);
    LocalDate dayZero = workingDays.add(fieldworkStart, -Slac2009Process.FIELDWORK_START_DAY);
    String lead = fields.member(request.leadInspector(), "leadInspector",
        "the lead inspector is an Ofsted inspector (paragraph 14)", Inspectorates.OFSTED);
    String qa = StartFields.present(request.qaManager())
        ? fields.member(request.qaManager(), "qaManager", "inspection reports are quality assured (paragraph 68)",
            Inspectorates.QA_MANAGER)
        : null;
    Map<String, Object> variables = new HashMap<>();
    variables.put(InspectionVariables.FRAMEWORK, Slac2009Process.FRAMEWORK);
    variables.put(InspectionVariables.REFERENCE, reference);
    variables.put(InspectionVariables.LOCAL_AUTHORITY, area);
    variables.put(InspectionVariables.DAY_ZERO, Jtai2024Plan.midnight(dayZero));
    variables.put(InspectionVariables.FIELDWORK_START, Jtai2024Plan.midnight(fieldworkStart));
    variables.put(InspectionVariables.DAY_ZERO_LABEL, Jtai2024Plan.label(dayZero));
    variables.put(InspectionVariables.FIELDWORK_START_LABEL, Jtai2024Plan.label(fieldworkStart));
    variables.put("notificationDateLabel", Jtai2024Plan.label(notification));
    variables.put("notificationDate", notification.toString());
    variables.put("plannedFieldworkStart", fieldworkStart.toString());
    variables.put(Slac2009Process.VAR_NO_NOTICE, noNotice);
    variables.put(Slac2009Process.VAR_NO_NOTICE_REASON, reason);
    variables.put(Slac2009Process.VAR_SCOPE, scope);
    variables.put(Slac2009Process.VAR_SCOPE_REASON, scopeReason);
    variables.put(InspectionVariables.LEAD_INSPECTOR, lead);
    variables.put(InspectionVariables.QA_MANAGER, qa);
    InspectionTeam team = fields.team(request.inspectionTeam(), Slac2009Process.FRAMEWORK, inspectorates());
    if (!team.isEmpty() && team.members().stream().noneMatch(member -> inCqc(member))) {
      throw new InvalidInspectionException(InspectionTeam.FIELD, "the team includes a Care Quality Commission"
          + " inspector (paragraph 14: at least three Ofsted inspectors and a CQC inspector); name one, who does the"
          + " CQC fieldwork.");
    }
    variables.put(InspectionTeam.VARIABLE, team.variableValue());
    return new Start(reference, variables);
  }

  private LocalDate fieldworkStart(InspectionStartRequest request, boolean noNotice) {
    boolean notified = StartFields.present(request.notificationDate());
    boolean planned = StartFields.present(request.plannedFieldworkStart());
    if (!notified && !planned) {
      throw new InvalidInspectionException("plannedFieldworkStart",
          "give the planned start of fieldwork (day 11) or the notification date (day 1).");
    }
    LocalDate fieldwork = planned ? fields.workingDate(request.plannedFieldworkStart(), "plannedFieldworkStart") : null;
    if (notified) {
      LocalDate notification = fields.workingDate(request.notificationDate(), "notificationDate");
      LocalDate implied = noNotice ? notification
          : workingDays.add(notification, Slac2009Process.FIELDWORK_START_DAY - Slac2009Process.NOTIFICATION_DAY);
      if (fieldwork != null && !fieldwork.equals(implied)) {
        throw new InvalidInspectionException("notificationDate", noNotice
            ? "without notice the local authority is notified on the first day of fieldwork, " + fieldwork + "."
            : "the notification is day 1 and fieldwork starts on day 11, 10 working days later: " + implied
                + " for a notification on " + notification + "; give one date or make them agree.");
      }
      fieldwork = implied;
    }
    return fieldwork;
  }
}
