package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The follow-up of an overdue step says what the step's working day counts from. */
class OverdueStepDescriberTest {

  @Test
  void aStepAfterFieldworkCountsFromTheLastDayOfFieldworkNotTheNotification() {
    assertThat(OverdueStepDescriber.countedFrom("fieldworkEnd", "jtai-2024"))
        .isEqualTo("counted from the last day of fieldwork");
    assertThat(OverdueStepDescriber.countedFrom("dayZero", "jtai-2024")).isEqualTo("counted from the notification day");
    assertThat(OverdueStepDescriber.countedFrom("dayZero", "slac-2009"))
        .isEqualTo("in table 1, day 1 being the notification day");
    assertThat(OverdueStepDescriber.countedFrom("finalLetterSentOn", "jtai-2024"))
        .isEqualTo("counted from the day the final letter was sent");
  }
}
