package uk.jointinspections.inspection;

/**
 * What {@code POST /api/inspections} and the Tasklist start form ask for. Dates are ISO {@code yyyy-MM-dd}; give the
 * notification date (day 0) or the planned start of fieldwork (day 9), from which day 0 is counted back.
 */
public record InspectionStartRequest(String framework, String reference, String localAuthority, String deepDiveTheme,
    String notificationDate, String plannedFieldworkStart, String leadInspector, String qaManager) {
}
