package uk.jointinspections.web;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * The engine logs every exception that ends a command at ERROR with its stack trace (logger
 * {@code org.camunda.bpm.engine.context}, ENGINE-16004), except a few it knows to be the caller's
 * ({@code CommandContext.shouldLogFine}: BadUserRequestException, AuthorizationException, optimistic locking, at
 * DEBUG). Our refusals are form validation failures thrown by start and task listeners ("seniorOfficerEmail: 'x' is
 * not an e-mail address"), so every refused request wrote the refused value into an ERROR line with a stack trace.
 * Switching the logging off ({@code enableCmdExceptionLogging}) or raising the logger's level would hide real faults
 * too; instead the engine's command context is the engine's own with refusals added to what it logs at DEBUG, and the
 * refusal is handed to {@link RefusalLog}, which writes the one WARN line of the request. Faults are logged as before.
 */
@Component
public class QuietRefusals extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCommandContextFactory() != null) {
      throw new IllegalStateException("Another command context factory is configured; QuietRefusals replaces the "
          + "engine's default one only");
    }
    CommandContextFactory factory = new CommandContextFactory() {
      @Override
      public CommandContext createCommandContext() {
        return new RefusalAwareCommandContext(processEngineConfiguration);
      }
    };
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
  }

  static final class RefusalAwareCommandContext extends CommandContext {
    RefusalAwareCommandContext(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    @Override
    protected boolean shouldLogFine(Throwable exception) {
      if (RefusalLog.containsRefusal(exception)) {
        RefusalLog.engineRefused(exception);
        return true;
      }
      return super.shouldLogFine(exception);
    }
  }

  @Override
  public String toString() {
    return "QuietRefusals";
  }
}
