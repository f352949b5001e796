package uk.jointinspections.identity;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;

/**
 * The engine's grants to a task's candidates, assignee and owner, without the one on its history.
 *
 * <p>Camunda's {@link DefaultAuthorizationProvider} gives each of them two grants: on the running task (READ, UPDATE
 * and, with {@code enforce-specific-variable-permission}, READ_VARIABLE), which the engine deletes with the task, and,
 * with {@code enable-historic-instance-permissions}, READ and READ_VARIABLE on the HISTORIC_TASK, which stays for
 * good. The historic variable query joins a variable to every historic task of its process instance
 * ({@code ACT_HI_TASKINST TI on TI.PROC_INST_ID_ = RES.PROC_INST_ID_}) and accepts READ_VARIABLE on any of them, so
 * that second grant opened every variable of the whole instance, past and future, to whoever was ever offered one of
 * its tasks, even after the task ended or was cancelled.
 *
 * <p>A user who is a candidate or assignee of an open task reads what the task shows (its form and variables, through
 * the runtime grant) while it is open, and nothing once it is over; what a person reads for good is granted on the
 * instance to its named people ({@link InstanceGrants}). The provider's own switch for the historic grant is the
 * engine-wide setting, which the per-instance history grants need on, so it is answered "off" here alone.
 */
public class TaskAuthorizations extends DefaultAuthorizationProvider {

  @Override
  protected boolean isHistoricInstancePermissionsEnabled() {
    return false;
  }
}
