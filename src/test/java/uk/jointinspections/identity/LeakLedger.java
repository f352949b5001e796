package uk.jointinspections.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.jointinspections.identity.LeakFixture.Family;
import uk.jointinspections.identity.LeakFixture.Marker;
import uk.jointinspections.identity.RestSurface.Operation;
import uk.jointinspections.identity.RestSurface.Surface;
import uk.jointinspections.identity.SurfaceCalls.Call;
import uk.jointinspections.identity.SurfaceClient.Answer;

/**
 * What the marker test saw: every call with its status, every marker in an answer (allowed or a leak), every fixture
 * a call changed that it may not change, and the coverage (operations × roles, calls, status classes), written to
 * {@code target/rest-surface-leaks/}.
 */
final class LeakLedger {

  record Leak(String role, Call call, int status, Marker marker, String excerpt) {
    String line() {
      return role + " " + call.operation().method() + " " + call.path() + " -> " + status + " shows the "
          + marker.family() + " marker (planting " + marker.generation() + "): …" + excerpt + "…";
    }
  }

  record Changed(String role, Call call, int status, List<String> differences) {
    String line() {
      String what = call == null ? "(a call of this role's pass, not attributed)"
          : call.operation().method() + " " + call.path() + " -> " + status;
      return role + " " + what + " changed the fixture: " + String.join("; ", differences.subList(0,
          Math.min(6, differences.size()))) + (differences.size() > 6 ? "; …" : "");
    }
  }

  private final List<String> roles;
  private final List<Leak> leaks = new ArrayList<>();
  private final List<Changed> changes = new ArrayList<>();
  private final Map<String, Map<Surface, Integer>> callsByRoleAndSurface = new LinkedHashMap<>();
  private final Map<String, Map<String, Integer>> statusClasses = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> statusByOperation = new TreeMap<>();
  private final Map<Surface, Set<String>> operationsBySurface = new EnumMap<>(Surface.class);
  private final Map<String, Set<String>> skipped = new LinkedHashMap<>();
  /** Which families' markers each role read where it may (the allowed sightings), by surface. */
  private final Map<String, Map<Surface, Set<Family>>> allowedSightings = new LinkedHashMap<>();
  private final List<String> callLines = new ArrayList<>();
  private final long started = System.nanoTime();
  private long passStarted = System.nanoTime();
  private final Map<String, Long> seconds = new LinkedHashMap<>();

  LeakLedger(List<String> roles, List<Operation> operations) {
    this.roles = roles;
    for (Operation op : operations) {
      operationsBySurface.computeIfAbsent(op.surface(), s -> new TreeSet<>()).add(op.method() + " " + op.path());
    }
  }

  static String name(String role) {
    return role == null ? "anonymous" : role;
  }

  private long checkMillis;
  private int checks;

  /** Time spent checking and restoring the fixture after writes. */
  synchronized void checked(long millis) {
    checkMillis += millis;
    checks++;
  }

  synchronized void call(String role, Call call, Answer answer, List<Marker> seen, long millis) {
    String who = name(role);
    callsByRoleAndSurface.computeIfAbsent(who, r -> new EnumMap<>(Surface.class))
        .merge(call.operation().surface(), 1, Integer::sum);
    String status = answer.status() < 0 ? "error" : (answer.status() / 100) + "xx";
    statusClasses.computeIfAbsent(who, r -> new TreeMap<>()).merge(status, 1, Integer::sum);
    statusByOperation.computeIfAbsent(call.operation().key(), k -> new LinkedHashMap<>())
        .merge(who, String.valueOf(answer.status()), (a, b) -> a.equals(b) ? a : a + "," + b);
    callLines.add(who + "\t" + call.operation().surface() + "\t" + call.operation().method() + "\t"
        + call.operation().path() + "\t" + call.family() + "\t" + call.path() + "\t" + answer.status() + "\t"
        + seen.stream().map(m -> m.family() + "#" + m.generation()).toList() + "\t" + millis);
  }

  private long readSeconds;

  synchronized void readsEnded() {
    long now = System.nanoTime();
    readSeconds = (now - passStarted) / 1_000_000_000;
    passStarted = now;
  }

  synchronized void passEnded(String role) {
    long now = System.nanoTime();
    seconds.put(name(role), (now - passStarted) / 1_000_000_000);
    passStarted = now;
  }

  synchronized void skipped(String role, Operation op) {
    skipped.computeIfAbsent(name(role), r -> new TreeSet<>()).add(op.key());
  }

  synchronized void allowed(String role, Call call, Marker marker) {
    allowedSightings.computeIfAbsent(name(role), r -> new EnumMap<>(Surface.class))
        .computeIfAbsent(call.operation().surface(), s -> new TreeSet<>()).add(marker.family());
  }

  synchronized void leak(String role, Call call, Answer answer, Marker marker, String excerpt) {
    leaks.add(new Leak(name(role), call, answer.status(), marker, excerpt));
  }

