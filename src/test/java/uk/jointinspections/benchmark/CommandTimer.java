package uk.jointinspections.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Times every engine command by its class, outermost commands only: a command that runs inside another (a task
 * query inside a completion, the id block an insert needs) is the outer command's time, so that the totals add up to
 * the time spent in the engine and nothing is counted twice. A job's command ({@code ExecuteJobsCmd}) is named with
 * the job's handler type ({@code async-continuation}, {@code timer-intermediate-transition}, ...), since what a job
 * costs depends on what it does. Beside each command's time: how many SQL statements it sent and their driver time
 * ({@link StatementCounter}), so that what is not SQL (listeners, delegates, mapping, mail) shows as the difference.
 *
 * <p>Only the benchmark adds it (a {@link ProcessEnginePlugin} registered before the application context starts).
 */
final class CommandTimer implements ProcessEnginePlugin {

  private final StatementCounter statements;
  private final Map<String, long[]> byCommand = new ConcurrentHashMap<>();
  private final LongAdder nested = new LongAdder();

  /** The outermost command on this thread: its name (refined by a job's handler) and its depth. */
  private static final class Current {
    int depth;
    String name;
  }

  private final ThreadLocal<Current> current = ThreadLocal.withInitial(Current::new);

  CommandTimer(StatementCounter statements) {
    this.statements = statements;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptor timer = new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        return timed(command, () -> next.execute(command));
      }
    };
    CommandInterceptor timerNew = new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        return timed(command, () -> next.execute(command));
      }
    };
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    if (configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, timer);
    configuration.getCustomPreCommandInterceptorsTxRequiresNew().add(0, timerNew);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, JobHandler> handlers = configuration.getJobHandlers();
    for (Map.Entry<String, JobHandler> e : new HashMap<>(handlers).entrySet()) {
      // The engine casts a batch's handler to its own type (BatchBuilder): those are left unnamed.
      if (!(e.getValue() instanceof org.camunda.bpm.engine.impl.batch.BatchJobHandler)) {
        handlers.put(e.getKey(), new NamedJobHandler(e.getValue()));
      }
    }
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(statements.mybatisInterceptor());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // nothing after the build
  }

  private <T> T timed(Command<T> command, java.util.function.Supplier<T> proceed) {
    Current c = current.get();
    if (c.depth == 0 && statements.paused()) {
      // The benchmark's own polling for due jobs: not the application's work.
      return proceed.get();
    }
    if (c.depth > 0) {
      nested.increment();
      c.depth++;
      try {
        return proceed.get();
      } finally {
        c.depth--;
      }
    }
    c.depth = 1;
    c.name = name(command.getClass());
    long[] sqlBefore = statements.thisThread();
    long began = System.nanoTime();
    boolean failed = true;
    try {
      T result = proceed.get();
      failed = false;
      return result;
    } finally {
      long took = System.nanoTime() - began;
      long[] sqlAfter = statements.thisThread();
      String name = failed ? c.name + " (failed)" : c.name;
      c.depth = 0;
      c.name = null;
      long[] row = byCommand.computeIfAbsent(name, k -> new long[4]);
      synchronized (row) {
        row[0]++;
        row[1] += took;
        row[2] += sqlAfter[0] - sqlBefore[0];
        row[3] += sqlAfter[1] - sqlBefore[1];
      }
    }
  }

  /** The command's class; a lambda (our code's {@code commandExecutor.execute(context -> ...)}) by its outer class. */
  static String name(Class<?> type) {
    String name = type.getName();
    int lambda = name.indexOf("$$Lambda");
    if (lambda > 0) {
      return name.substring(name.lastIndexOf('.', lambda) + 1, lambda) + " (lambda)";
    }
    return type.getSimpleName().isEmpty() ? name.substring(name.lastIndexOf('.') + 1) : type.getSimpleName();
  }

  /** {count, nanos, statements, statement nanos} per command name. */
  Map<String, long[]> snapshot() {
    Map<String, long[]> copy = new HashMap<>();
    byCommand.forEach((k, v) -> {
      synchronized (v) {
        copy.put(k, v.clone());
      }
    });
    return copy;
  }

  long nestedCommands() {
    return nested.sum();
  }

  /** Names the running job command after the job's handler, and otherwise leaves the handler as it is. */
  private final class NamedJobHandler<C extends JobHandlerConfiguration> implements JobHandler<C> {
    private final JobHandler<C> handler;

    NamedJobHandler(JobHandler<C> handler) {
      this.handler = handler;
    }

    @Override
    public String getType() {
      return handler.getType();
    }

    @Override
    public void execute(C configuration, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
      Current c = current.get();
      if (c.depth > 0 && c.name != null && !c.name.contains("(")) {
        c.name = c.name + " (" + handler.getType() + ")";
      }
      handler.execute(configuration, execution, commandContext, tenantId);
    }

    @Override
    public C newConfiguration(String canonicalString) {
      return handler.newConfiguration(canonicalString);
    }

    @Override
    public void onDelete(C configuration, JobEntity jobEntity) {
      handler.onDelete(configuration, jobEntity);
    }
  }
}
