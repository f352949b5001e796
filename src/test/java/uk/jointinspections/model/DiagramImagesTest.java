package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's pictures are rendered by docs/diagrams/render.mjs: processes/*.bpmn by bpmn-js (docs/images/*.svg) and
 * the decision tables of processes/*.dmn by dmn-js (docs/images/*.png). It records the SHA-256 of each file it rendered
 * in docs/images/processes.sha256. A diagram or decision changed, added or removed without rendering again fails here,
 * naming the one command that fixes it.
 */
class DiagramImagesTest {

  static final String RENDER = "npm --prefix docs/diagrams ci && npm --prefix docs/diagrams run render";
  static final Path PROCESSES = Path.of("processes");
  static final Path IMAGES = Path.of("docs/images");
  static final Path MANIFEST = IMAGES.resolve("processes.sha256");
  static final Path README = Path.of("README.md");

  private static final Pattern MANIFEST_LINE = Pattern.compile("([0-9a-f]{64})  processes/(\\S+\\.(?:bpmn|dmn))");
  private static final Pattern DRAWN = Pattern.compile("bpmnElement=\"([^\"]+)\"");

  @Test
  void everyDiagramHasAPictureRenderedFromItsCurrentVersion() throws IOException {
    assertThat(ModelConsistencyChecker.filesEndingWith(PROCESSES, ".bpmn")).as("BPMN files in processes/").isNotEmpty();
    assertThat(ModelConsistencyChecker.filesEndingWith(PROCESSES, ".dmn")).as("DMN files in processes/").isNotEmpty();
    assertThat(drift(PROCESSES, IMAGES)).as("Render the pictures again from the repository root: " + RENDER).isEmpty();
  }

  /** The check itself, on a copy: a changed, a new and a deleted diagram, and a lost picture, are each reported. */
  @Test
  void aChangedNewOrRemovedDiagramOrALostPictureIsReported(@TempDir Path copy) throws IOException {
    Path processes = Files.createDirectories(copy.resolve("processes"));
    Path images = Files.createDirectories(copy.resolve("images"));
    for (Path diagram : diagrams(PROCESSES)) {
      Files.copy(diagram, processes.resolve(diagram.getFileName()));
      Files.copy(image(IMAGES, diagram.getFileName().toString()), image(images, diagram.getFileName().toString()));
    }
    Files.copy(MANIFEST, images.resolve(MANIFEST.getFileName()));
    assertThat(drift(processes, images)).as("an untouched copy").isEmpty();

    Files.writeString(processes.resolve("notification.bpmn"), "<!-- moved a shape -->\n", StandardOpenOption.APPEND);
    Files.copy(PROCESSES.resolve("notification.bpmn"), processes.resolve("new-process.bpmn"));
    Files.delete(processes.resolve("complaint.bpmn"));
    Files.delete(images.resolve("jtai.svg"));
    Files.writeString(processes.resolve("complaint-window.dmn"), "<!-- a new rule -->\n", StandardOpenOption.APPEND);

    assertThat(drift(processes, images)).containsExactlyInAnyOrder(
        "processes/jtai.bpmn: its picture " + image(images, "jtai.bpmn") + " is missing",
        "processes/new-process.bpmn has no picture yet",
        "processes/notification.bpmn changed since its picture was rendered",
        "processes/complaint-window.dmn changed since its picture was rendered",
        "processes/complaint.bpmn is listed in processes.sha256 but no longer exists");
  }

  /** What is out of date between the diagrams in {@code processes} and the pictures and manifest in {@code images}. */
  static List<String> drift(Path processes, Path images) throws IOException {
    Map<String, String> rendered = manifest(images.resolve(MANIFEST.getFileName()));
    List<String> problems = new ArrayList<>();
    TreeSet<String> diagrams = new TreeSet<>();
    for (Path diagram : diagrams(processes)) {
      String file = diagram.getFileName().toString();
      diagrams.add(file);
      String recorded = rendered.get(file);
      if (recorded == null) {
        problems.add("processes/" + file + " has no picture yet");
      } else if (!recorded.equals(sha256(diagram))) {
        problems.add("processes/" + file + " changed since its picture was rendered");
      }
      if (recorded != null && !Files.isRegularFile(image(images, file))) {
        problems.add("processes/" + file + ": its picture " + image(images, file) + " is missing");
      }
    }
    rendered.keySet().stream().filter(file -> !diagrams.contains(file)).forEach(file -> problems.add(
        "processes/" + file + " is listed in " + MANIFEST.getFileName() + " but no longer exists"));
    return problems;
  }

