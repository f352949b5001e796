package uk.jointinspections.cluster;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application JVM started from the built jar, as production starts it: its own working directory (so the H2 demo
 * database and any ./config of the test tree stay out of it), its own port, configuration through environment
 * variables and command-line properties. Output goes to {@code <dir>/node.log}, whose tail a failure quotes.
 */
final class AppNode {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final String name;
  final int port;
  private final Path jar;
  private final Path dir;
  private final Map<String, String> environment;
  private final List<String> properties;
  private List<String> jvmOptions = List.of();
  private Process process;

  AppNode(String name, Path jar, Path dir, Map<String, String> environment, List<String> properties) {
    this.name = name;
    this.port = freePort();
    this.jar = jar;
    this.dir = dir;
    this.environment = environment;
    this.properties = properties;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }

  static Path builtJar() {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("joint-inspections-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "No target/joint-inspections-*.jar: the cluster suite runs the packaged application (mvn verify)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Options for the JVM besides this class's own, which they follow (so that they win where both set one). */
  AppNode jvmOptions(List<String> options) {
    this.jvmOptions = List.copyOf(options);
    return this;
  }

  AppNode start() throws IOException {
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Duser.timezone=UTC"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.add("--server.port=" + port);
    command.add("--inspection.node-name=" + name);
    command.add("--spring.jmx.enabled=false");
    command.addAll(properties);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    return this;
  }

  /** Waits until /actuator/health says UP; fails with the log's tail when the JVM dies or the time runs out. */
  AppNode awaitUp(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("Node " + name + " exited with " + process.exitValue() + " while starting:\n" + logTail());
      }
      try {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return this;
        }
      } catch (IOException notYetListening) {
        // still starting
      }
      Thread.sleep(500);
    }
    fail("Node " + name + " did not report UP within " + timeout + ":\n" + logTail());
    return this;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no job executor shutdown, open transactions die with their connections. */
  void kill9() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM, as an orchestrator stops a node; SIGKILL if it has not stopped in 60 seconds. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  Response call(String method, String path, String user, String password, Object body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
          .header("Authorization", "Basic " + Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
          .header("Accept", "application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " on node " + name + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The {@code count} of a GET that answers {@code {"count": n}}, such as the engine's {@code .../count} resources. */
  long count(String path, String user, String password) {
    Response response = call("GET", path, user, password, null);
    if (response.status() != 200) {
      fail("GET %s on node %s: %s", path, name, response);
    }
    return response.json().path("count").asLong();
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("node.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  record Response(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
