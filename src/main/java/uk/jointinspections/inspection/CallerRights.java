package uk.jointinspections.inspection;

import java.util.Arrays;
import java.util.Collection;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the signed-in caller may do, asked before anything else a request needs, so that an answer never tells someone
 * who may not act whether an inspection exists or what stage it is at. The checks are the engine's own
 * ({@link CommandChecker}, the ones its commands make), made as the caller: an administrator passes them as in the
 * engine.
 */
@Component
public class CallerRights {

  private final ProcessEngineConfigurationImpl configuration;
  private final HistoryService historyService;
  private final WithoutAuthorization unrestricted;

  public CallerRights(@Lazy ProcessEngineConfigurationImpl configuration, @Lazy HistoryService historyService,
      WithoutAuthorization unrestricted) {
    this.configuration = configuration;
    this.historyService = historyService;
    this.unrestricted = unrestricted;
  }

  /** May the caller start an instance of the latest {@code processKey} (CREATE and CREATE_INSTANCE)? */
  public boolean mayStart(String processKey) {
    return passes(context -> {
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestProcessDefinitionByKey(processKey);
      checkers(context).forEach(checker -> checker.checkCreateProcessInstance(definition));
    });
  }

  /**
   * The inspection with this reference, among {@code processKeys}, if the caller may move it on: the check the engine
   * makes before a correlation or a completion in it (UPDATE on the instance or UPDATE_INSTANCE on its definition).
   * Otherwise one refusal, 403 {@code refusal}, the same whether the inspection exists or not, at which stage, or
   * finished; only a caller who may move on every inspection of these processes learns that a reference is unknown
   * (404), since no existing inspection could be refused to them.
   */
  public HistoricProcessInstance requireMayMoveOn(String reference, Collection<String> processKeys, String refusal) {
    HistoricProcessInstance instance = unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(processKeys.toArray(String[]::new)).processInstanceBusinessKey(reference)
        .singleResult());
    if (instance != null && mayMoveOn(instance)) {
      return instance;
    }
    if (instance == null && processKeys.stream().allMatch(this::mayMoveOnEveryInstanceOf)) {
      throw InspectionProblem.notFound(reference);
    }
    throw new InspectionProblem(HttpStatus.FORBIDDEN, refusal);
  }

  /**
   * As {@link #requireMayMoveOn}, for what the inspection's own lead inspector records on the local area's behalf:
   * its lead inspector passes as well as whoever may move it on through the engine (the administrator).
   */
  public HistoricProcessInstance requireLeadInspector(String reference, Collection<String> processKeys, String refusal) {
    HistoricProcessInstance instance = unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(processKeys.toArray(String[]::new)).processInstanceBusinessKey(reference)
        .singleResult());
    if (instance != null && (leads(instance) || mayMoveOn(instance))) {
      return instance;
    }
    return requireMayMoveOn(reference, processKeys, refusal);
  }

  public HistoricProcessInstance requireLeadInspector(String reference, String refusal) {
    return requireLeadInspector(reference, Arrays.asList(InspectionDirectory.processKeys()), refusal);
  }

  private boolean leads(HistoricProcessInstance instance) {
    Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      return false;
    }
    Object lead = unrestricted.call(() -> historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(JtaiProcess.VAR_LEAD_INSPECTOR).list().stream()
        .filter(variable -> instance.getId().equals(variable.getActivityInstanceId()))
        .map(variable -> variable.getValue()).findFirst().orElse(null));
    return caller.getUserId().equals(lead);
  }

  public HistoricProcessInstance requireMayMoveOn(String reference, String refusal) {
    return requireMayMoveOn(reference, Arrays.asList(InspectionDirectory.processKeys()), refusal);
  }

  /**
   * May the caller read the history of every inspection (READ_HISTORY on each inspection process)? Only then may an
   * answer say that a reference is unknown: to anyone else "unknown" and "not yours" must read the same.
   */
  public boolean mayReadEveryInspection() {
    return Arrays.stream(InspectionDirectory.processKeys()).allMatch(key -> passes(context -> checkers(context)
        .forEach(c -> c.checkReadHistoryProcessDefinition(key))));
  }

  private boolean mayMoveOn(HistoricProcessInstance instance) {
    return passes(context -> {
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(instance.getId());
      if (execution == null) {
        // Finished: no instance left to hold a grant, so the definition's UPDATE_INSTANCE decides.
        checkers(context).forEach(c -> c.checkUpdateProcessInstanceByProcessDefinitionKey(
            instance.getProcessDefinitionKey()));
      } else {
        checkers(context).forEach(c -> c.checkUpdateProcessInstance(execution));
      }
    });
  }

  private boolean mayMoveOnEveryInstanceOf(String processKey) {
    return passes(context -> checkers(context)
        .forEach(c -> c.checkUpdateProcessInstanceByProcessDefinitionKey(processKey)));
  }

  private static java.util.List<CommandChecker> checkers(CommandContext context) {
    return context.getProcessEngineConfiguration().getCommandCheckers();
  }

  private boolean passes(java.util.function.Consumer<CommandContext> check) {
    try {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        check.accept(context);
        return null;
      });
      return true;
    } catch (AuthorizationException refused) {
      return false;
    }
  }
}
