package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

/**
 * Every step of the application's diagrams tells the inspectorate it is waiting, once: as deployed, each user task
 * calls ${inspectorateNotifier} exactly once on "create" and once on "assignment", whether the diagram asks for it
 * with notify = inspectorate or still writes the two listeners out.
 */
@EngineTest
class InspectorateNotificationPluginTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void everyUserTaskOfTheDeployedDiagramsCallsTheNotifierOnceOnCreateAndOnAssignment() throws Exception {
    List<String> tasks = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (String key : processKeys()) {
      ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      assertThat(latest).as("process %s is deployed", key).isNotNull();
      ProcessDefinitionImpl definition = (ProcessDefinitionImpl)
          ((RepositoryServiceImpl) repositoryService).getDeployedProcessDefinition(latest.getId());
      for (ActivityImpl task : userTasks(definition)) {
        tasks.add(key + "/" + task.getId());
        var taskDefinition = ((UserTaskActivityBehavior) task.getActivityBehavior()).getTaskDefinition();
        for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT)) {
          List<TaskListener> listeners = taskDefinition.getTaskListenersForEvent(event);
          long notifiers = listeners == null ? 0 : listeners.stream()
              .filter(l -> l instanceof DelegateExpressionTaskListener d
                  && InspectorateNotificationPlugin.NOTIFIER_EXPRESSION.equals(d.getExpressionText()))
              .count();
          if (notifiers != 1) {
            wrong.add(key + "/" + task.getId() + " " + event + ": " + notifiers);
          }
        }
      }
    }
    assertThat(tasks).hasSizeGreaterThan(200);
    assertThat(wrong).as("user tasks not announced exactly once").isEmpty();
  }

  private static List<String> processKeys() throws Exception {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).stream()
            .filter(Process::isExecutable).forEach(process -> keys.add(process.getId()));
      }
    }
    return keys;
  }

  private static List<ActivityImpl> userTasks(ScopeImpl scope) {
    List<ActivityImpl> tasks = new ArrayList<>();
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior) {
        tasks.add(activity);
      }
      tasks.addAll(userTasks(activity));
    }
    return tasks;
  }
}
