package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import uk.jointinspections.EngineTest;

/** The webapps load our configuration and stylesheet instead of the stock ones shipped in the webjar. */
@EngineTest
class WebappBrandingTest {

  @Autowired TestRestTemplate rest;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void servesOurConfigurationAndStylesheet(String app) {
    String config = rest.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
    String styles = rest.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class);

    assertThat(config).contains("name: 'Joint inspections'");
    if (!app.equals("welcome")) {
      assertThat(config).contains("normal: 'DD/MM/YYYY HH:mm'");
    }
    assertThat(styles).contains(".ce-eol-banner").contains("display: none !important");
  }
}
