package uk.jointinspections.inspection;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Where a corrected JTAI diagram joins its branches differently from the version an inspection runs on, Camunda's
 * migration would move an inspection in between onto a join waiting for a branch it never took, and the inspection
 * would stop for good. Such an inspection is refused with the reason, and stays on its version.
 */
@Component
public class JtaiMigrationGuard {

  /**
   * A join the corrected diagram added ({@code added}): an inspection that has entered {@code from} but not yet
   * {@code until} on a version without it cannot move.
   */
  record Rule(String added, String from, String until, String why) {
  }

  static final List<Rule> RULES = List.of(
      new Rule("gw_case_file_lists_done", "gw_split_evaluation_requested", "gw_join_evaluation_requested",
          "the corrected diagram awaits the 2016 day-8 case file lists (K3) before the week-two join"),
      new Rule("gw_join_case_files", "gw_split_notified", "task_review_case_files",
          "the corrected diagram awaits the Annex A information from the notification (J11)"),
      new Rule("gw_join_submissions", "gw_split_notified", JtaiProcess.TASK_AGREE_PROVISIONAL_FINDINGS,
          "the corrected diagram joins the local area's submissions before the day-12 findings, not before fieldwork"
              + " (J19)"));

  private final RepositoryService repositoryService;
  private final HistoryService historyService;

  public JtaiMigrationGuard(@Lazy RepositoryService repositoryService, @Lazy HistoryService historyService) {
    this.repositoryService = repositoryService;
    this.historyService = historyService;
  }

  /** @throws ProcessEngineException naming the rule, when the inspection cannot move */
  void check(ProcessInstance instance, ProcessDefinition source, ProcessDefinition target) {
    if (!JtaiProcess.KEY.equals(target.getKey())) {
      return;
    }
    var sourceModel = repositoryService.getBpmnModelInstance(source.getId());
    var targetModel = repositoryService.getBpmnModelInstance(target.getId());
    for (Rule rule : RULES) {
      if (targetModel.getModelElementById(rule.added()) == null || sourceModel.getModelElementById(rule.added()) != null) {
        continue;
      }
      if (entered(instance, rule.from()) && !entered(instance, rule.until())) {
        throw new ProcessEngineException("Inspection " + instance.getBusinessKey() + " is between " + rule.from()
            + " and " + rule.until() + ", and " + rule.why() + ": moved now it would wait for a branch it never took."
            + " Move it once it has reached " + rule.until() + ", or by instance modification.");
      }
    }
  }

  private boolean entered(ProcessInstance instance, String activityId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(activityId).count() > 0;
  }
}
