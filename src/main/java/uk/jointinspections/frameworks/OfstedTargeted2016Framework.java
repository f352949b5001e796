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
import uk.jointinspections.inspection.JtaiFramework.DeepDiveTheme;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.StartFields;
import uk.jointinspections.inspection.SubmissionItem;

/**
 * Start rules of the 2016 Ofsted targeted inspection: one inspectorate, so the lead inspector and the QA manager are
 * Ofsted staff; a deep dive theme from its Annex A (only child sexual exploitation and missing children); the
 * notification (day 0) nine working days before fieldwork (paragraph 12).
 */
@Component
public class OfstedTargeted2016Framework implements InspectionFramework {

  /** Annex A, "List of deep dive investigation themes". */
  static final List<DeepDiveTheme> THEMES = List.of(DeepDiveTheme.CSE_AND_MISSING);

  private final StartFields fields;
  private final WorkingDays workingDays;

  public OfstedTargeted2016Framework(StartFields fields, WorkingDays workingDays) {
    this.fields = fields;
    this.workingDays = workingDays;
  }

  @Override
  public String label(String name) {
    return "Ofsted targeted 2016";
  }

  @Override
  public Set<String> names() {
    return Set.of(OfstedTargeted2016Process.FRAMEWORK);
  }

  @Override
  public String processKey() {
    return OfstedTargeted2016Process.KEY;
  }

  /** Ofsted alone (paragraph 8). */
  @Override
  public List<String> inspectorates() {
    return List.of(Inspectorates.OFSTED);
  }

  @Override
  public List<SubmissionItem> submissions() {
    return OfstedTargeted2016Process.SUBMISSIONS;
  }

  @Override
  public Start validate(InspectionStartRequest request) {
    String reference = fields.reference(request.reference());
    StartFields.noticeIsGiven(request, OfstedTargeted2016Process.FRAMEWORK);
    StartFields.noScope(request, OfstedTargeted2016Process.FRAMEWORK);
    String area = fields.localAuthority(request.localAuthority());
    String themeId = StartFields.required(request.deepDiveTheme(), "deepDiveTheme");
    DeepDiveTheme theme = THEMES.stream().filter(t -> t.id.equals(themeId)).findFirst()
        .orElseThrow(() -> new InvalidInspectionException("deepDiveTheme", "'" + themeId + "' is not a deep dive theme"
            + " of the 2016 targeted inspection (Annex A lists: cse-and-missing)."));
    LocalDate dayZero = dayZero(request);
    String lead = fields.member(request.leadInspector(), "leadInspector",
        "the targeted inspection is Ofsted's alone (paragraph 8)", Inspectorates.OFSTED);
    String qa = fields.member(request.qaManager(), "qaManager",
        "every inspection is assigned an Ofsted QA manager (paragraph 91)", Inspectorates.OFSTED, Inspectorates.QA_MANAGER);
    if (qa.equals(lead)) {
      throw new InvalidInspectionException("qaManager", "the QA manager must be someone other than the lead inspector:"
          + " the two agree the draft letter and consider the factual accuracy comments together (paragraphs 9, 91).");
    }
    LocalDate fieldwork = workingDays.add(dayZero, OfstedTargeted2016Process.FIELDWORK_START_DAY);
    Map<String, Object> variables = new HashMap<>();
    variables.put(InspectionVariables.FRAMEWORK, OfstedTargeted2016Process.FRAMEWORK);
    variables.put(InspectionVariables.REFERENCE, reference);
    variables.put(InspectionVariables.LOCAL_AUTHORITY, area);
    variables.put(JtaiProcess.VAR_DEEP_DIVE_THEME, theme.id);
    variables.put(InspectionVariables.DAY_ZERO, Jtai2024Plan.midnight(dayZero));
    variables.put(InspectionVariables.FIELDWORK_START, Jtai2024Plan.midnight(fieldwork));
    variables.put(InspectionVariables.DAY_ZERO_LABEL, Jtai2024Plan.label(dayZero));
    variables.put(InspectionVariables.FIELDWORK_START_LABEL, Jtai2024Plan.label(fieldwork));
    variables.put(InspectionVariables.LEAD_INSPECTOR, lead);
    variables.put(InspectionVariables.QA_MANAGER, qa);
    variables.put(InspectionTeam.VARIABLE,
        fields.team(request.inspectionTeam(), OfstedTargeted2016Process.FRAMEWORK, inspectorates()).variableValue());
    variables.put("notificationDate", dayZero.toString());
    return new Start(reference, variables);
  }

  private LocalDate dayZero(InspectionStartRequest request) {
    boolean notified = StartFields.present(request.notificationDate());
    boolean planned = StartFields.present(request.plannedFieldworkStart());
    if (!notified && !planned) {
      throw new InvalidInspectionException("plannedFieldworkStart",
          "give the planned start of fieldwork (day 9) or the notification date (day 0).");
    }
    LocalDate dayZero = notified ? fields.workingDate(request.notificationDate(), "notificationDate") : null;
    if (planned) {
      LocalDate fieldwork = fields.workingDate(request.plannedFieldworkStart(), "plannedFieldworkStart");
      LocalDate countedBack = workingDays.add(fieldwork, -OfstedTargeted2016Process.FIELDWORK_START_DAY);
      if (dayZero != null && !dayZero.equals(countedBack)) {
        throw new InvalidInspectionException("plannedFieldworkStart", "fieldwork starts on day 9, nine working days"
            + " after the notification " + dayZero + ", which is " + workingDays.add(dayZero, 9)
            + "; give only one of the two dates or make them agree.");
      }
      dayZero = countedBack;
    }
    return dayZero;
  }
}
