package uk.jointinspections.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of docker/ without a Docker engine: the compose file parses and has the production topology,
 * the Dockerfile copies paths that exist and runs as a non-root user with a health check, and the ports of compose,
 * nginx, the Dockerfile and the application agree. Every variable compose needs is in .env.example; .env is ignored.
 */
class DockerSetupTest {

  static final Path DOCKER = Path.of("docker");

  @SuppressWarnings("unchecked")
  static Map<String, Object> compose() throws IOException {
    return new Yaml().load(Files.readString(DOCKER.resolve("docker-compose.yml")));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    assertThat(services).as("compose services").containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeHasPostgresTwoNodesOnOneDatabaseALoadBalancerAndAMailCatcher() throws IOException {
    Map<String, Object> compose = compose();
    assertThat(((Map<String, Object>) compose.get("services")).keySet())
        .containsExactlyInAnyOrder("db", "app1", "app2", "lb", "mail");
    Map<String, Object> db = service("db");
    assertThat((String) db.get("image")).startsWith("postgres:15");
    assertThat((List<String>) db.get("volumes")).anyMatch(v -> v.startsWith("pgdata:"));
    assertThat((Map<String, Object>) compose.get("volumes")).containsKey("pgdata");

    for (String app : List.of("app1", "app2")) {
      Map<String, Object> node = service(app);
      Map<String, Object> build = (Map<String, Object>) node.get("build");
      assertThat(build.get("dockerfile")).isEqualTo("docker/Dockerfile");
      assertThat(DOCKER.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))).exists();
      Map<String, Object> env = (Map<String, Object>) node.get("environment");
      assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
      assertThat((String) env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://db:5432/");
      assertThat(env.get("MAIL_HOST")).isEqualTo("mail");
      assertThat(env.get("INSPECTION_NODE_NAME")).as("each node names itself").isEqualTo(app);
      assertThat((List<Object>) node.get("expose")).extracting(String::valueOf).containsExactly(appPort());
      assertThat((Map<String, Object>) node.get("depends_on")).containsKey("db");
    }
    assertThat((Map<String, Object>) service("app2").get("depends_on"))
        .as("app2 waits for app1 to initialise an empty database").containsKey("app1");
    assertThat((String) service("lb").get("image")).startsWith("nginx:");
    assertThat((List<String>) service("lb").get("volumes")).contains("./nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    assertThat(DOCKER.resolve("nginx.conf")).exists();
  }

  @Test
  @SuppressWarnings("unchecked")
  void portsAgreeBetweenApplicationDockerfileComposeAndNginx() throws IOException {
    String port = appPort();
    String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
    assertThat(nginx).contains("ip_hash;").as("sticky sessions for the webapps");
    Matcher upstreams = Pattern.compile("server\\s+(\\w+):(\\d+)").matcher(nginx);
    Set<String> servers = new LinkedHashSet<>();
    while (upstreams.find()) {
      servers.add(upstreams.group(1));
      assertThat(upstreams.group(2)).as("upstream port of %s", upstreams.group(1)).isEqualTo(port);
    }
    assertThat(servers).containsExactly("app1", "app2");
    Matcher listen = Pattern.compile("listen\\s+(\\d+);").matcher(nginx);
    assertThat(listen.find()).isTrue();
    String lbPort = listen.group(1);
    assertThat((List<String>) service("lb").get("ports")).anyMatch(p -> p.endsWith(":" + lbPort));
    String mailPort = String.valueOf(((Map<String, Object>) service("app1").get("environment")).get("MAIL_PORT"));
    assertThat(mailPort).as("mailpit's SMTP port").isEqualTo("1025");

    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    assertThat(dockerfile).contains("EXPOSE " + port);
    assertThat(dockerfile).containsPattern("HEALTHCHECK[^\\n]*\\n?[^\\n]*http://127\\.0\\.0\\.1:" + port
        + "/actuator/health");
  }

  @Test
  void dockerfileCopiesExistingPathsAndRunsAsANonRootUser() throws IOException {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    Matcher copy = Pattern.compile("(?m)^COPY\\s+(?!--from)(?:--\\S+\\s+)*(\\S+)\\s+\\S+").matcher(dockerfile);
    int copies = 0;
    while (copy.find()) {
      copies++;
      // The build context is the repository root (compose: context "..").
      assertThat(Path.of(copy.group(1))).as("COPY source %s", copy.group(1)).exists();
    }
    assertThat(copies).isGreaterThanOrEqualTo(4);
    assertThat(dockerfile).containsPattern("(?m)^USER\\s+(?!root)\\w+");
    assertThat(dockerfile).containsPattern("(?m)^FROM\\s+\\S+\\s+AS\\s+build");
    String ignored = Files.readString(Path.of(".dockerignore"));
    assertThat(ignored).contains("docker/.env").contains("target/");
  }

  @Test
  void theImageStartsFromTheClassDataArchiveItsOwnTrainingStartWrote() throws IOException {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    Matcher training = Pattern.compile("-XX:ArchiveClassesAtExit=(\\S+) -Dspring\\.context\\.exit=onRefresh -jar (\\S+)")
        .matcher(dockerfile);
    assertThat(training.find()).as("a training start that exits after the context refresh").isTrue();
    Matcher entrypoint = Pattern.compile(
        "(?m)^ENTRYPOINT \\[\"java\", \"-XX:SharedArchiveFile=([^\"]+)\", \"-jar\", \"([^\"]+)\"]").matcher(dockerfile);
    assertThat(entrypoint.find()).as("the ENTRYPOINT maps an archive").isTrue();
    assertThat(entrypoint.group(1)).isEqualTo(training.group(1));
    assertThat(entrypoint.group(2)).as("the same jar, extracted").isEqualTo(training.group(2));
    // The archive is written in the runtime stage, by the JVM that will use it, before the postgres profile is set.
    String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    assertThat(runtimeStage).contains("ArchiveClassesAtExit");
    assertThat(runtimeStage.indexOf("ArchiveClassesAtExit"))
        .isLessThan(runtimeStage.indexOf("SPRING_PROFILES_ACTIVE=postgres"));
  }

  @Test
  void everyVariableComposeNeedsIsInTheExampleEnvironmentAndTheRealOneStaysOutOfGit() throws IOException {
    String composeText = Files.readString(DOCKER.resolve("docker-compose.yml"));
    Properties example = new Properties();
    example.load(Files.newBufferedReader(DOCKER.resolve(".env.example")));
    Matcher variable = Pattern.compile("\\$\\{(\\w+)(:-[^}]*)?}").matcher(composeText);
    while (variable.find()) {
      if (variable.group(2) == null) {
        assertThat(example).as(".env.example defines %s", variable.group(1)).containsKey(variable.group(1));
      }
    }
    example.forEach((key, value) -> {
      if (String.valueOf(key).contains("PASSWORD")) {
        assertThat(String.valueOf(value)).as("%s in .env.example is a placeholder", key).startsWith("change-me");
      }
    });
    assertThat(Files.readAllLines(Path.of(".gitignore"))).anyMatch(l -> l.equals(".env") || l.equals("docker/.env"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyImageIsPinnedToAVersionNeverLatest() throws IOException {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    services.forEach((name, definition) -> {
      String image = (String) ((Map<String, Object>) definition).get("image");
      assertThat(image).as("service %s names its image", name).isNotBlank();
      assertPinned("service " + name, image);
    });
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher version = Pattern.compile("<artifactId>joint-inspections</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(pom);
    assertThat(version.find()).isTrue();
    assertThat((String) service("app1").get("image")).as("the application's image carries the project's version")
        .isEqualTo("joint-inspections:" + version.group(1));
    Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(DOCKER.resolve("Dockerfile")));
    int bases = 0;
    while (from.find()) {
      bases++;
      assertPinned("Dockerfile FROM", from.group(1));
    }
    assertThat(bases).isEqualTo(2);
  }

  static void assertPinned(String where, String image) {
    String lastPart = image.substring(image.lastIndexOf('/') + 1);
    assertThat(lastPart).as("%s: %s has a tag", where, image).contains(":");
    String tag = lastPart.substring(lastPart.indexOf(':') + 1);
    assertThat(tag).as("%s: %s", where, image).isNotEqualTo("latest").containsPattern("\\d");
  }

  /**
   * The tuning and sign-in settings (job executor, history cleanup, pool, metrics, the sign-in throttle, the origins
   * allowed to send state-changing requests) are environment variables of application.yaml; compose passes each on with the same default and .env.example lists it with that value, so
   * the three never disagree about what runs when nobody sets it.
   */
  @Test
  @SuppressWarnings("unchecked")
  void everyTuningSettingIsConfigurableThroughComposeWithTheApplicationsDefault() throws IOException {
    Matcher setting = Pattern.compile("\\$\\{((?:INSPECTION_JOB|INSPECTION_HISTORY_CLEANUP|INSPECTION_METRICS|INSPECTION_LOGIN)_\\w+"
        + "|INSPECTION_DB_POOL_SIZE|INSPECTION_ALLOWED_ORIGINS):([^}]*)}").matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
    Map<String, String> defaults = new java.util.TreeMap<>();
    while (setting.find()) {
      defaults.put(setting.group(1), setting.group(2));
    }
    assertThat(defaults).containsKeys("INSPECTION_JOB_CORE_POOL_SIZE", "INSPECTION_JOB_MAX_POOL_SIZE",
        "INSPECTION_JOB_QUEUE_CAPACITY", "INSPECTION_JOB_LOCK_TIME_MILLIS", "INSPECTION_JOB_MAX_JOBS_PER_ACQUISITION",
        "INSPECTION_JOB_WAIT_TIME_MILLIS", "INSPECTION_JOB_MAX_WAIT_MILLIS", "INSPECTION_JOB_BACKOFF_TIME_MILLIS",
        "INSPECTION_JOB_MAX_BACKOFF_MILLIS", "INSPECTION_JOB_ACQUIRE_BY_DUE_DATE", "INSPECTION_HISTORY_CLEANUP_START",
        "INSPECTION_HISTORY_CLEANUP_END", "INSPECTION_HISTORY_CLEANUP_BATCH_SIZE",
        "INSPECTION_HISTORY_CLEANUP_PARALLELISM", "INSPECTION_LOGIN_FREE_FAILURES", "INSPECTION_LOGIN_FIRST_DELAY",
        "INSPECTION_LOGIN_MAX_DELAY", "INSPECTION_ALLOWED_ORIGINS");
    Properties example = new Properties();
    example.load(Files.newBufferedReader(DOCKER.resolve(".env.example")));
    for (String app : List.of("app1", "app2")) {
      Map<String, Object> env = (Map<String, Object>) service(app).get("environment");
      defaults.forEach((variable, value) -> {
        assertThat(String.valueOf(env.get(variable))).as("%s passes %s on", app, variable)
            .isEqualTo("${" + variable + ":-" + value + "}");
        assertThat(example.getProperty(variable)).as(".env.example lists %s with the default", variable)
            .isEqualTo(value);
      });
    }
  }

  static String appPort() throws IOException {
    Matcher port = Pattern.compile("port: \\$\\{PORT:(\\d+)}")
        .matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
    assertThat(port.find()).as("server.port in application.yaml").isTrue();
    return port.group(1);
  }
}
