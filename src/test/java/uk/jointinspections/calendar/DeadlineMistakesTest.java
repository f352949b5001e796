package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a process owner is told when a working-day deadline in a diagram is wrong: which element, which property. */
class DeadlineMistakesTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder()
      .useProcessEngine(CalendarTestEngine.start("deadline-mistakes",
          new WorkingDays(new BankHolidaySources(new CalendarProperties(null)))))
      .build();

  ProcessEngine engine; // injected by the extension

  @AfterEach
  void undeploy() {
    ClockUtil.reset();
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @AfterAll
  static void closeEngine() {
    extension.getProcessEngine().close();
  }

  private static ProcessBuilder process() {
    return Bpmn.createExecutableProcess("process_mistake").camundaHistoryTimeToLive(30);
  }

  private void deploy(BpmnModelInstance model) {
    engine.getRepositoryService().createDeployment().addModelInstance("mistake.bpmn", model).deploy();
  }

  @Test
  void theTaskIsNotAvailableInADueDateSoDeploymentSaysToUseTheExecution() {
    BpmnModelInstance model = process().startEvent("start_mistake")
        .userTask("task_review").camundaDueDate("${deadlines.due(task)}").endEvent("end_mistake").done();
    properties(model, "task_review", "day", "3");

    assertThatThrownBy(() -> deploy(model)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'task_review' camunda:dueDate ${deadlines.due(task)} passes 'task'")
        .hasMessageContaining("${deadlines.due(execution)}");
  }

  @Test
  void aCallActivitysMalformedDayIsRefusedAtDeploymentBeforeTheBlockItCallsRuns() {
    BpmnModelInstance model = process().startEvent("start_mistake")
        .callActivity("call_record_item").calledElement("local-area-submission").endEvent("end_mistake").done();
    properties(model, "call_record_item", "day", "four");

    assertThatThrownBy(() -> deploy(model))
        .hasMessageContaining("BPMN element 'call_record_item' has Camunda property 'day' = 'four'")
        .hasMessageContaining("which the process it calls uses for its deadlines");
  }

  @Test
  void aMissingDayIsRefusedAtDeployment() {
    BpmnModelInstance model = process().startEvent("start_mistake")
        .userTask("task_review").camundaDueDate("${deadlines.due(execution)}").endEvent("end_mistake").done();
    properties(model, "task_review", "paragraph", "9");

    assertThatThrownBy(() -> deploy(model))
        .hasMessageContaining("BPMN element 'task_review' has no Camunda property 'day'");
  }

  @Test
  void aMalformedTimeOnTheHostOfABoundaryTimerIsRefusedNamingBoth() {
    BpmnModelInstance model = process().startEvent("start_mistake")
        .userTask("task_review").boundaryEvent("timer_review_overdue").timerWithDate("${deadlines.due(execution)}")
        .endEvent("end_overdue").moveToActivity("task_review").endEvent("end_mistake").done();
    properties(model, "task_review", "day", "3", "time", "5pm");

    assertThatThrownBy(() -> deploy(model))
        .hasMessageContaining("BPMN element 'task_review' has Camunda property 'time' = '5pm', which is not a time of day HH:mm")
        .hasMessageContaining("which timer_review_overdue uses for its timeDate");
  }

  @Test
  void aDayThatIsNotANumberIsRefused() {
    BpmnModelInstance model = process().startEvent("start_mistake")
        .intermediateCatchEvent("timer_day_33").timerWithDate("${deadlines.due(execution)}").endEvent("end_mistake").done();
    properties(model, "timer_day_33", "day", "thirty-three");

    assertThatThrownBy(() -> deploy(model))
        .hasMessageContaining("BPMN element 'timer_day_33' has Camunda property 'day' = 'thirty-three', which is not a whole number");
  }

  @Test
  void aMalformedWorkingDayDurationIsRefused() {
    BpmnModelInstance model = process().startEvent("start_mistake")
        .intermediateCatchEvent("timer_wd_5").timerWithDuration("P5WDT25:00").endEvent("end_mistake").done();

    assertThatThrownBy(() -> deploy(model))
        .hasMessageContaining("BPMN element 'timer_wd_5' timeDuration: 'P5WDT25:00' is not a working-day duration");
  }

  @Test
  void explicitDaysNeedNoPropertiesAndEngineDurationsAreLeftAlone() {
    deploy(process().startEvent("start_fine")
        .userTask("task_review").camundaDueDate("${deadlines.day(execution, 33, '17:00')}").camundaFollowUpDate("P2D")
        .intermediateCatchEvent("timer_plain").timerWithDuration("PT1H").endEvent("end_fine").done());

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2024-06-03T09:00:00Z")));
    var instance = engine.getRuntimeService().startProcessInstanceByKey("process_mistake", Map.of("dayZero", "2024-06-03"));
    var task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    // 3 June + 33 working days (no holiday between) = 18 July 2024, 17:00 BST
    assertThat(task.getDueDate()).isEqualTo(Instant.parse("2024-07-18T16:00:00Z"));
  }

  @Test
  void aMissingOrMalformedDayZeroNamesTheElementAndTheVariable() {
    BpmnModelInstance model = process().startEvent("start_mistake")
        .userTask("task_review").camundaDueDate("${deadlines.due(execution)}").endEvent("end_mistake").done();
    properties(model, "task_review", "day", "3", "from", "publicationDate");
    deploy(model);

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("process_mistake"))
        .hasMessageContaining("BPMN element 'task_review' needs the process variable 'publicationDate' (day 0), which is not set");
    assertThatThrownBy(() -> engine.getRuntimeService()
        .startProcessInstanceByKey("process_mistake", Map.of("publicationDate", "20/12/2024")))
        .hasMessageContaining("needs the process variable 'publicationDate' (day 0) to be a date yyyy-MM-dd, not '20/12/2024'");
    assertThatThrownBy(() -> engine.getRuntimeService()
        .startProcessInstanceByKey("process_mistake", Map.of("publicationDate", 20241220)))
        .hasMessageContaining("to be a Date, LocalDate or yyyy-MM-dd string, not a java.lang.Integer");
  }

  private static void properties(BpmnModelInstance model, String elementId, String... namesAndValues) {
    BaseElement element = model.getModelElementById(elementId);
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      extensions = model.newInstance(ExtensionElements.class);
      element.setExtensionElements(extensions);
    }
    CamundaProperties properties = extensions.addExtensionElement(CamundaProperties.class);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      CamundaProperty property = model.newInstance(CamundaProperty.class);
      property.setCamundaName(namesAndValues[i]);
      property.setCamundaValue(namesAndValues[i + 1]);
      properties.getCamundaProperties().add(property);
    }
  }
}
