package uk.jointinspections.frameworks;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.inspection.InspectionTeamAccess;
import uk.jointinspections.inspection.WithoutAuthorization;
import uk.jointinspections.inspection.InspectionProblem;
import uk.jointinspections.inspection.InvalidInspectionException;

/**
 * A deferral request from the local safeguarding partnership (2024 paragraph 19): accepted between notification and
 * fieldwork, when it opens the inspectorates' decision in the lead inspector's Tasklist.
 */
@Service
public class Jtai2024Deferrals {

  private static final int MAX_REASON = 4000;

  private final InspectionDirectory directory;
  private final RuntimeService runtimeService;
  private final InspectionTeamAccess access;
  private final WithoutAuthorization unrestricted;

  public Jtai2024Deferrals(InspectionDirectory directory, @Lazy RuntimeService runtimeService,
      InspectionTeamAccess access, WithoutAuthorization unrestricted) {
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.access = access;
    this.unrestricted = unrestricted;
  }

  public void request(String reference, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInspectionException("reason", "is required: why the partnership asks for a deferral.");
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidInspectionException("reason", "at most " + MAX_REASON + " characters.");
    }
    InspectionDirectory.Inspection inspection = directory.find(reference)
        .filter(i -> Jtai2024Process.KEY.equals(i.processKey()) && i.running())
        .orElseThrow(() -> InspectionProblem.notFound(reference));
    access.requireLeadInspector(inspection, "a deferral request");
    try {
      unrestricted.call(() -> runtimeService.createMessageCorrelation(Jtai2024Process.MESSAGE_DEFERRAL_REQUESTED)
          .processInstanceBusinessKey(reference)
          .setVariable(Jtai2024Process.VAR_DEFERRAL_REQUEST_REASON, reason.strip())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new InspectionProblem(HttpStatus.CONFLICT, "Inspection '" + reference + "' is not between notification"
          + " and fieldwork: a deferral can be requested only then (paragraph 19).");
    }
  }
}
