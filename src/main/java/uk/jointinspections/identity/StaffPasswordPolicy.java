package uk.jointinspections.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Camunda's password policy (at least 10 characters with a lower-case and an upper-case letter, a digit and a special
 * character, and none of the user's id, names or e-mail address) for every password set through the engine: the REST
 * API ({@code POST /engine-rest/user/create}, {@code PUT /engine-rest/user/{id}/credentials}), the Admin webapp and the
 * welcome page's "change password".
 *
 * <p>It is switched on once the engine is built, after the start-up provisioning, and not by
 * {@code enable-password-policy} in application.yaml: Spring Boot's starter creates the administrator
 * ({@code camunda.bpm.admin-user}, {@code CreateAdminUserConfiguration}) through {@code IdentityService.saveUser}, which
 * the policy would refuse for the H2 demo's {@code demo}; production's {@code CAMUNDA_ADMIN_PASSWORD} is held to its own
 * rules by {@code ProductionSettingsGuard}. The demo staff are saved past the policy
 * ({@code IdentityServiceImpl.saveUser(user, true)}, {@link IdentityProvisioning}). Ordered last among the plugins, so
 * after the starter's, whose order is 0.
 *
 * <p>The engine refuses a weak password with a bare {@code ProcessEngineException} ("Password does not match policy"),
 * which the REST API answers 500 like a fault; it is thrown again as a {@link BadUserRequestException} (400) that says
 * what the policy asks for.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class StaffPasswordPolicy extends AbstractProcessEnginePlugin {

  static final String ENGINE_REFUSAL = "Password does not match policy";
  public static final String REFUSAL = ENGINE_REFUSAL + ": a password needs at least "
      + DefaultPasswordPolicyImpl.MIN_LENGTH + " characters, with a lower-case and an upper-case letter, a digit and a"
      + " special character (such as ! or -), and must not contain the user's id, name or e-mail address.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new WeakPasswordRefusal());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    configuration.setPasswordPolicy(new DefaultPasswordPolicyImpl());
    configuration.setEnablePasswordPolicy(true);
  }

  /** The engine's refusal of a weak password, said as a refusal of the request. */
  private static final class WeakPasswordRefusal extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException thrown) {
        if (command instanceof SaveUserCmd && thrown.getClass() == ProcessEngineException.class
            && ENGINE_REFUSAL.equals(thrown.getMessage())) {
          throw new BadUserRequestException(REFUSAL);
        }
        throw thrown;
      }
    }
  }

  @Override
  public String toString() {
    return "StaffPasswordPolicy";
  }
}
