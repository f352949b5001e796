package uk.jointinspections.inspection;

import java.util.List;

/**
 * What {@code POST /api/inspections} and the Tasklist start forms ask for. Dates are ISO {@code yyyy-MM-dd}; give the
 * notification date (day 0) or the planned start of fieldwork, from which day 0 is counted back. Which fields a
 * framework uses, and how, is that framework's rule ({@link InspectionFramework#validate}).
 *
 * @param noNotice 2009 safeguarding and looked after children inspections only: inspected without notice (paragraph 11)
 * @param noNoticeReason why: {@code inadequate} (provision already judged inadequate) or {@code serious-concerns}
 * @param inspectionTeam optional: the user ids of the inspectors on the team besides the lead inspector and the QA
 *     manager, each of an inspectorate taking part in the framework ({@link InspectionTeam})
 * @param scope 2009 safeguarding and looked after children inspections only: {@code both} (the default),
 *     {@code safeguarding} or {@code looked-after-children}, a separate inspection of one of them (paragraph 18)
 * @param scopeReason why a separate inspection: {@code inadequate} (provision judged inadequate previously) or
 *     {@code serious-concerns}
 */
public record InspectionStartRequest(String framework, String reference, String localAuthority, String deepDiveTheme,
    String notificationDate, String plannedFieldworkStart, String leadInspector, String qaManager, Boolean noNotice,
    String noNoticeReason, List<String> inspectionTeam, String scope, String scopeReason) {

  public InspectionStartRequest(String framework, String reference, String localAuthority, String deepDiveTheme,
      String notificationDate, String plannedFieldworkStart, String leadInspector, String qaManager, Boolean noNotice,
      String noNoticeReason, List<String> inspectionTeam) {
    this(framework, reference, localAuthority, deepDiveTheme, notificationDate, plannedFieldworkStart, leadInspector,
        qaManager, noNotice, noNoticeReason, inspectionTeam, null, null);
  }

  public InspectionStartRequest(String framework, String reference, String localAuthority, String deepDiveTheme,
      String notificationDate, String plannedFieldworkStart, String leadInspector, String qaManager, Boolean noNotice,
      String noNoticeReason) {
    this(framework, reference, localAuthority, deepDiveTheme, notificationDate, plannedFieldworkStart, leadInspector,
        qaManager, noNotice, noNoticeReason, null);
  }

  /** A request for a framework that gives notice. */
  public InspectionStartRequest(String framework, String reference, String localAuthority, String deepDiveTheme,
      String notificationDate, String plannedFieldworkStart, String leadInspector, String qaManager) {
    this(framework, reference, localAuthority, deepDiveTheme, notificationDate, plannedFieldworkStart, leadInspector,
        qaManager, null, null, null);
  }

  /** The same request with the inspection team named. */
  public InspectionStartRequest withTeam(List<String> team) {
    return new InspectionStartRequest(framework, reference, localAuthority, deepDiveTheme, notificationDate,
        plannedFieldworkStart, leadInspector, qaManager, noNotice, noNoticeReason, team, scope, scopeReason);
  }

  /** The same request with what is inspected (paragraph 18 of the 2009 framework) and why. */
  public InspectionStartRequest withScope(String scope, String scopeReason) {
    return new InspectionStartRequest(framework, reference, localAuthority, deepDiveTheme, notificationDate,
        plannedFieldworkStart, leadInspector, qaManager, noNotice, noNoticeReason, inspectionTeam, scope, scopeReason);
  }
}
