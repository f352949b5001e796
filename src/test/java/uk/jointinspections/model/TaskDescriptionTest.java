package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.notification.NotificationJobs;
import uk.jointinspections.testkit.JtaiStart;

/** The step's documentation in the diagram is what the Tasklist shows on the task's "Description" tab. */
@EngineTest
class TaskDescriptionTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;

  @Test
  void theTasklistShowsWhatToDoByWhenAndWhichParagraphRequiresIt() {
    ProcessInstance instance = JtaiStart.validatedPartWay(runtime, "JTAI-DESCRIPTION-" + System.nanoTime(),
        JtaiProcess.TASK_SELECT_20_CHILDREN, Map.of());

    Task task = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(JtaiProcess.TASK_SELECT_20_CHILDREN).singleResult();
    UserTask step = repository.getBpmnModelInstance(instance.getProcessDefinitionId())
        .getModelElementById(JtaiProcess.TASK_SELECT_20_CHILDREN);

    assertThat(task.getDescription())
        .isEqualTo(step.getDocumentations().iterator().next().getTextContent())
        .startsWith("Select 20 children from the deep dive theme and request further information.")
        .contains("by the end of day 1 (1 working day after the notification day)", "(2016 edition: by noon on day 1)")
        .contains("Required by paragraphs 9, 19, 21 of the joint targeted area inspection framework");
    runtime.deleteProcessInstance(instance.getId(), "test finished");
    // The step's notification to the lead inspector is not this test's business; it must not reach later tests.
    NotificationJobs.deleteWithKeyPrefix(engine, task.getId() + ":");
  }
}
