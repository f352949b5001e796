package uk.jointinspections.frameworks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.JtaiProcess;

/** Starts 2016 targeted inspections and completes their steps up to a given one, with what each step needs. */
final class OfstedTargeted2016Fixture {

  static final String LEAD = "ofsted-lead";
  static final String QA = "qa-manager";
  static final String INSPECTOR = "ofsted-inspector";
  static final String DCS_EMAIL = "dcs@westshire.example";

  /** 20 identification numbers, and five of them for the local authority's evaluation. */
  static final String TWENTY = String.join(", ", java.util.stream.IntStream.rangeClosed(1, 20)
      .mapToObj(i -> "CS-" + (100 + i)).toList());
  static final String FIVE = "CS-101, CS-102, CS-103, CS-104, CS-105";

  private OfstedTargeted2016Fixture() {
  }

  static FrameworkScenario start(ProcessEngine engine, InspectionStarts starts, String reference, String notification,
      String now, List<String> team) {
    return FrameworkScenario.start(engine, starts, new InspectionStartRequest(OfstedTargeted2016Process.FRAMEWORK,
        reference, "Westshire", "cse-and-missing", notification, null, LEAD, QA).withTeam(team), now);
  }

  /** What completing each step needs (the selection rules; the rest takes any values). */
  static Map<String, Object> variablesFor(String step) {
    Map<String, Object> variables = new HashMap<>();
    if (step.equals(OfstedTargeted2016Process.TASK_NOTIFY_DCS)) {
      variables.put("dcsNotified", true);
      variables.put("dcsEmail", DCS_EMAIL);
    }
    if (step.equals(OfstedTargeted2016Process.TASK_SELECT_20_CHILDREN)) {
      variables.put("selectedChildIds", TWENTY);
    }
    if (step.equals(OfstedTargeted2016Process.TASK_SELECT_CHILDREN_TO_EVALUATE)) {
      variables.put("evaluationChildIds", FIVE);
    }
    return variables;
  }

  /**
   * Completes the open steps, each by its assignee, until one of {@code stop} is open (not completing it); chase and
   * follow-up tasks are completed too, without moving the clock.
   */
  static void completeUntil(FrameworkScenario s, String... stop) {
    Set<String> stops = Set.of(stop);
    for (int round = 0; round < 200; round++) {
      List<Task> open = s.instances().stream().flatMap(id -> s.engine.getTaskService().createTaskQuery()
          .processInstanceId(id).list().stream()).toList();
      if (open.isEmpty() || open.stream().anyMatch(t -> stops.contains(t.getTaskDefinitionKey()))) {
        return;
      }
      Task task = open.get(0);
      Map<String, Object> variables = variablesFor(task.getTaskDefinitionKey());
      if (task.getTaskDefinitionKey().equals(JtaiProcess.TASK_FOLLOW_UP_OVERDUE)) {
        variables.put("overdueFollowUpAction", "Followed up.");
      }
      s.engine.getTaskService().complete(task.getId(), variables);
    }
    throw new AssertionError("did not reach " + stops);
  }
}
