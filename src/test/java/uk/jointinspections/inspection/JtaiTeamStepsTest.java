package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.JtaiStart;

/**
 * ¶8 and ¶11: the team steps go to the inspectorate's inspectors on this inspection (named at start), with the whole
 * inspectorate group kept for cover (J16), not to any member of the inspectorate alone.
 */
@EngineTest
class JtaiTeamStepsTest {

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired TaskService tasks;

  private List<String> candidateUsers(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getUserId).filter(u -> u != null).toList();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null)
        .toList();
  }

  private Task task(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
  }

  @Test
  void eachInspectoratesTeamStepIsOfferedToItsNamedInspectorsBesideTheGroup() {
    InspectionStartRequest request = JtaiScenario.startRequest("jtai-2017", "JTAI-TEAM-STEPS", "neglect",
        LocalDate.of(2027, 3, 2));
    InspectionStarts.Started started = starts.start(new InspectionStartRequest(request.framework(), request.reference(),
        request.localAuthority(), request.deepDiveTheme(), request.notificationDate(), null, request.leadInspector(),
        request.qaManager(), null, null, List.of("cqc-inspector", "cqc-lead", "hmicfrs-inspector", "ofsted-inspector")));
    String pi = started.processInstanceId();
    JtaiStart.pastTheAnalystsBriefing(tasks, pi);

    Task cqc = task(pi, forInspectorate(TASK_REVIEW_BRIEFING, "cqc"));
    assertThat(candidateUsers(cqc)).containsExactly("cqc-inspector", "cqc-lead");
    assertThat(candidateGroups(cqc)).containsExactly("cqc");
    assertThat(candidateUsers(task(pi, forInspectorate(TASK_REVIEW_BRIEFING, "hmicfrs")))).containsExactly("hmicfrs-inspector");
    Task probation = task(pi, forInspectorate(TASK_REVIEW_BRIEFING, "hmi-probation"));
    assertThat(candidateUsers(probation)).as("nobody of HMI Probation named: the group covers").isEmpty();
    assertThat(candidateGroups(probation)).containsExactly("hmi-probation");

    // Day 4: Ofsted's preparation goes to the lead inspector and the Ofsted inspector named.
    engine.getRuntimeService().createProcessInstanceModification(pi)
        .startBeforeActivity(forInspectorate(TASK_PREPARE_OFF_SITE, "ofsted")).execute();
    assertThat(candidateUsers(task(pi, forInspectorate(TASK_PREPARE_OFF_SITE, "ofsted"))))
        .containsExactly("ofsted-lead", "ofsted-inspector");
  }

  @Autowired Timeline timeline;

  private InspectionStarts.Started startWithTeam(String reference, List<String> team) {
    InspectionStartRequest request = JtaiScenario.startRequest("jtai-2017", reference, "neglect", LocalDate.of(2027, 3, 2));
    return starts.start(new InspectionStartRequest(request.framework(), request.reference(), request.localAuthority(),
        request.deepDiveTheme(), request.notificationDate(), null, request.leadInspector(), request.qaManager(), null,
        null, team));
  }

  /** ¶8: "usually three inspectors from each of Ofsted, HMIC and the CQC, and two from HMI Probation". */
  @Test
  void aTeamOfAnotherSizeThanParagraphEightStartsWithAWarningAndTheUsualTeamWithout() {
    InspectionStarts.Started usual = startWithTeam("JTAI-TEAM-USUAL", List.of("ofsted-inspector", "editor",
        "cqc-lead", "cqc-inspector", "cqc-senior-manager", "hmicfrs-lead", "hmicfrs-inspector", "hmicfrs-senior-manager",
        "probation-lead", "probation-inspector"));
    assertThat(usual.warnings()).isEmpty();
    assertThat(timeline.of("JTAI-TEAM-USUAL")).noneMatch(e -> e.id().equals(TeamCompositionTimeline.ID));

    InspectionStarts.Started small = startWithTeam("JTAI-TEAM-SMALL", List.of("cqc-inspector", "hmicfrs-inspector",
        "hmicfrs-lead", "hmicfrs-senior-manager"));
    assertThat(small.processInstanceId()).as("a warning, not a refusal").isNotNull();
    assertThat(small.warnings()).singleElement().asString().contains("paragraph 8")
        .contains("Ofsted 1 (usually 3)", "CQC 1 (usually 3)", "HMI Probation 0 (usually 2)").doesNotContain("HMIC 3");
    assertThat(engine.getRuntimeService().getVariable(small.processInstanceId(), JtaiTeamComposition.VAR_WARNING))
        .isEqualTo(small.warnings().get(0));
    assertThat(timeline.of("JTAI-TEAM-SMALL")).filteredOn(e -> e.id().equals(TeamCompositionTimeline.ID))
        .singleElement().satisfies(e -> {
          assertThat(e.paragraph()).isEqualTo("8");
          assertThat(e.title()).isEqualTo(small.warnings().get(0));
        });
    engine.getRuntimeService().deleteProcessInstance(usual.processInstanceId(), "test finished");
    engine.getRuntimeService().deleteProcessInstance(small.processInstanceId(), "test finished");
  }
}
