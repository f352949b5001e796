package uk.jointinspections.inspection;

import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The start event's listener: whoever starts an inspection (the REST API or the Tasklist start form), the same rules
 * apply, the business key becomes the reference, a reference is used once, and the instance gets its variables in
 * the types the deadlines and the timeline read (day 0 as a date).
 */
@Component("inspectionStartValidator")
public class InspectionStartValidator implements ExecutionListener {

  private final InspectionStartRules rules;
  private final HistoryService historyService;
  private final WithoutAuthorization unrestricted;

  public InspectionStartValidator(InspectionStartRules rules, @Lazy HistoryService historyService,
      WithoutAuthorization unrestricted) {
    this.rules = rules;
    this.historyService = historyService;
    this.unrestricted = unrestricted;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ValidatedStart start = rules.validate(new InspectionStartRequest(
        text(execution, JtaiProcess.VAR_FRAMEWORK), text(execution, JtaiProcess.VAR_REFERENCE),
        text(execution, JtaiProcess.VAR_LOCAL_AUTHORITY), text(execution, JtaiProcess.VAR_DEEP_DIVE_THEME),
        text(execution, "notificationDate"), text(execution, "plannedFieldworkStart"),
        text(execution, JtaiProcess.VAR_LEAD_INSPECTOR), text(execution, JtaiProcess.VAR_QA_MANAGER)));
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && !businessKey.isBlank() && !businessKey.equals(start.reference())) {
      throw new InvalidInspectionException("reference", "the business key '" + businessKey
          + "' must be the inspection reference '" + start.reference() + "' (or leave the business key empty).");
    }
    long sameReference = unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(InspectionDirectory.processKeys()).processInstanceBusinessKey(start.reference()).count());
    if (sameReference > 0) {
      throw new InvalidInspectionException("reference", "an inspection with reference '" + start.reference()
          + "' already exists.");
    }
    execution.setProcessBusinessKey(start.reference());
    execution.setVariables(start.variables());
  }

  /** Form fields arrive as strings; a date may also arrive as a date. */
  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(uk.jointinspections.calendar.WorkingDayCalendar.LONDON).toLocalDate().toString();
    }
    return value == null ? null : value.toString();
  }
}
