package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.JtaiProcess.Submission;

/**
 * The August 2016 edition runs on the same diagram as the April 2017 framework: its own Annex A themes, and its
 * times of day and earlier day-2 milestones as {@code day.jtai-2016} / {@code time.jtai-2016} on the elements.
 */
@EngineTest
class JtaiEdition2016Test {

  /** Where the 2016 table differs from 2017: element → {day, time} of the 2016 edition. */
  static final Map<String, String[]> AUGUST_2016 = new LinkedHashMap<>();

  static {
    AUGUST_2016.put(TASK_SELECT_20_CHILDREN, new String[] {null, "12:00"});
    AUGUST_2016.put(Submission.INFORMATION_ON_20_CHILDREN.recordTaskId, new String[] {"2", "15:00"});
    AUGUST_2016.put(TASK_SELECT_CHILDREN_TO_EVALUATE, new String[] {"2", "17:00"});
    AUGUST_2016.put(Submission.MULTI_AGENCY_MEETINGS.recordTaskId, new String[] {"2", null});
    AUGUST_2016.put(TASK_CONSOLIDATE_LETTER, new String[] {null, "12:00"});
    AUGUST_2016.put(TASK_AGREE_DRAFT_LETTER, new String[] {null, "12:00"});
    AUGUST_2016.put(TASK_AGREE_DRAFT_LETTER_LEAD, new String[] {null, "12:00"});
    for (String group : Inspectorates.PARTNERS) {
      AUGUST_2016.put(forInspectorate(TASK_SIGN_OFF_DRAFT_LETTER, group), new String[] {null, "12:00"});
    }
    AUGUST_2016.put(TASK_SEND_DRAFT_TO_DCS, new String[] {null, "12:00"});
  }

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;

  private ProcessInstance start2016(String reference, String theme) {
    InspectionStarts.Started started = starts.start(new InspectionStartRequest("jtai-2016", reference, "Southshire", theme,
        "2027-03-02", null, "ofsted-lead", "qa-manager"));
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.processInstanceId()).singleResult();
  }

  @Test
  void the2016EditionOffersOnlyItsTwoThemesAndRunsTheSameDiagram() {
    assertThatThrownBy(() -> start2016("JTAI-2016-NEGLECT", "neglect")).isInstanceOf(InvalidInspectionException.class)
        .hasMessage("deepDiveTheme: 'neglect' is not a deep dive theme of jtai-2016 (Annex A lists: cse-and-missing,"
            + " domestic-abuse).");

    ProcessInstance pi = start2016("JTAI-2016-DA", "domestic-abuse");

    assertThat(engine.getRuntimeService().getVariable(pi.getId(), VAR_FRAMEWORK)).isEqualTo("jtai-2016");
    assertThat(pi.getProcessDefinitionId()).isEqualTo(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(KEY).latestVersion().singleResult().getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(TASK_PREPARE_PRE_INSPECTION_BRIEFING);
  }

  @Test
  void theDiagramCarriesThe2016TimesOnExactlyTheStepsWhereTheTableDiffers() {
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(engine.getRepositoryService()
        .createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult().getId());
    Map<String, String[]> found = new LinkedHashMap<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      Map<String, String> properties = ModelProperties.of(element);
      if (properties.containsKey("day.jtai-2016") || properties.containsKey("time.jtai-2016")) {
        found.put(element.getId(), new String[] {properties.get("day.jtai-2016"), properties.get("time.jtai-2016")});
      }
    }
    assertThat(found).containsOnlyKeys(AUGUST_2016.keySet());
    AUGUST_2016.forEach((id, expected) -> assertThat(found.get(id)).as(id).containsExactly(expected));
  }
}
