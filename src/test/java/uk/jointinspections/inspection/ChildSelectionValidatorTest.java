package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

class ChildSelectionValidatorTest {

  @Test
  void acceptsIdentificationNumbersSeparatedByCommasOrLines() {
    assertThat(ChildSelectionValidator.parse("LA-001, LA-002\nLA/003;4471", "selectedChildIds"))
        .containsExactly("LA-001", "LA-002", "LA/003", "4471");
  }

  @Test
  void refusesNamesRepeatsAndEmptyLists() {
    assertThatThrownBy(() -> ChildSelectionValidator.parse("LA-001, Jane Smith", "selectedChildIds"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'Jane Smith' is not an identification number");
    assertThatThrownBy(() -> ChildSelectionValidator.parse("LA-001, Jane", "selectedChildIds"))
        .hasMessageContaining("'Jane' is not an identification number");
    assertThatThrownBy(() -> ChildSelectionValidator.parse("LA-001, LA-002, LA-001", "selectedChildIds"))
        .hasMessageContaining("repeated: LA-001");
    assertThatThrownBy(() -> ChildSelectionValidator.parse(" ", "evaluationChildIds"))
        .hasMessageStartingWith("evaluationChildIds:");
  }
}
