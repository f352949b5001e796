package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

/**
 * The corrected JTAI (J11, J19, K3) joins the local area's submissions elsewhere: an inspection running on the
 * diagram before the correction, between the notification and the day-12 findings, would wait at a join for a
 * branch it never took. The migration refuses it with the reason; one not yet notified moves.
 */
@EngineTest
class JtaiMigrationGuardTest {

  @Autowired ProcessEngine engine;
  @Autowired InspectionMigration migration;

  private final List<Deployment> deployed = new ArrayList<>();

  @AfterEach
  void removeDeployments() {
    deployed.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = JtaiMigrationGuardTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private void deploy(String name, String diagram) {
    deployed.add(engine.getRepositoryService().createDeployment().name(name).source("JtaiMigrationGuardTest")
        .addString("jtai.bpmn", diagram).deploy());
  }

  @Test
  void anInspectionBetweenTheNotificationAndTheFindingsStaysOnItsVersionAndOneNotYetNotifiedMoves() throws IOException {
    deploy("jtai before J11/J19", resource("/migration/jtai-before-fidelity-j11-j19.bpmn"));
    ProcessInstance notified = JtaiScenario.startBefore(engine, "JTAI-GUARD-NOTIFIED", "gw_split_notified", Map.of());
    ProcessInstance notYet = JtaiScenario.startBefore(engine, "JTAI-GUARD-EARLY", JtaiProcess.TASK_REVIEW_BRIEFING_LEAD,
        Map.of());
    String old = notified.getProcessDefinitionId();
    deploy("jtai corrected", resource("/processes/jtai.bpmn"));

    InspectionMigration.MigrationReport report = migration.migrate(JtaiProcess.KEY,
        List.of("JTAI-GUARD-NOTIFIED", "JTAI-GUARD-EARLY"), false);
    InspectionMigration.InspectionMove refused = report.inspections().stream()
        .filter(m -> m.reference().equals("JTAI-GUARD-NOTIFIED")).findFirst().orElseThrow();
    assertThat(refused.outcome()).isEqualTo("refused");
    assertThat(refused.problem()).contains("gw_split_notified").contains("wait for a branch it never took");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(notified.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(old);
    assertThat(report.inspections().stream().filter(m -> m.reference().equals("JTAI-GUARD-EARLY")).findFirst()
        .orElseThrow().outcome()).isEqualTo("moved");
  }
}
