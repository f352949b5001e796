package uk.jointinspections.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The image's class data sharing, without a Docker engine: the packaged jar is extracted and trained with the commands
 * docker/Dockerfile gives (read from it, {@code /app} standing for a directory here), and the application then starts
 * from the archive with the ENTRYPOINT's options and {@code -Xshare:on}, under which the JVM refuses to start when it
 * cannot map the archive, until its health is UP. The training leaves no database behind for the image to carry.
 */
@Tag("cluster")
class ClassDataSharingIT {

  private static final Pattern EXTRACT = Pattern.compile("java (-Djarmode=tools -jar \\S+ extract --destination \\S+)");
  private static final Pattern TRAINING = Pattern.compile("(?m)^RUN ((?:\\w+=\\S+ )+)\\\\\\s*\\n\\s*java ([^\\n]+)");
  private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT \\[\"java\", (.+)]");

  private final Path dir = Path.of("target", "cluster", "cds-" + Long.toHexString(System.nanoTime()))
      .toAbsolutePath();
  private AppNode node;

  @AfterEach
  void stop() throws InterruptedException {
    if (node != null) {
      node.kill9();
    }
  }

  @Test
  void theDockerfilesTrainingWritesAnArchiveTheApplicationThenStartsFrom() throws Exception {
    String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
    Path build = dir.resolve("build");
    Path app = dir.resolve("app");
    Files.createDirectories(build);
    // The build stage: the packaged jar as /build/app.jar, extracted into /build/application (the image's /app).
    Files.copy(AppNode.builtJar(), build.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
    Matcher extract = EXTRACT.matcher(dockerfile);
    assertThat(extract.find()).as("the build stage extracts the jar").isTrue();
    run(build, Map.of(), words(extract.group(1).replace("/build/application", app.toString())
        .replace("/build/", build + "/")));
    assertThat(app.resolve("app.jar")).exists();

    Matcher training = TRAINING.matcher(dockerfile);
    assertThat(training.find()).as("the runtime stage's training start").isTrue();
    Map<String, String> environment = new LinkedHashMap<>();
    for (String assignment : words(training.group(1))) {
      environment.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
    }
    List<String> trainingOptions = words(training.group(2).replace("/app/", app + "/"));
    assertThat(trainingOptions).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
    run(app, environment, trainingOptions);
    Path archive = Path.of(trainingOptions.stream().filter(option -> option.startsWith("-XX:ArchiveClassesAtExit="))
        .findFirst().orElseThrow().substring("-XX:ArchiveClassesAtExit=".length()));
    assertThat(archive).exists();
    assertThat(Files.size(archive)).as("archive bytes").isGreaterThan(10_000_000L);
    assertThat(app.resolve("data")).as("a database left by the training in the image").doesNotExist();

    Matcher entrypoint = ENTRYPOINT.matcher(dockerfile);
    assertThat(entrypoint.find()).isTrue();
    List<String> arguments = Arrays.stream(entrypoint.group(1).split(",\\s*"))
        .map(quoted -> quoted.substring(1, quoted.length() - 1).replace("/app/", app + "/")).toList();
    int jar = arguments.indexOf("-jar");
    List<String> options = new ArrayList<>(arguments.subList(0, jar));
    options.add("-Xshare:on");
    node = new AppNode("cds", Path.of(arguments.get(jar + 1)), dir.resolve("node"), Map.of(
        "CAMUNDA_ADMIN_PASSWORD", "cds-admin-" + UUID.randomUUID(),
        "INSPECTION_DEMO_PASSWORD", "cds-demo-" + UUID.randomUUID(),
        "INSPECTION_MAILBOX_PORT", "0"), List.of()).jvmOptions(options);
    node.start().awaitUp(ClusterIT.START);
    assertThat(node.logTail()).doesNotContain("shared archive", "Shared archive");
  }

  private static List<String> words(String line) {
    return Arrays.stream(line.trim().split("\\s+")).toList();
  }

  /** Runs {@code java} with these arguments in that directory and expects it to end well within two minutes. */
  private static void run(Path workingDirectory, Map<String, String> environment, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    Path log = workingDirectory.resolve("java-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended && process.exitValue() == 0).as("%s ended well; its output:%n%s", command,
        Files.readString(log)).isTrue();
  }
}
