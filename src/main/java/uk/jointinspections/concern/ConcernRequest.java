package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.util.HashMap;
import java.util.Map;
import uk.jointinspections.web.FreeText;

/**
 * Annex C as the referring inspector fills it in, from the REST API (JSON with these field names) or from the
 * Tasklist start form (its variables). The referring inspector and the date of referral are not part of it: they are
 * the signed-in user and today.
 *
 * @param category1 Annex C's first box: serious issue of concern (failure to follow child protection procedures and/or
 *     a child at immediate risk of significant harm)
 * @param category2 the second box: the service offer or risk assessment may not be appropriate for the child's needs
 * @param responseRequiredBy yyyy-MM-dd, or empty for the default of the response-deadline decision
 */
public record ConcernRequest(String caseNumbers, String agencyService, String seniorOfficerRole,
    String seniorOfficerEmail, Boolean category1, Boolean category2, @FreeText String issues, String responseRequiredBy) {

  /** Reads the start form's variables (radio {@code category} "1"/"2") or the REST ones ({@code category1/2}). */
  public static ConcernRequest fromVariables(Map<String, Object> variables) {
    Object category = variables.get(VAR_CATEGORY);
    Boolean one = bool(variables.get(VAR_CATEGORY_1));
    Boolean two = bool(variables.get(VAR_CATEGORY_2));
    if (category != null && !String.valueOf(category).isBlank()) {
      String value = String.valueOf(category).strip();
      one = "1".equals(value) || Boolean.TRUE.equals(one);
      two = "2".equals(value) || Boolean.TRUE.equals(two);
    }
    return new ConcernRequest(text(variables.get(VAR_CASE_NUMBERS)), text(variables.get(VAR_AGENCY_SERVICE)),
        text(variables.get(VAR_SENIOR_OFFICER_ROLE)), text(variables.get(VAR_SENIOR_OFFICER_EMAIL)), one, two,
        text(variables.get(VAR_ISSUES)), text(variables.get(VAR_RESPONSE_REQUIRED_BY)));
  }

  /** The start variables of the REST path (the start listener reads them back through {@link #fromVariables}). */
  public Map<String, Object> toVariables(String inspectionReference) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_INSPECTION_REFERENCE, inspectionReference);
    variables.put(VAR_CASE_NUMBERS, caseNumbers);
    variables.put(VAR_AGENCY_SERVICE, agencyService);
    variables.put(VAR_SENIOR_OFFICER_ROLE, seniorOfficerRole);
    variables.put(VAR_SENIOR_OFFICER_EMAIL, seniorOfficerEmail);
    variables.put(VAR_CATEGORY_1, Boolean.TRUE.equals(category1));
    variables.put(VAR_CATEGORY_2, Boolean.TRUE.equals(category2));
    variables.put(VAR_ISSUES, issues);
    variables.put(VAR_RESPONSE_REQUIRED_BY, responseRequiredBy);
    return variables;
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? null : Boolean.valueOf(String.valueOf(value).strip());
  }
}
