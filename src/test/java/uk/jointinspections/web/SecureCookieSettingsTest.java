package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * INSPECTION_SECURE_COOKIES switches Secure on for every cookie the webapps set: the servlet container's session
 * cookie and Camunda's session and CSRF cookie settings. (A second application context on another setting would
 * register a second "default" engine in this JVM, so the settings are checked as the application resolves them.)
 */
class SecureCookieSettingsTest {

  static final List<String> SECURE_SETTINGS = List.of("server.servlet.session.cookie.secure",
      "camunda.bpm.webapp.csrf.enable-secure-cookie", "camunda.bpm.webapp.session-cookie.enable-secure-cookie");

  @ParameterizedTest(name = "INSPECTION_SECURE_COOKIES={0}")
  @CsvSource({"'', false", "true, true", "false, false"})
  void followsTheSetting(String setting, boolean secure) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    if (!setting.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of("INSPECTION_SECURE_COOKIES", setting)));
    }
    for (PropertySource<?> source : new YamlPropertySourceLoader().load("application",
        new ClassPathResource("application.yaml"))) {
      if (source.getName().contains("#0") || !source.getName().contains("#")) {
        environment.getPropertySources().addLast(source);
      }
    }
    for (String property : SECURE_SETTINGS) {
      assertThat(environment.getProperty(property, Boolean.class)).as(property).isEqualTo(secure);
    }
    assertThat(environment.getProperty("server.servlet.session.cookie.http-only", Boolean.class)).isTrue();
    assertThat(environment.getProperty("camunda.bpm.webapp.csrf.enable-same-site-cookie", Boolean.class)).isTrue();
  }
}
