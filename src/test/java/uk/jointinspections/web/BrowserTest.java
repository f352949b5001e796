package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.ApplicationTest;
import uk.jointinspections.calendar.DeadlineDefinition;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.JtaiFramework;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.JtaiStart;

/**
 * The webapps in a real browser: Debian's headless Chromium driven by its chromedriver, with a UK locale, against the
 * application on a random port (the same cached context as the engine tests). A screenshot of every step goes to
 * target/screenshots/. Skipped, saying why, only where /usr/bin/chromium is not installed; CI installs it.
 */
@ApplicationTest
@Tag("browser")
class BrowserTest {

  /** How the Tasklist's config.js writes a date when the pointer rests on a due date. */
  static final DateTimeFormatter TASKLIST_LONG_DATE = DateTimeFormatter.ofPattern("EEEE dd/MM/yyyy HH:mm", java.util.Locale.UK);
  static final String FIELDWORK = "2027-03-15";
  static final By START = By.xpath("//*[contains(@class,'modal-content')]//button[normalize-space(.)='Start']");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired FilterService filterService;
  @Autowired RepositoryService repository;
  @Autowired WorkingDays workingDays;

  private WebappBrowser webapp;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void requireChromium() {
    WebappBrowser.assumeInstalled();
  }

  @BeforeEach
  void openBrowser(TestInfo info) {
    webapp = new WebappBrowser(port, info.getTestMethod().map(m -> m.getName()).orElse("browser"), 1280, 800);
    browser = webapp.driver();
    wait = webapp.waiter();
  }

  @AfterEach
  void closeBrowser() {
    if (webapp != null) {
      webapp.close();
    }
  }

