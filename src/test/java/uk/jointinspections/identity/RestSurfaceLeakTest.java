package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.identity.LeakFixture.Reader.ADMIN;
import static uk.jointinspections.identity.LeakFixture.Reader.INSPECTION_TEAM;
import static uk.jointinspections.identity.LeakFixture.Reader.INVESTIGATING_INSPECTORATE;
import static uk.jointinspections.identity.LeakFixture.Reader.LEAD_INSPECTOR;
import static uk.jointinspections.identity.LeakFixture.Reader.OPEN_TASK_HOLDERS;
import static uk.jointinspections.identity.LeakFixture.Reader.OPERATORS;
import static uk.jointinspections.identity.LeakFixture.Reader.QA_MANAGER;
import static uk.jointinspections.identity.LeakFixture.Reader.REFERRING_INSPECTOR;
import static uk.jointinspections.identity.LeakFixture.Reader.TEAM_OF_REFERRING_INSPECTORATE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.identity.LeakFixture.Family;
import uk.jointinspections.identity.LeakFixture.Marker;
import uk.jointinspections.identity.LeakFixture.Planting;
import uk.jointinspections.identity.LeakFixture.Reader;
import uk.jointinspections.identity.RestSurface.Auth;
import uk.jointinspections.identity.RestSurface.Operation;
import uk.jointinspections.identity.RestSurface.Surface;
import uk.jointinspections.identity.SurfaceCalls.Call;
import uk.jointinspections.identity.SurfaceClient.Answer;

