package uk.jointinspections.complaint;

import static uk.jointinspections.complaint.ComplaintProcess.VAR_CONDUCT_DETAILS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Takes the conduct part of a complaint out of the complaint as it starts, however it arrived. Our API hands it over
 * as a transient variable, which the engine neither stores nor records in history; but the engine's REST start
 * ({@code POST /engine-rest/process-definition/key/complaint/start}) and a start form submission
 * ({@code .../submit-form}) set it as an ordinary variable before any listener runs, and the engine has then already
 * queued its row in {@code ACT_RU_VARIABLE}, its historic variable ({@code ACT_HI_VARINST}) and its historic details
 * ({@code ACT_HI_DETAIL}: the variable update and, for a form, the submitted form property). Nothing of the starting
 * command is written before it ends, so the start listener removes the variable, drops those queued history rows of
 * this instance before they are ever written, and keeps the value as a transient variable ({@value #VARIABLE}) for the
 * call activity that stores it in the conduct investigation, in the same command ({@link ConductVariableMapping}).
 */
final class ConductPartInTransit {

  /** Transient only, in the complaint while it starts. */
  static final String VARIABLE = "conductPartInTransit";

  private ConductPartInTransit() {
  }

  /** @return the conduct part, now held transiently only; null when none was given */
  static String takeOutOfTheComplaint(DelegateExecution complaint) {
    Object value = complaint.getVariable(VAR_CONDUCT_DETAILS);
    String details = value == null || value.toString().isBlank() ? null : value.toString();
    complaint.removeVariable(VAR_CONDUCT_DETAILS);
    dropQueuedHistory(complaint.getProcessInstanceId());
    if (details != null) {
      // Under its own name: the engine refuses a transient value for a name whose removed value was persistent.
      complaint.setVariable(VARIABLE, Variables.stringValue(details, true));
    }
    return details;
  }

  /** The conduct part held by the starting complaint for the conduct investigation's call activity. */
  static Object of(VariableScope complaint) {
    return complaint.getVariable(VARIABLE);
  }

  /** Removing the variable queued a "deleted" detail with the value too: dropped with the rest. */
  private static void dropQueuedHistory(String processInstanceId) {
    DbEntityManager db = Context.getCommandContext().getDbEntityManager();
    for (HistoricVariableInstanceEntity variable : db.getCachedEntitiesByType(HistoricVariableInstanceEntity.class)) {
      if (processInstanceId.equals(variable.getProcessInstanceId()) && VAR_CONDUCT_DETAILS.equals(variable.getName())) {
        db.delete(variable);
      }
    }
    // The detail types share one cache key, HistoricDetailEventEntity; only a query by that key returns them.
    for (HistoricDetailEventEntity detail : db.getCachedEntitiesByType(HistoricDetailEventEntity.class)) {
      if (!processInstanceId.equals(detail.getProcessInstanceId())) {
        continue;
      }
      if (detail instanceof HistoricVariableUpdateEventEntity update && VAR_CONDUCT_DETAILS.equals(update.getVariableName())
          || detail instanceof HistoricFormPropertyEventEntity form && VAR_CONDUCT_DETAILS.equals(form.getPropertyId())) {
        db.delete(detail);
      }
    }
  }
}
