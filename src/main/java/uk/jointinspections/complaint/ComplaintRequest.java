package uk.jointinspections.complaint;

import uk.jointinspections.web.FreeText;

/**
 * A complaint as recorded from the online form, before validation: the body of
 * {@code POST /api/inspections/{reference}/complaints} and the start form's fields.
 *
 * @param receivedOn the day the complaint was made, yyyy-MM-dd
 * @param text the challenge to the inspection process or outcome; never the conduct part
 * @param conductDetails the conduct part (kinds conduct and both): stored only in the confidential conduct
 *     investigation, never in the complaint
 * @param complaintEdition optional: 2017, 2024 or 2009; derived from the inspection's framework when absent
 */
public record ComplaintRequest(String inspectionReference, String receivedOn, String kind, @FreeText String text,
    @FreeText String conductDetails, String conductInspectorate, Boolean withholdOrWithdrawRequested,
    @FreeText String exceptionalCircumstances, String complaintEdition) {

  public ComplaintRequest withReference(String reference) {
    return new ComplaintRequest(reference, receivedOn, kind, text, conductDetails, conductInspectorate,
        withholdOrWithdrawRequested, exceptionalCircumstances, complaintEdition);
  }
}
