package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import uk.jointinspections.EngineTest;

/** The webapps load our configuration and stylesheet instead of the stock ones shipped in the webjar. */
@EngineTest
class WebappBrandingTest {

  @Autowired TestRestTemplate rest;

  /**
   * The header and the page title read {@code vendor + " " + name} (Camunda's cam-widget-header). The product is the
   * vendor and the app its name, so the header names the product once: "Joint inspections Tasks", as the stock one
   * reads "Camunda Tasklist". Before, the name was the product and the vendor the app: "Tasks Joint inspections".
   */
  @ParameterizedTest
  @CsvSource({"tasklist, Tasks", "cockpit, Operations", "admin, Administration", "welcome, Home"})
  void servesOurConfigurationAndStylesheet(String app, String appWord) {
    String config = rest.getForObject("/camunda/app/" + app + "/scripts/config.js", String.class);
    String styles = rest.getForObject("/camunda/app/" + app + "/styles/user-styles.css", String.class);

    assertThat(value(config, "vendor")).isEqualTo("Joint inspections");
    assertThat(value(config, "name")).isEqualTo(appWord).doesNotContain("Joint", "inspections");
    assertThat(value(config, "vendor") + " " + value(config, "name")).isEqualTo("Joint inspections " + appWord);
    if (!app.equals("welcome")) {
      assertThat(config).contains("normal: 'DD/MM/YYYY HH:mm'");
    }
    assertThat(styles).contains(".ce-eol-banner").contains("display: none !important");
  }

  /** The one value of {@code app.<key>} in the config module. */
  private static String value(String config, String key) {
    Matcher app = Pattern.compile("app: \\{([^}]*)\\}").matcher(config);
    assertThat(app.find()).as("config.js has an app block").isTrue();
    Matcher value = Pattern.compile("\\b" + key + ": '([^']*)'").matcher(app.group(1));
    assertThat(value.find()).as("app." + key).isTrue();
    return value.group(1);
  }
}
