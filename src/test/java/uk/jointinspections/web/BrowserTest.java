package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The webapps in a real browser: Debian's headless Chromium driven by its chromedriver, with a UK locale, against the
 * application on a random port (the same cached context as the engine tests). A screenshot of every step goes to
 * target/screenshots/. Skipped, saying why, only where /usr/bin/chromium is not installed; CI installs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class BrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;

  private WebDriver browser;
  private WebDriverWait wait;
  private String testName;
  private int step;

  @BeforeAll
  static void requireChromium() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests need Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver);"
            + " .ci/run installs them");
  }

  @BeforeEach
  void openBrowser(TestInfo info) throws IOException {
    // Never let Selenium Manager look for or download a browser or driver.
    System.setProperty("SE_OFFLINE", "true");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--lang=en-GB", "--window-size=1400,1000");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Europe/London")).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    testName = info.getTestMethod().map(m -> m.getName()).orElse("browser");
    step = 0;
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      screenshot("last");
      browser.quit();
    }
  }

  @Test
  void theLeadInspectorSeesOurTasklistAndTheFirstTaskOfANewInspection() throws IOException {
    String reference = "JTAI-UI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String instance = startJtai(reference);
    Task first = tasks.createTaskQuery().processInstanceId(instance).active().or().taskAssignee("ofsted-lead")
        .taskCandidateGroup("ofsted").endOr().orderByTaskName().asc().list().get(0);

    logIn("tasklist", "ofsted-lead", "demo");
    WebElement filters = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
    wait.until(d -> filters.getText().contains("Due this week"));
    screenshot("tasklist");

    // Issue 11: our product name, no vendor banner, the shared filters in order.
    assertThat(browser.getTitle() + " " + text()).contains("Joint inspections");
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allMatch(banner -> !banner.isDisplayed());
    List<String> names = filters.getText().lines().map(t -> t.replaceAll("\\s*\\(?\\d*\\)?$", "").strip())
        .filter(t -> !t.isEmpty()).toList();
    assertThat(names).containsSubsequence("My tasks", "My inspectorate", "Overdue", "Due this week");
    assertThat(text()).contains("Date and Time displayed in local timezone: Europe/London");

    // The inspection's first task, in whichever filter offers it, with its working-day due date read the UK way.
    boolean found = false;
    for (String filter : List.of("My tasks", "My inspectorate")) {
      browser.findElement(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), '" + filter + "')]"))
          .click();
      try {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> text().contains(first.getName()));
        found = true;
        break;
      } catch (org.openqa.selenium.TimeoutException notInThisFilter) {
        screenshot("not-in-" + filter.replace(' ', '-'));
      }
    }
    assertThat(found).as("the task '" + first.getName() + "' is listed in My tasks or My inspectorate").isTrue();
    screenshot("task-listed");
    // Other inspections' tasks may share the name: open this one by its id, as a link from a notification would.
    browser.get(url("/camunda/app/tasklist/default/#/?task=" + first.getId()));
    wait.until(d -> d.getCurrentUrl().contains("task=" + first.getId()));
    assertThat(first.getDueDate()).as("working-day due date").isNotNull();
    wait.until(d -> text().contains("Due in"));
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    screenshot("task-opened");

    // Completing without the required confirmation shows the form's error and completes nothing.
    browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")).click();
    wait.until(d -> form.getText().contains("required"));
    screenshot("form-error");
    assertThat(tasks.createTaskQuery().taskId(first.getId()).count()).isEqualTo(1);

    // Confirmed and completed: the step is done and the inspection moves on.
    form.findElement(By.cssSelector("input[type='checkbox']")).click();
    browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")).click();
    wait.until(d -> tasks.createTaskQuery().taskId(first.getId()).count() == 0);
    screenshot("completed");
  }

  @Test
  void aCqcInspectorSeesCqcTasksOnly() throws IOException {
    String instance = startJtai("JTAI-UI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
    Task cqc = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("cqc").list().get(0);
    List<String> others = tasks.createTaskQuery().processInstanceId(instance).list().stream()
        .filter(t -> tasks.getIdentityLinksForTask(t.getId()).stream().noneMatch(l -> "cqc".equals(l.getGroupId())))
        .map(Task::getName).filter(name -> !name.equals(cqc.getName())).toList();

    logIn("tasklist", "cqc-inspector", "demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
    browser.findElement(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), 'My inspectorate')]"))
        .click();
    wait.until(d -> text().contains(cqc.getName()));
    screenshot("cqc-inspectorate");
    assertThat(others).isNotEmpty();
    assertThat(text()).doesNotContain(others.toArray(String[]::new));
  }

  @Test
  void theOperatorSeesTheRunningInspectionInCockpit() throws IOException {
    String reference = "JTAI-UI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    startJtai(reference);

    logIn("cockpit", "operator", "demo");
    wait.until(d -> text().contains("Process Definitions") || text().contains("Processes"));
    screenshot("cockpit");
    browser.get(url("/camunda/app/cockpit/default/#/processes"));
    wait.until(d -> text().toLowerCase().contains("jtai") || text().contains("Joint targeted area inspection"));
    screenshot("processes");
  }

  private String startJtai(String reference) {
    Map<String, Object> body = Map.of("framework", "jtai-2017", "reference", reference, "localAuthority", "Northshire",
        "deepDiveTheme", "neglect", "plannedFieldworkStart", "2027-03-15", "leadInspector", "ofsted-lead");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> started = rest.withBasicAuth("ofsted-lead", "demo")
        .postForEntity("/api/inspections", new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
    return started.getBody().get("processInstanceId").asText();
  }

  private void logIn(String app, String user, String password) throws IOException {
    browser.get(url("/camunda/app/" + app + "/default/"));
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model='username'], input#inputUsername, input[name='username']")));
    username.sendKeys(user);
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys(password);
    screenshot("login-" + app);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void screenshot(String name) throws IOException {
    Path file = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", testName, ++step, name));
    Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), file,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
