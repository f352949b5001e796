package uk.jointinspections.inspection;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call as the application rather than as the signed-in person: for facts the application needs
 * whoever asks (does this lead inspector exist, which inspection has this reference). Inside a listener it joins the
 * running command; from a controller it opens one.
 */
@Component
public class WithoutAuthorization {

  private final ProcessEngineConfigurationImpl configuration;

  public WithoutAuthorization(@Lazy ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  public <T> T call(Callable<T> call) {
    return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(call));
  }
}
