package uk.jointinspections.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.jointinspections.JointInspectionsApplication;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.JtaiProcess.Submission;
import uk.jointinspections.inspection.Submissions;
import uk.jointinspections.report.CockpitSession;

/**
 * What the application costs to run (issue 10): a national year of JTAIs with their concerns and complaints, the same
 * year on a bare Camunda diagram of the same shape, the "My inspectorate" Tasklist query at scale, and start-up of the
 * built jar. A measurement to read, not a test: {@code mvn -Pbenchmark -DskipTests verify} (README "Performance").
 *
 * <p>The whole application runs with its job executor on: the benchmark moves the engine clock (ClockUtil) and waits
 * until the job executor has run every job that is due; it never executes a job itself.
 */
public final class NationalYearBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String FLOOR_KEY = "benchmark-floor";
  /** The same diagram completed with no variables at all: the floor as it was before the actor's work was replayed. */
  private static final String FLOOR_KEY_BARE = "benchmark-floor-bare";
  private static final String H2_OPTIONS = ";QUERY_CACHE_SIZE=256";
  private static final List<LocalTime> TIMES_OF_DAY = List.of(LocalTime.of(9, 0), LocalTime.of(15, 0), LocalTime.of(23, 30));

  private final Map<String, Object> result = new LinkedHashMap<>();
  private final List<String> summary = new ArrayList<>();
  private final boolean postgres = "postgres".equals(System.getProperty("benchmark.db", "h2"));
  private final int inspections = Integer.getInteger("benchmark.inspections", 30);
  private final int openInspections = Integer.getInteger("benchmark.openInspections", postgres ? 10_000 : 1_000);
  private final int queries = Integer.getInteger("benchmark.queries", 200);
  private final LocalDate yearStart = LocalDate.parse(System.getProperty("benchmark.yearStart", "2027-01-04"));

  private ConfigurableApplicationContext context;
  private ProcessEngine engine;
  private WorkingDays workingDays;
  private StatementCounter statements;
  private CommandTimer commands;
  private ThreadStarts threadStarts;
  private int port;
  private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();
  private final Map<String, Integer> refusedSteps = new TreeMap<>();
  private long timeouts;

  public static void main(String[] args) throws Exception {
    System.setProperty("user.timezone", "UTC");
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    new NationalYearBenchmark().run();
    System.exit(0);
  }

  private void run() throws Exception {
    result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
        "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version"),
        "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
    result.put("database", postgres ? "postgresql" : "h2");
    Map<String, Object> settings = settings();
    result.put("settings", settings);
    threadStarts = new ThreadStarts();
    if (!Boolean.getBoolean("benchmark.skipStartup")) {
      startup();
    }
    GreenMail mail = new GreenMail(new ServerSetup(freePort(), null, ServerSetup.PROTOCOL_SMTP));
    mail.start();
    try {
      boot(mail.getSmtp().getPort());
      settings.put("smtpMaxIdleConnections",
          context.getBean(uk.jointinspections.notification.NotificationProperties.class).getSmtp().getMaxIdle());
      if (!Boolean.getBoolean("benchmark.skipYear")) {
        Map<String, Object> year = nationalYear();
        Map<String, Object> floor = floor(FLOOR_KEY, true);
        Map<String, Object> bare = floor(FLOOR_KEY_BARE, false);
        double wall = ((Number) year.get("wallSeconds")).doubleValue();
        double ratio = wall / ((Number) floor.get("wallSeconds")).doubleValue();
        double ratioBare = wall / ((Number) bare.get("wallSeconds")).doubleValue();
        result.put("ratioToFloor", round(ratio));
        result.put("ratioToFloorWithoutVariables", round(ratioBare));
        line("project / engine floor (wall time)", "%.2f".formatted(ratio), "≤ 1.3");
        line("project / engine floor without variables (wall time)", "%.2f".formatted(ratioBare));
      }
      if (!Boolean.getBoolean("benchmark.skipTasklist")) {
        tasklist();
      }
      if (!Boolean.getBoolean("benchmark.skipReport")) {
        onTimeReport();
      }
    } finally {
      if (context != null) {
        context.close();
      }
      mail.stop();
      threadStarts.close();
    }
    Path out = Path.of("target", "benchmark", "benchmark-" + (postgres ? "postgresql" : "h2") + ".json");
    Files.createDirectories(out.getParent());
    JSON.writeValue(out.toFile(), result);
    System.out.println();
    System.out.println("=== Benchmark (" + result.get("database") + ", " + Runtime.getRuntime().availableProcessors()
        + " cores) ===");
    summary.forEach(System.out::println);
    if (!refusedSteps.isEmpty()) {
      System.out.println("steps the actor could not complete: " + refusedSteps);
    }
    System.out.println("JSON: " + out.toAbsolutePath());
  }

  /** The tuning knobs in effect, so that a result file says what it measured. */
  private Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("inspections", inspections);
    s.put("openInspections", openInspections);
    s.put("historyLevel", System.getProperty("camunda.bpm.history-level", "full"));
    s.put("acquireByDueDate", System.getProperty(
        "camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date", "false"));
    s.put("jobDueDateIndex", Boolean.getBoolean("benchmark.jobDueDateIndex"));
    if (!postgres) {
      s.put("h2Options", System.getProperty("benchmark.h2Options", H2_OPTIONS));
    }
    s.put("notificationLeanHistory", System.getProperty("inspection.notification.lean-history", "true"));
    if (postgres) {
      s.put("randomPageCost", System.getProperty("benchmark.randomPageCost", "1.1"));
      s.put("authorizationStatistics", System.getProperty("inspection.tasklist.authorization-statistics", "true"));
    }
    return s;
  }

  private void line(String what, String figure, String target) {
    summary.add("%-58s %14s   target %s".formatted(what, figure, target));
  }

  private void line(String what, String figure) {
    summary.add("%-58s %14s".formatted(what, figure));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 4. Start-up of the built jar

  private void startup() throws Exception {
    Path jar;
    try (var files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("joint-inspections-.*\\.jar")).findFirst().orElse(null);
    }
    if (jar == null) {
      line("start-up", "no jar (run mvn package)", "≤ 10 s");
      return;
    }
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    double[] fat = startToHealthUp(List.of(javaBin, "-jar", jar.toString()), "fat");
    // As the image starts (docker/Dockerfile): the jar extracted, its classes mapped from an archive that a training
    // start, which exits once the context is refreshed, wrote with the same JVM.
    Path cds = Path.of("target", "benchmark", "cds").toAbsolutePath();
    if (Files.exists(cds)) {
      try (var old = Files.walk(cds)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(cds);
    run(javaBin, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", cds.resolve("app").toString());
    Path extracted = cds.resolve("app").resolve(jar.getFileName());
    Path archive = cds.resolve("application.jsa");
    long trainingBegan = System.nanoTime();
    run(javaBin, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(),
        "--spring.datasource.url=jdbc:h2:mem:training", "--inspection.mailbox.port=0");
    double trainingSeconds = (System.nanoTime() - trainingBegan) / 1e9;
    double[] shared = Files.exists(archive)
        ? startToHealthUp(List.of(javaBin, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar",
            extracted.toString()), "cds")
        : new double[] {-1, -1};
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("secondsToHealthUp", round(fat[0]));
    figures.put("heapUsedAfterGcMb", (long) fat[1]);
    figures.put("jar", jar.toString());
    figures.put("how", "java -jar on an in-memory H2 database; heap = jcmd GC.heap_info after jcmd GC.run");
    figures.put("secondsToHealthUpExtractedWithClassDataArchive", round(shared[0]));
    figures.put("heapUsedAfterGcMbWithClassDataArchive", (long) shared[1]);
    figures.put("trainingSeconds", round(trainingSeconds));
    figures.put("archiveMb", Files.exists(archive) ? Files.size(archive) >> 20 : -1);
    result.put("startup", figures);
    line("start-up: launch of the jar to /actuator/health UP", "%.1f s".formatted(fat[0]), "≤ 10 s");
    line("start-up as the image starts (extracted, class data archive)", "%.1f s".formatted(shared[0]), "≤ 10 s");
    line("heap used after start-up (after a full GC)", (long) fat[1] + " MB", "≤ 300 MB");
  }

  /** Seconds from launch to health UP (or -1 after two minutes) and the heap used then in MB after a full GC. */
  private static double[] startToHealthUp(List<String> javaAndJar, String label) throws Exception {
    int appPort = freePort();
    List<String> command = new ArrayList<>(javaAndJar);
    command.addAll(List.of("--server.port=" + appPort,
        "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256",
        "--management.endpoints.web.exposure.include=health", "--inspection.mailbox.port=0"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(Path.of("target", "benchmark-startup-" + label + ".log").toFile());
    long began = System.nanoTime();
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      double seconds = -1;
      while (System.nanoTime() - began < Duration.ofMinutes(2).toNanos() && process.isAlive()) {
        try {
          HttpResponse<String> health = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + appPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
            seconds = (System.nanoTime() - began) / 1e9;
            break;
          }
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      long heapMb = -1;
      if (seconds > 0) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(process.pid()), "GC.run");
        String info = run(jcmd, String.valueOf(process.pid()), "GC.heap_info");
        var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        long usedKb = 0;
        while (m.find()) {
          usedKb = Math.max(usedKb, Long.parseLong(m.group(1)));
        }
        heapMb = usedKb >> 10;
      }
      return new double[] {seconds, heapMb};
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The application in this JVM

  private void boot(int smtpPort) {
    statements = new StatementCounter();
    commands = new CommandTimer(statements);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("server.port", 0);
    props.put("spring.mail.host", "localhost");
    props.put("spring.mail.port", smtpPort);
    props.put("camunda.bpm.job-execution.enabled", true);
    // Time is simulated: the benchmark wakes the job executor when it moves the clock, so it needs no long idle wait.
    props.put("camunda.bpm.job-execution.wait-time-in-millis", 50);
    props.put("camunda.bpm.job-execution.max-wait", 200);
    props.put("inspection.demo.enabled", true);
    props.put("inspection.demo.password", "demo");
    props.put("logging.level.org.camunda.bpm.engine.context", "off");
    if (postgres) {
      props.put("spring.datasource.url", System.getProperty("benchmark.postgresUrl",
          "jdbc:postgresql://127.0.0.1:5432/inspections_benchmark"));
      props.put("spring.datasource.username", System.getProperty("benchmark.postgresUser", "postgres"));
      props.put("spring.datasource.password", System.getProperty("benchmark.postgresPassword", ""));
      props.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
      // What the postgres profile sets (application.yaml), which the benchmark cannot activate: it refuses the local
      // database's empty password. -Dbenchmark.randomPageCost=4 measures PostgreSQL's default.
      props.put("spring.datasource.hikari.connection-init-sql",
          "SET random_page_cost = " + System.getProperty("benchmark.randomPageCost", "1.1"));
    } else {
      // QUERY_CACHE_SIZE as in application.yaml's H2 URL; -Dbenchmark.h2Options=;QUERY_CACHE_SIZE=8 is H2's default.
      props.put("spring.datasource.url", "jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE"
          + System.getProperty("benchmark.h2Options", H2_OPTIONS));
    }
    // System properties outrank every application*.yaml on the class path (the tests' config/application.yaml too).
    props.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
    context = new SpringApplicationBuilder(JointInspectionsApplication.class)
        .initializers(ctx -> {
          ctx.getBeanFactory().addBeanPostProcessor(statements);
          // The starter hands every ProcessEnginePlugin bean to the engine it builds.
          ctx.getBeanFactory().registerSingleton("benchmarkCommandTimer", commands);
        }).run();
    engine = context.getBean(ProcessEngine.class);
    workingDays = context.getBean(WorkingDays.class);
    port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    if (Boolean.getBoolean("benchmark.jobDueDateIndex")) {
      // The index Camunda's documentation pairs with jobExecutorAcquireByDueDate; the engine's DDL does not create it.
      context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
          .execute("create index ACT_IDX_JOB_DUEDATE_BENCH on ACT_RU_JOB(DUEDATE_)");
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 1. A national year

  private record Planned(String reference, LocalDate notified, int concerns, boolean complaint, boolean statement) {
  }

  private Map<String, Object> nationalYear() throws Exception {
    Random random = new Random(2027);
    List<LocalDate> workdays = new ArrayList<>();
    for (LocalDate d = yearStart; d.isBefore(yearStart.plusYears(1)); d = d.plusDays(1)) {
      if (workingDays.isWorkingDay(d)) {
        workdays.add(d);
      }
    }
    Map<LocalDate, List<Planned>> starts = new TreeMap<>();
    for (int i = 0; i < inspections; i++) {
      LocalDate notified = workdays.get(1 + (int) ((long) i * (workdays.size() - 2) / inspections));
      Planned p = new Planned(jtaiReference(i), notified, random.nextInt(4), i % 10 == 3, random.nextBoolean());
      starts.computeIfAbsent(workingDays.add(notified, -1), k -> new ArrayList<>()).add(p);
    }
    Set<String> jtaiDefinitions = Set.of(JtaiProcess.KEY, ConcernReferralProcess.KEY, ComplaintProcess.KEY,
        ComplaintConductProcess.KEY, NotificationProcess.KEY);
    Year year = new Year(starts, jtaiDefinitions);
    Map<String, Object> figures = drive("national year", year);
    result.put("nationalYear", figures);
    double wall = ((Number) figures.get("wallSeconds")).doubleValue();
    line("national year: %d JTAIs (+ concerns, complaints) wall time".formatted(inspections), "%.1f s".formatted(wall),
        "(scaled below)");
    double perYear = wall * 150 / inspections;
    figures.put("wallSecondsScaledTo150", round(perYear));
    line("  scaled linearly to the 150 JTAIs of a national year", "%.0f s".formatted(perYear), "≤ 60 s");
    line("  process instances / tasks / jobs per second", figures.get("processInstancesPerSecond") + " / "
        + figures.get("tasksPerSecond") + " / " + figures.get("jobsPerSecond"));
    line("  SQL statements per inspection lifecycle", String.valueOf(figures.get("statementsPerInspection")));
    line("    of which the job executor's acquisition query", String.valueOf(figures.get("jobAcquisitionQueriesPerInspection")));
    line("  peak heap used", figures.get("peakHeapMb") + " MB");
    Map<String, Object> work = workFigures(userWork.values().stream().flatMap(List::stream).toList());
    work.put("how", "the JTAIs' steps only (what the floor replays); concerns and complaints not included");
    figures.put("variablesSubmitted", work);
    line("  variables the actor submitted per JTAI (characters)", work.get("variablesPerInstance") + " ("
        + work.get("charactersPerInstance") + ")");
    figures.put("rootVariables", rootVariables(JtaiProcess.KEY));
    timeLines(figures, 4);
    return figures;
  }

  /**
   * The variables an instance's root execution holds, from history: what the engine loads whole
   * ({@code selectVariablesByExecutionId}) the first time a command touches a variable of the instance. Mean count per
   * instance, and by name how many instances hold each one, so that project and floor can be set side by side.
   */
  private Map<String, Object> rootVariables(String processDefinitionKey) {
    Map<String, Integer> byName = new TreeMap<>();
    Set<String> instances = new HashSet<>();
    long rootVariables = 0;
    for (var variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processDefinitionKey(processDefinitionKey).list()) {
      if (variable.getProcessInstanceId() != null
          && variable.getProcessInstanceId().equals(variable.getExecutionId())) {
        instances.add(variable.getProcessInstanceId());
        byName.merge(variable.getName(), 1, Integer::sum);
        rootVariables++;
      }
    }
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("instances", instances.size());
    figures.put("meanPerInstance", instances.isEmpty() ? 0 : round((double) rootVariables / instances.size()));
    figures.put("instancesHoldingEachName", byName);
    figures.put("how", "historic variable instances whose execution is the process instance, of the instances whose"
        + " history the year's cleanup left");
    line("  variables on an instance's root execution (mean)", String.valueOf(figures.get("meanPerInstance")));
    return figures;
  }

  /** What the simulated actor starts on each day, and what it answers a step with. */
  private class Year {
    final Map<LocalDate, List<Planned>> starts;
    final Set<String> keys;
    /** The diagram whose instances end the year when none is left running. */
    final String main;
    final Map<String, Planned> byReference = new HashMap<>();
    final Map<LocalDate, List<Runnable>> later = new HashMap<>();
    int started;

    Year(Map<LocalDate, List<Planned>> starts, Set<String> keys) {
      this.starts = starts;
      this.keys = keys;
      this.main = keys.contains(FLOOR_KEY) ? FLOOR_KEY : keys.contains(FLOOR_KEY_BARE) ? FLOOR_KEY_BARE : JtaiProcess.KEY;
    }

    boolean pending(LocalDate today) {
      return starts.keySet().stream().anyMatch(d -> !d.isBefore(today)) || later.keySet().stream().anyMatch(d -> !d.isBefore(today));
    }

    void startDay(LocalDate today) {
      for (Planned p : starts.getOrDefault(today, List.of())) {
        byReference.put(p.reference(), p);
        // The CQC inspector who raises its concerns is on its team (only the team raises concerns).
        context.getBean(InspectionStarts.class).start(new InspectionStartRequest("jtai-2017", p.reference(),
            "Area " + p.reference(), "neglect", p.notified().toString(), null, "ofsted-lead", "qa-manager", null, null,
            List.of("cqc-inspector")));
        started++;
        // Concerns arise on site, days 9 to 11.
        for (int c = 0; c < p.concerns(); c++) {
          LocalDate on = workingDays.add(p.notified(), 9 + c);
          later.computeIfAbsent(on, k -> new ArrayList<>()).add(() -> raiseConcern(p.reference(), "cqc-inspector"));
        }
      }
      for (Runnable r : later.getOrDefault(today, List.of())) {
        r.run();
      }
      later.remove(today);
    }

    Map<String, Object> answer(Task task, String key, String processKey) {
      Map<String, Object> v = new HashMap<>();
      Planned p = byReference.get(reference(task));
      if (key.equals(JtaiProcess.TASK_SELECT_20_CHILDREN)) {
        v.put(JtaiProcess.VAR_SELECTED_CHILD_IDS, childIds(1, 20));
      } else if (key.equals(JtaiProcess.TASK_SELECT_CHILDREN_TO_EVALUATE)) {
        v.put(JtaiProcess.VAR_EVALUATION_CHILD_IDS, childIds(3, 6));
      } else if (key.equals(JtaiProcess.TASK_PROPOSE_STATEMENT_DECISION)
          || key.equals(JtaiProcess.TASK_SIGN_OFF_FINAL_NATIONAL_DIRECTOR)) {
        // HMCI's decision is proposed on day 34 (paragraph 97) and confirmed at the final sign-off.
        boolean statement = p == null || p.statement();
        v.put(JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED, statement);
        if (statement) {
          v.put(JtaiProcess.VAR_STATEMENT_LEAD_AGENCY, "local-authority");
        }
      } else if (key.equals(ComplaintProcess.TASK_SEND_ACKNOWLEDGEMENT)) {
        v.put("acknowledgementSent", true);
      } else if (key.equals(ComplaintProcess.TASK_SIGN_OFF_RESPONSE)) {
        v.put(ComplaintProcess.VAR_RESPONSE_SHARED, true);
        v.put(ComplaintProcess.VAR_RESPONSE_SENT, true);
      } else if (key.equals(ComplaintProcess.TASK_RECORD_LEARNING_OUTCOMES)) {
        // Optional in the form (the 2024 guidance has no such step), required by the 2017 procedure's validator.
        v.put(ComplaintProcess.VAR_LEARNING_OUTCOMES, "Check the inspection plan with the local area earlier.");
      } else if (key.equals(ComplaintProcess.TASK_APPOINT_LEAD_INVESTIGATOR)) {
        v.put(ComplaintProcess.VAR_LEAD_INVESTIGATOR, "ofsted-inspector");
      } else if (key.equals(JtaiProcess.TASK_PUBLISH_LETTER) && p != null && p.complaint()) {
        LocalDate next = workingDays.add(today(), 2);
        later.computeIfAbsent(next, k -> new ArrayList<>()).add(() -> recordComplaint(p.reference()));
      }
      return v;
    }
  }

  private LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
  }

  private static String childIds(int from, int count) {
    StringBuilder ids = new StringBuilder();
    for (int i = from; i < from + count; i++) {
      ids.append(ids.isEmpty() ? "" : ", ").append("NS-").append(1000 + i);
    }
    return ids.toString();
  }

  private void raiseConcern(String reference, String inspector) {
    Map<String, Object> v = new HashMap<>();
    v.put(ConcernReferralProcess.VAR_INSPECTION_REFERENCE, reference);
    v.put(ConcernReferralProcess.VAR_CASE_NUMBERS, "CS-104233 (AB)");
    v.put(ConcernReferralProcess.VAR_AGENCY_SERVICE, "Children's social care, front door");
    v.put(ConcernReferralProcess.VAR_SENIOR_OFFICER_ROLE, "Head of service, safeguarding");
    v.put(ConcernReferralProcess.VAR_SENIOR_OFFICER_EMAIL, "head.of.service@area.example");
    v.put(ConcernReferralProcess.VAR_CATEGORY, "2");
    v.put(ConcernReferralProcess.VAR_ISSUES, "Strategy discussion not held within the timescale.");
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ConcernReferralProcess.KEY).latestVersion().singleResult().getId();
    signIn(inspector);
    try {
      engine.getFormService().submitStartForm(definitionId, v);
    } catch (RuntimeException e) {
      refused("start concern-referral: " + e.getMessage());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void recordComplaint(String reference) {
    String body = "{\"receivedOn\":\"" + today() + "\",\"kind\":\"process-outcome\",\"text\":\"The findings on the front "
        + "door do not reflect the evidence we gave.\"}";
    try {
      HttpResponse<String> r = http("POST", "/api/inspections/" + reference + "/complaints", "complaints-officer", body);
      if (r.statusCode() != 201) {
        refused("complaint " + r.statusCode() + " " + r.body());
      }
    } catch (Exception e) {
      refused("complaint " + e);
    }
  }

  private HttpResponse<String> http(String method, String path, String user, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json").header("Accept", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private void signIn(String user) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
  }

  private void refused(String what) {
    synchronized (refusedSteps) {
      refusedSteps.merge(what.length() > 200 ? what.substring(0, 200) : what, 1, Integer::sum);
    }
  }

  /**
   * Day by day from the first start until every instance has ended: at 09:00, 15:00 and 23:30 the clock moves, the
   * job executor runs what fell due, and every task due by the end of the day is done.
   */
  private Map<String, Object> drive(String name, Year year) throws Exception {
    System.gc();
    PeakHeap peak = new PeakHeap();
    long statementsBefore = statements.executed.get();
    Map<String, Long> shapesBefore = statements.snapshot();
    StatementCounter.Snapshot jdbcBefore = statements.jdbcTimes();
    StatementCounter.Snapshot mybatisBefore = statements.mybatisTimes();
    StatementCounter.Snapshot threadsSqlBefore = statements.threadTimes();
    StatementCounter.Snapshot prepareBefore = statements.prepareTimes();
    StatementCounter.Snapshot connectionBefore = statements.connectionTimes();
    Map<String, long[]> commandsBefore = commands.snapshot();
    long nestedBefore = commands.nestedCommands();
    long threadsBefore = ThreadStarts.startedSoFar();
    java.time.Instant startedAt = java.time.Instant.now();
    completions = new Completions();
    long tasksDone = 0;
    long began = System.nanoTime();
    LocalDate first = year.starts.keySet().iterator().next();
    LocalDate today = first;
    int days = 0;
    while (true) {
      for (LocalTime time : TIMES_OF_DAY) {
        ClockUtil.setCurrentTime(Date.from(today.atTime(time).atZone(WorkingDayCalendar.LONDON).toInstant()));
        awaitJobs();
        if (time.equals(TIMES_OF_DAY.get(0))) {
          year.startDay(today);
          awaitJobs();
        }
        Date endOfDay = Date.from(today.atTime(23, 59, 59).atZone(WorkingDayCalendar.LONDON).toInstant());
        for (int round = 0; round < 50; round++) {
          List<Task> due = engine.getTaskService().createTaskQuery().active().or().dueBefore(endOfDay).withoutDueDate()
              .endOr().list();
          Set<String> done = new HashSet<>();
          int completed = 0;
          for (Task task : due) {
            if (task.getDueDate() == null && !isToday(task.getCreateTime(), today) || refusedTasks.contains(task.getId())) {
              continue;
            }
            if (complete(year, task)) {
              completed++;
              done.add(task.getId());
            }
          }
          tasksDone += completed;
          awaitJobs();
          if (completed == 0) {
            break;
          }
        }
        peak.sample();
      }
      days++;
      today = today.plusDays(1);
      if (days % 30 == 0) {
        System.out.printf("  %s: day %d (%s), %.0f s, %d tasks done, %d running%n", name, days, today,
            (System.nanoTime() - began) / 1e9, tasksDone, engine.getRuntimeService().createProcessInstanceQuery().count());
      }
      if (!year.pending(today) && engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKeyIn(year.main).count() == 0) {
        break;
      }
      if (days > 800) {
        refused(name + ": instances still running after 800 days");
        break;
      }
    }
    double wall = (System.nanoTime() - began) / 1e9;
    long stmts = statements.executed.get() - statementsBefore;
    java.time.Instant endedAt = java.time.Instant.now();
    long threadsStarted = ThreadStarts.startedSoFar() - threadsBefore;
    StatementCounter.Snapshot jdbcTimes = statements.jdbcTimes().minus(jdbcBefore);
    StatementCounter.Snapshot mybatisTimes = statements.mybatisTimes().minus(mybatisBefore);
    StatementCounter.Snapshot threadSql = statements.threadTimes().minus(threadsSqlBefore);
    StatementCounter.Snapshot prepareTimes = statements.prepareTimes().minus(prepareBefore);
    StatementCounter.Snapshot connectionTimes = statements.connectionTimes().minus(connectionBefore);
    Map<String, long[]> commandTimes = minus(commands.snapshot(), commandsBefore);
    long nestedCommands = commands.nestedCommands() - nestedBefore;
    Completions done = completions;
    ClockUtil.reset();
    var history = engine.getHistoryService();
    Date from = Date.from(first.minusDays(1).atStartOfDay(WorkingDayCalendar.LONDON).toInstant());
    String[] keys = year.keys.toArray(String[]::new);
    long instances = history.createHistoricProcessInstanceQuery().processDefinitionKeyIn(keys).startedAfter(from).count();
    long tasks = 0;
    for (String key : keys) {
      tasks += history.createHistoricTaskInstanceQuery().processDefinitionKey(key).finishedAfter(from).count();
    }
    long logged = history.createHistoricJobLogQuery().successLog().count() - jobLogBaseline;
    jobLogBaseline += logged;
    // A notification's successful job leaves no job log (NotificationHistoryLevel); its completed instance counts it.
    long notificationsLogged = history.createHistoricJobLogQuery().successLog()
        .processDefinitionKey(NotificationProcess.KEY).count() - notificationJobLogBaseline;
    notificationJobLogBaseline += notificationsLogged;
    long notificationsSent = year.keys.contains(NotificationProcess.KEY) ? history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NotificationProcess.KEY).startedAfter(from).finished().count() : 0;
    long jobs = logged - notificationsLogged + notificationsSent;
    Map<String, Long> perDefinition = new TreeMap<>();
    history.createHistoricProcessInstanceQuery().processDefinitionKeyIn(keys).startedAfter(from).list()
        .forEach(pi -> perDefinition.merge(pi.getProcessDefinitionKey(), 1L, Long::sum));
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("wallSeconds", round(wall));
    f.put("simulatedDays", days);
    f.put("processInstances", instances);
    f.put("processInstancesByDefinition", perDefinition);
    f.put("tasksCompleted", tasks);
    f.put("tasksCompletedByActor", tasksDone);
    f.put("jobsExecuted", jobs);
    f.put("processInstancesPerSecond", round(instances / wall));
    f.put("tasksPerSecond", round(tasks / wall));
    f.put("jobsPerSecond", round(jobs / wall));
    f.put("sqlStatements", stmts);
    f.put("statementsPerInspection", year.started == 0 ? 0 : stmts / year.started);
    // The 25 most frequent statements of the run, per inspection: what the statements are.
    Map<String, Long> shapes = new HashMap<>();
    statements.snapshot().forEach((k, v) -> shapes.put(k, v - shapesBefore.getOrDefault(k, 0L)));
    Map<String, Double> top = new LinkedHashMap<>();
    shapes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
        .forEach(e -> top.put(e.getKey(), round((double) e.getValue() / Math.max(1, year.started))));
    f.put("topStatementsPerInspection", top);
    // The job executor's acquisition query runs as often as the executor polls, busy or idle: it grows with the wall
    // time (and the benchmark's short idle wait) rather than with the work, so it is given apart.
    long acquisitions = shapes.entrySet().stream()
        .filter(e -> e.getKey().startsWith("select … from ACT_RU_JOB RES where (RES.RETRIES_ > 0)"))
        .mapToLong(Map.Entry::getValue).sum();
    f.put("jobAcquisitionQueriesPerInspection", year.started == 0 ? 0 : acquisitions / year.started);
    f.put("statementsPerInspectionWithoutAcquisition", year.started == 0 ? 0 : (stmts - acquisitions) / year.started);
    f.put("statementsHow", "JDBC proxy around the application's DataSource: every Statement.execute*, incl. the"
        + " actor's and job executor's queries");
    f.put("peakHeapMb", peak.peakMb);
    // Each notification is a row of its request table and, once sent, of the send log (notification.NotificationStore);
    // neither is counted as the application's statements.
    org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    f.put("notificationsRequested", statements.uncounted(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM INSPECTION_NOTIFICATION WHERE REQUESTED_AT_ >= ?", Long.class, from)));
    f.put("notificationsSent", statements.uncounted(() -> jdbc.queryForObject("SELECT COUNT(*) FROM"
        + " INSPECTION_NOTIFICATION N JOIN INSPECTION_NOTIFICATION_SENT S ON S.BUSINESS_KEY_ = N.KEY_"
        + " WHERE N.REQUESTED_AT_ >= ?", Long.class, from)));
    f.put("jobWaitTimeouts", timeouts);
    f.put("stepsNotCompleted", new TreeMap<>(refusedSteps));
    f.put("statementTime", statementTime(jdbcTimes, prepareTimes, connectionTimes, mybatisTimes, threadSql, wall));
    f.put("commandTime", commandTime(commandTimes, nestedCommands, wall));
    f.put("completions", done.figures());
    Map<String, Object> threads = new LinkedHashMap<>();
    threads.put("started", threadsStarted);
    threads.put("perInspection", year.started == 0 ? 0 : round((double) threadsStarted / year.started));
    threads.put("bySource", threadStarts.between(startedAt, endedAt));
    threads.put("how", "ThreadMXBean.getTotalStartedThreadCount before and after; bySource from JFR jdk.ThreadStart: the new"
        + " thread's name (digits as N) and the first frame outside the JDK on the starting thread's stack");
    f.put("threads", threads);
    return f;
  }

  private long jobLogBaseline;
  private Completions completions = new Completions();
  /** Per JTAI of the national year, in order, the variables the actor submitted at each of its steps. */
  private final Map<String, List<Map<String, Object>>> userWork = new HashMap<>();

  private static Map<String, long[]> minus(Map<String, long[]> after, Map<String, long[]> before) {
    Map<String, long[]> d = new HashMap<>();
    after.forEach((k, v) -> {
      long[] b = before.getOrDefault(k, new long[v.length]);
      long[] r = new long[v.length];
      for (int i = 0; i < v.length; i++) {
        r[i] = v[i] - b[i];
      }
      if (r[0] > 0) {
        d.put(k, r);
      }
    });
    return d;
  }

  private static double ms(long nanos) {
    return round(nanos / 1e6);
  }

  /** The 25 statement shapes that took the most driver time, with MyBatis's time for the same statement. */
  private static Map<String, Object> statementTime(StatementCounter.Snapshot execute, StatementCounter.Snapshot prepare,
      StatementCounter.Snapshot connection, StatementCounter.Snapshot mybatis, StatementCounter.Snapshot byThread,
      double wall) {
    Map<String, Object> t = new LinkedHashMap<>();
    long driver = execute.totalNanos() + prepare.totalNanos() + connection.totalNanos();
    t.put("statements", execute.totalCount());
    t.put("driverTotalMs", ms(driver));
    t.put("executeMs", ms(execute.totalNanos()));
    t.put("prepareMs", ms(prepare.totalNanos()));
    t.put("connectionWorkMs", ms(connection.totalNanos()));
    t.put("mybatisTotalMs", ms(mybatis.totalNanos()));
    Map<String, Object> threads = new LinkedHashMap<>();
    byThread.rows().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .forEach(e -> threads.put(e.getKey(), Map.of("statements", e.getValue()[0], "driverMs", ms(e.getValue()[1]),
            "shareOfWallTime", round(e.getValue()[1] / 1e9 / wall))));
    t.put("byThread", threads);
    Map<String, Object> work = new LinkedHashMap<>();
    connection.rows().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
        .forEach(e -> work.put(e.getKey(), Map.of("count", e.getValue()[0], "totalMs", ms(e.getValue()[1]))));
    t.put("connectionWork", work);
    Map<String, long[]> both = new HashMap<>();
    execute.rows().forEach((k, v) -> both.put(k, new long[] {v[0], v[1], 0}));
    prepare.rows().forEach((k, v) -> both.computeIfAbsent(k, x -> new long[3])[2] += v[1]);
    List<Map<String, Object>> top = new ArrayList<>();
    both.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1] + b.getValue()[2], a.getValue()[1]
        + a.getValue()[2])).limit(25).forEach(e -> {
          long[] v = e.getValue();
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("statement", e.getKey());
          row.put("count", v[0]);
          row.put("totalMs", ms(v[1] + v[2]));
          row.put("meanMs", v[0] == 0 ? 0 : round((v[1] + v[2]) / 1e6 / v[0]));
          row.put("executeMs", ms(v[1]));
          row.put("prepareMs", ms(v[2]));
          long[] m = mybatis.rows().get(e.getKey());
          if (m != null) {
            row.put("mybatisTotalMs", ms(m[1]));
          }
          top.add(row);
        });
    t.put("top", top);
    t.put("how", "driver time per statement shape: Statement.execute* (executeBatch as one) plus Connection.prepare*,"
        + " keyed by the MyBatis mapping id that prepared it, else 'sql: ' and its SQL with literals as ?;"
        + " mybatisTotalMs is the time inside MyBatis's executor for that mapping (parameters, the JDBC calls, mapping"
        + " rows; for a batched update only adding it to the batch); connectionWork is taking connections from the pool,"
        + " commits, rollbacks, auto-commit and close; the benchmark's own polling for due jobs is left out");
    return t;
  }

  /** Outermost engine commands by class (a job's by its handler type), with the SQL inside them. */
  private static Map<String, Object> commandTime(Map<String, long[]> byCommand, long nested, double wall) {
    Map<String, Object> t = new LinkedHashMap<>();
    long total = byCommand.values().stream().mapToLong(v -> v[1]).sum();
    t.put("commands", byCommand.values().stream().mapToLong(v -> v[0]).sum());
    t.put("totalMs", ms(total));
    t.put("nestedCommands", nested);
    List<Map<String, Object>> top = new ArrayList<>();
    byCommand.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(25)
        .forEach(e -> {
          long[] v = e.getValue();
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("command", e.getKey());
          row.put("count", v[0]);
          row.put("totalMs", ms(v[1]));
          row.put("meanMs", round(v[1] / 1e6 / v[0]));
          row.put("statementsPerCommand", round((double) v[2] / v[0]));
          row.put("sqlMs", ms(v[3]));
          top.add(row);
        });
    t.put("top", top);
    t.put("how", "a CommandInterceptor first in the engine's chains (tx required and requires-new): outermost commands"
        + " only, a command run inside another is part of the outer one's time (nestedCommands counts them); a job's"
        + " ExecuteJobsCmd is named with its handler type; sqlMs is the driver time of the statements the command's"
        + " thread sent inside it; commands run in parallel on the job executor's threads, so totalMs can exceed the wall"
        + " time");
    return t;
  }

  /** How long each of the actor's completions took (the engine call alone), by kind of step. */
  private final class Completions {
    private final Map<String, List<long[]>> byKind = new TreeMap<>();
    private final Map<String, long[]> byStep = new HashMap<>();

    void add(String kind, String step, long nanos, long[] sqlBefore) {
      long[] sql = statements.thisThread();
      long[] row = {nanos, sql[0] - sqlBefore[0], sql[1] - sqlBefore[1]};
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(row);
      long[] s = byStep.computeIfAbsent(kind + " " + step, k -> new long[2]);
      s[0]++;
      s[1] += nanos;
    }

    private Map<String, Object> of(List<long[]> rows) {
      Map<String, Object> f = new LinkedHashMap<>();
      long[] nanos = rows.stream().mapToLong(r -> r[0]).toArray();
      f.put("count", rows.size());
      if (rows.isEmpty()) {
        return f;
      }
      f.put("meanMs", round(java.util.Arrays.stream(nanos).average().orElse(0) / 1e6));
      f.putAll(percentiles(nanos));
      f.put("statementsPerCompletion", round(rows.stream().mapToLong(r -> r[1]).average().orElse(0)));
      f.put("sqlMsPerCompletion", round(rows.stream().mapToLong(r -> r[2]).average().orElse(0) / 1e6));
      return f;
    }

    Map<String, Object> figures() {
      List<long[]> all = new ArrayList<>();
      byKind.values().forEach(all::addAll);
      Map<String, Object> f = new LinkedHashMap<>(of(all));
      Map<String, Object> kinds = new LinkedHashMap<>();
      byKind.forEach((k, v) -> kinds.put(k, of(v)));
      f.put("byKind", kinds);
      Map<String, Object> slowest = new LinkedHashMap<>();
      byStep.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(10)
          .forEach(e -> slowest.put(e.getKey(), Map.of("count", e.getValue()[0], "totalMs", ms(e.getValue()[1]),
              "meanMs", round(e.getValue()[1] / 1e6 / e.getValue()[0]))));
      f.put("stepsTakingMostTime", slowest);
      f.put("how", "the actor's call that completes a step (TaskService.complete, or Submissions.submit for a"
          + " submission), timed on the actor's thread; p50/p95/p99 in ms; statements and their driver time inside it");
      return f;
    }

    @SuppressWarnings("unchecked")
    Map<String, Double> overall() {
      Map<String, Object> f = of(byKind.values().stream().flatMap(List::stream).toList());
      Map<String, Double> p = new LinkedHashMap<>();
      for (String k : List.of("meanMs", "p50", "p95", "p99", "sqlMsPerCompletion")) {
        p.put(k, ((Number) f.getOrDefault(k, 0.0)).doubleValue());
      }
      return p;
    }
  }
  private long notificationJobLogBaseline;

  private static boolean isToday(Date date, LocalDate today) {
    return date != null && date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate().equals(today);
  }

  /** Completes a step the way its assignee would: messages for submissions, the form's required values otherwise. */
  private boolean complete(Year year, Task task) {
    String key = task.getTaskDefinitionKey();
    String processKey = processKey(task.getProcessDefinitionId());
    boolean project = JtaiProcess.KEY.equals(year.main);
    try {
      if (JtaiProcess.KEY.equals(processKey)) {
        for (Submission s : Submission.values()) {
          if (s.recordTaskId.equals(key)) {
            String reference = reference(task);
            // A list of children is refused unless it names them by identification number (Submissions).
            String content = LISTS_OF_CHILDREN.contains(s) ? "{\"children\":[" + java.util.Arrays.stream(
                childIds(1, 20).split(", ")).map(id -> "\"" + id + "\"").collect(java.util.stream.Collectors.joining(","))
                + "],\"documents\":\"portal folder " + s.kind + "\"}" : "{\"documents\":\"portal folder " + s.kind + "\"}";
            long[] sql = statements.thisThread();
            long began = System.nanoTime();
            context.getBean(Submissions.class).submit(reference, s.kind, content);
            completions.add(processKey + " submission (message)", key, System.nanoTime() - began, sql);
            if (project) {
              // What Submissions sets on the message: the same four variables are the floor's answer to this step.
              Map<String, Object> sent = new LinkedHashMap<>();
              sent.put(s.variablePrefix + "ReceivedOn", ClockUtil.getCurrentTime());
              sent.put(s.variablePrefix + "Channel", "api");
              sent.put(s.variablePrefix + "Content", content);
              sent.put(s.variablePrefix + "SubmittedBy", null);
              userWork.computeIfAbsent(reference, k -> new ArrayList<>()).add(sent);
            }
            return true;
          }
        }
      }
      Map<String, Object> v = new HashMap<>(formValues(task));
      v.putAll(year.answer(task, key, processKey));
      long[] sql = statements.thisThread();
      long began = System.nanoTime();
      engine.getTaskService().complete(task.getId(), v);
      completions.add(project ? processKey + " step" : "floor step", key, System.nanoTime() - began, sql);
      if (project && JtaiProcess.KEY.equals(processKey)) {
        userWork.computeIfAbsent(reference(task), k -> new ArrayList<>()).add(new LinkedHashMap<>(v));
      }
      return true;
    } catch (RuntimeException e) {
      refusedTasks.add(task.getId());
      refused(processKey + "/" + key + ": " + e.getMessage());
      return false;
    }
  }

  private static final Set<Submission> LISTS_OF_CHILDREN = java.util.EnumSet.of(Submission.DEEP_DIVE_LIST,
      Submission.MULTI_AGENCY_MEETINGS, Submission.CASE_FILE_LISTS);

  /** The inspection's reference per process instance: read once, so that the actor costs the project no more queries
   * per step than the floor. */
  private final Map<String, String> references = new HashMap<>();

  private String reference(Task task) {
    return references.computeIfAbsent(task.getProcessInstanceId(),
        id -> String.valueOf(engine.getTaskService().getVariable(task.getId(), JtaiProcess.VAR_REFERENCE)));
  }

  /** Steps the actor's answer was refused for: reported, and not tried again. */
  private final Set<String> refusedTasks = new HashSet<>();
  private final Map<String, String> processKeys = new ConcurrentHashMap<>();

  private String processKey(String definitionId) {
    return processKeys.computeIfAbsent(definitionId,
        id -> engine.getRepositoryService().getProcessDefinition(id).getKey());
  }

  /** Every required field of the task's Camunda Form, filled as a careful inspector would. */
  private Map<String, Object> formValues(Task task) {
    String cacheKey = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
    JsonNode form = forms.computeIfAbsent(cacheKey, k -> {
      try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
        return JSON.readTree(in);
      } catch (Exception noForm) {
        return JSON.createObjectNode();
      }
    });
    Map<String, Object> values = new HashMap<>();
    fill(form.path("components"), values);
    return values;
  }

  private void fill(JsonNode components, Map<String, Object> values) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        fill(c.get("components"), values);
      }
      String key = c.path("key").asText(null);
      if (key == null || c.path("disabled").asBoolean(false) || c.path("readonly").asBoolean(false)) {
        continue;
      }
      boolean required = c.path("validate").path("required").asBoolean(false);
      if (!required) {
        continue;
      }
      JsonNode firstValue = c.path("values").path(0).path("value");
      switch (c.path("type").asText()) {
        case "checkbox" -> values.put(key, true);
        case "number" -> values.put(key, 1);
        case "select", "radio" -> values.put(key, firstValue.isMissingNode() ? "yes" : firstValue.asText());
        case "checklist", "taglist" -> values.put(key, firstValue.isMissingNode() ? List.of() : List.of(firstValue.asText()));
        case "datetime" -> values.put(key, "date".equals(c.path("subtype").asText())
            ? today().toString() : today().atTime(10, 0).toString());
        default -> values.put(key, key.toLowerCase().contains("email") ? "someone@area.example"
            : key.toLowerCase().contains("url") ? "https://reports.example/letter" : "Done as the framework requires.");
      }
    }
  }

  /**
   * Waits until the job executor has run every job due at the current engine time. Its polling is not counted as the
   * application's statements (it would make them grow with the machine's load rather than with the work).
   */
  private void awaitJobs() throws InterruptedException {
    var executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
    executor.jobWasAdded();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (statements.uncounted(() -> engine.getManagementService().createJobQuery().executable().count()) > 0) {
      if (System.nanoTime() > deadline) {
        timeouts++;
        return;
      }
      Thread.sleep(5);
    }
  }

  private static final class PeakHeap {
    long peakMb;

    PeakHeap() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
    }

    void sample() {
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      peakMb = Math.max(peakMb, peak >> 20);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 2. The engine floor

  /** A diagram with jtai.bpmn's number of user tasks, timers and gateways, and nothing of ours. */
  private BpmnModelInstance floorModel(String key, int userTasks, int timers, int gateways) {
    AbstractFlowNodeBuilder<?, ?> b = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(180)
        .startEvent("start_floor");
    int t = 0;
    int g = 0;
    for (int i = 0; i < userTasks; i++) {
      b = b.userTask("task_floor_" + i).camundaCandidateGroups("ofsted")
          .camundaDueDate("${dateTime().withTime(23, 0, 0, 0).toDate()}");
      if (t < timers && (long) i * timers / userTasks >= t) {
        b = b.intermediateCatchEvent("timer_floor_" + t).timerWithDate("${dateTime().plusDays(1).withTime(8, 0, 0, 0).toDate()}");
        t++;
      }
      if (g < gateways && (long) i * gateways / userTasks >= g) {
        b = b.exclusiveGateway("gw_floor_" + g);
        g++;
      }
    }
    for (; t < timers; t++) {
      b = b.intermediateCatchEvent("timer_floor_" + t).timerWithDate("${dateTime().plusDays(1).withTime(8, 0, 0, 0).toDate()}");
    }
    for (; g < gateways; g++) {
      b = b.exclusiveGateway("gw_floor_" + g);
    }
    return b.endEvent("end_floor").done();
  }

  /**
   * The floor diagram started as often, on the same days, as the national year's JTAIs. With {@code withVariables} its
   * actor answers the k-th step of the i-th instance with the variables the project's actor submitted at the k-th step
   * of the i-th JTAI (same names, values and so sizes; what is left over when the JTAI had more steps than the line
   * goes with its last task), so that the ratio compares the same user work; without, every step is completed empty
   * (the floor as it was measured before).
   */
  private Map<String, Object> floor(String floorKey, boolean withVariables) throws Exception {
    String jtaiId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(JtaiProcess.KEY)
        .latestVersion().singleResult().getId();
    BpmnModelInstance jtai = engine.getRepositoryService().getBpmnModelInstance(jtaiId);
    int userTasks = jtai.getModelElementsByType(UserTask.class).size();
    int timers = jtai.getModelElementsByType(TimerEventDefinition.class).size();
    int gateways = jtai.getModelElementsByType(Gateway.class).size();
    engine.getRepositoryService().createDeployment().name("benchmark floor")
        .addModelInstance(floorKey + ".bpmn", floorModel(floorKey, userTasks, timers, gateways)).deploy();
    String floorId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(floorKey)
        .latestVersion().singleResult().getId();
    List<LocalDate> workdays = new ArrayList<>();
    for (LocalDate d = yearStart; d.isBefore(yearStart.plusYears(1)); d = d.plusDays(1)) {
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        workdays.add(d);
      }
    }
    Map<LocalDate, List<Planned>> starts = new TreeMap<>();
    for (int i = 0; i < inspections; i++) {
      LocalDate day = workdays.get(1 + (int) ((long) i * (workdays.size() - 2) / inspections));
      starts.computeIfAbsent(day, k -> new ArrayList<>()).add(new Planned(jtaiReference(i), day, 0, false, false));
    }
    refusedSteps.clear();
    String lastTask = "task_floor_" + (userTasks - 1);
    Map<String, java.util.ArrayDeque<Map<String, Object>>> toReplay = new HashMap<>();
    List<Map<String, Object>> replayed = new ArrayList<>();
    Year floorYear = new Year(starts, Set.of(floorKey)) {
      @Override
      void startDay(LocalDate today) {
        for (Planned p : this.starts.getOrDefault(today, List.of())) {
          String id = engine.getRuntimeService().startProcessInstanceById(floorId, "FLOOR-" + p.reference()).getId();
          if (withVariables) {
            toReplay.put(id, new java.util.ArrayDeque<>(userWork.getOrDefault(p.reference(), List.of())));
          }
          started++;
        }
      }

      @Override
      Map<String, Object> answer(Task task, String key, String processKey) {
        var steps = toReplay.get(task.getProcessInstanceId());
        if (steps == null || steps.isEmpty()) {
          return Map.of();
        }
        Map<String, Object> v = new HashMap<>(steps.poll());
        while (key.equals(lastTask) && !steps.isEmpty()) {
          for (Map.Entry<String, Object> e : steps.poll().entrySet()) {
            String name = e.getKey();
            for (int n = 2; v.containsKey(name); n++) {
              name = e.getKey() + "_" + n;
            }
            v.put(name, e.getValue());
          }
        }
        replayed.add(v);
        return v;
      }
    };
    String what = withVariables ? "engine floor" : "engine floor without variables";
    Map<String, Object> figures = drive(what, floorYear);
    figures.put("shape", Map.of("userTasks", userTasks, "timers", timers, "gateways", gateways));
    figures.put("variablesSubmitted", workFigures(replayed));
    if (withVariables) {
      figures.put("variablesHow", "each step of instance i completed with the variables the project's actor submitted at"
          + " the same step (in order) of JTAI i, surplus steps' variables with the last task; the JTAIs' concerns and"
          + " complaints have no counterpart here");
    }
    if (withVariables) {
      figures.put("rootVariables", rootVariables(floorKey));
    }
    result.put(withVariables ? "engineFloor" : "engineFloorWithoutVariables", figures);
    line((withVariables ? "engine floor: bare diagram (%d user tasks, %d timers, %d gateways), the project's variables"
        : "engine floor without variables: the same diagram, steps completed empty").formatted(userTasks,
        timers, gateways), "%.1f s".formatted(((Number) figures.get("wallSeconds")).doubleValue()));
    @SuppressWarnings("unchecked")
    Map<String, Object> work = (Map<String, Object>) figures.get("variablesSubmitted");
    line("  variables the actor submitted per instance (characters)", work.get("variablesPerInstance") + " ("
        + work.get("charactersPerInstance") + ")");
    line("  SQL statements per instance", String.valueOf(figures.get("statementsPerInspection")));
    line("    of which the job executor's acquisition query", String.valueOf(figures.get("jobAcquisitionQueriesPerInspection")));
    timeLines(figures, 4);
    return figures;
  }

  private static String jtaiReference(int i) {
    return "JTAI-BENCH-%04d".formatted(i);
  }

  /** How much the actor typed: steps answered with variables, the variables, and their values' length. */
  private Map<String, Object> workFigures(java.util.Collection<Map<String, Object>> steps) {
    long variables = 0;
    long characters = 0;
    for (Map<String, Object> step : steps) {
      variables += step.size();
      for (Object value : step.values()) {
        characters += value == null ? 0 : value instanceof Date ? 8 : String.valueOf(value).length();
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("stepsWithVariables", steps.stream().filter(m -> !m.isEmpty()).count());
    f.put("variables", variables);
    f.put("characters", characters);
    f.put("variablesPerInstance", round((double) variables / Math.max(1, inspections)));
    f.put("charactersPerInstance", round((double) characters / Math.max(1, inspections)));
    return f;
  }

  /** The statements, commands and completions that took the time, and the threads started, in the summary. */
  @SuppressWarnings("unchecked")
  private void timeLines(Map<String, Object> figures, int rows) {
    Map<String, Object> c = (Map<String, Object>) figures.get("completions");
    line("  actor's completions: mean / p50 / p95 / p99 ms", "%s / %s / %s / %s".formatted(c.get("meanMs"), c.get("p50"),
        c.get("p95"), c.get("p99")));
    line("    JDBC driver time inside a completion (mean)", c.get("sqlMsPerCompletion") + " ms");
    Map<String, Object> st = (Map<String, Object>) figures.get("statementTime");
    Map<String, Map<String, Object>> threads = (Map<String, Map<String, Object>>) st.get("byThread");
    Map<String, Object> actor = threads.getOrDefault("actor (main thread)", Map.of("driverMs", 0.0, "shareOfWallTime", 0.0));
    line("  JDBC driver time, all threads / the actor's (share of wall)", "%.1f s / %.1f s (%s)".formatted(
        ((Number) st.get("driverTotalMs")).doubleValue() / 1000, ((Number) actor.get("driverMs")).doubleValue() / 1000,
        actor.get("shareOfWallTime")));
    line("    statements taking the most time: total s, count, mean ms", "");
    for (Map<String, Object> row : ((List<Map<String, Object>>) st.get("top")).stream().limit(rows * 2L).toList()) {
      String name = String.valueOf(row.get("statement"));
      summary.add("      %-62s %7.1f s %9d %7.2f".formatted(name.length() > 62 ? name.substring(0, 61) + "…" : name,
          ((Number) row.get("totalMs")).doubleValue() / 1000, row.get("count"), ((Number) row.get("meanMs")).doubleValue()));
    }
    Map<String, Object> ct = (Map<String, Object>) figures.get("commandTime");
    line("    engine commands taking the most time: total s, count, mean ms", "");
    for (Map<String, Object> row : ((List<Map<String, Object>>) ct.get("top")).stream().limit(rows).toList()) {
      String name = String.valueOf(row.get("command"));
      summary.add("      %-62s %7.1f s %9d %7.2f".formatted(name.length() > 62 ? name.substring(0, 61) + "…" : name,
          ((Number) row.get("totalMs")).doubleValue() / 1000, row.get("count"), ((Number) row.get("meanMs")).doubleValue()));
    }
    Map<String, Object> th = (Map<String, Object>) figures.get("threads");
    line("  threads started (per inspection)", th.get("started") + " (" + th.get("perInspection") + ")");
    ((Map<String, Long>) th.get("bySource")).entrySet().stream().limit(2).forEach(e -> {
      String name = e.getKey();
      summary.add("      %-72s %9d".formatted(name.length() > 72 ? name.substring(0, 71) + "…" : name, e.getValue()));
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 3. Tasklist at scale

  private void tasklist() throws Exception {
    long open = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(JtaiProcess.KEY).count();
    LocalDate notified = LocalDate.now().plusDays(7);
    while (!workingDays.isWorkingDay(notified)) {
      notified = notified.plusDays(1);
    }
    long began = System.nanoTime();
    InspectionStarts starts = context.getBean(InspectionStarts.class);
    int toStart = (int) Math.max(0, openInspections - open);
    for (int i = 0; i < toStart; i++) {
      // Numbered on from those already open, so that a database kept from an earlier run is topped up.
      starts.start(new InspectionStartRequest("jtai-2017", "JTAI-OPEN-%05d".formatted(open + i), "Area " + (open + i), "neglect",
          notified.toString(), null, "ofsted-lead", "qa-manager"));
      if (i % 1000 == 999) {
        System.out.printf("  %d open inspections started, %.0f s%n", i + 1, (System.nanoTime() - began) / 1e9);
      }
    }
    awaitJobs();
    // Every inspection waits on the senior analytical officer's briefing (day -2) before the inspectorates' day -1
    // reviews open: past it, each has a step for every inspectorate, so the filter has an inspectorate's work to find.
    int briefed = 0;
    while (true) {
      List<Task> briefings = engine.getTaskService().createTaskQuery().processDefinitionKey(JtaiProcess.KEY)
          .processInstanceBusinessKeyLike("JTAI-OPEN-%")
          .taskDefinitionKey(JtaiProcess.TASK_PREPARE_PRE_INSPECTION_BRIEFING).listPage(0, 500);
      if (briefings.isEmpty()) {
        break;
      }
      for (Task briefing : briefings) {
        engine.getTaskService().complete(briefing.getId());
        briefed++;
      }
      System.out.printf("  %d open inspections past the analyst's briefing, %.0f s%n", briefed,
          (System.nanoTime() - began) / 1e9);
    }
    awaitJobs();
    double createSeconds = (System.nanoTime() - began) / 1e9;
    // A production server's autovacuum analyzes the tables as the inspections fill them; where it is off (as on the
    // machine these figures were first taken on) the planner would plan on an empty database's statistics.
    String autovacuum = null;
    if (postgres) {
      org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
      autovacuum = jdbc.queryForObject("SHOW autovacuum", String.class);
      if ("off".equalsIgnoreCase(autovacuum)) {
        jdbc.execute("ANALYZE");
      }
    }
    long openTasks = engine.getTaskService().createTaskQuery().count();
    Filter filter = engine.getFilterService().createFilterQuery().filterName("My inspectorate").singleResult();
    String user = "cqc-inspector";

    long[] direct = new long[queries];
    int pageSize = 15;
    long visible = 0;
    for (int i = -20; i < queries; i++) {
      signIn(user);
      long t0 = System.nanoTime();
      List<Task> page = engine.getFilterService().listPage(filter.getId(), 0, pageSize);
      long t1 = System.nanoTime();
      engine.getIdentityService().clearAuthentication();
      if (i >= 0) {
        direct[i] = t1 - t0;
      }
      visible = page.size();
    }
    if (visible == 0) {
      throw new IllegalStateException("'My inspectorate' shows " + user + " nothing at this scale: its figures would"
          + " measure an empty page");
    }
    long[] rest = new long[queries];
    String path = "/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=" + pageSize;
    for (int i = -20; i < queries; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = http("POST", path, user, "{}");
      long t1 = System.nanoTime();
      if (r.statusCode() != 200) {
        throw new IllegalStateException("REST filter list: " + r.statusCode() + " " + r.body());
      }
      if (i >= 0) {
        rest[i] = t1 - t0;
      }
    }
    // The same user's cheapest authenticated call: what REST and basic authentication cost without the task query.
    long[] restBaseline = new long[queries];
    for (int i = -20; i < queries; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = http("GET", "/engine-rest/version", user, null);
      long t1 = System.nanoTime();
      if (r.statusCode() != 200) {
        throw new IllegalStateException("REST version: " + r.statusCode() + " " + r.body());
      }
      if (i >= 0) {
        restBaseline[i] = t1 - t0;
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("restVersionMs", percentiles(restBaseline));
    f.put("openInspections", engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(JtaiProcess.KEY).count());
    f.put("openTasks", openTasks);
    f.put("secondsToCreate", round(createSeconds));
    f.put("created", toStart);
    f.put("user", user);
    f.put("filter", "My inspectorate, first page of " + pageSize + ", sorted by due date, authorization checks on");
    f.put("tasksOnFirstPage", visible);
    f.put("pastTheBriefingNow", briefed);
    if (autovacuum != null) {
      f.put("autovacuum", autovacuum);
      f.put("analyzedBeforeMeasuring", "off".equalsIgnoreCase(autovacuum));
    }
    f.put("directMs", percentiles(direct));
    f.put("restMs", percentiles(rest));
    f.put("restPath", "POST " + path);
    result.put("tasklist", f);
    line("Tasklist: %d open inspections (%d open tasks), created in".formatted((Long) f.get("openInspections"), openTasks),
        "%.0f s".formatted(createSeconds));
    Map<String, Double> d = percentiles(direct);
    Map<String, Double> r = percentiles(rest);
    line("  'My inspectorate' direct p50/p95/p99 ms", "%.1f/%.1f/%.1f".formatted(d.get("p50"), d.get("p95"), d.get("p99")),
        "p95 ≤ 100 ms at 10,000");
    line("  'My inspectorate' via REST p50/p95/p99 ms", "%.1f/%.1f/%.1f".formatted(r.get("p50"), r.get("p95"), r.get("p99")),
        "p95 ≤ 100 ms at 10,000");
    Map<String, Double> v = percentiles(restBaseline);
    line("  GET /engine-rest/version, same auth, p50/p95/p99 ms", "%.1f/%.1f/%.1f".formatted(v.get("p50"), v.get("p95"),
        v.get("p99")));
    submitFormAtScale(user, f);
  }

  private static final String FLOOR_SUBMIT_KEY = "benchmark-floor-submit";

  /**
   * Completing a step the way an inspector's Tasklist does at this scale: {@code POST /engine-rest/task/{id}/submit-form}
   * of the CQC inspector's briefing review with its form's two fields, as that inspector. The floor is the same call
   * with the same fields on a diagram of nothing of ours, whose instances carry the variables of the inspections
   * whose reviews are submitted, in the same database; the two are called in turn. The floor's step is followed by
   * another, as the review is: a completion that ended the instance would delete its variables and cost more.
   */
  private void submitFormAtScale(String user, Map<String, Object> f) throws Exception {
    int submits = Math.max(20, queries / 2);
    int warmUp = 10;
    String reviewStep = JtaiProcess.forInspectorate(JtaiProcess.TASK_REVIEW_BRIEFING, "cqc");
    List<Task> reviews = engine.getTaskService().createTaskQuery().processDefinitionKey(JtaiProcess.KEY)
        .processInstanceBusinessKeyLike("JTAI-OPEN-%").taskDefinitionKey(reviewStep).listPage(0, warmUp + submits);
    if (reviews.size() < warmUp + submits) {
      throw new IllegalStateException("Only " + reviews.size() + " open " + reviewStep + " steps to submit");
    }
    String group = engine.getTaskService().getIdentityLinksForTask(reviews.get(0).getId()).stream()
        .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId();
    engine.getRepositoryService().createDeployment().name("benchmark floor submit")
        .addModelInstance(FLOOR_SUBMIT_KEY + ".bpmn", Bpmn.createExecutableProcess(FLOOR_SUBMIT_KEY)
            .camundaHistoryTimeToLive(180).startEvent("start_floor_submit")
            .userTask("task_floor_review").camundaCandidateGroups(group)
            .userTask("task_floor_next").camundaCandidateGroups(group).endEvent("end_floor_submit").done())
        .deploy();
    List<String> floorTasks = new ArrayList<>();
    for (Task review : reviews) {
      String id = engine.getRuntimeService().startProcessInstanceByKey(FLOOR_SUBMIT_KEY, "FLOOR-SUBMIT-" + review.getId(),
          engine.getRuntimeService().getVariablesTyped(review.getProcessInstanceId())).getId();
      floorTasks.add(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getId());
    }
    String form = JSON.writeValueAsString(Map.of("variables", Map.of(
        "briefingReviewed", Map.of("value", true, "type", "Boolean"),
        "briefingReviewNotes", Map.of("value", "Briefing read; the neglect lines of enquiry are clear.", "type",
            "String"))));
    long[] project = new long[submits];
    long[] floor = new long[submits];
    for (int i = 0; i < warmUp + submits; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = http("POST", "/engine-rest/task/" + reviews.get(i).getId() + "/submit-form", user, form);
      long t1 = System.nanoTime();
      HttpResponse<String> bare = http("POST", "/engine-rest/task/" + floorTasks.get(i) + "/submit-form", user, form);
      long t2 = System.nanoTime();
      if (r.statusCode() != 204 || bare.statusCode() != 204) {
        throw new IllegalStateException("submit-form: " + r.statusCode() + " " + r.body() + " / floor "
            + bare.statusCode() + " " + bare.body());
      }
      if (i >= warmUp) {
        project[i - warmUp] = t1 - t0;
        floor[i - warmUp] = t2 - t1;
      }
    }
    awaitJobs();
    Map<String, Double> p = percentiles(project);
    Map<String, Double> b = percentiles(floor);
    Map<String, Object> submit = new LinkedHashMap<>();
    submit.put("how", "POST /engine-rest/task/{id}/submit-form of " + reviewStep + " as " + user + ", " + submits
        + " measured after " + warmUp + ", each followed by the floor's");
    submit.put("projectMs", p);
    submit.put("floorMs", b);
    submit.put("ratioP95", round(p.get("p95") / b.get("p95")));
    f.put("submitForm", submit);
    line("  submit-form of a review, project p50/p95/p99 ms", "%.1f/%.1f/%.1f".formatted(p.get("p50"), p.get("p95"),
        p.get("p99")), "p95 ≤ 1.5 × floor");
    line("  submit-form, floor (bare task, same variables) p50/p95/p99 ms", "%.1f/%.1f/%.1f".formatted(b.get("p50"),
        b.get("p95"), b.get("p99")));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // 5. The on-time report over everything the run left in the database

  /**
   * The operator's on-time report (all frameworks) over a period that holds the national year and the open inspections,
   * through Cockpit's plugin resource with an operator's session, as the page asks for it; then its CSV.
   */
  private void onTimeReport() throws Exception {
    LocalDate today = today();
    LocalDate from = (yearStart.isBefore(today) ? yearStart : today).minusDays(1);
    LocalDate yearEnd = yearStart.plusYears(2);
    LocalDate to = yearEnd.isAfter(today) ? yearEnd : today;
    String query = "?from=" + from + "&to=" + to;
    String figures = "/camunda/api/cockpit/plugin/on-time-report/default/figures";
    CockpitSession operator = CockpitSession.signIn(port, "cockpit", "operator", "demo");
    int runs = Math.max(5, queries / 10);
    long[] json = new long[runs];
    long[] csv = new long[runs];
    long statementsBefore = 0;
    String body = null;
    for (int i = -3; i < runs; i++) {
      if (i == 0) {
        statementsBefore = statements.executed.get();
      }
      long t0 = System.nanoTime();
      HttpResponse<String> answer = operator.get(figures + query);
      long t1 = System.nanoTime();
      HttpResponse<String> file = operator.get(figures + ".csv" + query);
      long t2 = System.nanoTime();
      if (answer.statusCode() != 200 || file.statusCode() != 200) {
        throw new IllegalStateException("on-time report: " + answer.statusCode() + " " + answer.body());
      }
      if (i >= 0) {
        json[i] = t1 - t0;
        csv[i] = t2 - t1;
      }
      body = answer.body();
    }
    long statementsPerCall = (statements.executed.get() - statementsBefore) / (2L * runs);
    JsonNode report = JSON.readTree(body);
    long completed = 0;
    long open = 0;
    for (JsonNode total : report.get("totals")) {
      completed += total.get("completed").asLong();
      open += total.get("open").asLong();
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("period", from + " to " + to);
    f.put("completedSteps", completed);
    f.put("openSteps", open);
    f.put("steps", report.get("steps").size());
    f.put("calls", runs);
    f.put("jsonMs", percentiles(json));
    f.put("csvMs", percentiles(csv));
    f.put("statementsPerCall", statementsPerCall);
    f.put("path", "GET " + figures + query + " as operator (Cockpit session), then figures.csv");
    result.put("onTimeReport", f);
    Map<String, Double> j = percentiles(json);
    Map<String, Double> c = percentiles(csv);
    line("On-time report: %d completed and %d open steps, %d rows".formatted(completed, open, report.get("steps").size()),
        "%s – %s".formatted(from, to));
    line("  figures (JSON) p50/p95 ms, %d SQL statements a call".formatted(statementsPerCall),
        "%.1f/%.1f".formatted(j.get("p50"), j.get("p95")));
    line("  CSV p50/p95 ms", "%.1f/%.1f".formatted(c.get("p50"), c.get("p95")));
  }

  private static Map<String, Double> percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    Map<String, Double> p = new LinkedHashMap<>();
    for (int q : new int[] {50, 95, 99}) {
      int index = Math.min(sorted.length - 1, (int) Math.ceil(q / 100.0 * sorted.length) - 1);
      p.put("p" + q, round(sorted[Math.max(0, index)] / 1e6));
    }
    return p;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
