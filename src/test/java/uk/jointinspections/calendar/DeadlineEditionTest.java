package uk.jointinspections.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** Editions of one framework share a diagram; an edition's own day and time replace the common ones. */
class DeadlineEditionTest {

  private static UserTask taskWith(String properties) {
    String xml = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="p" isExecutable="true">
            <userTask id="task_select_children">
              <extensionElements><camunda:properties>%s</camunda:properties></extensionElements>
            </userTask>
          </process>
        </definitions>""".formatted(properties);
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getModelElementById("task_select_children");
  }

  private static final String DAY_3_END_OF_DAY_2016_DAY_2_AT_5PM = """
      <camunda:property name="day" value="3"/>
      <camunda:property name="day.jtai-2016" value="2"/>
      <camunda:property name="time.jtai-2016" value="17:00"/>
      <camunda:property name="paragraph" value="21"/>""";

  @Test
  void theEditionNamedByTheFrameworkVariableGetsItsOwnDayAndTime() {
    DeadlineDefinition definition = DeadlineDefinition.of(taskWith(DAY_3_END_OF_DAY_2016_DAY_2_AT_5PM), "jtai-2016");

    assertThat(definition.day()).isEqualTo(2);
    assertThat(definition.timeOfDay()).isEqualTo(LocalTime.of(17, 0));
    assertThat(definition.paragraph()).isEqualTo("21");
  }

  @Test
  void otherEditionsKeepTheCommonDayAndTime() {
    for (Object edition : new Object[] {"jtai-2017", null, 42}) {
      DeadlineDefinition definition = DeadlineDefinition.of(taskWith(DAY_3_END_OF_DAY_2016_DAY_2_AT_5PM), edition);

      assertThat(definition.day()).as("edition %s", edition).isEqualTo(3);
      assertThat(definition.timeOfDay()).as("edition %s", edition).isNull();
    }
  }

  @Test
  void aMalformedEditionDayIsRefusedWhicheverEditionRuns() {
    assertThatThrownBy(() -> DeadlineDefinition.of("task_x", Map.of("day", "3", "day.jtai-2016", "two")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'task_x'").hasMessageContaining("'two'");
    assertThatThrownBy(() -> DeadlineDefinition.of("task_x", Map.of("day", "3", "time.jtai-2016", "5pm")))
        .hasMessageContaining("'5pm'");
  }
}
