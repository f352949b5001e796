package uk.jointinspections.identity;

import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * What Camunda lets every user do to their own account and this service does not. Only an administrator deletes a
 * user: Camunda's ALL on one's own user includes DELETE, so any signed-in user could delete their own account, and with
 * it their tasks' assignee and the inspection's named people. And only an administrator changes a user's e-mail address: notifications of tasks, and a Category 1 concern's escalation,
 * are sent there, so a user who points it elsewhere sends the service's mail there. Camunda gives every new user ALL
 * permissions on their own user ({@code DefaultAuthorizationProvider.newUser}), and the profile
 * ({@code PUT /engine-rest/user/{id}/profile}, the webapps' {@code /camunda/api/engine/engine/default/user/{id}/profile},
 * the welcome page) and the password ({@code .../credentials}) are saved by the same {@code saveUser} under the same
 * UPDATE permission, so a permission cannot tell them apart. The identity provider does: saving an existing user with
 * another e-mail address than the stored one needs a camunda-admin. Users keep changing their own password and name.
 * Code that runs without a signed-in user (provisioning at start) is not affected.
 */
@Component
public class OwnAccountGuard extends AbstractProcessEnginePlugin {

  static final String REFUSED = "Only an administrator can change an e-mail address: notifications are sent there.";
  static final String DELETION_REFUSED = "Only an administrator can delete a user.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getIdentityProviderSessionFactory() != null) {
      throw new IllegalStateException("Another identity provider is configured; " + getClass().getSimpleName()
          + " guards the engine's own database identity provider only");
    }
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(GuardedIdentityProvider.class));
  }

  /** The engine's database identity provider, refusing a deletion or an e-mail change by anyone but an administrator. */
  public static class GuardedIdentityProvider extends DbIdentityServiceProvider {

    @Override
    public IdentityOperationResult saveUser(User user) {
      UserEntity changed = (UserEntity) user;
      CommandContext command = Context.getCommandContext();
      Authentication caller = command.getAuthentication();
      if (changed.getRevision() != 0 && caller != null && caller.getUserId() != null
          && !command.getAuthorizationManager().isCamundaAdmin(caller)) {
        UserEntity stored = getDbEntityManager().selectById(UserEntity.class, changed.getId());
        if (stored != null && !Objects.equals(blankAsNull(stored.getEmail()), blankAsNull(changed.getEmail()))) {
          throw new AuthorizationException(REFUSED);
        }
      }
      return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      CommandContext command = Context.getCommandContext();
      Authentication caller = command.getAuthentication();
      if (caller != null && caller.getUserId() != null && !command.getAuthorizationManager().isCamundaAdmin(caller)) {
        throw new AuthorizationException(DELETION_REFUSED);
      }
      return super.deleteUser(userId);
    }

    private static String blankAsNull(String email) {
      return email == null || email.isBlank() ? null : email.trim();
    }
  }

  @Override
  public String toString() {
    return "OwnAccountGuard";
  }
}
