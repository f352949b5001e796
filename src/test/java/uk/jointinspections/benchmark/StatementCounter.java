package uk.jointinspections.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts and times the SQL statements the application sends, at the JDBC boundary: every data source bean is wrapped,
 * and each execute/executeQuery/executeUpdate (and each executeBatch, as one round trip) of its statements adds one,
 * with the time the driver took to answer it.
 *
 * <p>Times are kept per statement <em>shape</em>: the MyBatis statement that prepared it (the engine's mapping id, such
 * as {@code selectVariablesByExecutionId}, set by {@link #mybatisInterceptor()} while MyBatis runs it), else its SQL
 * with literals replaced by {@code ?}. MyBatis's own time for the same statement (binding parameters, mapping rows, and
 * the JDBC call inside it) is kept beside it, so that the two together say what the persistence layer costs.
 */
final class StatementCounter implements BeanPostProcessor {

  final AtomicLong executed = new AtomicLong();
  /** Executions per statement, by the first words of its SQL (table and operation), for the breakdown. */
  private final Map<String, LongAdder> byStatement = new ConcurrentHashMap<>();
  /** Count and driver time per statement shape (MyBatis id, else SQL without literals). */
  private final Map<String, Timing> jdbc = new ConcurrentHashMap<>();
  /** Count and time inside MyBatis's executor per statement id (includes the JDBC time above). */
  private final Map<String, Timing> mybatis = new ConcurrentHashMap<>();
  /** Driver time of preparing statements, per shape as above (H2 parses and plans here). */
  private final Map<String, Timing> prepare = new ConcurrentHashMap<>();
  /** Driver time of the connection's other work: taking it from the pool, commit, rollback, auto-commit, close. */
  private final Map<String, Timing> connectionWork = new ConcurrentHashMap<>();
  /** Statements and all driver time (execute, prepare, connection work) by the kind of thread: actor, job executor. */
  private final Map<String, Timing> byThread = new ConcurrentHashMap<>();

  private final ThreadLocal<Boolean> paused = ThreadLocal.withInitial(() -> false);
  /** The MyBatis statement being run on this thread, if any: the name a prepared statement is timed under. */
  private final ThreadLocal<String> currentMapping = new ThreadLocal<>();
  /** This thread's statements and their driver time so far ({count, nanos}), for the command and step timers. */
  private final ThreadLocal<long[]> perThread = ThreadLocal.withInitial(() -> new long[2]);

  /** A count and a total time; the mean follows from them. */
  static final class Timing {
    final LongAdder count = new LongAdder();
    final LongAdder nanos = new LongAdder();

    void add(long n) {
      count.increment();
      nanos.add(n);
    }
  }

  /** A frozen copy of one table of timings: {count, nanos} per key. */
  record Snapshot(Map<String, long[]> rows) {

    Snapshot minus(Snapshot before) {
      Map<String, long[]> d = new HashMap<>();
      rows.forEach((k, v) -> {
        long[] b = before.rows.getOrDefault(k, new long[2]);
        if (v[0] - b[0] > 0) {
          d.put(k, new long[] {v[0] - b[0], v[1] - b[1]});
        }
      });
      return new Snapshot(d);
    }

    long totalNanos() {
      return rows.values().stream().mapToLong(v -> v[1]).sum();
    }

    long totalCount() {
      return rows.values().stream().mapToLong(v -> v[0]).sum();
    }
  }

  private static Snapshot freeze(Map<String, Timing> table) {
    Map<String, long[]> copy = new HashMap<>();
    table.forEach((k, t) -> copy.put(k, new long[] {t.count.sum(), t.nanos.sum()}));
    return new Snapshot(copy);
  }

  Snapshot jdbcTimes() {
    return freeze(jdbc);
  }

  Snapshot mybatisTimes() {
    return freeze(mybatis);
  }

  Snapshot threadTimes() {
    return freeze(byThread);
  }

  Snapshot prepareTimes() {
    return freeze(prepare);
  }

  Snapshot connectionTimes() {
    return freeze(connectionWork);
  }

  boolean paused() {
    return paused.get();
  }

  private void addToThread(long nanos, boolean statement) {
    long[] mine = perThread.get();
    Timing kind = byThread.computeIfAbsent(threadKind(Thread.currentThread()), k -> new Timing());
    if (statement) {
      mine[0]++;
      kind.count.increment();
    }
    mine[1] += nanos;
    kind.nanos.add(nanos);
  }

  /** This thread's {statements, driver nanos} so far. */
  long[] thisThread() {
    return perThread.get().clone();
  }

  /** Runs the benchmark's own query (its polling) without counting it. */
  <T> T uncounted(java.util.function.Supplier<T> query) {
    paused.set(true);
    try {
      return query.get();
    } finally {
      paused.set(false);
    }
  }

  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    byStatement.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  static String shape(Object sql) {
    if (!(sql instanceof String text)) {
      return "(statement)";
    }
    String s = text.replaceAll("\\s+", " ").trim();
    String lower = s.toLowerCase();
    int from = lower.startsWith("select") ? lower.indexOf(" from ") : -1;
    String head = from > 0 ? "select … " + s.substring(from + 1) : s;
    return head.length() > 70 ? head.substring(0, 70) : head;
  }

  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])");

  /** SQL that did not come through MyBatis (ours through JDBC, the pool's), with its literals replaced by '?'. */
  static String sqlShape(Object sql) {
    if (!(sql instanceof String text)) {
      return "sql: (statement)";
    }
    String s = text.replaceAll("\\s+", " ").trim();
    s = NUMBER_LITERAL.matcher(STRING_LITERAL.matcher(s).replaceAll("?")).replaceAll("?");
    return "sql: " + (s.length() > 120 ? s.substring(0, 120) + "…" : s);
  }

  /** A MyBatis mapping id without its namespace: {@code selectVariablesByExecutionId}. */
  static String mappingName(String id) {
    int dot = id.lastIndexOf('.');
    return dot < 0 ? id : id.substring(dot + 1);
  }

  static String threadKind(Thread t) {
    String name = t.getName();
    if (name.equals("main")) {
      return "actor (main thread)";
    }
    if (name.startsWith("camundaTaskExecutor") || name.contains("JobExecutor")) {
      return "job executor";
    }
    if (name.startsWith("http-nio")) {
      return "HTTP requests";
    }
    return "other";
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(DataSource.class, dataSource, (target, method, args) -> {
        long began = System.nanoTime();
        Object result = invoke(target, method, args);
        if (result instanceof Connection c) {
          timeConnectionWork("getConnection (from the pool)", began);
          return proxy(Connection.class, c, this::connection);
        }
        return result;
      });
    }
    return bean;
  }

  private void timeConnectionWork(String what, long began) {
    if (!paused.get()) {
      long took = System.nanoTime() - began;
      connectionWork.computeIfAbsent(what, k -> new Timing()).add(took);
      addToThread(took, false);
    }
  }

  private static final java.util.Set<String> CONNECTION_WORK = java.util.Set.of("commit", "rollback", "setAutoCommit",
      "close", "setTransactionIsolation");

  private Object connection(Object target, Method method, Object[] args) throws Throwable {
    long began = System.nanoTime();
    Object result = invoke(target, method, args);
    boolean prepared = method.getName().startsWith("prepare") && args != null && args.length > 0;
    String shape = prepared ? shape(args[0]) : "(statement)";
    // A statement prepared while MyBatis runs a mapping is that mapping's: a batch is flushed later, outside it.
    String mapping = currentMapping.get();
    String timedAs = prepared ? (mapping != null ? mapping : sqlShape(args[0])) : null;
    if (prepared && !paused.get()) {
      long took = System.nanoTime() - began;
      prepare.computeIfAbsent(timedAs, k -> new Timing()).add(took);
      addToThread(took, false);
    } else if (CONNECTION_WORK.contains(method.getName())) {
      timeConnectionWork(method.getName(), began);
    }
    if (result instanceof Statement statement) {
      Class<? extends Statement> type = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
          : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
      return proxy(type, statement, (t, m, a) -> {
        if (!m.getName().startsWith("execute") || paused.get()) {
          return invoke(t, m, a);
        }
        long sent = System.nanoTime();
        try {
          return invoke(t, m, a);
        } finally {
          long took = System.nanoTime() - sent;
          executed.incrementAndGet();
          String key = shape.equals("(statement)") && a != null && a.length > 0 ? shape(a[0]) : shape;
          byStatement.computeIfAbsent(key, k -> new LongAdder()).increment();
          String timeKey = timedAs != null ? timedAs : sqlShape(a != null && a.length > 0 ? a[0] : null);
          jdbc.computeIfAbsent(timeKey, k -> new Timing()).add(took);
          addToThread(took, true);
        }
      });
    }
    return result;
  }

  /** To be added to the engine's MyBatis configuration: names the statements and times MyBatis's part. */
  Interceptor mybatisInterceptor() {
    return new MappingTimer();
  }

  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
      @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
  private final class MappingTimer implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      String name = mappingName(((MappedStatement) invocation.getArgs()[0]).getId());
      String outer = currentMapping.get();
      currentMapping.set(name);
      long began = System.nanoTime();
      try {
        return invocation.proceed();
      } finally {
        if (!paused.get()) {
          mybatis.computeIfAbsent(name, k -> new Timing()).add(System.nanoTime() - began);
        }
        currentMapping.set(outer);
      }
    }

    @Override
    public void setProperties(Properties properties) {
      // nothing to configure
    }
  }

  interface Handler {
    Object handle(Object target, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler h = (p, method, args) -> {
      if (method.getName().equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
        return target;
      }
      if (method.getName().equals("isWrapperFor") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
        return true;
      }
      return handler.handle(target, method, args);
    };
    return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
