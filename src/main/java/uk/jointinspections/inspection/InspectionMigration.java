package uk.jointinspections.inspection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import uk.jointinspections.calendar.DeadlineRecalculation;
import uk.jointinspections.calendar.RecalculationReport.Move;

/**
 * Moves running inspections from older versions of a diagram to its latest, corrected version, and their open steps'
 * due dates and waiting timers to what the corrected diagram says. A corrected diagram is a new version: inspections
 * already running stay on theirs, with its mistakes, until an administrator moves them with this.
 *
 * <p>Each inspection moves in its own transaction with Camunda's migration (activities mapped by equal id), then its
 * working-day deadlines are recalculated as a holiday change would recalculate them: from when each step or timer
 * was created. The dry run does exactly the same and rolls the transaction back, so what it lists is what the real run
 * would do, deadline by deadline, including the inspections it would refuse and why.
 */
@Component
public class InspectionMigration {

  private static final Logger LOG = LoggerFactory.getLogger(InspectionMigration.class);

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final DeadlineRecalculation recalculation;
  private final TransactionTemplate transactions;
  private final JtaiMigrationGuard jtaiGuard;

  public InspectionMigration(@Lazy RepositoryService repositoryService, @Lazy RuntimeService runtimeService,
      DeadlineRecalculation recalculation, PlatformTransactionManager transactionManager, JtaiMigrationGuard jtaiGuard) {
    this.jtaiGuard = jtaiGuard;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.recalculation = recalculation;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * @param references the inspections (business keys) to move; empty for every instance on an older version
   * @throws ResponseStatusException 404 when no diagram has that key, or a named inspection is not running on it
   */
  public MigrationReport migrate(String processDefinitionKey, Collection<String> references, boolean dryRun) {
    ProcessDefinition target = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(processDefinitionKey).latestVersion().singleResult();
    if (target == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No diagram with process key '" + processDefinitionKey
          + "' is deployed.");
    }
    List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(processDefinitionKey).orderByProcessInstanceId().asc().list();
    if (!references.isEmpty()) {
      Set<String> known = new java.util.HashSet<>();
      running.forEach(instance -> known.add(instance.getBusinessKey()));
      List<String> unknown = references.stream().filter(reference -> !known.contains(reference)).toList();
      if (!unknown.isEmpty()) {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No running " + processDefinitionKey
            + " inspection has the reference " + String.join(", ", unknown) + ".");
      }
      running = running.stream().filter(instance -> references.contains(instance.getBusinessKey())).toList();
    }
    Map<String, ProcessDefinition> definitions = new HashMap<>();
    Map<String, MigrationPlan> plans = new HashMap<>();
    List<InspectionMove> moves = new ArrayList<>();
    for (ProcessInstance instance : running) {
      if (instance.getProcessDefinitionId().equals(target.getId())) {
        continue;
      }
      ProcessDefinition source = definitions.computeIfAbsent(instance.getProcessDefinitionId(),
          id -> repositoryService.getProcessDefinition(id));
      moves.add(move(instance, source, target, plans, dryRun));
    }
    if (!dryRun) {
      LOG.info("Moved {} of {} {} inspections to version {}", moves.stream().filter(m -> m.problem() == null).count(),
          moves.size(), processDefinitionKey, target.getVersion());
    }
    return new MigrationReport(processDefinitionKey, target.getVersion(), dryRun, List.copyOf(moves));
  }

  private InspectionMove move(ProcessInstance instance, ProcessDefinition source, ProcessDefinition target,
      Map<String, MigrationPlan> plans, boolean dryRun) {
    try {
      jtaiGuard.check(instance, source, target);
      List<Move> changes = transactions.execute(status -> {
        MigrationPlan plan = plans.computeIfAbsent(source.getId(), id ->
            runtimeService.createMigrationPlan(id, target.getId()).mapEqualActivities().build());
        runtimeService.newMigration(plan).processInstanceIds(instance.getId()).execute();
        DeadlineRecalculation.Moves moved = recalculation.recalculate(List.of(instance.getId()));
        if (!moved.failed().isEmpty()) {
          throw new ProcessEngineException(moved.failed().get(0).element() + ": " + moved.failed().get(0).message());
        }
        if (dryRun) {
          status.setRollbackOnly();
        }
        return moved.moved();
      });
      return new InspectionMove(instance.getBusinessKey(), instance.getId(), source.getVersion(), target.getVersion(),
          dryRun ? InspectionMove.WOULD_MOVE : InspectionMove.MOVED, null, changes);
    } catch (ProcessEngineException e) {
      return new InspectionMove(instance.getBusinessKey(), instance.getId(), source.getVersion(), target.getVersion(),
          InspectionMove.REFUSED, e.getMessage(), List.of());
    }
  }

  /** What moving the running inspections of one diagram did, or would do in a dry run. */
  public record MigrationReport(String processDefinitionKey, int targetVersion, boolean dryRun,
      List<InspectionMove> inspections) {
  }

  /**
   * One inspection: from which version to which, and each open step's due date and waiting timer that moves (old
   * London time → new). A refused inspection stays where it was, with the engine's reason.
   */
  public record InspectionMove(String reference, String processInstanceId, int fromVersion, int toVersion,
      String outcome, String problem, List<Move> deadlinesChanged) {
    public static final String MOVED = "moved";
    public static final String WOULD_MOVE = "would move";
    public static final String REFUSED = "refused";
  }
}
