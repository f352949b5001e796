package uk.jointinspections.concern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * Who may see a concern through our API: whoever the engine lets read its history, which the start listener granted
 * to the inspection team only (the referring inspector's inspectorate, the referring inspector, the lead inspector and
 * the QA manager). The check is the engine's own, made as the signed-in caller.
 */
@Component
public class ConcernAccess {

  private final HistoryService historyService;
  private final WithoutAuthorization withoutAuthorization;

  public ConcernAccess(@Lazy HistoryService historyService, WithoutAuthorization withoutAuthorization) {
    this.historyService = historyService;
    this.withoutAuthorization = withoutAuthorization;
  }

  /** @throws ConcernProblem 404 when there is no such concern, 403 when the caller is not on its team */
  public HistoricProcessInstance requireReadable(String concernId) {
    HistoricProcessInstance concern = withoutAuthorization.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(concernId).processDefinitionKey(ConcernReferralProcess.KEY).singleResult());
    if (concern == null) {
      throw new ConcernProblem(HttpStatus.NOT_FOUND, "There is no concern with id '" + concernId + "'.");
    }
    if (historyService.createHistoricProcessInstanceQuery().processInstanceId(concernId).count() == 0) {
      throw new ConcernProblem(HttpStatus.FORBIDDEN, "Only the inspection team, the lead inspector and the QA manager"
          + " of inspection " + concern.getBusinessKey() + " may see this concern.");
    }
    return concern;
  }
}
