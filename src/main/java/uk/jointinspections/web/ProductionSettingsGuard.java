package uk.jointinspections.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import uk.jointinspections.identity.StaffPasswordPolicy;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the postgres profile without its database settings or with a guessable administrator
 * password, before Spring tries to connect and fails with a less helpful message. Any database other than H2 (the
 * demo's) counts as outside the demo, profile or not: the administrator password must not be empty or a default.
 * Under the postgres profile it must also meet the password policy.
 */
public class ProductionSettingsGuard implements EnvironmentPostProcessor {

  static final String PROFILE = "postgres";
  private static final Set<String> GUESSABLE_PASSWORDS = Set.of("demo", "admin", "password", "camunda", "changeme", "secret",
      "123456", "postgres");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean postgresProfile = Arrays.asList(environment.getActiveProfiles()).contains(PROFILE);
    String url = environment.getProperty("spring.datasource.url", "");
    boolean demoDatabase = url.isBlank() || url.startsWith("jdbc:h2:");
    if (!postgresProfile && demoDatabase) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (postgresProfile) {
      requireValue(environment, "spring.datasource.url", "SPRING_DATASOURCE_URL", problems);
      requireValue(environment, "spring.datasource.username", "SPRING_DATASOURCE_USERNAME", problems);
      requireValue(environment, "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", problems);
    }
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (adminPassword.isBlank()) {
      problems.add("CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is not set");
    } else if (GUESSABLE_PASSWORDS.contains(adminPassword.toLowerCase())) {
      problems.add("CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is a default password");
    } else if (postgresProfile && !meetsPasswordPolicy(adminPassword,
        environment.getProperty("camunda.bpm.admin-user.id", "admin"))) {
      problems.add("CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password) does not meet the password policy: "
          + StaffPasswordPolicy.REFUSAL.substring(StaffPasswordPolicy.REFUSAL.indexOf(": ") + 2));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException((postgresProfile ? "The '" + PROFILE + "' profile" : "The application on " + url)
          + " cannot start: " + String.join("; ", problems));
    }
  }

  /**
   * Spring Boot's starter creates the administrator before the password policy is switched on
   * ({@link StaffPasswordPolicy}), so production's administrator password is held to the same rules here.
   */
  static boolean meetsPasswordPolicy(String password, String adminId) {
    UserEntity admin = new UserEntity(adminId);
    return new DefaultPasswordPolicyImpl().getRules().stream().allMatch(rule -> rule.execute(password, admin));
  }

  private static void requireValue(ConfigurableEnvironment environment, String property, String variable,
      List<String> problems) {
    if (environment.getProperty(property, "").isBlank()) {
      problems.add(variable + " (" + property + ") is not set");
    }
  }
}
