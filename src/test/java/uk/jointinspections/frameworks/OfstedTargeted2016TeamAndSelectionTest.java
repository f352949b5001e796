package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.jointinspections.frameworks.OfstedTargeted2016Fixture.*;
import static uk.jointinspections.frameworks.OfstedTargeted2016Process.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * Paragraphs 11, 19 and 21 and the table's days 1, 2, 4 and 13: the lead inspector's two selections are checked
 * (exactly 20 identification numbers, then five to seven of those 20), and the steps of "all inspectors" go to each
 * inspector of the team named at start.
 */
@EngineTest
@WithEngineAssertions
class OfstedTargeted2016TeamAndSelectionTest {

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired TestRestTemplate http;

  @Test
  void theSelectionsAreIdentificationNumbersInTheRightCounts() {
    FrameworkScenario s = start(engine, starts, "OTA16-SELECT", "2026-09-15", "2026-09-11T10:00", List.of());
    completeUntil(s, TASK_SELECT_20_CHILDREN);
    Task twenty = s.task(TASK_SELECT_20_CHILDREN);
    assertThatThrownBy(() -> engine.getTaskService().complete(twenty.getId(),
        Map.of("selectedChildIds", TWENTY.replace("CS-101", "JaneSmith"))))
        .hasMessageContaining("'JaneSmith' is not an identification number");
    assertThatThrownBy(() -> engine.getTaskService().complete(twenty.getId(),
        Map.of("selectedChildIds", TWENTY.replace("CS-101, ", ""))))
        .hasMessageContaining("Select exactly 20 children from the deep dive list: you gave 19");
    engine.getTaskService().complete(twenty.getId(), Map.of("selectedChildIds", TWENTY));

    completeUntil(s, TASK_SELECT_CHILDREN_TO_EVALUATE);
    Task evaluate = s.task(TASK_SELECT_CHILDREN_TO_EVALUATE);
    assertThatThrownBy(() -> engine.getTaskService().complete(evaluate.getId(),
        Map.of("evaluationChildIds", "CS-101, CS-102, CS-103, CS-104")))
        .hasMessageContaining("between five and seven children for the local authority's evaluation");
    assertThatThrownBy(() -> engine.getTaskService().complete(evaluate.getId(),
        Map.of("evaluationChildIds", "CS-101, CS-102, CS-103, CS-104, CS-999")))
        .hasMessageContaining("must come from the 20 selected on day 1; not among them: CS-999");
    engine.getTaskService().complete(evaluate.getId(), Map.of("evaluationChildIds", FIVE));
    s.waitsAtExactly(TASK_PRODUCE_BRIEFING_NOTE);
  }

  @Test
  void eachInspectorOfTheTeamPreparesAndSubmitsKeyFindings() {
    FrameworkScenario s = start(engine, starts, "OTA16-TEAM", "2026-09-15", "2026-09-11T10:00", List.of(INSPECTOR));
    completeUntil(s, TASK_PREPARE_OFF_SITE);
    List<Task> preparing = s.tasks(TASK_PREPARE_OFF_SITE);
    assertThat(preparing).extracting(Task::getAssignee).containsExactly(LEAD, INSPECTOR);
    assertThat(preparing).extracting(Task::getDueDate).containsOnly(FrameworkScenario.at("2026-09-21T23:59"));
    engine.getTaskService().complete(preparing.get(0).getId());
    engine.getTaskService().complete(s.task(TASK_COMMENCE_TIMETABLE).getId());
    // The day-5 step waits for the other inspector's preparation.
    assertThat(s.tasks(TASK_RECORD_ANNEX_A_INFORMATION)).isEmpty();
    engine.getTaskService().complete(preparing.get(1).getId());
    assertThat(s.tasks(TASK_RECORD_ANNEX_A_INFORMATION)).hasSize(1);

    completeUntil(s, TASK_SUBMIT_KEY_FINDINGS);
    assertThat(s.tasks(TASK_SUBMIT_KEY_FINDINGS)).extracting(Task::getAssignee).containsExactly(LEAD, INSPECTOR);
    assertThat(s.tasks(TASK_SUBMIT_KEY_FINDINGS)).extracting(Task::getDueDate)
        .containsOnly(FrameworkScenario.at("2026-10-02T23:59"));
  }

  @Test
  void theTeamIsNamedOverHttp() {
    FrameworkScenario.clock("2026-09-11T10:00");
    Map<String, Object> body = Map.of("framework", FRAMEWORK, "reference", "OTA16-REST-TEAM",
        "localAuthority", "Westshire", "deepDiveTheme", "cse-and-missing", "plannedFieldworkStart", "2026-09-28",
        "leadInspector", LEAD, "qaManager", QA, "inspectionTeam", List.of(INSPECTOR));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var created = http.withBasicAuth(LEAD, "demo").postForEntity("/api/inspections", new HttpEntity<>(body, headers),
        com.fasterxml.jackson.databind.JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("OTA16-REST-TEAM").singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(instance, InspectionTeam.VARIABLE)).isEqualTo(INSPECTOR);
  }
}
