package uk.jointinspections.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.jointinspections.ApplicationTest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.web.WebappBrowser;

/**
 * The operator opens the on-time report from Cockpit's menu in a real browser (Debian's headless Chromium, as
 * {@code web.BrowserTest}), filters it to the 2017 JTAI and a period, sees its charts drawn by Chart.js and its table,
 * and downloads the CSV in the same session. The history: six JTAIs notified on Tuesday 29 August 2034, the day after
 * the summer bank holiday, so that their briefing reviews are due by the end of Friday 25 August; "now" is Friday
 * 8 September 2034. The report's screenshot (target/screenshots/onTimeReport-*-report.png) is the README's
 * docs/images/on-time-report.png.
 */
@ApplicationTest
@Tag("browser")
class OnTimeReportBrowserTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;

  private final List<String> inspections = new ArrayList<>();

  @BeforeAll
  static void requireChromium() {
    WebappBrowser.assumeInstalled();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    List<String> ids = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKeyLike("ONTIME-UI-%").list().stream().map(p -> p.getId()).toList();
    if (!ids.isEmpty()) {
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceIds(new HashSet<>(ids)).list()
          .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "on-time report test", true, true));
      engine.getHistoryService().deleteHistoricProcessInstances(ids);
    }
  }

  private void complete(int inspection, String step, String londonTime) {
    EngineClock.set(londonTime);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(inspections.get(inspection))
        .taskDefinitionKey(step).singleResult();
    engine.getTaskService().complete(task.getId());
  }

  @Test
  void theOperatorOpensTheReportFromCockpitsMenuAndSeesItsCharts() {
    cleanUp();
    String run = Long.toString(System.nanoTime(), 36).toUpperCase();
    EngineClock.set("2034-08-21T09:00");
    for (int i = 0; i < 6; i++) {
      inspections.add(starts.start(JtaiStart.notifiedOn("jtai-2017", "ONTIME-UI-" + run + "-" + i, "neglect",
          LocalDate.of(2034, 8, 29))).processInstanceId());
      complete(i, JtaiProcess.TASK_PREPARE_PRE_INSPECTION_BRIEFING, "2034-08-21T09:00");
    }
    String lead = JtaiProcess.TASK_REVIEW_BRIEFING_LEAD;
    String cqc = JtaiProcess.forInspectorate(JtaiProcess.TASK_REVIEW_BRIEFING, "cqc");
    String hmicfrs = JtaiProcess.forInspectorate(JtaiProcess.TASK_REVIEW_BRIEFING, "hmicfrs");
    // Lead inspector: one day early, on the day, Saturday, then 1, 2 and 4 working days late (Monday is a holiday).
    Map.of(0, "2034-08-24T16:00", 1, "2034-08-25T11:00", 2, "2034-08-26T10:00", 3, "2034-08-29T09:00",
        4, "2034-08-30T15:00", 5, "2034-09-01T12:00").forEach((i, when) -> complete(i, lead, when));
    for (int i = 0; i < 5; i++) {
      complete(i, cqc, "2034-08-25T10:00");
    }
    for (int i = 0; i < 5; i++) {
      complete(i, hmicfrs, i < 3 ? "2034-08-24T14:00" : "2034-08-29T17:00");
    }
    EngineClock.set("2034-09-08T12:00");

    try (WebappBrowser browser = new WebappBrowser(port, "onTimeReport", 1280, 1400)) {
      browser.logIn("cockpit", "operator", "demo");
      browser.clickable(By.linkText("On-time report")).click();
      browser.visible(By.id("on-time-filter"));
      browser.waitForText("By framework");

      new Select(browser.visible(By.id("on-time-framework"))).selectByValue("jtai");
      type(browser, "on-time-from", "01082034", "2034-08-01");
      type(browser, "on-time-to", "30092034", "2034-09-30");
      browser.driver().findElement(By.cssSelector("#on-time-filter button[type='submit']")).click();

      String page = browser.waitForText("Steps completed from 2034-08-01 to 2034-09-30");
      // Lead inspector: 6 completed, 2 on time (33.3 %); lateness -1, 0, 0, 1, 2, 4: median 0, 90th percentile 4.
      assertThat(rowText(browser, "Review the joint pre-inspection briefing (lead inspector)"))
          .isEqualTo("Review the joint pre-inspection briefing (lead inspector) 6 6 2 33.3 % 0 4 0 0");
      assertThat(rowText(browser, "Review the joint pre-inspection briefing (HMI Probation)"))
          .isEqualTo("Review the joint pre-inspection briefing (HMI Probation) 0 0 0 – – – 6 6");
      assertThat(page).contains("Share completed on time (%)", "Lateness of completed steps (working days)");

      for (String chart : List.of("on-time-share-chart", "on-time-lateness-chart", "on-time-overdue-chart")) {
        Long painted = browser.waitUntil(d -> {
          Object drawn = ((JavascriptExecutor) d).executeScript("""
              const canvas = document.getElementById(arguments[0]);
              const chart = canvas && window.Chart && window.Chart.getChart(canvas);
              if (!chart || !chart.data.labels.length) { return null; }
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let painted = 0;
              for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted++; } }
              return painted > 0 ? painted : null;""", chart);
          return drawn == null ? null : ((Number) drawn).longValue();
        });
        assertThat(painted).as(chart + " drawn by Chart.js").isPositive();
      }
      Object labels = ((JavascriptExecutor) browser.driver()).executeScript(
          "return window.Chart.getChart(document.getElementById('on-time-share-chart')).data.labels;");
      assertThat(labels.toString()).contains("Review the joint pre-inspection briefing (lead inspector)");

      String href = browser.driver().findElement(By.id("on-time-csv")).getAttribute("href");
      assertThat(href).endsWith("/figures.csv?framework=jtai&from=2034-08-01&to=2034-09-30");
      Object csv = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('' + e));",
          href);
      assertThat(csv.toString()).startsWith("framework,framework_name,step_id,step,completed,")
          .contains("jtai,Joint targeted area inspection,task_review_briefing_lead,"
              + "Review the joint pre-inspection briefing (lead inspector),6,6,2,33.3,0,4,0,0");

      ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0)");
      browser.screenshot("report");
    }
  }

  /** Types a date the way a UK user does (dd/mm/yyyy into Chromium's date field) and checks what the field holds. */
  private static void type(WebappBrowser browser, String id, String keys, String iso) {
    WebElement field = browser.visible(By.id(id));
    field.clear();
    field.sendKeys(keys);
    assertThat(field.getAttribute("value")).as(id).isEqualTo(iso);
  }

  /**
   * A row of the step table, cell by cell. Read from the page's text content: Cockpit scrolls its view inside a box,
   * so the rows below its fold are not "displayed" to Selenium, though a person scrolls to them.
   */
  private static String rowText(WebappBrowser browser, String step) {
    return browser.waitUntil(d -> (String) ((JavascriptExecutor) d).executeScript("""
        for (const row of document.querySelectorAll('table.on-time-table tbody tr')) {
          const cells = Array.from(row.cells).map(c => c.textContent.trim());
          if (cells[0] === arguments[0]) { return cells.join(' '); }
        }
        return null;""", step));
  }
}