  /** Beyond the hash: each picture really is of its diagram, every element the diagram lays out is drawn in it. */
  @Test
  void everyPictureDrawsEveryElementOfItsDiagram() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path bpmn : ModelConsistencyChecker.filesEndingWith(PROCESSES, ".bpmn")) {
      Path image = image(IMAGES, bpmn.getFileName().toString());
      if (!Files.isRegularFile(image)) {
        continue; // reported, with the command, by the test above
      }
      String svg = Files.readString(image, StandardCharsets.UTF_8);
      assertThat(svg).as(image.toString()).startsWith("<?xml").contains("<svg");
      // A collapsed subprocess's elements are drawn in the picture of its own plane, <name>.<subprocess id>.svg.
      String name = bpmn.getFileName().toString().replaceAll("\\.bpmn$", "");
      try (var planes = Files.list(IMAGES)) {
        for (Path plane : planes.filter(p -> p.getFileName().toString().startsWith(name + ".")
            && p.getFileName().toString().endsWith(".svg") && !p.equals(image)).sorted().toList()) {
          svg += Files.readString(plane, StandardCharsets.UTF_8);
        }
      }
      Matcher drawn = DRAWN.matcher(Files.readString(bpmn, StandardCharsets.UTF_8));
      while (drawn.find()) {
        String id = drawn.group(1);
        if (!svg.contains("data-element-id=\"" + id + "\"") && !isProcessOrCollaboration(bpmn, id)) {
          problems.add(image + " does not draw " + id);
        }
      }
    }
    assertThat(problems).as("Render the pictures again from the repository root: " + RENDER).isEmpty();
  }

  /** dmn-js draws decision tables as HTML, so their pictures are screenshots: each a PNG, of every decision. */
  @Test
  void everyDecisionFileHasAPngPicture() throws IOException {
    for (Path dmn : ModelConsistencyChecker.filesEndingWith(PROCESSES, ".dmn")) {
      Path image = image(IMAGES, dmn.getFileName().toString());
      if (!Files.isRegularFile(image)) {
        continue; // reported, with the command, by the drift test
      }
      byte[] png = Files.readAllBytes(image);
      assertThat(png).as(image + " is a PNG").startsWith(0x89, 'P', 'N', 'G');
      assertThat(png.length).as(image + " is a picture of tables, not an empty page").isGreaterThan(10_000);
    }
  }

  @Test
  void theReadmeShowsEveryPicture() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    assertThat(readme).as("README.md names the command that renders the pictures").contains(RENDER);
    for (Path diagram : diagrams(PROCESSES)) {
      String picture = "](" + image(IMAGES, diagram.getFileName().toString()).toString().replace('\\', '/') + ")";
      assertThat(readme).as("README.md shows " + picture).contains(picture);
    }
  }

  private static boolean isProcessOrCollaboration(Path bpmn, String id) throws IOException {
    // The plane refers to the process (or collaboration) itself, which is the picture as a whole, not a shape in it.
    String xml = Files.readString(bpmn, StandardCharsets.UTF_8);
    return Pattern.compile("<bpmn:(process|collaboration)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"").matcher(xml).find();
  }

  private static List<Path> diagrams(Path processes) throws IOException {
    List<Path> diagrams = new ArrayList<>(ModelConsistencyChecker.filesEndingWith(processes, ".bpmn"));
    diagrams.addAll(ModelConsistencyChecker.filesEndingWith(processes, ".dmn"));
    return diagrams;
  }

  /** A process is drawn as SVG; a decision file's tables are a screenshot. */
  private static Path image(Path images, String diagramFile) {
    return images.resolve(diagramFile.replaceAll("\\.bpmn$", ".svg").replaceAll("\\.dmn$", ".png"));
  }

  private static Map<String, String> manifest(Path manifest) throws IOException {
    assertThat(manifest).as(manifest + " is missing; render the pictures from the repository root: " + RENDER)
        .isRegularFile();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      Matcher entry = MANIFEST_LINE.matcher(line);
      assertThat(entry.matches()).as(manifest + ": unexpected line '" + line + "'; render again: " + RENDER).isTrue();
      hashes.put(entry.group(2), entry.group(1));
    }
    return hashes;
  }

  static String sha256(Path file) throws IOException {
    return sha256(Files.readAllBytes(file));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
