package uk.jointinspections.web;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Our task and execution listeners refuse a step with a {@link BadUserRequestException} whose message tells the
 * inspector what to change ("Select exactly 20 children: you gave 19"). The engine wraps whatever a listener throws
 * ("ENGINE-03051 There was an exception while invoking the TaskListener …"), and the REST API (the Tasklist's too)
 * answers any engine exception on completing a task with 500, as for a fault; only a form validation failure gets
 * 400. So outside the transaction, after it has been rolled back, a refusal found inside the engine's wrapping is
 * thrown again as a {@link StepRefused}, a form validation failure carrying our sentence alone (refusals that are
 * form validation failures already, such as a refused start form, are thrown as themselves). Faults that are not
 * refusals, and the engine's own refusals, pass through unchanged.
 */
@Component
public class StepRefusalMessages extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        outermost(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        outermost(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> outermost(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    interceptors.add(new Unwrapping());
    if (existing != null) {
      interceptors.addAll(existing);
    }
    return interceptors;
  }

  static RuntimeException refusalWithin(RuntimeException thrown) {
    if (thrown instanceof BadUserRequestException || thrown instanceof FormFieldValidationException) {
      return thrown;
    }
    for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
      if (cause instanceof BadUserRequestException refusal) {
        return new StepRefused(refusal);
      }
    }
    return thrown;
  }

  /** What a listener's {@link BadUserRequestException} becomes once it has left the engine. */
  public static final class StepRefused extends FormFieldValidationException {
    StepRefused(BadUserRequestException refusal) {
      super(null, refusal.getMessage(), refusal);
    }
  }

  private static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException thrown) {
        throw refusalWithin(thrown);
      }
    }
  }

  @Override
  public String toString() {
    return "StepRefusalMessages";
  }
}