  synchronized void changed(String role, Call call, Answer answer, List<String> differences) {
    changes.add(new Changed(name(role), call, answer == null ? 0 : answer.status(), differences));
  }

  List<Leak> leaks() {
    return leaks;
  }

  List<Changed> changes() {
    return changes;
  }

  Set<Family> allowedSightings(String role, Surface surface) {
    return allowedSightings.getOrDefault(name(role), Map.of()).getOrDefault(surface, Set.of());
  }

  int calls() {
    return callLines.size();
  }

  /** The failure message: every leak, grouped by marker and operation, then every forbidden change. */
  String report() {
    StringBuilder out = new StringBuilder();
    out.append(leaks.size()).append(" answers showed a marker to someone the policy keeps it from; ")
        .append(changes.size()).append(" calls changed a fixture they may not change.\n");
    Map<String, List<Leak>> grouped = new TreeMap<>();
    for (Leak leak : leaks) {
      grouped.computeIfAbsent(leak.marker().family() + " marker via " + leak.call().operation().key(),
          k -> new ArrayList<>()).add(leak);
    }
    grouped.forEach((group, list) -> {
      out.append("\n== ").append(group).append(" (").append(list.size()).append(" answers, roles ")
          .append(new TreeSet<>(list.stream().map(Leak::role).toList())).append(")\n");
      list.forEach(l -> out.append("  ").append(l.line()).append('\n'));
    });
    if (!changes.isEmpty()) {
      out.append("\n== Fixture changed by a caller who may not change it\n");
      changes.forEach(c -> out.append("  ").append(c.line()).append('\n'));
    }
    return out.toString();
  }

  /** Calls per role and surface, with status classes and leaks: the table the README shows. */
  String timing = "";

  String coverageTable() {
    StringBuilder out = new StringBuilder();
    List<Surface> surfaces = new ArrayList<>(operationsBySurface.keySet());
    out.append("| surface | operations |\n| --- | --- |\n");
    for (Surface s : surfaces) {
      out.append("| `").append(s.prefix.isEmpty() ? "/api" : s.prefix).append("` | ")
          .append(operationsBySurface.get(s).size()).append(" |\n");
    }
    out.append("\n| role |");
    surfaces.forEach(s -> out.append(' ').append(s.name().toLowerCase().replace('_', ' ')).append(" |"));
    out.append(" calls | 2xx | 3xx | 4xx | 5xx | leaks | writes, s |\n|");
    for (int i = 0; i < surfaces.size() + 8; i++) {
      out.append(" --- |");
    }
    out.append('\n');
    int total = 0;
    for (String role : roles) {
      String who = name(role);
      Map<Surface, Integer> calls = callsByRoleAndSurface.getOrDefault(who, Map.of());
      int sum = calls.values().stream().mapToInt(Integer::intValue).sum();
      total += sum;
      out.append("| `").append(who).append("` |");
      surfaces.forEach(s -> out.append(' ').append(calls.getOrDefault(s, 0)).append(" |"));
      Map<String, Integer> classes = statusClasses.getOrDefault(who, Map.of());
      out.append(' ').append(sum).append(" |");
      for (String c : List.of("2xx", "3xx", "4xx", "5xx")) {
        out.append(' ').append(classes.getOrDefault(c, 0)).append(" |");
      }
      out.append(' ').append(leaks.stream().filter(l -> l.role().equals(who)).count()).append(" | ")
          .append(seconds.getOrDefault(who, 0L)).append(" |\n");
    }
    out.append("\n").append(total).append(" calls of ")
        .append(operationsBySurface.values().stream().mapToInt(Set::size).sum()).append(" operations by ")
        .append(roles.size()).append(" roles in ").append((System.nanoTime() - started) / 1_000_000_000)
        .append(" s (every role's reads side by side: ").append(readSeconds).append(" s; the writes, role by role, in the"
            + " last column; ").append(checks).append(" fixture checks after writes that worked, ").append(checkMillis / 1000)
        .append(" s").append(timing).append("); the administrator's pass makes only the reads (the administrator may do anything).\n");
    return out.toString();
  }

  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("coverage.md"), coverageTable(), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("leaks.txt"), report(), StandardCharsets.UTF_8);
    Files.write(directory.resolve("calls.tsv"), callLines, StandardCharsets.UTF_8);
    List<String> matrix = new ArrayList<>();
    matrix.add("operation\t" + String.join("\t", roles.stream().map(LeakLedger::name).toList()));
    statusByOperation.forEach((op, byRole) -> matrix.add(op + "\t" + String.join("\t",
        roles.stream().map(r -> byRole.getOrDefault(name(r), skipped.getOrDefault(name(r), Set.of()).contains(op)
            ? "skipped" : "-")).toList())));
    Files.write(directory.resolve("operations-by-role.tsv"), matrix, StandardCharsets.UTF_8);
  }
}
