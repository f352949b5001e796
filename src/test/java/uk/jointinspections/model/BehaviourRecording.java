package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording under {@code src/test/resources/recordings/}: written pretty-printed, compared as text, a mismatch
 * reported as a line diff. With {@code -Drecordings.update=true} the file is rewritten instead of compared.
 */
final class BehaviourRecording {

  static final Path ROOT = Path.of("src", "test", "resources", "recordings");
  static final boolean UPDATE = Boolean.getBoolean("recordings.update");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

  /** Values a run generates that differ from run to run, each replaced by its placeholder wherever it appears. */
  private final Map<String, String> placeholders = new LinkedHashMap<>();

  /** Replaces {@code generated} (a reference, a process instance id) by {@code placeholder} in every text. */
  BehaviourRecording normalise(String generated, String placeholder) {
    placeholders.put(generated, placeholder);
    return this;
  }

  ObjectNode object() {
    return JSON.createObjectNode();
  }

  ArrayNode array() {
    return JSON.createArrayNode();
  }

  JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The timeline as the endpoint answers it, entries due at the same moment in id order: the endpoint lists those in
   * the diagram's document order, which moving a step into a subprocess changes without changing a date.
   */
  ArrayNode timeline(JsonNode answer) {
    List<JsonNode> entries = new ArrayList<>();
    answer.forEach(entries::add);
    ArrayNode ordered = array();
    int from = 0;
    while (from < entries.size()) {
      String due = entries.get(from).path("due").asText(null);
      int to = from;
      while (to < entries.size() && java.util.Objects.equals(due, entries.get(to).path("due").asText(null))) {
        to++;
      }
      entries.subList(from, to).stream().sorted(Comparator.comparing(e -> e.path("id").asText()))
          .forEach(ordered::add);
      from = to;
    }
    return ordered;
  }

  private final List<String> mismatches = new ArrayList<>();

  /** Fails naming every recording this run differed from, each with its diff. */
  void verify() {
    if (!mismatches.isEmpty()) {
      fail(String.join("\n\n", mismatches) + "\n\nIf the change is intended, rewrite the recordings with"
          + " -Drecordings.update=true and review the diff.");
    }
  }

  /**
   * Compares {@code actual} with the recording {@code framework/name}, or rewrites the recording when updating. A
   * difference is reported by {@link #verify}, so that one run names every recording that differs.
   */
  void check(String framework, String name, JsonNode actual) {
    String text = render(replace(actual.deepCopy()));
    Path file = ROOT.resolve(framework).resolve(name);
    try {
      if (UPDATE) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        mismatches.add("No recording " + file + " yet. Record it with -Drecordings.update=true, then review and"
            + " commit it.");
        return;
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (!expected.equals(text)) {
        mismatches.add("Behaviour differs from the recording " + file + " (- recorded, + now):\n"
            + diff(expected, text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode replace(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<Map.Entry<String, JsonNode>> copy = new ArrayList<>();
      fields.forEachRemaining(copy::add);
      copy.forEach(field -> object.set(field.getKey(), replace(field.getValue())));
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replace(array.get(i)));
      }
      return array;
    }
    if (node.isTextual()) {
      String text = node.asText();
      for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
        text = text.replace(placeholder.getKey(), placeholder.getValue());
      }
      return TextNode.valueOf(text);
    }
    return node;
  }

  static String render(JsonNode node) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A line diff of the two texts (longest common subsequence), changed lines with two lines of context either side
   * and the line number in the recording; at most 200 lines.
   */
  static String diff(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int[][] common = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> lines = new ArrayList<>();
    List<Integer> changed = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        lines.add(String.format("%6d   %s", i + 1, a[i]));
        i++;
        j++;
      } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
        changed.add(lines.size());
        lines.add(String.format("%6d - %s", i + 1, a[i++]));
      } else {
        changed.add(lines.size());
        lines.add(String.format("%6s + %s", "", b[j++]));
      }
    }
    StringBuilder out = new StringBuilder();
    int shown = 0;
    int last = -1;
    for (int index : changed) {
      for (int k = Math.max(last + 1, index - 2); k <= Math.min(lines.size() - 1, index + 2) && shown < 200; k++) {
        if (last >= 0 && k > last + 1) {
          out.append("   ...\n");
        }
        out.append(lines.get(k)).append('\n');
        last = k;
        shown++;
      }
    }
    return out.toString();
  }
}
