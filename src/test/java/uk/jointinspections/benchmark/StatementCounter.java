package uk.jointinspections.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements the application sends, at the JDBC boundary: every data source bean is wrapped, and each
 * execute/executeQuery/executeUpdate (and each executeBatch, as one round trip) of its statements adds one.
 */
final class StatementCounter implements BeanPostProcessor {

  final AtomicLong executed = new AtomicLong();
  /** Executions per statement, by the first words of its SQL (table and operation), for the breakdown. */
  private final Map<String, LongAdder> byStatement = new ConcurrentHashMap<>();

  private final ThreadLocal<Boolean> paused = ThreadLocal.withInitial(() -> false);

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

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(DataSource.class, dataSource, (target, method, args) -> {
        Object result = invoke(target, method, args);
        return result instanceof Connection c ? proxy(Connection.class, c, this::connection) : result;
      });
    }
    return bean;
  }

  private Object connection(Object target, Method method, Object[] args) throws Throwable {
    Object result = invoke(target, method, args);
    String shape = method.getName().startsWith("prepare") && args != null && args.length > 0 ? shape(args[0]) : "(statement)";
    if (result instanceof Statement statement) {
      Class<? extends Statement> type = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
          : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
      return proxy(type, statement, (t, m, a) -> {
        if (m.getName().startsWith("execute") && !paused.get()) {
          executed.incrementAndGet();
          String key = shape.equals("(statement)") && a != null && a.length > 0 ? shape(a[0]) : shape;
          byStatement.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
        return invoke(t, m, a);
      });
    }
    return result;
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
