package uk.jointinspections.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A process instance started at chosen activities ({@code startInstructions} of the REST start,
 * {@code startBeforeActivity} of the Java API, optionally skipping listeners) never runs its start event, and so
 * never its start listener: for a concern that is the team rule and the per-user grants, for an inspection its start
 * rules and its team's grants. The engine asks only for CREATE_INSTANCE, which every inspector has on concerns; so
 * only the administrator (and the application itself, signed in as nobody) may start that way.
 */
@Component
public class StartListenersRequired extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new Check());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  static class Check extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof StartProcessInstanceAtActivitiesCmd) {
        CommandContext context = Context.getCommandContext();
        Authentication caller = context.getAuthentication();
        if (caller != null && context.isAuthorizationCheckEnabled()
            && context.getProcessEngineConfiguration().isAuthorizationEnabled()
            && !context.getAuthorizationManager().isCamundaAdmin(caller)) {
          throw new AuthorizationException("Only an administrator may start a process instance at chosen activities:"
              + " every other start runs the process's start event and its rules.");
        }
      }
      return next.execute(command);
    }
  }
}
