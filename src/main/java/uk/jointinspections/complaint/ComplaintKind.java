package uk.jointinspections.complaint;

import java.util.Arrays;
import java.util.Optional;

/** Annex D's three kinds of complaint. */
public enum ComplaintKind {
  PROCESS_OUTCOME("process-outcome", "Challenge to the inspection process and/or outcome"),
  CONDUCT("conduct", "Inspector conduct"),
  BOTH("both", "Challenge to process or outcome and inspector conduct");

  public final String id;
  public final String title;

  ComplaintKind(String id, String title) {
    this.id = id;
    this.title = title;
  }

  public boolean concernsConduct() {
    return this != PROCESS_OUTCOME;
  }

  public static Optional<ComplaintKind> ofId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}
