package uk.jointinspections.inspection;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What every framework's start listener does once its own rules have passed: the business key becomes the inspection
 * reference, a reference is used once across all frameworks (also when two nodes start it at the same moment, see
 * {@link InspectionReferences}), and the instance gets its validated variables and its {@link TaskCard}.
 */
@Component
public class InspectionReferenceClaim {

  private final HistoryService historyService;
  private final WithoutAuthorization unrestricted;
  private final InspectionReferences references;
  private final TaskCards cards;

  public InspectionReferenceClaim(@Lazy HistoryService historyService, WithoutAuthorization unrestricted,
      InspectionReferences references, TaskCards cards) {
    this.historyService = historyService;
    this.unrestricted = unrestricted;
    this.references = references;
    this.cards = cards;
  }

  public void claim(DelegateExecution execution, String reference, Map<String, Object> variables) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(reference)) {
      throw new InvalidInspectionException("reference", "the business key '" + businessKey
          + "' must be the inspection reference '" + reference + "' (or leave the business key empty).");
    }
    long sameReference = unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(InspectionDirectory.processKeys()).processInstanceBusinessKey(reference).count());
    if (sameReference > 0 || !references.claim(reference, execution.getProcessInstanceId(),
        ClockUtil.now().toInstant(), this::stillExists)) {
      throw new ReferenceTakenException(reference);
    }
    execution.setProcessBusinessKey(reference);
    execution.setVariables(variables);
    TaskCards.set(execution, cards.of(reference, text(variables.get(JtaiProcess.VAR_LOCAL_AUTHORITY)),
        text(variables.get(JtaiProcess.VAR_FRAMEWORK))));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private boolean stillExists(String processInstanceId) {
    return unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).count()) > 0;
  }
}
