package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernFixture.CHRISTMAS_EVE_2026;
import static uk.jointinspections.concern.ConcernFixture.clockAt;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * What the concern tests share: a fresh JTAI in fieldwork on Christmas Eve 2026, so that response deadlines cross
 * Christmas and the substitute Boxing Day, and the authentication put back afterwards (the clock: the kit's extension).
 */
@WithEngineAssertions
abstract class ConcernDuringInspection {

  @Autowired ProcessEngine engine;

  ConcernFixture fixture;
  String reference;

  @BeforeEach
  void inspectionInFieldworkOnChristmasEve() {
    fixture = new ConcernFixture(engine);
    clockAt(CHRISTMAS_EVE_2026);
    reference = ConcernFixture.newReference();
    fixture.inspection(reference);
  }

  @AfterEach
  void signOut() {
    engine.getIdentityService().clearAuthentication();
  }
}
