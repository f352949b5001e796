package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import uk.jointinspections.EngineTest;
import uk.jointinspections.identity.StaffGroup;

@EngineTest
class ModelConsistencyTest {


  @Autowired
  ApplicationContext context;

  private ModelConsistencyChecker checker() {
    return new ModelConsistencyChecker(context::containsBean, StaffGroup.idsWithAdministrators()::contains);
  }

  @Test
  void everyDiagramAndFormOfTheProjectIsConsistent() throws Exception {
    List<String> problems = checker().check(Path.of("processes"), Path.of("forms"));

    assertThat(problems).as("problems in processes/ and forms/").isEmpty();
  }

  @Test
  void theTestProcessesAreConsistentToo() throws Exception {
    Path foundation = Path.of("src/test/resources/foundation");

    assertThat(checker().check(foundation, foundation)).isEmpty();
  }

  @Test
  void reportsEveryKindOfProblem() throws Exception {
    List<String> problems = checker().check(
        Path.of("src/test/resources/model-consistency/broken"),
        Path.of("src/test/resources/model-consistency/broken-forms"));

    assertThat(problems).anyMatch(p -> p.contains("unparseable.form: does not parse"));
    assertThat(problems).anyMatch(p -> p.contains("'broken' has no camunda:historyTimeToLive"));
    assertThat(problems).anyMatch(p -> p.contains("'Activity_1x7f9qz' is a Modeler default id"));
    assertThat(problems).anyMatch(p -> p.contains("'Flow_0abcde1' is a Modeler default id"));
    assertThat(problems).anyMatch(p -> p.contains("'review' should start with one of [task_]"));
    assertThat(problems).anyMatch(p -> p.contains("unknown group 'pirates'"));
    assertThat(problems).noneMatch(p -> p.contains("unknown group 'ofsted'"));
    assertThat(problems).anyMatch(p -> p.contains("form 'missing_form', which is not in forms/"));
    assertThat(problems).anyMatch(p -> p.contains("bean 'noSuchListener', which does not exist"));
    assertThat(problems).anyMatch(p -> p.contains("there is no bean 'noSuchCalendar'"));
    assertThat(problems).anyMatch(p -> p.contains("class 'uk.jointinspections.NoSuchDelegate', which does not exist"));
    assertThat(problems).anyMatch(p -> p.contains("'review' has no diagram shape (DI)"));
    assertThat(problems).anyMatch(p -> p.contains("'end_broken' has no diagram shape (DI)"));
    assertThat(problems).anyMatch(p -> p.contains("'flow_to_review' has no diagram edge (DI)"));
    assertThat(problems).noneMatch(p -> p.contains("'start_broken' has no diagram shape"));
    assertThat(problems).contains(
        "broken.bpmn: modeler:executionPlatform is '', not 'Camunda Platform'",
        "broken.bpmn: modeler:executionPlatformVersion is '', not '7.24.0'",
        "no_platform.dmn: modeler:executionPlatform is '', not 'Camunda Platform'",
        "no_platform_version.form: executionPlatformVersion is not '7.24.0'",
        "broken.bpmn: 'boundary_overdue_review' (escalation timer template) needs a boundary timer of type Date with"
            + " ${deadlines.due(execution)}",
        "broken.bpmn: 'msg_submission' (awaits-submission template) must catch the message 'msg_deep_dive_list',"
            + " but catches 'msg_other'",
        "broken.bpmn: 'task_notify_typo' has notify = 'inspectorates'; use 'inspectorate' or 'none'",
        "broken.bpmn: 'Activity_1x7f9qz' has no documentation (the Tasklist's description of the step)",
        "broken.bpmn: 'task_notify_typo' documentation does not mention its paragraph '21'",
        "broken.bpmn: 'task_required_unenforced' states required.* rules but has no complete listener ${requiredWhen}"
            + " to apply them",
        "broken.bpmn: 'task_required_garbled' property required.reason.when is 'outcome', not <variable>=<value>",
        "broken.bpmn: 'task_required_ruleless' calls requiredWhen but states no required.<variable>.* rule");
    assertThat(problems).anyMatch(p -> p.startsWith("overdue.bpmn: 'task_no_timer' has a deadline but no"))
        .anyMatch(p -> p.startsWith("overdue.bpmn: 'task_interrupting' has a deadline but no"))
        .anyMatch(p -> p.startsWith("overdue.bpmn: 'task_wrong_code' has a deadline but no"))
        .noneMatch(p -> p.contains("'task_escalated' has a deadline"))
        .noneMatch(p -> p.contains("'task_without_deadline' has a deadline"));
  }

  /** The rule above applies to a diagram that follows up overdue steps: every inspection framework's does. */
  @Test
  void everyInspectionDiagramFollowsUpItsOverdueSteps() {
    for (String diagram : List.of("jtai.bpmn", "jtai-2024.bpmn", "ofsted-targeted-2016.bpmn", "slac-2009.bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", diagram).toFile());
      assertThat(ModelConsistencyChecker.escalatesOverdueSteps(model)).as(diagram).isTrue();
      assertThat(model.getModelElementsByType(UserTask.class).stream().filter(ModelConsistencyChecker::hasDeadline))
          .as(diagram + " steps with a deadline").isNotEmpty();
    }
  }
}
