package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Camunda stores a text variable in a column of 4,000 characters. A form that lets an inspector type more fails only
 * when the task is completed, with the engine's error instead of the form's own message; so every text field and text
 * area in forms/ stops the typing at 4,000 or fewer.
 */
class FormTextLimitsTest {

  static final int TEXT_VARIABLE_LIMIT = 4000;

  @Test
  void everyTextFieldOfEveryFormFitsACamundaTextVariable() throws IOException {
    List<String> unlimited = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        collect(json.readTree(form.toFile()), form.getFileName().toString(), unlimited);
      }
    }
    assertThat(unlimited).as("text inputs without validate.maxLength between 1 and %d", TEXT_VARIABLE_LIMIT).isEmpty();
  }

  private static void collect(JsonNode node, String form, List<String> unlimited) {
    String type = node.path("type").asText();
    if (type.equals("textfield") || type.equals("textarea")) {
      int max = node.path("validate").path("maxLength").asInt(0);
      if (max < 1 || max > TEXT_VARIABLE_LIMIT) {
        unlimited.add(form + ": " + node.path("key").asText() + " (maxLength " + (max == 0 ? "none" : max) + ")");
      }
    }
    node.path("components").forEach(child -> collect(child, form, unlimited));
  }
}
