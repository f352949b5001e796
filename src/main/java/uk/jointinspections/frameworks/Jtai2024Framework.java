package uk.jointinspections.frameworks;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Start rules of the 2024 JTAI: a reference, the local authority, the planned start of fieldwork (or the notification
 * date, 10 working days before it), an Ofsted lead inspector and a Senior HMI as QA manager (paragraphs 10-11, 13, 16).
 * There is no deep dive theme: the scope is the front door.
 */
@Component
public class Jtai2024Framework implements InspectionFramework {

  private final StartFields fields;
  private final WorkingDays workingDays;

  public Jtai2024Framework(StartFields fields, WorkingDays workingDays) {
    this.fields = fields;
    this.workingDays = workingDays;
  }

  @Override
  public String label(String name) {
    return "JTAI 2024";
  }

  @Override
  public Set<String> names() {
    return Set.of(Jtai2024Process.FRAMEWORK);
  }

  @Override
  public String processKey() {
    return Jtai2024Process.KEY;
  }

  /** Inspectors from Ofsted, CQC and HMICFRS carry out the 2024 JTAI (paragraph 2). */
  @Override
  public List<String> inspectorates() {
    return List.of(Inspectorates.OFSTED, Inspectorates.CQC, Inspectorates.HMICFRS);
  }

  @Override
  public List<SubmissionItem> submissions() {
    return Jtai2024Process.SUBMISSIONS;
  }

  @Override
  public Start validate(InspectionStartRequest request) {
    String reference = fields.reference(request.reference());
    StartFields.noticeIsGiven(request, Jtai2024Process.FRAMEWORK);
    StartFields.noScope(request, Jtai2024Process.FRAMEWORK);
    String area = fields.localAuthority(request.localAuthority());
    if (StartFields.present(request.deepDiveTheme())) {
      throw new InvalidInspectionException("deepDiveTheme",
          "the 2024 JTAI has no deep dive theme: its scope is the multi-agency front door (paragraphs 5-8).");
    }
    Jtai2024Plan plan = plan(request);
    String lead = fields.member(request.leadInspector(), "leadInspector",
        "the lead inspector is one of Ofsted's social care inspectors (paragraph 10)", Inspectorates.OFSTED,
        Inspectorates.LEAD_INSPECTOR);
    String qa = fields.member(request.qaManager(), "qaManager",
        "the quality assurance manager is a Senior HMI from Ofsted (paragraph 11)", Inspectorates.OFSTED,
        Inspectorates.QA_MANAGER);
    if (qa.equals(lead)) {
      throw new InvalidInspectionException("qaManager",
          "the QA manager is independent of the inspection team (paragraph 89): name a Senior HMI other than the lead"
              + " inspector.");
    }
    Map<String, Object> variables = new HashMap<>(plan.variables());
    variables.put(InspectionVariables.FRAMEWORK, Jtai2024Process.FRAMEWORK);
    variables.put(InspectionVariables.REFERENCE, reference);
    variables.put(InspectionVariables.LOCAL_AUTHORITY, area);
    variables.put(InspectionVariables.LEAD_INSPECTOR, lead);
    variables.put(InspectionVariables.QA_MANAGER, qa);
    variables.put(InspectionTeam.VARIABLE,
        fields.team(request.inspectionTeam(), Jtai2024Process.FRAMEWORK, inspectorates()).variableValue());
    variables.put(Jtai2024Process.VAR_DEFERRALS, 0);
    variables.put(Jtai2024Process.VAR_DEFERRAL_REQUESTED, false);
    return new Start(reference, variables);
  }

  private Jtai2024Plan plan(InspectionStartRequest request) {
    boolean notified = StartFields.present(request.notificationDate());
    boolean planned = StartFields.present(request.plannedFieldworkStart());
    if (!planned && !notified) {
      throw new InvalidInspectionException("plannedFieldworkStart",
          "give the planned start of fieldwork; the notification comes 10 working days before it (paragraph 16).");
    }
    Jtai2024Plan plan;
    if (planned) {
      plan = Jtai2024Plan.fromFieldworkStart(fields.workingDate(request.plannedFieldworkStart(), "plannedFieldworkStart"),
          workingDays);
      if (notified) {
        LocalDate notification = fields.workingDate(request.notificationDate(), "notificationDate");
        if (!notification.equals(plan.notification())) {
          throw new InvalidInspectionException("notificationDate", "the notification is 10 working days before"
              + " fieldwork, which is " + plan.notification() + " for fieldwork from " + plan.fieldworkStart()
              + "; give only the planned start of fieldwork or make the two agree.");
        }
      }
    } else {
      LocalDate notification = fields.workingDate(request.notificationDate(), "notificationDate");
      plan = Jtai2024Plan.fromFieldworkStart(workingDays.add(notification, Jtai2024Process.FIELDWORK_START_DAY),
          workingDays);
    }
    return plan;
  }
}
