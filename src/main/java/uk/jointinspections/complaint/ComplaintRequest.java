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
 * @param complaintEdition optional: 2017, 2024, 2009 or ofsted-2016; the inspection's framework's (refused otherwise)
 * @param relatesTo optional: joint-arrangements (the default) or the inspectorate whose own work the challenge is
 *     about; a partner inspectorate's is referred to it (JTAI 2017 paragraph 102, 2016 paragraph 101)
 */
public record ComplaintRequest(String inspectionReference, String receivedOn, String kind, @FreeText String text,
    @FreeText String conductDetails, String conductInspectorate, Boolean withholdOrWithdrawRequested,
    @FreeText String exceptionalCircumstances, String complaintEdition, String relatesTo) {

  public ComplaintRequest(String inspectionReference, String receivedOn, String kind, String text,
      String conductDetails, String conductInspectorate, Boolean withholdOrWithdrawRequested,
      String exceptionalCircumstances, String complaintEdition) {
    this(inspectionReference, receivedOn, kind, text, conductDetails, conductInspectorate, withholdOrWithdrawRequested,
        exceptionalCircumstances, complaintEdition, null);
  }

  public ComplaintRequest withReference(String reference) {
    return new ComplaintRequest(reference, receivedOn, kind, text, conductDetails, conductInspectorate,
        withholdOrWithdrawRequested, exceptionalCircumstances, complaintEdition, relatesTo);
  }
}
