package uk.jointinspections.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the postgres profile without its database settings or with a guessable administrator
 * password, before Spring tries to connect and fails with a less helpful message. Any database other than H2 (the
 * demo's) counts as outside the demo, profile or not: the administrator password must not be empty or a default.
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
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException((postgresProfile ? "The '" + PROFILE + "' profile" : "The application on " + url)
          + " cannot start: " + String.join("; ", problems));
    }
  }

  private static void requireValue(ConfigurableEnvironment environment, String property, String variable,
      List<String> problems) {
    if (environment.getProperty(property, "").isBlank()) {
      problems.add(variable + " (" + property + ") is not set");
    }
  }
}
