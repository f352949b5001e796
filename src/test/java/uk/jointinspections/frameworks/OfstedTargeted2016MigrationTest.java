package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionMigration;
import uk.jointinspections.inspection.InspectionMigration.InspectionMove;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * Inspections started on the diagram as it was before the issue-16 fixes, moved to the fixed one by the administrators'
 * migration (activities mapped by equal id): where each kind of open step ends up.
 */
@EngineTest
@WithEngineAssertions
class OfstedTargeted2016MigrationTest {

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired InspectionMigration migration;

  private final List<Deployment> deployed = new ArrayList<>();

  @AfterEach
  void removeVersions() {
    deployed.forEach(d -> repository.deleteDeployment(d.getId(), true));
  }

  private String diagram(String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private ProcessInstance startBefore(String definitionId, String reference, String activity) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("framework", OfstedTargeted2016Process.FRAMEWORK);
    variables.put("reference", reference);
    variables.put("localAuthority", "Westshire");
    variables.put("leadInspector", OfstedTargeted2016Fixture.LEAD);
    variables.put("qaManager", OfstedTargeted2016Fixture.QA);
    variables.put("inspectionTeam", "");
    variables.put("dayZero", FrameworkScenario.at("2026-09-15T00:00"));
    return runtime.createProcessInstanceById(definitionId).businessKey(reference).setVariables(variables)
        .startBeforeActivity(activity).execute();
  }

  @Test
  void runningInspectionsMoveExceptAtTheStepsThatBecameJointOrOneTaskPerInspector() throws IOException {
    FrameworkScenario.clock("2026-09-25T10:00");
    Deployment old = repository.createDeployment().name("ofsted-targeted-2016 before issue 16")
        .addString("ofsted-targeted-2016.bpmn", diagram("/migration/ofsted-targeted-2016-before-issue-16.bpmn")).deploy();
    deployed.add(old);
    String oldDefinition = repository.createProcessDefinitionQuery().deploymentId(old.getId()).singleResult().getId();
    startBefore(oldDefinition, "OTA16-MIG-KIT", "task_kit_wednesday");
    startBefore(oldDefinition, "OTA16-MIG-EVAL", "task_record_evaluations");
    startBefore(oldDefinition, "OTA16-MIG-DRAFT", "task_agree_draft_letter");
    startBefore(oldDefinition, "OTA16-MIG-PREPARE", "task_prepare_off_site");
    Deployment fixed = repository.createDeployment().name("ofsted-targeted-2016 fixed")
        .addString("ofsted-targeted-2016.bpmn", diagram("/processes/ofsted-targeted-2016.bpmn")).deploy();
    deployed.add(fixed);

    Map<String, InspectionMove> moves = new HashMap<>();
    migration.migrate(OfstedTargeted2016Process.KEY, List.of("OTA16-MIG-KIT", "OTA16-MIG-EVAL", "OTA16-MIG-DRAFT",
        "OTA16-MIG-PREPARE"), false).inspections().forEach(m -> moves.put(m.reference(), m));

    assertThat(moves.get("OTA16-MIG-KIT").outcome()).isEqualTo(InspectionMove.MOVED);
    assertThat(moves.get("OTA16-MIG-EVAL").outcome()).isEqualTo(InspectionMove.MOVED);
    // The single day-16 task no longer exists (two halves now), nor the one group task of day 4 (one per inspector).
    assertThat(moves.get("OTA16-MIG-DRAFT").outcome()).isEqualTo(InspectionMove.REFUSED);
    assertThat(moves.get("OTA16-MIG-PREPARE").outcome()).isEqualTo(InspectionMove.REFUSED);

    // A moved inspection goes on through the new steps: after the evaluations, the written consent (day 8).
    String eval = runtime.createProcessInstanceQuery().processInstanceBusinessKey("OTA16-MIG-EVAL").singleResult().getId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(eval).taskDefinitionKey("task_record_evaluations")
        .singleResult().getId());
    assertThat(tasks.createTaskQuery().processInstanceId(eval).list()).extracting(t -> t.getTaskDefinitionKey())
        .containsExactly(OfstedTargeted2016Process.TASK_RECORD_CONSENT_CONFIRMATION);
  }
}
