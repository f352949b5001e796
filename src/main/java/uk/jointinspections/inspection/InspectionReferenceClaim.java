package uk.jointinspections.inspection;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What every framework's start listener does once its own rules have passed: the business key becomes the inspection
 * reference, a reference is used once across all frameworks, and the instance gets its validated variables.
 */
@Component
public class InspectionReferenceClaim {

  private final HistoryService historyService;
  private final WithoutAuthorization unrestricted;

  public InspectionReferenceClaim(@Lazy HistoryService historyService, WithoutAuthorization unrestricted) {
    this.historyService = historyService;
    this.unrestricted = unrestricted;
  }

  public void claim(DelegateExecution execution, String reference, Map<String, Object> variables) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(reference)) {
      throw new InvalidInspectionException("reference", "the business key '" + businessKey
          + "' must be the inspection reference '" + reference + "' (or leave the business key empty).");
    }
    long sameReference = unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(InspectionDirectory.processKeys()).processInstanceBusinessKey(reference).count());
    if (sameReference > 0) {
      throw new InvalidInspectionException("reference", "an inspection with reference '" + reference
          + "' already exists.");
    }
    execution.setProcessBusinessKey(reference);
    execution.setVariables(variables);
  }
}
