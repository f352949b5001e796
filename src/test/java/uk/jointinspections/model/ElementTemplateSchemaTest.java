package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The element templates in .camunda/element-templates/ against the JSON schema the Camunda Modeler uses for
 * Camunda 7 templates (npm package {@value #SCHEMA_PACKAGE}), validated by ajv under node. The packages are
 * installed with npm into target/, never committed.
 */
class ElementTemplateSchemaTest {

  static final String SCHEMA_PACKAGE = "@camunda/element-templates-json-schema@0.22.1";
  static final String AJV_PACKAGE = "ajv@8.17.1";
  static final Path TEMPLATES = Path.of(".camunda/element-templates");
  private static final Path NPM_DIR = Path.of("target/element-template-schema");
  private static final Path VALIDATOR = Path.of("src/test/resources/element-templates/validate.js");

  @BeforeAll
  static void installSchema() throws Exception {
    if (Files.isDirectory(NPM_DIR.resolve("node_modules/@camunda/element-templates-json-schema"))
        && Files.isDirectory(NPM_DIR.resolve("node_modules/ajv"))) {
      return;
    }
    Files.createDirectories(NPM_DIR);
    Run install = run(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
        NPM_DIR.toString(), SCHEMA_PACKAGE, AJV_PACKAGE));
    assertThat(install.exit).as("npm install of the element-template schema:%n%s", install.output).isZero();
  }

  @Test
  void everyTemplateOfTheProjectFollowsTheModelersSchema() throws Exception {
    List<Path> files = ModelConsistencyChecker.filesEndingWith(TEMPLATES, ".json");
    assertThat(files).as("templates in %s", TEMPLATES).hasSizeGreaterThanOrEqualTo(6);

    Run validation = validate(files);

    assertThat(validation.output).doesNotContain("INVALID");
    assertThat(validation.exit).as(validation.output).isZero();
    assertThat(validation.output.lines().filter(line -> line.startsWith("VALID "))).hasSize(files.size());
  }

  @Test
  void aTemplateThatBreaksTheSchemaIsRefused() throws Exception {
    Run validation = validate(List.of(Path.of("src/test/resources/element-templates/broken/broken-templates.json")));

    assertThat(validation.exit).isNotZero();
    assertThat(validation.output)
        .contains("INVALID", "broken.dropdown-without-choices", "must have required property 'choices'")
        .contains("broken.unknown-binding", "/properties/0/binding/type must be equal to one of the allowed values");
  }

  private static Run validate(List<Path> files) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", VALIDATOR.toString()));
    files.forEach(file -> command.add(file.toString()));
    return run(command);
  }

  private record Run(int exit, String output) {
  }

  private static Run run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("NODE_PATH", NPM_DIR.resolve("node_modules").toAbsolutePath().toString());
    java.lang.Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("'" + command.get(0) + "' is needed to check the element templates against the"
          + " Modeler's schema (Debian packages nodejs and npm): " + e.getMessage(), e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish within 5 minutes: " + output);
    }
    return new Run(process.exitValue(), output);
  }
}
