package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the JTAI forms ask that the seed requires and the engine cannot check by itself. */
class JtaiFormsTest {

  private static JsonNode field(String form, String key) throws Exception {
    JsonNode root = new ObjectMapper().readTree(Path.of("forms", form + ".form").toFile());
    for (JsonNode component : root.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError(form + " has no field " + key);
  }

  /** ¶79 (2016 ¶78): "All SEA entries must be made before the team meeting on Thursday afternoon" (J15). */
  @Test
  void theDay12MeetingConfirmsThatEverySeaEntryWasMadeBeforeIt() throws Exception {
    JsonNode sea = field("form_agree_provisional_findings", "seaEntriesMadeBeforeMeeting");
    assertThat(sea.path("type").asText()).isEqualTo("checkbox");
    assertThat(sea.path("validate").path("required").asBoolean()).isTrue();
    assertThat(sea.path("label").asText()).contains("paragraph 79").contains("78");
  }
}
