package uk.jointinspections.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

/** The kit's extension: the assertions see the application's engine, and a moved clock does not outlive its test. */
@EngineTest
@WithEngineAssertions
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WithEngineAssertionsTest {

  @Autowired ProcessEngine engine;

  @Test
  @Order(1)
  void aTestMovesTheClockToALondonDateTime() {
    assertThat(AbstractAssertions.processEngine()).isSameAs(engine);
    EngineClock.set("2027-07-01T10:00");
    // British Summer Time: 10:00 in London is 09:00 UTC.
    assertThat(ClockUtil.getCurrentTime().toInstant()).isEqualTo(Instant.parse("2027-07-01T09:00:00Z"));
    assertThat(EngineClock.today()).hasToString("2027-07-01");
  }

  @Test
  @Order(2)
  void theNextTestRunsInRealTimeOnTheSameEngine() {
    assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), Instant.now()).abs())
        .isLessThan(Duration.ofMinutes(1));
    assertThat(AbstractAssertions.processEngine()).isSameAs(engine);
  }
}