  @Test
  void theLeadInspectorSeesOurTasklistAndTheFirstTaskOfANewInspection() {
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
    // Searched for by reference, as an inspector with many inspections would: the lists are sorted by due date, so
    // other tests' earlier deadlines could fill the first page.
    openTasklist(businessKeySearch("eq", reference));
    boolean found = false;
    for (String filter : List.of("My tasks", "My inspectorate")) {
      click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), '" + filter + "')]"));
      try {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> text().contains(first.getName()));
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
    click(By.xpath("//button[normalize-space(.)='Complete']"));
    wait.until(d -> form.getText().contains("required"));
    screenshot("form-error");
    assertThat(tasks.createTaskQuery().taskId(first.getId()).count()).isEqualTo(1);
    // The Tasklist's own message says the form was not submitted; the inspector closes it.
    WebElement notifications = browser.findElement(By.cssSelector(".page-notifications"));
    wait.until(d -> notifications.getText().contains("An error happened while submitting the task form"));
    for (WebElement close : notifications.findElements(By.cssSelector(".close"))) {
      ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", close);
    }
    wait.until(d -> notifications.getText().isBlank());

    // Confirmed and completed: the step is done and the inspection moves on.
    click(form.findElement(By.cssSelector("input[type='checkbox']")));
    click(By.xpath("//button[normalize-space(.)='Complete']"));
    wait.until(d -> tasks.createTaskQuery().taskId(first.getId()).count() == 0);
    screenshot("completed");

    // CQC, HMIC and HMI Probation review the briefing in their own Tasklists; then the lead inspector's next step
    // appears in her list, due when the working-day calendar says: day 0 at the time the diagram gives.
    tasks.createTaskQuery().processInstanceId(instance).active().list().stream()
        .filter(t -> t.getTaskDefinitionKey().startsWith("task_review_briefing_"))
        .forEach(t -> tasks.complete(t.getId()));
    Task next = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("task_notify_dcs").singleResult();
    assertThat(next).as("the lead inspector's next step after the briefing reviews").isNotNull();
    ZonedDateTime due = expectedDue(next, LocalDate.parse(FIELDWORK));
    assertThat(next.getDueDate().toInstant()).isEqualTo(due.toInstant());

    openTasklist(businessKeySearch("eq", reference));
    WebElement listed = wait.until(d -> listedTask(next.getId()));
    assertThat(listed.getText()).contains(next.getName(), "Due in");
    WebElement dueDate = listed.findElement(By.cssSelector(".due-date [am-time-ago]"));
    // What the list shows when the pointer rests on "Due in …": the UK reading, dd/mm/yyyy.
    wait.until(d -> TASKLIST_LONG_DATE.format(due).equals(dueDate.getAttribute("uib-tooltip")));
    new Actions(browser).moveToElement(dueDate).perform();
    wait.until(d -> d.findElements(By.cssSelector(".tooltip")).stream()
        .anyMatch(tip -> tip.getText().contains(TASKLIST_LONG_DATE.format(due))));
    screenshot("next-task-due");
  }

  @Test
  void everyListIsSortedByDueDateSoonestFirst() {
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    // Started in an order that is neither the due dates' order nor its reverse, so that sorting by creation (the
    // Tasklist's own default) cannot pass for sorting by due date.
    for (Map.Entry<String, String> start : List.of(Map.entry("A", "2027-05-10"), Map.entry("B", "2027-03-15"),
        Map.entry("C", "2027-04-12"))) {
      startJtai("JTAI-SORT-" + run + "-" + start.getKey(), start.getValue());
    }
    List<String> byDueDate = tasks.createTaskQuery().processInstanceBusinessKeyLike("JTAI-SORT-" + run + "-%")
        .taskAssignee("ofsted-lead").orderByDueDate().asc().list().stream().map(Task::getId).toList();
    List<String> byCreation = tasks.createTaskQuery().processInstanceBusinessKeyLike("JTAI-SORT-" + run + "-%")
        .taskAssignee("ofsted-lead").orderByTaskCreateTime().desc().list().stream().map(Task::getId).toList();
    assertThat(byDueDate).hasSize(3).isNotEqualTo(byCreation);

    // Signing in lands on the first filter, sorted by due date, soonest first.
    logIn("tasklist", "ofsted-lead", "demo");
    wait.until(d -> sorting().equals("[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]"));
    WebElement header = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-sorting-choices]")));
    wait.until(d -> header.getText().contains("Due date"));
    assertThat(header.getText()).doesNotContain("Created");

    // So is a list opened from an address without a sorting, here this run's inspections found by reference.
    openTasklist(businessKeySearch("Like", "JTAI-SORT-" + run + "-"));
    wait.until(d -> listedTaskIds().size() == 3);
    assertThat(sorting()).contains("dueDate", "asc");
    assertThat(listedTaskIds()).containsExactlyElementsOf(byDueDate);
    screenshot("sorted-by-due-date");

    // The shared filters are also saved sorted by due date. A filter an inspector saves for herself has no sorting
    // of its own, so there the order is the Tasklist's alone: due date, too.
    Filter own = filterService.newTaskFilter("Assigned to me, unsorted " + run).setOwner("ofsted-lead")
        .setQuery(tasks.createTaskQuery().taskAssignee("ofsted-lead")).setProperties(Map.of("priority", 50));
    filterService.saveFilter(own);
    try {
      openTasklist(businessKeySearch("Like", "JTAI-SORT-" + run + "-"));
      click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), '" + own.getName() + "')]"));
      wait.until(d -> d.getCurrentUrl().contains("filter=" + own.getId()));
      wait.until(d -> listedTaskIds().size() == 3);
      assertThat(sorting()).contains("dueDate", "asc");
      assertThat(listedTaskIds()).containsExactlyElementsOf(byDueDate);
      screenshot("own-filter-sorted-by-due-date");
    } finally {
      filterService.deleteFilter(own.getId());
    }

  }

  @Test
  void aLeadInspectorStartsAnInspectionFromTheTasklistWithTheStartForm() {
    String reference = "JTAI-FORM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    logIn("tasklist", "ofsted-lead", "demo");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//a[contains(normalize-space(.), 'Start process')]"))).click();
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content")));
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class,'modal-content')]//a[normalize-space(.)='Joint targeted area inspection']"))).click();
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content .fjs-container")));
    screenshot("start-form");

    // Dates in the form are read and written the UK way.
    WebElement fieldwork = field(form, "Planned start of fieldwork");
    assertThat(fieldwork.getAttribute("placeholder"))
        .as("Camunda Forms write dates in the browser's locale; Chromium needs its en-GB pack (chromium-l10n)")
        .isEqualTo("dd/mm/yyyy");

    choose(form, "Framework edition", "April 2017 framework");
    field(form, "Inspection reference").sendKeys("-" + reference);
    field(form, "Local authority area").sendKeys("Northshire");
    choose(form, "Deep dive theme", "The response to children living with neglect");
    field(form, "User id of the lead inspector").sendKeys("ofsted-lead");
    field(form, "User id of the QA manager").sendKeys("qa-manager");
    // 13 March 2027 is a Saturday: fieldwork cannot start on it.
    fieldwork.sendKeys("13/03/2027", Keys.TAB);
    wait.until(d -> "13/03/2027".equals(fieldwork.getAttribute("value")));

    // The form's own check: a reference must start with a letter or digit; until it does, nothing can be started.
    WebElement referenceField = field(form, "Inspection reference");
    referenceField.sendKeys(Keys.TAB);
    wait.until(d -> form.getText().contains("must match pattern"));
    WebElement start = browser.findElement(START);
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        referenceField);
    screenshot("start-form-bad-reference");
    assertThat(start.isEnabled()).as("Start with an invalid reference").isFalse();

    // The server's check, the same as POST /api/inspections: fieldwork on a working day.
    referenceField.sendKeys(Keys.HOME, Keys.DELETE);
    wait.until(d -> reference.equals(referenceField.getAttribute("value")));
    click(START);
    wait.until(d -> modal.getText().contains("2027-03-13 is not a working day in England"));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        modal.findElement(By.xpath(".//*[contains(text(), 'is not a working day')]")));
    screenshot("start-form-not-a-working-day");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();

    // Monday 15 March 2027, typed day first: the inspection starts with day 0 nine working days earlier.
    fieldwork.sendKeys(Keys.chord(Keys.CONTROL, "a"), "15/03/2027", Keys.TAB);
    wait.until(d -> "15/03/2027".equals(fieldwork.getAttribute("value")));
    click(START);
    wait.until(d -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() == 1);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content .fjs-container")));
    screenshot("started");
    ProcessInstance started = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult();
    Object dayZero = runtime.getVariable(started.getId(), "dayZero");
    LocalDate expectedDayZero = workingDays.add(LocalDate.of(2027, 3, 15), -JtaiFramework.FIELDWORK_START_DAY);
    assertThat(dayZero).isInstanceOf(java.util.Date.class);
    assertThat(((java.util.Date) dayZero).toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate())
        .isEqualTo(expectedDayZero);
    assertThat(runtime.getVariable(started.getId(), JtaiProcess.VAR_LOCAL_AUTHORITY)).isEqualTo("Northshire");
  }

  @Test
  void aCqcInspectorSeesCqcTasksOnly() {
    String reference = "JTAI-UI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String instance = startJtai(reference);
    Task cqc = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("cqc").list().get(0);
    List<String> others = tasks.createTaskQuery().processInstanceId(instance).list().stream()
        .filter(t -> tasks.getIdentityLinksForTask(t.getId()).stream().noneMatch(l -> "cqc".equals(l.getGroupId())))
        .map(Task::getName).filter(name -> !name.equals(cqc.getName())).toList();

    logIn("tasklist", "cqc-inspector", "demo");
    openTasklist(businessKeySearch("eq", reference));
    click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), 'My inspectorate')]"));
    wait.until(d -> text().contains(cqc.getName()));
    screenshot("cqc-inspectorate");
    assertThat(others).isNotEmpty();
    assertThat(text()).doesNotContain(others.toArray(String[]::new));
  }

  @Test
  void aCqcInspectorTellsHerThreeInspectionsApartByTheirCards() {
    String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    Map<String, String> areas = Map.of("A", "Northshire", "B", "Southshire", "C", "Westshire");
    Map<String, String> referenceOfTask = new java.util.HashMap<>();
    for (Map.Entry<String, String> area : areas.entrySet()) {
      String reference = "JTAI-CARD-" + run + "-" + area.getKey();
      String instance = JtaiStart.pastTheAnalystsBriefing(tasks, JtaiStart.overTheApi(rest, reference, FIELDWORK,
          area.getValue()));
      List<Task> offered = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("cqc").list();
      assertThat(offered).as("the CQC step of " + reference).hasSize(1);
      referenceOfTask.put(offered.get(0).getId(), reference);
    }
    List<String> names = referenceOfTask.keySet().stream()
        .map(id -> tasks.createTaskQuery().taskId(id).singleResult().getName()).distinct().toList();
    assertThat(names).as("the three tasks share one name; only their cards tell them apart").hasSize(1);

    logIn("tasklist", "cqc-inspector", "demo");
    openTasklist(businessKeySearch("Like", "JTAI-CARD-" + run + "-"));
    click(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), 'My inspectorate')]"));
    wait.until(d -> listedTaskIds().size() == 3 && listedTaskIds().stream().allMatch(referenceOfTask::containsKey));
    // Each card shows its own inspection: reference, local authority and framework, under the filter's labels.
    for (Map.Entry<String, String> task : referenceOfTask.entrySet()) {
      String reference = task.getValue();
      String area = areas.get(reference.substring(reference.length() - 1));
      WebElement card = wait.until(d -> {
        WebElement listed = listedTask(task.getKey());
        return listed != null && listed.getText().contains("JTAI 2017") ? listed : null;
      });
      assertThat(card.getText()).contains(names.get(0), "Inspection:", reference, "Local authority:", area,
          "Framework:", "JTAI 2017");
      referenceOfTask.values().stream().filter(other -> !other.equals(reference))
          .forEach(other -> assertThat(card.getText()).doesNotContain(other));
      areas.values().stream().filter(other -> !other.equals(area))
          .forEach(other -> assertThat(card.getText()).doesNotContain(other));
    }
    // Tall enough for the three cards in one picture (the README's), the pointer off the filters' tooltips.
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    new Actions(browser).moveToElement(browser.findElement(By.cssSelector("ol.tasks-list"))).perform();
    wait.until(d -> d.findElements(By.cssSelector(".tooltip")).isEmpty());
    screenshot("task-cards");
  }

  @Test
  void theOperatorSeesTheRunningInspectionInCockpit() {
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
    return startJtai(reference, FIELDWORK);
  }

  /** Started, and past the senior analytical officer's briefing (¶10): the inspectors' own steps of day −1 are open. */
  private String startJtai(String reference, String plannedFieldworkStart) {
    return JtaiStart.pastTheAnalystsBriefing(rest, tasks, reference, plannedFieldworkStart);
  }


  private void logIn(String app, String user, String password) {
    webapp.logIn(app, user, password);
  }

  /** The deadline the diagram gives the task (day and time of its element), counted on the working-day calendar. */
  private ZonedDateTime expectedDue(Task task, LocalDate fieldworkStart) {
    org.camunda.bpm.model.bpmn.instance.BaseElement element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    DeadlineDefinition deadline = DeadlineDefinition.of(element, "jtai-2017");
    LocalDate dayZero = workingDays.add(fieldworkStart, -JtaiFramework.FIELDWORK_START_DAY);
    return workingDays.deadline(dayZero, deadline.day(), deadline.timeOfDay());
  }

  /** The Tasklist's address for tasks whose inspection reference matches, in the first filter, with no sorting. */
  private static String businessKeySearch(String operator, String value) {
    String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"" + operator + "\",\"value\":\""
        + value + "\",\"name\":\"\"}]";
    return "/camunda/app/tasklist/default/#/?searchQuery=" + encode(query);
  }

  /** A fresh load of the Tasklist at that address (the session stays), as from a bookmark or a link. */
  private void openTasklist(String path) {
    browser.get("about:blank");
    browser.get(url(path));
    // The filters arrive after the page: wait for the last shared one.
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.), 'Due this week')]")));
  }

  private String sorting() {
    Matcher matcher = Pattern.compile("[?&]sorting=([^&]*)").matcher(browser.getCurrentUrl());
    return matcher.find() ? java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : "";
  }

  private List<String> listedTaskIds() {
    return browser.findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
        .map(link -> link.getAttribute("href")).map(BrowserTest::taskIdOf).toList();
  }

  private WebElement listedTask(String taskId) {
    return browser.findElements(By.cssSelector("ol.tasks-list li.task")).stream()
        .filter(item -> item.findElements(By.cssSelector("h4.task a")).stream()
            .anyMatch(link -> taskId.equals(taskIdOf(link.getAttribute("href")))))
        .findFirst().orElse(null);
  }

  private static String taskIdOf(String href) {
    Matcher matcher = Pattern.compile("[?&]task=([^&]*)").matcher(href == null ? "" : href);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** The input of the Camunda Form field whose label starts with the words. */
  private WebElement field(WebElement form, String label) {
    return wait.until(d -> form.findElements(By.xpath(formField(label) + "//input")).stream()
        .filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  private void choose(WebElement form, String label, String option) {
    WebElement select = form.findElement(By.xpath(formField(label) + "//*[contains(@class,'fjs-input-group')]"));
    select.click();
    wait.until(d -> form.findElements(By.xpath(formField(label) + "//*[contains(@class,'fjs-dropdownlist-item')]"
            + "[normalize-space(.)='" + option + "']")).stream().filter(WebElement::isDisplayed).findFirst()
        .orElse(null)).click();
    wait.until(d -> select.getText().contains(option));
  }

  private static String formField(String label) {
    return ".//label[starts-with(normalize-space(.), '" + label + "')]"
        + "/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][1]";
  }

  /** Clicks once the element is in the middle of the viewport, clear of the sticky footer. */
  private void click(By locator) {
    click(wait.until(ExpectedConditions.elementToBeClickable(locator)));
  }

  private void click(WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private String text() {
    return webapp.text();
  }

  private String url(String path) {
    return webapp.url(path);
  }

  private void screenshot(String name) {
    webapp.screenshot(name);
  }
}
