package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.inspection.JtaiProcess.*;

import java.time.LocalDate;
import java.time.LocalTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * ¶10: "The Ofsted senior analytical officer will coordinate the initial analysis of performance data and provide a
 * pre-inspection briefing for the inspection team", which the lead inspector and the other inspectorates review on
 * day −1 (¶11). The seed gives the briefing no day; the diagram reads day −2.
 */
@EngineTest
@WithEngineAssertions
class JtaiPreInspectionBriefingTest {

  @Autowired ProcessEngine engine;
  @Autowired WorkingDays workingDays;
  @Autowired InspectionStarts starts;

  @Test
  void theAnalyticalOfficersBriefingComesFirstOnDayMinusTwoAndTheReviewsFollowIt() {
    JtaiScenario s = new JtaiScenario(engine, workingDays, LocalDate.of(2027, 6, 8));
    EngineClock.set(s.date(-3), LocalTime.of(9, 0));
    InspectionStarts.Started started = starts.start(JtaiScenario.startRequest("jtai-2017", "JTAI-BRIEFING-1", "neglect",
        s.dayZero));
    s.instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(started.processInstanceId())
        .singleResult();

    assertThat(s.instance).isWaitingAtExactly(TASK_PREPARE_PRE_INSPECTION_BRIEFING);
    s.roleStep(TASK_PREPARE_PRE_INSPECTION_BRIEFING, "senior-analytical-officer", -2, null);

    // Not ready by the end of day −2: the lead inspector and the QA manager follow it up.
    s.clock(-2, "23:58");
    assertThat(s.followUps()).isZero();
    s.clock(-1, "08:00");
    assertThat(s.followUps()).isEqualTo(1);

    s.complete(TASK_PREPARE_PRE_INSPECTION_BRIEFING, java.util.Map.of("preInspectionBriefingShared", true,
        "preInspectionBriefingDocument", "secure site folder 01 briefing"));
    assertThat(s.instance).isWaitingAt(TASK_REVIEW_BRIEFING_LEAD, forInspectorate(TASK_REVIEW_BRIEFING, "cqc"),
        forInspectorate(TASK_REVIEW_BRIEFING, "hmicfrs"), forInspectorate(TASK_REVIEW_BRIEFING, "hmi-probation"));
    assertThat(engine.getRuntimeService().getVariable(s.instance.getId(), "preInspectionBriefingDocument"))
        .isEqualTo("secure site folder 01 briefing");
    engine.getRuntimeService().deleteProcessInstance(s.instance.getId(), "test finished");
  }
}
