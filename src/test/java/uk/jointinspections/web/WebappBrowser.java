package uk.jointinspections.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser on the webapps: Debian's headless Chromium driven by its own chromedriver (never a downloaded
 * browser or driver), in a UK locale and the Europe/London time zone, pointed at the application on {@code port}.
 * Every {@link #screenshot} goes to target/screenshots/&lt;test&gt;-&lt;step&gt;-&lt;name&gt;.png, numbered in order, and
 * {@link #close} takes a last one, so a failing step can be seen.
 */
public final class WebappBrowser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  public static final Path SCREENSHOTS = Path.of("target/screenshots");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final int port;
  private final String testName;
  private int step;

  /** Skips the calling test, saying why, where the Debian packages are missing; CI (.ci/run) installs them. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver);"
            + " .ci/run installs them");
  }

  public WebappBrowser(int port, String testName) {
    this(port, testName, 1400, 1000);
  }

  /** {@code width} x {@code height}: the README's screenshots are 1280 wide. */
  public WebappBrowser(int port, String testName, int width, int height) {
    // Never let Selenium Manager look for or download a browser or driver.
    System.setProperty("SE_OFFLINE", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--lang=en-GB", "--window-size=" + width + "," + height);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        // A UK machine: on Linux Chromium takes its locale (the one Intl and Camunda Forms use) from the environment,
        // not from --lang, and needs Debian's chromium-l10n for en-GB.
        .withEnvironment(Map.of("TZ", "Europe/London", "LANG", "en_GB.UTF-8", "LANGUAGE", "en_GB")).build();
    this.driver = new ChromeDriver(service, options);
    // Generous: CI shares two cores between the application, Chromium and the build; every wait ends when its
    // condition holds, so a fast machine does not pay for it.
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    // Angular redraws a table while it loads; an element found a moment ago is looked up again rather than failing.
    this.wait.ignoring(StaleElementReferenceException.class);
    this.port = port;
    this.testName = testName;
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Logs into a webapp ({@code tasklist}, {@code cockpit}, {@code admin}) of the default engine through its form. The
   * login page focuses its user name field while it finishes loading, which on a busy machine can pull the password's
   * keys into the user name; so both are typed again until each holds what was typed.
   */
  public void logIn(String app, String user, String password) {
    open("/camunda/app/" + app + "/default/");
    wait.withMessage(() -> "the login form to take user " + user).until(d -> {
      WebElement username = d.findElements(
          By.cssSelector("input[ng-model='username'], input#inputUsername, input[name='username']")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null);
      WebElement secret = d.findElements(By.cssSelector("input[type='password']")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null);
      if (username == null || secret == null) {
        return false;
      }
      username.clear();
      username.sendKeys(user);
      secret.clear();
      secret.sendKeys(password);
      return user.equals(username.getAttribute("value")) && password.equals(secret.getAttribute("value"));
    });
    screenshot("login-" + app);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
  }

  public void open(String path) {
    driver.get(url(path));
  }

  public String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** The visible text of the whole page. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Waits (90 s at most) until the page shows all of these texts, and returns the page's text. */
  public String waitForText(String... expected) {
    wait.withMessage(() -> "the page to show " + String.join(", ", expected)).until(d -> {
      String text = text();
      for (String e : expected) {
        if (!text.contains(e)) {
          return false;
        }
      }
      return true;
    });
    return text();
  }

  /** Waits until the first element {@code locator} finds has a text that {@code accepted}; returns that text. */
  public String waitForElementText(By locator, Predicate<String> accepted) {
    return wait.until(d -> d.findElements(locator).stream().findFirst().map(WebElement::getText)
        .filter(accepted).orElse(null));
  }

  public <T> T waitUntil(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  public WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return wait.until(ExpectedConditions.elementToBeClickable(locator));
  }

  public WebDriver driver() {
    return driver;
  }

  /** The browser's wait (90 s, ignoring elements Angular has just redrawn), for conditions of the test's own. */
  public WebDriverWait waiter() {
    return wait;
  }

  public void screenshot(String name) {
    Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++step, name));
    try {
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      screenshot("last");
    } finally {
      driver.quit();
    }
  }
}
