package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsGuardTest {

  private final ProductionSettingsGuard guard = new ProductionSettingsGuard();

  private static MockEnvironment postgres() {
    MockEnvironment environment = new MockEnvironment();
    environment.setActiveProfiles("postgres");
    return environment;
  }

  @Test
  void namesEveryMissingSetting() {
    assertThatThrownBy(() -> guard.postProcessEnvironment(postgres(), new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SPRING_DATASOURCE_URL")
        .hasMessageContaining("SPRING_DATASOURCE_USERNAME")
        .hasMessageContaining("SPRING_DATASOURCE_PASSWORD")
        .hasMessageContaining("CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is not set");
  }

  @Test
  void refusesTheDemoAdministratorPassword() {
    MockEnvironment environment = postgres()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/inspections")
        .withProperty("spring.datasource.username", "inspections")
        .withProperty("spring.datasource.password", "s3cret-enough")
        .withProperty("camunda.bpm.admin-user.password", "demo");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("is a default password")
        .hasMessageNotContaining("SPRING_DATASOURCE");
  }

  @Test
  void startsWithCompleteSettings() {
    MockEnvironment environment = postgres()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/inspections")
        .withProperty("spring.datasource.username", "inspections")
        .withProperty("spring.datasource.password", "s3cret-enough")
        .withProperty("camunda.bpm.admin-user.password", "A-long-service-passphrase-7");

    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void leavesTheH2DemoAlone() {
    assertThatCode(() -> guard.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesTheDemoAdministratorPasswordOnAnyDatabaseButH2EvenWithoutTheProfile() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/inspections")
        .withProperty("camunda.bpm.admin-user.password", "demo");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("jdbc:postgresql://db/inspections cannot start")
        .hasMessageContaining("is a default password");
  }

  @Test
  void refusesAnEmptyAdministratorPasswordOnAnyDatabaseButH2() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/inspections")
        .withProperty("camunda.bpm.admin-user.password", " ");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .hasMessageContaining("CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is not set");
  }

  @Test
  void acceptsAStrongAdministratorPasswordOnAnotherDatabase() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/inspections")
        .withProperty("camunda.bpm.admin-user.password", "a-long-admin-passphrase");

    assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
  }

  /** The starter creates the administrator before the password policy is on, so the guard applies it in production. */
  @Test
  void refusesAnAdministratorPasswordBelowThePasswordPolicyInProduction() {
    MockEnvironment environment = postgres()
        .withProperty("spring.datasource.url", "jdbc:postgresql://db/inspections")
        .withProperty("spring.datasource.username", "inspections")
        .withProperty("spring.datasource.password", "s3cret-enough")
        .withProperty("camunda.bpm.admin-user.password", "a-long-admin-passphrase");

    assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not meet the password policy")
        .hasMessageContaining("upper-case letter");
  }
}
