package uk.jointinspections.inspection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;

/**
 * Gives the instances that were running before task cards existed their {@link TaskCard}: on the instance, from the
 * inspection its business key names (every process of ours has the inspection reference as its business key), and on
 * each open task, from its instance. Runs at every start-up and changes only what is missing, so a second run, or
 * a second node starting at the same moment, changes nothing; an instance it cannot give a card (its inspection is
 * gone) is named in the log and left as it was.
 */
@Component
public class TaskCardBackfill implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCardBackfill.class);
  private static final int PAGE = 200;

  /** The processes whose tasks inspectors see: every framework's inspection and what runs beside it. */
  public static List<String> processKeys() {
    return Stream.concat(Stream.of(InspectionDirectory.processKeys()),
        Stream.of(StatementOfActionProcess.KEY, LocalAreaSubmissionProcess.KEY, ConcernReferralProcess.KEY, ComplaintProcess.KEY,
            ComplaintConductProcess.KEY)).toList();
  }

  /**
   * What one run did.
   *
   * @param instances instances given (part of) their card
   * @param tasks open tasks given (part of) their card
   * @param withoutCard instances left without a complete card, by id: no inspection has their business key, or it
   *     lacks a line of the card itself
   */
  public record Report(int instances, int tasks, List<String> withoutCard) {
  }

  private final RuntimeService runtime;
  private final TaskService taskService;
  private final TaskCards cards;

  public TaskCardBackfill(@Lazy RuntimeService runtime, @Lazy TaskService taskService, TaskCards cards) {
    this.runtime = runtime;
    this.taskService = taskService;
    this.cards = cards;
  }

  @Override
  public void run(ApplicationArguments args) {
    Report report = backfill();
    if (report.instances() > 0 || report.tasks() > 0) {
      LOG.info("Task cards given to {} running instances and {} open tasks", report.instances(), report.tasks());
    }
    if (!report.withoutCard().isEmpty()) {
      LOG.warn("No task card for {} running instances, whose inspection was not found: {}",
          report.withoutCard().size(), report.withoutCard());
    }
  }

  /** Called with nobody signed in (start-up), so that the engine checks no authorization. */
  public Report backfill() {
    int[] done = {0, 0};
    List<String> withoutCard = new ArrayList<>();
    for (String key : processKeys()) {
      for (int first = 0; ; first += PAGE) {
        List<ProcessInstance> page = runtime.createProcessInstanceQuery().processDefinitionKey(key)
            .orderByProcessInstanceId().asc().listPage(first, PAGE);
        if (page.isEmpty()) {
          break;
        }
        backfill(page, done, withoutCard);
      }
    }
    return new Report(done[0], done[1], List.copyOf(withoutCard));
  }

  private void backfill(List<ProcessInstance> page, int[] done, List<String> withoutCard) {
    String[] ids = page.stream().map(ProcessInstance::getId).toArray(String[]::new);
    // The card's variables of these instances and of their tasks, by the scope they belong to.
    Map<String, Map<String, Object>> held = new HashMap<>();
    for (VariableInstance variable : runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(TaskCard.NAMES.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
      String scope = variable.getTaskId() != null ? variable.getTaskId()
          : variable.getExecutionId().equals(variable.getProcessInstanceId()) ? variable.getProcessInstanceId() : null;
      if (scope != null) {
        held.computeIfAbsent(scope, s -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    Map<String, List<Task>> openTasks = new HashMap<>();
    taskService.createTaskQuery().processInstanceIdIn(ids).list()
        .forEach(task -> openTasks.computeIfAbsent(task.getProcessInstanceId(), i -> new ArrayList<>()).add(task));
    for (ProcessInstance instance : page) {
      TaskCard card = TaskCard.of(held.getOrDefault(instance.getId(), Map.of()));
      if (!card.complete()) {
        TaskCard found = cards.forReference(instance.getBusinessKey()).orElse(null);
        if (found == null) {
          withoutCard.add(instance.getId());
          continue;
        }
        Map<String, Object> missing = missing(card, found);
        card = merged(card, found);
        if (!card.complete()) {
          // Its inspection lacks a line too (say, no local authority): what can be given is, the rest is reported.
          withoutCard.add(instance.getId());
        }
        if (!missing.isEmpty() && write(() -> runtime.setVariables(instance.getId(), missing), instance.getId())) {
          done[0]++;
        }
      }
      for (Task task : openTasks.getOrDefault(instance.getId(), List.of())) {
        Map<String, Object> missing = missing(TaskCard.of(held.getOrDefault(task.getId(), Map.of())), card);
        if (!missing.isEmpty() && write(() -> taskService.setVariablesLocal(task.getId(), missing), task.getId())) {
          done[1]++;
        }
      }
    }
  }

  /** The lines the card has and the one held lacks. */
  private static Map<String, Object> missing(TaskCard held, TaskCard card) {
    Map<String, Object> missing = new LinkedHashMap<>(card.variables());
    held.variables().keySet().forEach(missing::remove);
    return missing;
  }

  private static TaskCard merged(TaskCard held, TaskCard found) {
    return new TaskCard(held.reference() != null ? held.reference() : found.reference(),
        held.localAuthority() != null ? held.localAuthority() : found.localAuthority(),
        held.framework() != null ? held.framework() : found.framework());
  }

  /**
   * One write in its own transaction. It fails when the instance or task ended since the page was read, or another
   * node wrote the same card first (the database holds one variable of a name per scope): either way nothing is left
   * to do.
   */
  private static boolean write(Runnable write, String id) {
    try {
      write.run();
      return true;
    } catch (ProcessEngineException gone) {
      LOG.debug("Task card of {} not written: {}", id, gone.getMessage());
      return false;
    }
  }
}
