package uk.jointinspections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.ApplicationTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.inspection.JtaiFramework;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.JtaiStart;

/**
 * The "Timeline" tab (issue 18 item 2) in a real browser, as the people who use it: the lead inspector beside her task
 * in the Tasklist, a CQC inspector beside hers, and an operator on the inspection's page in Cockpit. The inspection's
 * day 0 was the last working day, so that its timeline has steps done, overdue and upcoming on either side of today;
 * the lead inspector has raised a concern about a child. Each tab must list what
 * {@code GET /api/inspections/{reference}/timeline} answers the same person, in date order, with UK dates, and nothing
 * else: the CQC inspector (on the team) and the operator, who may not read the concern, do not see it; the CQC inspector
 * gets no timeline for a task or a concern she may not see, nor beside her own task of an inspection whose team she is
 * not on (the timeline's own check: its readers are the lead inspector, QA manager, team and operators).
 */
@ApplicationTest
@Tag("browser")
class TimelineTabBrowserTest {

  static final Path README_IMAGES = Path.of("docs/images");
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
      "Dec"};
  private static final By TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Timeline']");
  private static final By STEPS = By.xpath("//table[contains(@class,'inspection-timeline-table')]"
      + "[caption[normalize-space(.)='Steps of the inspection']]");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired WorkingDays workingDays;

  private WebappBrowser webapp;
  private String reference;
  private String instance;
  private String concern;
  private String fieldwork;

  @BeforeAll
  static void requireChromium() {
    WebappBrowser.assumeInstalled();
  }

  /**
   * The first page of a webapp after the application starts waits for the server to warm up (its bundles, its plugin
   * resources), which on a busy two-core machine can outlast a browser wait: fetched once here, outside the browser.
   */
  @BeforeEach
  void warmUpTheWebapps() {
    if (!warm) {
      for (String path : List.of("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
          "/camunda/lib/deps.js", "/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
          "/camunda/app/cockpit/camunda-cockpit-bootstrap.js",
          "/camunda/api/tasklist/plugin/inspection-timeline/static/app/plugin.js",
          "/camunda/api/cockpit/plugin/inspection-timeline/static/app/plugin.js")) {
        assertThat(rest.getForEntity(path, String.class).getStatusCode().value()).as(path).isEqualTo(200);
      }
      warm = true;
    }
  }

  private static boolean warm;

  @BeforeEach
  void startAnInspectionThreeWorkingDaysIn(TestInfo info) {
    webapp = new WebappBrowser(port, info.getTestMethod().map(m -> m.getName()).orElse("timeline"), 1280, 1000);
    reference = "JTAI-TAB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    LocalDate dayZero = workingDays.add(workingDays.isWorkingDay(today) ? today : workingDays.add(today, 1), -1);
    fieldwork = workingDays.add(dayZero, JtaiFramework.FIELDWORK_START_DAY).toString();
    // The CQC inspector is on its team: she may read the inspection, not the concern the lead inspector raises.
    instance = startJtai(reference, List.of("cqc-inspector"));
    // HMIC and HMI Probation have reviewed the briefing (done); the lead inspector's and CQC's reviews stay open, in
    // their lists, and late (day -1 has passed), as the day-0 steps they hold up are.
    tasks.createTaskQuery().processInstanceId(instance).active().list().stream()
        .filter(t -> List.of("task_review_briefing_hmicfrs",
            "task_review_briefing_hmi_probation").contains(t.getTaskDefinitionKey()))
        .forEach(t -> tasks.complete(t.getId()));
    concern = raiseConcern("ofsted-lead");
  }

  @AfterEach
  void closeBrowser() {
    if (webapp != null) {
      webapp.close();
    }
  }

  @Test
  void theLeadInspectorSeesTheWholeTimelineOfHerInspectionBesideHerTask() throws IOException {
    Task own = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("task_review_briefing_lead")
        .singleResult();
    webapp.logIn("tasklist", "ofsted-lead", "demo");
    assertThat(webapp.waitForElementText(By.cssSelector(".navbar-brand .brand-name"), t -> !t.isBlank()))
        .as("the header names the product once").isEqualTo("Joint inspections Tasks");

    openTaskTimeline(own.getId());
    List<JsonNode> expected = timeline("ofsted-lead");
    assertTableMatches(expected, false);
    WebElement concerns = webapp.visible(By.xpath("//table[contains(@class,'inspection-timeline-table')]"
        + "[caption[normalize-space(.)='Open concerns and complaints']]"));
    assertThat(concerns.getText()).contains("Concern 1 about a child (category 1)").doesNotContain("HV-", "(KT)");
    assertThat(webapp.text()).contains("Inspection " + reference + " · Northshire · jtai-2017");
    scrollTo(By.cssSelector(".inspection-timeline-today"));
    saveForReadme("timeline-tab-tasklist.png");

    // The concern's own task (the referring inspector's: a Category 1 concern is passed on at once) shows the
    // inspection it belongs to.
    Task ofConcern = tasks.createTaskQuery().processInstanceId(concern).taskAssignee("ofsted-lead").active().list()
        .get(0);
    openTaskTimeline(ofConcern.getId());
    webapp.waitForText("This task is part of a concern about a child raised in the inspection below.",
        "Inspection " + reference + " · Northshire");
    assertTableMatches(timeline("ofsted-lead"), false);
    webapp.screenshot("concern-task-timeline");
  }

  @Test
  void aCqcInspectorSeesTheTimelineOfHerTaskButNoConcernSheMayNotRead() {
    Task cqc = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("task_review_briefing_cqc")
        .singleResult();
    Task lead = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("task_review_briefing_lead")
        .singleResult();
    webapp.logIn("tasklist", "cqc-inspector", "demo");

    openTaskTimeline(cqc.getId());
    List<JsonNode> expected = timeline("cqc-inspector");
    assertThat(expected).noneMatch(e -> e.path("id").asText().startsWith("concern:"));
    assertTableMatches(expected, false);
    assertThat(webapp.text()).contains("No open concerns or complaints that you may see.")
        .doesNotContain("Concern 1", "category 1");
    scrollTo(By.cssSelector(".inspection-timeline-today"));
    webapp.screenshot("cqc-timeline");

    // What she may not see gets the same answer as what does not exist, and no timeline: the lead inspector's own
    // task of this inspection, the concern's task, a task that does not exist.
    List<String> refused = new ArrayList<>(List.of(lead.getId(), "no-such-task"));
    tasks.createTaskQuery().processInstanceId(concern).active().list().forEach(t -> refused.add(t.getId()));
    for (String taskId : refused) {
      Map<String, Object> answer = fetch("/camunda/api/tasklist/plugin/inspection-timeline/default/task/" + taskId);
      assertThat(answer.get("status")).as(taskId).isEqualTo(404L);
      assertThat(String.valueOf(answer.get("body"))).contains("There is no task '" + taskId
          + "' of an inspection that you may see.").doesNotContain(reference, "Concern");
    }
    // An inspection whose team she is not on: her own CQC task of it is in her list, its timeline is not hers to see.
    String other = "JTAI-TAB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String otherInstance = startJtai(other, List.of());
    Task notHers = tasks.createTaskQuery().processInstanceId(otherInstance)
        .taskDefinitionKey("task_review_briefing_cqc").singleResult();
    openTaskTimeline(notHers.getId());
    assertThat(webapp.waitForElementText(By.cssSelector(".inspection-timeline-refused"), t -> !t.isBlank()))
        .isEqualTo("There is no inspection with reference '" + other + "' that you may see.");
    assertThat(webapp.driver().findElements(By.cssSelector(".inspection-timeline-table"))).isEmpty();
    webapp.screenshot("cqc-not-on-the-team");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(concern)
        .processDefinitionKey(ConcernReferralProcess.KEY).count()).isOne();
  }

  @Test
  void theOperatorSeesTheTimelineOnTheInspectionsPageInCockpit() throws IOException {
    webapp.logIn("cockpit", "operator", "demo");
    assertThat(webapp.waitForElementText(By.cssSelector(".navbar-brand .brand-name"), t -> !t.isBlank()))
        .as("the header names the product once").isEqualTo("Joint inspections Operations");
    webapp.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
    webapp.clickable(TAB).click();
    webapp.visible(STEPS);
    List<JsonNode> expected = timeline("operator");
    assertThat(expected).noneMatch(e -> e.path("id").asText().startsWith("concern:"));
    assertTableMatches(expected, true);
    scrollTo(By.cssSelector(".inspection-timeline-today"));
    saveForReadme("timeline-tab-cockpit.png");
  }

  /** Opens the task as from a notification link, then its Timeline tab. */
  private void openTaskTimeline(String taskId) {
    webapp.driver().get("about:blank");
    webapp.driver().get(webapp.url("/camunda/app/tasklist/default/#/?task=" + taskId));
    webapp.waitUntil(d -> d.getCurrentUrl().contains("task=" + taskId));
    WebElement tab = webapp.clickable(TAB);
    ((JavascriptExecutor) webapp.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", tab);
    tab.click();
    webapp.waitUntil(d -> !d.findElements(By.cssSelector(".inspection-timeline, .inspection-timeline-refused"))
        .isEmpty());
  }

  /**
   * The tab's steps are the timeline's entries that are not concerns or complaints, in date order, each with its day,
   * what the day counts from, its due date the UK way, its performer and state; today's row sits between the entries
   * due before today and those due today or later.
   */
  private void assertTableMatches(List<JsonNode> timeline, boolean cockpit) {
    List<JsonNode> steps = timeline.stream()
        .filter(e -> !e.path("id").asText().startsWith("concern:") && !e.path("id").asText().startsWith("complaint:"))
        .sorted(Comparator.comparing((JsonNode e) -> e.hasNonNull("due") ? java.time.OffsetDateTime.parse(
            e.get("due").asText()).toInstant() : null, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
    WebElement table = webapp.visible(STEPS);
    List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    List<String> shown = new ArrayList<>();
    int todayAt = -1;
    for (WebElement row : rows) {
      if (row.getAttribute("class").contains("inspection-timeline-today")) {
        todayAt = shown.size();
        assertThat(row.getText()).isEqualTo("Today, " + ukDate(today));
        continue;
      }
      shown.add(row.getAttribute("data-entry"));
    }
    assertThat(shown).as("the steps in date order").containsExactlyElementsOf(steps.stream()
        .map(e -> e.get("id").asText()).toList());
    int dueBeforeToday = (int) steps.stream().filter(e -> e.hasNonNull("due")
        && LocalDate.parse(e.get("due").asText().substring(0, 10)).isBefore(today)).count();
    assertThat(todayAt).as("today's row after the steps due before today").isEqualTo(dueBeforeToday);

    Map<String, Integer> states = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonNode entry = steps.get(i);
      WebElement row = table.findElement(By.cssSelector("tr[data-entry='" + entry.get("id").asText() + "']"));
      assertThat(row.findElement(By.cssSelector(".inspection-timeline-title")).getText())
          .isEqualTo(entry.get("title").asText());
      String due = row.findElement(By.cssSelector(".inspection-timeline-due")).getText();
      if (entry.hasNonNull("due")) {
        assertThat(due).isEqualTo(ukDateTime(entry.get("due").asText()))
            .matches("(Mon|Tue|Wed|Thu|Fri) \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}");
      }
      String status = entry.get("status").asText();
      assertThat(row.findElement(By.cssSelector(".inspection-timeline-state")).getText()).isEqualTo(status);
      states.merge(status, 1, Integer::sum);
      assertThat(row.findElement(By.cssSelector(".inspection-timeline-performer")).getText())
          .isEqualTo(entry.path("performer").asText(""));
      String day = row.findElement(By.cssSelector(".inspection-timeline-day")).getText();
      if (entry.hasNonNull("day")) {
        assertThat(day).startsWith("Day " + entry.get("day").asInt());
      }
      if (entry.hasNonNull("countsFrom")) {
        assertThat(day).contains(entry.get("countsFrom").asText());
        if (entry.hasNonNull("countsFromOn")) {
          assertThat(day).contains("(" + ukDate(LocalDate.parse(entry.get("countsFromOn").asText())) + ")");
        }
      }
    }
    assertThat(states).as("steps done, overdue and upcoming in " + (cockpit ? "Cockpit" : "the Tasklist"))
        .containsKeys("done", "overdue", "upcoming");
  }

  /** The timeline the same person gets from GET /api/inspections/{reference}/timeline. */
  private List<JsonNode> timeline(String user) {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo")
        .getForEntity("/api/inspections/" + reference + "/timeline", JsonNode.class);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    answer.getBody().forEach(entries::add);
    return entries;
  }

  /** A 2017 JTAI started by its lead inspector through the API, with these inspectors on its team. */
  private String startJtai(String ref, List<String> team) {
    Map<String, Object> body = JtaiStart.form(ref, fieldwork);
    if (!team.isEmpty()) {
      body.put("inspectionTeam", team);
    }
    return JtaiStart.pastTheAnalystsBriefing(tasks, JtaiStart.overTheApi(rest, body));
  }

  private String raiseConcern(String user) {
    Map<String, Object> body = AnnexCConcern.categoryOne("HV-55109 (KT)",
        "The health visitor was not told of the strategy discussion.")
        .seniorOfficer("Head of health visiting", "head.of.health.visiting@example.org").body();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<JsonNode> raised = rest.withBasicAuth(user, "demo")
        .postForEntity("/api/inspections/" + reference + "/concerns", new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(201);
    return raised.getBody().get("id").asText();
  }

  /** A GET from the signed-in page, as the tab's script makes it: the status and the body. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> fetch(String path) {
    return (Map<String, Object>) ((JavascriptExecutor) webapp.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {headers: {Accept: 'application/json'}, credentials: 'same-origin'})"
            + ".then(r => r.text().then(t => done({status: r.status, body: t})))"
            + ".catch(e => done({status: -1, body: String(e)}));", path);
  }

  private void scrollTo(By locator) {
    ((JavascriptExecutor) webapp.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        webapp.visible(locator));
  }

  private void saveForReadme(String name) throws IOException {
    webapp.screenshot(name.replace(".png", ""));
    Files.createDirectories(README_IMAGES);
    Path shot = ((TakesScreenshot) webapp.driver()).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, README_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /** "Tue 14 Mar 2017", whatever month abbreviations the JDK's locale data has. */
  static String ukDate(LocalDate date) {
    return DAYS[date.getDayOfWeek().getValue() - 1] + " " + date.getDayOfMonth() + " "
        + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
  }

  /** "Tue 14 Mar 2017, 17:00" from the timeline's London time with offset. */
  static String ukDateTime(String due) {
    java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(due);
    return ukDate(at.toLocalDate()) + ", " + String.format("%02d:%02d", at.getHour(), at.getMinute());
  }
}
