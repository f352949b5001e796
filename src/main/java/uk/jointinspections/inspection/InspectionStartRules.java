package uk.jointinspections.inspection;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDays;

/**
 * The rules a new inspection must meet, shared by the REST API and the Tasklist start form so that both refuse the
 * same input with the same words. The first broken rule is reported, naming its field.
 */
@Component
public class InspectionStartRules {

  public static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{2,39}");
  private static final int MAX_AREA_LENGTH = 100;

  private final WorkingDays workingDays;
  private final StartFields fields;

  public InspectionStartRules(WorkingDays workingDays, StartFields fields) {
    this.workingDays = workingDays;
    this.fields = fields;
  }

  public ValidatedStart validate(InspectionStartRequest request) {
    JtaiFramework framework = JtaiFramework.ofId(required(request.framework(), "framework"))
        .orElseThrow(() -> new InvalidInspectionException("framework",
            "'" + request.framework() + "' is not a framework edition; use jtai-2017 or jtai-2016."));
    String reference = required(request.reference(), "reference");
    if (!REFERENCE.matcher(reference).matches()) {
      throw new InvalidInspectionException("reference",
          "use 3 to 40 letters, digits and hyphens, starting with a letter or digit (for example JTAI-2026-101).");
    }
    String area = required(request.localAuthority(), "localAuthority");
    if (area.length() > MAX_AREA_LENGTH) {
      throw new InvalidInspectionException("localAuthority", "at most " + MAX_AREA_LENGTH + " characters.");
    }
    String themeId = required(request.deepDiveTheme(), "deepDiveTheme");
    JtaiFramework.DeepDiveTheme theme = framework.theme(themeId).orElseThrow(() -> new InvalidInspectionException(
        "deepDiveTheme", "'" + themeId + "' is not a deep dive theme of " + framework.id + " (Annex A lists: "
            + String.join(", ", framework.themes.stream().map(t -> t.id).toList()) + ")."));
    LocalDate dayZero = dayZero(request);
    LocalDate fieldworkStart = workingDays.add(dayZero, JtaiFramework.FIELDWORK_START_DAY);
    String lead = required(request.leadInspector(), "leadInspector");
    requireMember(lead, Inspectorates.OFSTED, "leadInspector", "the lead inspector must be an Ofsted inspector");
    // ¶93 (2016 ¶92) "A quality assurance (QA) manager will be assigned to the inspection": named at the start, since
    // the day-0 set-up discussion (¶15) and the Annex B e-mail give their contact details, and a different person
    // from the lead inspector, since the two agree the draft letter (day 16) and the factual accuracy (day 34).
    String qa = required(request.qaManager(), "qaManager");
    requireMember(qa, Inspectorates.QA_MANAGER, "qaManager", "the QA manager must be in the qa-manager group");
    if (qa.equalsIgnoreCase(lead)) {
      throw new InvalidInspectionException("qaManager", "the QA manager and the lead inspector must be different people"
          + " (they agree the draft letter and the factual accuracy revisions together).");
    }
    InspectionTeam team = fields.team(request.inspectionTeam(), framework.id, JtaiInspectionFramework.INSPECTORATES);
    return new ValidatedStart(framework, reference, area, theme, dayZero, fieldworkStart, lead, qa, team);
  }

  private LocalDate dayZero(InspectionStartRequest request) {
    boolean notified = present(request.notificationDate());
    boolean planned = present(request.plannedFieldworkStart());
    if (!notified && !planned) {
      throw new InvalidInspectionException("notificationDate",
          "give the notification date (day 0) or the planned start of fieldwork (plannedFieldworkStart).");
    }
    LocalDate dayZero = null;
    if (notified) {
      dayZero = workingDate(request.notificationDate(), "notificationDate");
    }
    if (planned) {
      LocalDate fieldwork = workingDate(request.plannedFieldworkStart(), "plannedFieldworkStart");
      LocalDate countedBack = workingDays.add(fieldwork, -JtaiFramework.FIELDWORK_START_DAY);
      if (dayZero != null && !dayZero.equals(countedBack)) {
        throw new InvalidInspectionException("plannedFieldworkStart", "fieldwork starts on day 9, nine working days"
            + " after the notification date " + dayZero + ", which is " + workingDays.add(dayZero, 9)
            + "; give only one of the two dates or make them agree.");
      }
      dayZero = countedBack;
    }
    return dayZero;
  }

  private LocalDate workingDate(String text, String field) {
    return fields.workingDate(text, field);
  }

  private void requireMember(String userId, String group, String field, String why) {
    fields.member(userId, field, why, group);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String required(String value, String field) {
    if (!present(value)) {
      throw new InvalidInspectionException(field, "is required.");
    }
    return value.strip();
  }
}
