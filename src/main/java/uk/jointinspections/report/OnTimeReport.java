package uk.jointinspections.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;

/**
 * The on-time report: per framework and per step, how many steps were completed, the share completed by their
 * deadline (the task's due date), the median and 90th-percentile lateness in working days, and how many are open and
 * overdue now. Read from Camunda's task history ({@code ACT_HI_TASKINST}) in three queries whatever its size: the
 * open tasks counted and grouped in SQL, the completed ones read as one stream of (step, due, completed) rows (their
 * lateness needs the bank-holiday calendar, which SQL does not have), and the frameworks' names.
 *
 * <p>Only counts and working days leave this class: no instance, business key, variable or person. The queries are
 * plain SQL rather than the engine's history queries, which would filter by the authorizations of whoever asks and so
 * leave out concerns and conduct complaints, whose instances operators may not read; the figures of those are counts
 * like the others, and who may see the report at all is {@link OnTimeReportAccess}'s decision.
 *
 * <p>Lateness of a completed step is the number of working days (England &amp; Wales, Europe/London) after its
 * deadline's day up to and including the day it was completed: 0 when completed on the deadline's day (or on a weekend
 * or bank holiday straight after it), negative when completed before that day. Percentiles are nearest-rank: the
 * smallest lateness that at least p % of the completed steps do not exceed.
 */
@Component
public class OnTimeReport {

  /** The report's CSV columns, in order. */
  static final List<String> CSV_COLUMNS = List.of("framework", "framework_name", "step_id", "step", "completed",
      "completed_with_deadline", "completed_on_time", "share_on_time_percent", "median_lateness_working_days",
      "p90_lateness_working_days", "open", "open_overdue");
  static final String ALL_STEPS = "All steps";

  private final JdbcTemplate jdbc;
  private final WorkingDays workingDays;

  public OnTimeReport(JdbcTemplate jdbc, WorkingDays workingDays) {
    this.jdbc = jdbc;
    this.workingDays = workingDays;
  }

  /** What the report is asked for: one framework or all ({@code framework} null), London dates, both inclusive. */
  public record Query(String framework, LocalDate from, LocalDate to) {

    /**
     * Reads the parameters as a client sends them. Without dates, the year up to today; without a framework, all.
     *
     * @throws IllegalArgumentException with a message for the caller, naming the parameter
     */
    public static Query of(String framework, String from, String to) {
      LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
      LocalDate end = date("to", to, today);
      LocalDate start = date("from", from, end.minusYears(1).plusDays(1));
      if (start.isAfter(end)) {
        throw new IllegalArgumentException("Parameter 'from' (" + start + ") is after 'to' (" + end + ")");
      }
      String key = framework == null || framework.isBlank() ? null : framework.strip();
      if (key != null && !ReportedProcesses.KEYS.contains(key)) {
        throw new IllegalArgumentException("Parameter 'framework' must be one of " + String.join(", ", ReportedProcesses.KEYS)
            + "; got '" + shortened(key) + "'");
      }
      return new Query(key, start, end);
    }

    private static LocalDate date(String parameter, String value, LocalDate otherwise) {
      if (value == null || value.isBlank()) {
        return otherwise;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Parameter '" + parameter + "' must be a date written yyyy-MM-dd, such as"
            + " 2027-01-31; got '" + shortened(value) + "'");
      }
      if (!WorkingDayCalendar.isSupported(date)) {
        throw new IllegalArgumentException("Parameter '" + parameter + "' must be a date from "
            + WorkingDayCalendar.FIRST_DATE + " to " + WorkingDayCalendar.LAST_DATE + "; got " + date);
      }
      return date;
    }

    private static String shortened(String value) {
      String printable = value.replaceAll("\\p{Cntrl}", "?");
      return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }

    Instant start() {
      return from.atStartOfDay(WorkingDayCalendar.LONDON).toInstant();
    }

