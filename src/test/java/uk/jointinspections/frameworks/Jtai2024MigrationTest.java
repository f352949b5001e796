package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.InspectionMigration;
import uk.jointinspections.inspection.InspectionMigration.InspectionMove;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * 2024 inspections started on the diagram as it was before fieldwork started on its day (audit defects 6 and 8), moved
 * to the corrected one by the administrators' migration: the Annex A steps go into their own scopes, and fieldwork
 * still starts on its day once weeks 1 and 2 end, although the moved scope has no fieldwork timer of its own.
 */
@EngineTest
@WithEngineAssertions
class Jtai2024MigrationTest {

  @Autowired ProcessEngine engine;
  @Autowired InspectionMigration migration;
  @Autowired WorkingDays workingDays;
  @Autowired uk.jointinspections.inspection.InspectionStarts starts;

  private final List<Deployment> deployed = new ArrayList<>();

  @AfterEach
  void removeVersions() {
    deployed.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  private Deployment deploy(String name, String resource) throws IOException {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      Deployment d = engine.getRepositoryService().createDeployment().name(name)
          .addString("jtai-2024.bpmn", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).deploy();
      deployed.add(d);
      return d;
    }
  }

  private FrameworkScenario startBefore(String definitionId, String reference, String activity) {
    Map<String, Object> variables = new HashMap<>(Jtai2024Plan.fromFieldworkStart(LocalDate.of(2026, 10, 5),
        workingDays).variables());
    variables.put("framework", Jtai2024Process.FRAMEWORK);
    variables.put("reference", reference);
    variables.put("localAuthority", "Northshire");
    variables.put("leadInspector", "ofsted-lead");
    variables.put("qaManager", "qa-manager");
    variables.put("inspectionTeam", "");
    String id = engine.getRuntimeService().createProcessInstanceById(definitionId).businessKey(reference)
        .setVariables(variables).startBeforeActivity(activity).execute().getId();
    return new FrameworkScenario(engine, id);
  }

  @Test
  void inspectionsMoveUnlessAnAnnexAArrivalIsAwaitedAndFieldworkStillStartsOnItsDay() throws IOException {
    FrameworkScenario.clock("2026-09-18T10:00");
    deploy("jtai-2024 before fieldwork on its day", "/migration/jtai-2024-before-fieldwork-on-its-day.bpmn");
    FrameworkScenario awaiting = started("JTAI24-MIG-AWAITING");
    FrameworkScenario selecting = started("JTAI24-MIG-SELECTING");
    List<String> notified = List.of(Jtai2024Process.TASK_NOTIFY_DCS, Jtai2024Process.TASK_NOTIFY_HEALTH_LEADERS,
        Jtai2024Process.TASK_NOTIFY_POLICE_LEADERS, Jtai2024Process.TASK_RECORD_CHILD_LEVEL_DATA);
    Jtai2024Steps.completeAll(selecting, notified);
    Jtai2024Steps.completeAll(awaiting, notified);
    Jtai2024Steps.completeAll(awaiting, List.of(Jtai2024Process.TASK_SELECT_30_CHILDREN));
    String oldDefinition = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(awaiting.processInstanceId).singleResult().getProcessDefinitionId();
    FrameworkScenario fieldwork = startBefore(oldDefinition, "JTAI24-MIG-KIT", Jtai2024Process.TASK_KIT_WEDNESDAY);
    deploy("jtai-2024 corrected", "/processes/jtai-2024.bpmn");

    Map<String, InspectionMove> moves = new HashMap<>();
    migration.migrate(Jtai2024Process.KEY, List.of("JTAI24-MIG-AWAITING", "JTAI24-MIG-SELECTING", "JTAI24-MIG-KIT"),
        false).inspections().forEach(m -> moves.put(m.reference(), m));

    // Waiting for an Annex A arrival, whose step now lies in its own scope: refused, finishes on its version.
    assertThat(moves.get("JTAI24-MIG-AWAITING").outcome()).isEqualTo(InspectionMove.REFUSED);
    assertThat(moves.get("JTAI24-MIG-AWAITING").problem()).contains(Jtai2024Process.TASK_RECORD_ANSWERS_30);
    assertThat(moves.get("JTAI24-MIG-KIT").outcome()).as(moves.get("JTAI24-MIG-KIT").problem())
        .isEqualTo(InspectionMove.MOVED);
    fieldwork.assigned(Jtai2024Process.TASK_KIT_WEDNESDAY, "ofsted-lead", "2026-10-07T23:59");
    assertThat(moves.get("JTAI24-MIG-SELECTING").outcome()).as(moves.get("JTAI24-MIG-SELECTING").problem())
        .isEqualTo(InspectionMove.MOVED);

    // Moved while the lead inspector selects the 30 children: on through the new steps (the audits beside the case
    // records), and, with no fieldwork timer of its own, fieldwork opens on its day once weeks 1 and 2 end.
    Jtai2024Steps.completeAll(selecting, List.of(Jtai2024Process.TASK_SELECT_30_CHILDREN,
        Jtai2024Process.TASK_RECORD_ANSWERS_30, Jtai2024Process.TASK_SELECT_AUDIT_CHILDREN,
        Jtai2024Process.TASK_RECORD_AUDITS, Jtai2024Process.TASK_RECORD_CASE_RECORDS,
        Jtai2024Process.TASK_REQUEST_HEALTH_RECORDS_CQC, Jtai2024Process.TASK_CONFIRM_MASA_NOTIFIED,
        Jtai2024Process.TASK_SETUP_DISCUSSION, Jtai2024Process.TASK_MEET_MASA_BEFORE_FIELDWORK,
        Jtai2024Process.TASK_TIMETABLE_LIAISON_CQC, Jtai2024Process.TASK_TIMETABLE_LIAISON_HMICFRS,
        Jtai2024Process.TASK_AGREE_FIELDWORK_TIMETABLE));
    assertThat(selecting.tasks(Jtai2024Process.TASK_INITIAL_MEETING)).isEmpty();
    selecting.moveTo("2026-10-05T08:00");
    selecting.assigned(Jtai2024Process.TASK_INITIAL_MEETING, "ofsted-lead", "2026-10-05T23:59");
  }

  private FrameworkScenario started(String reference) {
    return new FrameworkScenario(engine, starts.start(new InspectionStartRequest("jtai-2024", reference, "Northshire",
        null, null, "2026-10-05", "ofsted-lead", "qa-manager")).processInstanceId());
  }
}
