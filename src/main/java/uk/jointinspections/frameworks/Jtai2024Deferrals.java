package uk.jointinspections.frameworks;

import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.jointinspections.inspection.CallerRights;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.inspection.InspectionProblem;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * A deferral request from the local safeguarding partnership (2024 paragraph 19): accepted between notification and
 * fieldwork, when it opens the inspectorates' decision in the lead inspector's Tasklist.
 */
@Service
public class Jtai2024Deferrals {

  private static final int MAX_REASON = 4000;

  private final InspectionDirectory directory;
  private final RuntimeService runtimeService;
  private final CallerRights rights;
  private final WithoutAuthorization unrestricted;

  public Jtai2024Deferrals(InspectionDirectory directory, @Lazy RuntimeService runtimeService, CallerRights rights,
      WithoutAuthorization unrestricted) {
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.rights = rights;
    this.unrestricted = unrestricted;
  }

  /**
   * The caller's right first: anyone but the inspection's lead inspector (or an administrator) is refused the same
   * whether it exists, is a 2024 JTAI, or is past fieldwork, and whatever the reason says. Nobody else may correlate
   * through the engine, so the application records the request for the lead inspector.
   */
  public void request(String reference, String reason) {
    rights.requireLeadInspector(reference, List.of(Jtai2024Process.KEY),
        "You are not allowed to request a deferral of this inspection.");
    if (reason == null || reason.isBlank()) {
      throw new InvalidInspectionException("reason", "is required: why the partnership asks for a deferral.");
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidInspectionException("reason", "at most " + MAX_REASON + " characters.");
    }
    String startedAs = directory.find(reference).filter(i -> Jtai2024Process.KEY.equals(i.processKey()) && i.running())
        .orElseThrow(() -> InspectionProblem.notFound(reference)).reference();
    try {
      unrestricted.call(() -> runtimeService.createMessageCorrelation(Jtai2024Process.MESSAGE_DEFERRAL_REQUESTED)
          .processInstanceBusinessKey(startedAs)
          .setVariable(Jtai2024Process.VAR_DEFERRAL_REQUEST_REASON, reason.strip())
          .setVariable(Jtai2024Process.VAR_DEFERRAL_REQUESTED, true)
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new InspectionProblem(HttpStatus.CONFLICT, "Inspection '" + reference + "' is not between notification"
          + " and fieldwork: a deferral can be requested only then (paragraph 19).");
    }
  }
}