    Instant end() {
      return to.plusDays(1).atStartOfDay(WorkingDayCalendar.LONDON).toInstant();
    }
  }

  /** A process the report may be filtered by, with the name of its latest version. */
  public record Framework(String key, String name) {
  }

  /**
   * The figures of one step, or of all steps of a framework ({@code stepId} null, {@code step} "All steps").
   * {@code shareOnTime} (0–1) and the lateness figures are null when no step with a deadline was completed.
   */
  public record StepFigures(String framework, String frameworkName, String stepId, String step, long completed,
      long completedWithDeadline, long completedOnTime, Double shareOnTime, Integer medianLateness,
      Integer p90Lateness, long open, long openOverdue) {
  }

  /**
   * The report: completed steps counted by the day they were completed, open ones by the day they were created, both
   * within {@code from}–{@code to}; "overdue" means due before {@code asOf}.
   */
  public record Figures(String framework, LocalDate from, LocalDate to, Instant asOf, List<Framework> frameworks,
      List<StepFigures> totals, List<StepFigures> steps) {
  }

  public Figures figures(Query query) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> keys = query.framework() == null ? ReportedProcesses.KEYS : List.of(query.framework());
    String in = String.join(",", Collections.nCopies(keys.size(), "?"));
    Timestamp start = Timestamp.from(query.start());
    Timestamp end = Timestamp.from(query.end());
    Map<List<String>, Tally> tallies = new HashMap<>();
    WorkingDayCalendar calendar = workingDays.calendar();

    List<Object> completedArguments = new ArrayList<>(List.of(start, end));
    completedArguments.addAll(keys);
    jdbc.query(connection -> {
      var statement = connection.prepareStatement("""
          SELECT PROC_DEF_KEY_, TASK_DEF_KEY_, NAME_, DUE_DATE_, END_TIME_ FROM ACT_HI_TASKINST
          WHERE END_TIME_ >= ? AND END_TIME_ < ? AND DELETE_REASON_ = 'completed' AND PROC_DEF_KEY_ IN (%s)"""
          .formatted(in));
      statement.setFetchSize(1000);
      for (int i = 0; i < completedArguments.size(); i++) {
        statement.setObject(i + 1, completedArguments.get(i));
      }
      return statement;
    }, row -> {
      Tally tally = tallies.computeIfAbsent(List.of(row.getString(1), row.getString(2)), k -> new Tally());
      tally.name(row.getString(3));
      Timestamp due = row.getTimestamp(4);
      Timestamp completed = row.getTimestamp(5);
      tally.completed++;
      if (due != null) {
        tally.withDeadline++;
        if (!completed.after(due)) {
          tally.onTime++;
        }
        tally.lateness(lateness(calendar, due.toInstant(), completed.toInstant()));
      }
    });

    List<Object> openArguments = new ArrayList<>(List.of(Timestamp.from(now), start, end));
    openArguments.addAll(keys);
    jdbc.query("""
        SELECT PROC_DEF_KEY_, TASK_DEF_KEY_, MAX(NAME_), COUNT(*), SUM(CASE WHEN DUE_DATE_ < ? THEN 1 ELSE 0 END)
        FROM ACT_HI_TASKINST
        WHERE END_TIME_ IS NULL AND START_TIME_ >= ? AND START_TIME_ < ? AND PROC_DEF_KEY_ IN (%s)
        GROUP BY PROC_DEF_KEY_, TASK_DEF_KEY_""".formatted(in), row -> {
      Tally tally = tallies.computeIfAbsent(List.of(row.getString(1), row.getString(2)), k -> new Tally());
      tally.name(row.getString(3));
      tally.open += row.getLong(4);
      tally.openOverdue += row.getLong(5);
    }, openArguments.toArray());

    Map<String, String> names = new HashMap<>();
    jdbc.query("""
        SELECT d.KEY_, d.NAME_ FROM ACT_RE_PROCDEF d
        WHERE d.KEY_ IN (%s) AND d.VERSION_ = (SELECT MAX(v.VERSION_) FROM ACT_RE_PROCDEF v WHERE v.KEY_ = d.KEY_)"""
        .formatted(String.join(",", Collections.nCopies(ReportedProcesses.KEYS.size(), "?"))),
        row -> {
          names.put(row.getString(1), row.getString(2) == null ? row.getString(1) : row.getString(2));
        }, ReportedProcesses.KEYS.toArray());

    return assemble(query, now, keys, names, tallies);
  }

  private static Integer lateness(WorkingDayCalendar calendar, Instant due, Instant completed) {
    LocalDate dueDay = due.atZone(WorkingDayCalendar.LONDON).toLocalDate();
    LocalDate completedDay = completed.atZone(WorkingDayCalendar.LONDON).toLocalDate();
    if (!WorkingDayCalendar.isSupported(dueDay) || !WorkingDayCalendar.isSupported(completedDay)) {
      return null;
    }
    return calendar.countBetween(dueDay, completedDay);
  }

  private static Figures assemble(Query query, Instant now, List<String> keys, Map<String, String> names,
      Map<List<String>, Tally> tallies) {
    List<StepFigures> steps = new ArrayList<>();
    List<StepFigures> totals = new ArrayList<>();
    for (String key : keys) {
      String frameworkName = names.getOrDefault(key, key);
      Tally all = new Tally();
      tallies.entrySet().stream().filter(e -> e.getKey().get(0).equals(key))
          .sorted(Comparator.comparing((Map.Entry<List<String>, Tally> e) -> String.valueOf(e.getValue().name).toLowerCase())
              .thenComparing(e -> e.getKey().get(1)))
          .forEach(e -> {
            steps.add(e.getValue().figures(key, frameworkName, e.getKey().get(1), e.getValue().name));
            all.add(e.getValue());
          });
      totals.add(all.figures(key, frameworkName, null, ALL_STEPS));
    }
    List<Framework> frameworks = ReportedProcesses.KEYS.stream()
        .map(key -> new Framework(key, names.getOrDefault(key, key))).toList();
    return new Figures(query.framework(), query.from(), query.to(), now, frameworks, totals, steps);
  }

  /** The report as CSV (RFC 4180, UTF-8): one line per step, then one "All steps" line per framework. */
  public String csv(Figures figures) {
    StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
    List<StepFigures> lines = new ArrayList<>(figures.steps());
    lines.addAll(figures.totals());
    for (StepFigures line : lines) {
      List<String> cells = List.of(line.framework(), line.frameworkName(), line.stepId() == null ? "" : line.stepId(),
          line.step() == null ? "" : line.step(), Long.toString(line.completed()),
          Long.toString(line.completedWithDeadline()), Long.toString(line.completedOnTime()),
          line.shareOnTime() == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", line.shareOnTime() * 100),
          line.medianLateness() == null ? "" : line.medianLateness().toString(),
          line.p90Lateness() == null ? "" : line.p90Lateness().toString(), Long.toString(line.open()),
          Long.toString(line.openOverdue()));
      csv.append(String.join(",", cells.stream().map(OnTimeReport::cell).toList())).append("\r\n");
    }
    return csv.toString();
  }

  /** Quoted where needed; text a spreadsheet would run as a formula is prefixed with an apostrophe. */
  static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
        ? "'" + value : value;
    return safe.matches("(?s).*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
  }

  /** Nearest-rank percentile of a histogram of lateness → number of steps. */
  static Integer percentile(TreeMap<Integer, Long> histogram, long count, int percent) {
    if (count == 0) {
      return null;
    }
    long rank = Math.max(1, (percent * count + 99) / 100);
    long seen = 0;
    for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
      seen += bucket.getValue();
      if (seen >= rank) {
        return bucket.getKey();
      }
    }
    throw new IllegalStateException("histogram holds fewer than " + count + " values");
  }

  /** What the queries found for one step. */
  private static final class Tally {
    String name;
    long completed;
    long withDeadline;
    long onTime;
    long open;
    long openOverdue;
    long latenessCount;
    final TreeMap<Integer, Long> lateness = new TreeMap<>();

    void name(String found) {
      if (found != null && (name == null || found.compareTo(name) > 0)) {
        name = found;
      }
    }

    void lateness(Integer workingDays) {
      if (workingDays != null) {
        lateness.merge(workingDays, 1L, Long::sum);
        latenessCount++;
      }
    }

    void add(Tally other) {
      completed += other.completed;
      withDeadline += other.withDeadline;
      onTime += other.onTime;
      open += other.open;
      openOverdue += other.openOverdue;
      latenessCount += other.latenessCount;
      other.lateness.forEach((days, count) -> lateness.merge(days, count, Long::sum));
    }

    StepFigures figures(String framework, String frameworkName, String stepId, String step) {
      return new StepFigures(framework, frameworkName, stepId, step == null ? stepId : step, completed, withDeadline,
          onTime, withDeadline == 0 ? null : (double) onTime / withDeadline, percentile(lateness, latenessCount, 50),
          percentile(lateness, latenessCount, 90), open, openOverdue);
    }
  }
}
