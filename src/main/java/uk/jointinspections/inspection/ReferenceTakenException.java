package uk.jointinspections.inspection;

/** The reference already names another inspection, in any framework; the API answers 409 Conflict. */
public class ReferenceTakenException extends InvalidInspectionException {

  public ReferenceTakenException(String reference) {
    this(reference, "already exists; nothing was created.");
  }

  ReferenceTakenException(String reference, String why) {
    super("reference", "an inspection with reference '" + reference + "' " + why);
  }
}