/**
 * A test that cannot miss a path (issue 15, item 5). Unique markers are planted, the way people make them over HTTP,
 * in a concern about a child (its issues and its case number), the conduct details of a complaint and a JTAI (a note
 * on one of its tasks, which then ends). Then every role calls every operation of every REST surface — the engine's
 * from its OpenAPI document, under {@code /engine-rest}, the named engine and the webapps' session API; Cockpit's,
 * Tasklist's, Admin's and Welcome's resources from their JAX-RS applications; our {@code /api} from Spring's
 * mappings — with the fixture's real ids, and every answer is searched for every marker. A marker may appear only in
 * the answers {@link #MAY_READ} allows. A call that changes a fixture it may not change fails the test too, and the
 * fixture is planted again so that the next call finds it intact. Coverage and findings go to
 * {@code target/rest-surface-leaks/}; README "Who sees what" shows the coverage.
 *
 * <p>{@code -Dleak.roles=operator,cqc-inspector} limits a run to some roles while working on a fix.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestSurfaceLeakTest {

  /**
   * Who may read each marker: the confidentiality policy of issue 15, in terms of the fixture's people (who raised
   * what, see {@link LeakFixture}). A concern: its referring inspector, the inspection's lead inspector and QA
   * manager, the team's members from the referring inspectorate, and whoever holds one of its open tasks. A conduct
   * complaint: the investigating inspectorate. A JTAI: operators, its lead inspector, QA manager and team, and
   * whoever holds one of its open tasks at the time of the call. The administrator sees everything.
   */
  static final Map<Family, List<Reader>> MAY_READ = Map.of(
      Family.CONCERN, List.of(ADMIN, REFERRING_INSPECTOR, LEAD_INSPECTOR, QA_MANAGER, TEAM_OF_REFERRING_INSPECTORATE,
          OPEN_TASK_HOLDERS),
      Family.CONDUCT, List.of(ADMIN, INVESTIGATING_INSPECTORATE),
      Family.JTAI, List.of(ADMIN, OPERATORS, LEAD_INSPECTOR, QA_MANAGER, INSPECTION_TEAM, OPEN_TASK_HOLDERS));

  /**
   * Who may change a planting other than by working a task they hold: through our {@code /api}, whose own rules then
   * decide (e.g. the lead inspector records an agency's response). Through the engine's API only the administrator
   * may change anything beyond a held task: no modification, correlation, suspension or variable write.
   */
  static final Map<Planting, List<Reader>> MAY_CHANGE_THROUGH_API = Map.of(
      Planting.INSPECTION, List.of(LEAD_INSPECTOR, QA_MANAGER, REFERRING_INSPECTOR, INSPECTION_TEAM,
          OPEN_TASK_HOLDERS),
      Planting.COMPLAINT, List.of(INVESTIGATING_INSPECTORATE));

  static final Path REPORT = Path.of("target/rest-surface-leaks");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired WorkingDays workingDays;

  /** Roles whose reads run at once: the server has two cores, and waits on the database. */
  static final int READERS = 4;

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, SurfaceClient.Session> sessions = new ConcurrentHashMap<>();
  private LeakFixture fixture;

  /** Every demo user, the anonymous caller (null), and the administrator last. */
  static List<String> roles() {
    List<String> roles = new ArrayList<>();
    roles.add("operator");
    DemoStaff.ALL.stream().map(DemoStaff::id).filter(id -> !id.equals("operator")).forEach(roles::add);
    roles.add(null);
    roles.add(LeakFixture.ADMIN);
    String only = System.getProperty("leak.roles", "");
    if (!only.isBlank()) {
      Set<String> wanted = Set.of(only.split(","));
      roles.removeIf(r -> !wanted.contains(LeakLedger.name(r)) && !LeakFixture.ADMIN.equals(r));
    }
    return roles;
  }

  List<Operation> operations() throws Exception {
    List<Operation> operations = new ArrayList<>(RestSurface.engineRest(json, Surface.ENGINE_REST,
        Surface.NAMED_ENGINE_REST, Surface.WEBAPP_ENGINE));
    operations.addAll(RestSurface.jaxRs(Surface.COCKPIT, new CockpitApplication()));
    operations.addAll(RestSurface.jaxRs(Surface.TASKLIST, new TasklistApplication()));
    operations.addAll(RestSurface.jaxRs(Surface.ADMIN, new AdminApplication()));
    operations.addAll(RestSurface.jaxRs(Surface.WELCOME, new WelcomeApplication()));
    operations.addAll(RestSurface.springApi(context));
    return operations;
  }

  @AfterAll
  void cleanUp() {
    if (fixture != null) {
      fixture.cleanUp();
    }
  }

  @Test
  void noMarkerReachesAnyoneThePolicyKeepsFrom() throws Exception {
    List<Operation> operations = operations();
    assertThat(operations.stream().filter(o -> o.surface() == Surface.ENGINE_REST).count() > 350)
        .as("operations in Camunda's OpenAPI document").isTrue();
    assertThat(operations.stream().filter(o -> o.surface() == Surface.COCKPIT).map(Operation::path))
        .as("Cockpit's base plugin resources").anyMatch(p -> p.contains("/process-instance"))
        .anyMatch(p -> p.contains("/incident"));
    assertThat(operations.stream().filter(o -> o.surface() == Surface.API).map(Operation::path))
        .as("our /api").contains("/api/concerns/{id}", "/api/inspections/{reference}/timeline");
    String only = System.getProperty("leak.surfaces", "");
    if (!only.isBlank()) {
      Set<String> wanted = Set.of(only.split(","));
      operations.removeIf(o -> !wanted.contains(o.surface().name()));
    }

    SurfaceClient http = new SurfaceClient(port);
    fixture = new LeakFixture(http, json, workingDays, engine);
    fixture.rememberProfiles();
    fixture.plantAll();
    SurfaceCalls calls = new SurfaceCalls(fixture, json);
    List<String> roles = roles();
    LeakLedger ledger = new LeakLedger(roles, operations);
    // Reads change nothing: every role's reads run side by side. Then each role's writes, one role at a time.
    ExecutorService readers = Executors.newFixedThreadPool(READERS);
    List<Future<?>> reading = new ArrayList<>();
    for (String role : roles) {
      reading.add(readers.submit(() -> pass(role, operations, http, calls, ledger, true)));
    }
    for (Future<?> read : reading) {
      read.get();
    }
    readers.shutdown();
    ledger.readsEnded();
    LeakFixture.Change afterReads = fixture.changes();
    if (afterReads.any()) {
      ledger.changed("(reads of every role)", null, null, afterReads.lines());
      fixture.restore(afterReads);
      fixture.replantChanged();
    }
    for (String role : roles) {
      pass(role, operations, http, calls, ledger, false);
    }
    ledger.timing = ", " + fixture.plants + " plantings, " + fixture.plantMillis / 1000 + " s";
    ledger.write(REPORT);
    System.out.println("REST surface marker test:\n" + ledger.coverageTable());

    // The test is blind if the administrator, who may read everything, does not find each marker on each engine API.
    for (Surface surface : List.of(Surface.ENGINE_REST, Surface.NAMED_ENGINE_REST, Surface.WEBAPP_ENGINE)) {
      if (operations.stream().noneMatch(o -> o.surface() == surface)) {
        continue;
      }
      assertThat(ledger.allowedSightings(LeakFixture.ADMIN, surface)).as("markers the administrator read through "
          + surface.prefix + ": the ids and queries must reach the fixture").containsAll(EnumSet.allOf(Family.class));
    }
    assertThat(ledger.leaks().isEmpty() && ledger.changes().isEmpty()).as(ledger.report()).isTrue();
  }

  /**
   * One role's reads, or its writes (deletes last, signing out at the very end); the fixture is checked after every
   * write that worked, and planted again after the role's writes if any changed it.
   */
  private void pass(String role, List<Operation> operations, SurfaceClient http, SurfaceCalls factory,
      LeakLedger ledger, boolean reads) {
    String password = LeakFixture.ADMIN.equals(role) ? LeakFixture.ADMIN_PASSWORD : LeakFixture.PASSWORD;
    List<Operation> ordered = new ArrayList<>(operations);
    ordered.removeIf(op -> op.read() != reads || (reads && op.phase() == 4));
    ordered.sort(Comparator.comparingInt(Operation::phase));
    for (Operation op : ordered) {
      if (LeakFixture.ADMIN.equals(role) && op.phase() > 0 && op.phase() < 4) {
        ledger.skipped(role, op);
        continue;
      }
      SurfaceClient.Session session = op.surface().auth == Auth.SESSION
          ? sessions.computeIfAbsent(LeakLedger.name(role), r -> http.session(role, password)) : null;
      for (Call call : factory.calls(op, role)) {
        String task = op.path().startsWith("/task/{id}") ? call.pathValues().get("id") : null;
        boolean heldTask = !op.read() && task != null && role != null && fixture.holdsTask(role, task);
        long sent = System.nanoTime();
        Answer answer = op.surface().auth == Auth.SESSION
            ? session.send(op.method(), call.path(), call.payload(), call.accept())
            : http.basic(role, password, op.method(), call.path(), call.payload(), call.accept());
        List<Marker> seen = scan(role, call, answer, ledger);
        ledger.call(role, call, answer, seen, (System.nanoTime() - sent) / 1_000_000);
        if (!op.read() && answer.status() / 100 == 2) {
          long checked = System.nanoTime();
          runBatchJobs(answer);
          LeakFixture.Change change = fixture.changes();
          if (change.any()) {
            if (!mayChange(role, call, heldTask, change)) {
              ledger.changed(role, call, answer, change.lines());
            }
            fixture.restore(change);
          }
          fixture.tasksMayHaveChanged();
          ledger.checked((System.nanoTime() - checked) / 1_000_000);
        }
      }
    }
    if (reads) {
      return;
    }
    LeakFixture.Change change = fixture.changes();
    if (change.any()) {
      if (!LeakFixture.ADMIN.equals(role)) {
        ledger.changed(role, null, null, change.lines());
      }
      fixture.restore(change);
    }
    fixture.replantChanged();
    ledger.passEnded(role);
  }

  /** The markers in an answer (its text and headers); each one the caller may not read is a leak. */
  private List<Marker> scan(String role, Call call, Answer answer, LeakLedger ledger) {
    String text = answer.text() + "\n" + answer.headers();
    String lower = text.toLowerCase(Locale.ROOT);
    List<Marker> seen = new ArrayList<>();
    for (Marker marker : fixture.markers) {
      int at = lower.indexOf(marker.text().toLowerCase(Locale.ROOT));
      if (at < 0) {
        continue;
      }
      seen.add(marker);
      if (role != null && mayRead(role, marker)) {
        ledger.allowed(role, call, marker);
      } else {
        String excerpt = text.substring(Math.max(0, at - 60), Math.min(text.length(), at + marker.text().length() + 40))
            .replaceAll("\\s+", " ");
        ledger.leak(role, call, answer, marker, excerpt);
      }
    }
    return seen;
  }

  private boolean mayRead(String role, Marker marker) {
    for (Reader reader : MAY_READ.get(marker.family())) {
      if (fixture.users(reader, marker).contains(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Work a caller may do on the fixture: the administrator anything; others a task they held before the call, or a
   * change through our {@code /api} to a planting whose people they are. Users, groups and definitions: nobody.
   */
  private boolean mayChange(String role, Call call, boolean heldTask, LeakFixture.Change change) {
    if (LeakFixture.ADMIN.equals(role)) {
      return true;
    }
    if (change.identity() || change.definitions() || role == null) {
      return false;
    }
    if (heldTask) {
      return true;
    }
    if (call.operation().surface() != Surface.API) {
      return false;
    }
    for (Planting planting : change.plantings()) {
      Marker marker = fixture.current(planting == Planting.INSPECTION ? Family.JTAI : Family.CONDUCT);
      boolean theirs = MAY_CHANGE_THROUGH_API.get(planting).stream()
          .anyMatch(reader -> fixture.users(reader, marker).contains(role));
      if (!theirs) {
        return false;
      }
    }
    return true;
  }

  /**
   * A batch a call created runs now, as the job executor would (it is off in tests), so that its effect on the
   * fixture is seen at once and put down to the call that created it.
   */
  private void runBatchJobs(Answer answer) {
    if (!answer.text().contains("seedJobDefinitionId")) {
      return;
    }
    JsonNode batch;
    try {
      batch = json.readTree(answer.text());
    } catch (Exception e) {
      return;
    }
    Set<String> definitions = new TreeSet<>();
    for (String field : List.of("seedJobDefinitionId", "batchJobDefinitionId")) {
      if (batch.hasNonNull(field)) {
        definitions.add(batch.get(field).asText());
      }
    }
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = new ArrayList<>();
      definitions.forEach(d -> jobs.addAll(management.createJobQuery().jobDefinitionId(d).executable().list()));
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          // A batch job that fails leaves the fixture as it was; its incident is not the fixture's.
          management.setJobRetries(job.getId(), 0);
        }
      }
    }
  }
}
