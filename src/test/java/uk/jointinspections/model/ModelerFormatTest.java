package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files in processes/ are as the Camunda Modeler saves them, and pass the Modeler's linter. Each diagram and
 * decision goes through docs/diagrams/normalize.mjs: imported into and saved by the Modeler's own libraries
 * (camunda-bpmn-js and camunda-dmn-js of Modeler 5.40.0, in Debian's Chromium), so a process owner's first save in the
 * Modeler changes nothing they did not change; a file that would come out differently fails, with its first differing
 * lines and the command that fixes it. Each diagram then goes through bpmnlint (docs/diagrams/lint.mjs) with the rules
 * of .bpmnlintrc (bpmnlint's recommended and the project's own naming rules in docs/diagrams/bpmnlint-plugin-local); any
 * report fails, warnings included.
 */
class ModelerFormatTest {

  static final String NORMALIZE = "npm --prefix docs/diagrams run normalize";
  static final Path DIAGRAMS = Path.of("docs/diagrams");
  static final Path PROCESSES = Path.of("processes");
  private static final ObjectMapper JSON = new ObjectMapper();


  @BeforeAll
  static void installTheModelersLibraries() throws Exception {
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    assertThat(Path.of(chromium)).as("Debian's chromium runs the Modeler's libraries (apt-get install chromium)")
        .isExecutable();
    if (!installed()) {
      Run install = run(List.of("npm", "--prefix", DIAGRAMS.toString(), "ci", "--no-audit", "--no-fund"));
      assertThat(install.exit).as("npm --prefix docs/diagrams ci:%n%s", install.output).isZero();
    }
    assertThat(installed()).as("docs/diagrams/node_modules matches package.json after npm ci").isTrue();
  }

  @Test
  void everyDiagramAndDecisionIsAsTheModelerSavesIt() throws Exception {
    List<Path> files = files(".bpmn", ".dmn");
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);

    Run check = node("normalize.mjs", "--check", files);

    assertThat(check.output).as("Save them as the Modeler does, from the repository root: " + NORMALIZE)
        .doesNotContain("would save it differently");
    assertThat(check.exit).as(check.output).isZero();
    for (Path file : files) {
      assertThat(check.output).contains(file + ": as the Modeler saves it");
    }
  }

  /** The check itself: a file saved by hand, without incoming/outgoing and with its own attribute order, fails. */
  @Test
  void aFileTheModelerWouldSaveDifferentlyIsReportedWithItsFirstDifferingLines(@TempDir Path copy) throws Exception {
    String saved = Files.readString(PROCESSES.resolve("statement-of-action.bpmn"));
    Path byHand = copy.resolve("statement-of-action.bpmn");
    Files.writeString(byHand, saved.replaceAll("\\n *<bpmn:(incoming|outgoing)>[^<]*</bpmn:\\1>", ""));
    Path asSaved = copy.resolve("statement-of-action-as-saved.bpmn");
    Files.writeString(asSaved, saved);

    Run check = node("normalize.mjs", "--check", List.of(byHand, asSaved));

    assertThat(check.exit).as(check.output).isEqualTo(1);
    assertThat(check.output)
        .contains("statement-of-action.bpmn: the Modeler would save it differently (" + NORMALIZE + ")")
        .contains("+ <bpmn:outgoing>flow_statement_of_action_to_record_statement_of_action</bpmn:outgoing>")
        .contains("statement-of-action-as-saved.bpmn: as the Modeler saves it")
        .contains("1 of 2 files differ from what the Modeler saves");
  }

  @Test
  void everyDiagramPassesTheLintRulesOfTheRepository() throws Exception {
    List<Path> files = files(".bpmn");

    Run lint = node("lint.mjs", null, files);

    assertThat(lint.output).contains("0 bpmnlint report(s) in " + files.size() + " file(s) (.bpmnlintrc)");
    assertThat(lint.exit).as(lint.output).isZero();
  }

  @Test
  void aLintFindingFailsNamingTheElementAndTheRule(@TempDir Path copy) throws Exception {
    Path diagram = copy.resolve("statement-of-action.bpmn");
    Files.writeString(diagram, Files.readString(PROCESSES.resolve("statement-of-action.bpmn"))
        .replace("name=\"Reviewed in this process?\"", ""));

    Run lint = node("lint.mjs", null, List.of(diagram));

    assertThat(lint.exit).as(lint.output).isEqualTo(1);
    assertThat(lint.output)
        .contains("statement-of-action.bpmn: gw_review_statement label-required error: Element is missing label/name")
        .contains("1 bpmnlint report(s) in 1 file(s)");
  }

  @Test
  void aNamedMergingGatewayAndAnEndEventNamedAsAnActionAreReported(@TempDir Path copy) throws Exception {
    Path diagram = copy.resolve("statement-of-action.bpmn");
    Files.writeString(diagram, Files.readString(PROCESSES.resolve("statement-of-action.bpmn"))
        .replace("<bpmn:exclusiveGateway id=\"gw_merge_review\"", "<bpmn:exclusiveGateway id=\"gw_merge_review\" name=\"Merged\"")
        .replace("name=\"Escalated to the inspection\"", "name=\"Escalate to the inspection\""));

    Run lint = node("lint.mjs", null, List.of(diagram));

    assertThat(lint.exit).as(lint.output).isEqualTo(1);
    assertThat(lint.output)
        .contains("gw_merge_review local/merging-gateway-unnamed error: Merging gateway carries a name ('Merged')")
        .contains("end_overdue_record_statement_of_action local/end-event-named-as-state error: End event named as an"
            + " action ('Escalate to the inspection')")
        .contains("2 bpmnlint report(s) in 1 file(s)");
  }

  @Test
  void aRuleSwitchedOffWithoutItsReasonIsRefused(@TempDir Path copy) throws Exception {
    Path config = copy.resolve(".bpmnlintrc");
    Files.writeString(config, "{\"extends\": \"bpmnlint:recommended\", \"rules\": {\"label-required\": \"off\"}}");

    Run lint = node("lint.mjs", "--config=" + config.toAbsolutePath(),
        List.of(PROCESSES.resolve("statement-of-action.bpmn")));

    assertThat(lint.exit).as(lint.output).isEqualTo(2);
    assertThat(lint.output).contains("rule label-required is set to off without a reason under \"reasons\"");
  }

  @Test
  void everyRuleTheRepositorySwitchesOffOrSoftensSaysWhy() throws IOException {
    JsonNode config = JSON.readTree(Path.of(".bpmnlintrc").toFile());
    assertThat(config.path("extends")).extracting(JsonNode::asText)
        .containsExactly("bpmnlint:recommended", "plugin:local/recommended");
    for (Iterator<Map.Entry<String, JsonNode>> rules = config.path("rules").fields(); rules.hasNext(); ) {
      Map.Entry<String, JsonNode> rule = rules.next();
      assertThat(config.path("reasons").path(rule.getKey()).asText()).as("the reason for %s", rule.getKey())
          .hasSizeGreaterThan(40);
    }
  }

  /** Every file of the given kinds in processes/, in name order. */
  private static List<Path> files(String... endings) throws IOException {
    try (Stream<Path> listing = Files.list(PROCESSES)) {
      return listing.filter(file -> Stream.of(endings).anyMatch(file.toString()::endsWith))
          .sorted().toList();
    }
  }

  /** Every devDependency of docs/diagrams/package.json is in node_modules at its pinned version. */
  private static boolean installed() throws IOException {
    JsonNode wanted = JSON.readTree(DIAGRAMS.resolve("package.json").toFile()).path("devDependencies");
    for (Iterator<Map.Entry<String, JsonNode>> packages = wanted.fields(); packages.hasNext(); ) {
      Map.Entry<String, JsonNode> pkg = packages.next();
      Path manifest = DIAGRAMS.resolve("node_modules").resolve(pkg.getKey()).resolve("package.json");
      boolean local = pkg.getValue().asText().startsWith("file:");
      if (!Files.isRegularFile(manifest) || !local
          && !JSON.readTree(manifest.toFile()).path("version").asText().equals(pkg.getValue().asText())) {
        return false;
      }
    }
    return true;
  }

  static Run node(String script, String option, List<Path> files) throws Exception {
    List<String> arguments = new ArrayList<>();
    if (option != null) {
      arguments.add(option);
    }
    files.forEach(file -> arguments.add(file.toAbsolutePath().toString()));
    return node(script, arguments);
  }

  /** Runs a script of docs/diagrams; its output names files relative to the repository root. */
  static Run node(String script, List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", DIAGRAMS.resolve(script).toString()));
    command.addAll(arguments);
    Run run = run(command);
    return new Run(run.exit, run.output.replace(Path.of("").toAbsolutePath() + "/", ""));
  }

  record Run(int exit, String output) {
  }

  private static Run run(List<String> command) throws IOException, InterruptedException {
    java.lang.Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException("'" + command.get(0) + "' is needed to run the Modeler's libraries (Debian "
          + "packages nodejs and npm): " + e.getMessage(), e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(command + " did not finish within 10 minutes: " + output);
    }
    return new Run(process.exitValue(), output);
  }
}
