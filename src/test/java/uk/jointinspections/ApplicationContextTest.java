package uk.jointinspections;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class ApplicationContextTest {

  @Autowired ProcessEngine engine;

  @Test
  void startsTheEngineWithAuthorizationAndHistoryCleanupConfigured() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P2190D");
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
  }
}
