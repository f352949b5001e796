package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.testkit.WithEngineAssertions;

/** Every rule of processes/complaint-window.dmn, identified by its rule id in the decision's history. */
@EngineTest
@WithEngineAssertions
class ComplaintWindowDecisionTest {

  @Autowired DecisionService decisions;
  @Autowired HistoryService history;
  @Autowired ComplaintWindow window;

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "null", value = {
      "rule_2017_before_finalisation,  2017, false, false, null, null, null, too-early",
      "rule_2017_published_in_time,    2017, true,  true,  10,   12,   14,   in-time",
      "rule_2017_published_late,       2017, true,  true,  11,   13,   15,   late",
      "rule_2017_finalised_in_time,    2017, true,  false, null, 10,   null, in-time",
      "rule_2017_finalised_late,       2017, true,  false, null, 11,   null, late",
      "rule_2024_before_pre_publication, 2024, false, false, null, null, null, too-early",
      "rule_2024_pre_publication,      2024, true,  false, null, 30,   null, in-time",
      "rule_2024_published_in_time,    2024, true,  true,  0,    2,    0,    in-time",
      "rule_2024_published_late,       2024, true,  true,  11,   13,   15,   late",
      "rule_2009_before_publication,   2009, false, false, null, null, null, in-time",
      "rule_2009_published_in_time,    2009, true,  true,  22,   24,   30,   in-time",
      "rule_2009_published_late,       2009, true,  true,  22,   24,   31,   late",
      "rule_ofsted_2016_any_stage,     ofsted-2016, true,  true,  60,   62,   90,   in-time"})
  void eachRule(String rule, String edition, boolean finalised, boolean published, Integer workingDaysAfterPublication,
      Integer workingDaysAfterFinalisation, Integer calendarDaysAfterPublication, String expected) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("complaintEdition", edition);
    inputs.put("reportFinalised", finalised);
    inputs.put("reportPublished", published);
    inputs.put("workingDaysAfterPublication", workingDaysAfterPublication);
    inputs.put("workingDaysAfterFinalisation", workingDaysAfterFinalisation);
    inputs.put("calendarDaysAfterPublication", calendarDaysAfterPublication);

    // A moment of its own, so that this evaluation is the only one in the history at that time.
    Date moment = Date.from(Instant.parse("2031-01-01T00:00:00Z").plusSeconds(rule.hashCode() & 0xFFFFF));
    ClockUtil.setCurrentTime(moment);
    DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(ComplaintProcess.DECISION_WINDOW, inputs)
        .getSingleResult();

    assertThat((String) result.getEntry("window")).isEqualTo(expected);
    assertThat((String) result.getEntry("windowRule")).startsWith(edition);
    HistoricDecisionInstance evaluated = history.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ComplaintProcess.DECISION_WINDOW).includeOutputs()
        .evaluatedAfter(Date.from(moment.toInstant().minusMillis(1))).evaluatedBefore(Date.from(moment.toInstant().plusMillis(1)))
        .singleResult();
    assertThat(evaluated.getOutputs()).extracting(o -> o.getRuleId()).containsOnly(rule);
  }

  /** K1: the 2016 edition's paragraph 100 is the 2017 framework's 101. */
  @Test
  void theTooEarlyRuleCitesTheParagraphOfEachJtaiEdition() {
    InspectionFacts during = new InspectionFacts("R", "pi", "jtai-2016", null, null);
    String rule = window.evaluate(ComplaintEdition.E2017, during, LocalDate.of(2026, 12, 1)).rule();
    assertThat(rule).contains("paragraph 101 of the 2017 framework", "paragraph 100 of the 2016 edition");
  }

  /** Ofsted targeted 2016, paragraphs 96-97: no time limit, so in time before finalisation too (not too early). */
  @Test
  void aTargetedInspectionsComplaintIsInTimeAtAnyStage() {
    InspectionFacts during = new InspectionFacts("R", "pi", "ofsted-targeted-2016", null, null);
    assertThat(window.evaluate(ComplaintEdition.E2016_OFSTED, during, LocalDate.of(2026, 12, 1)).window())
        .isEqualTo("in-time");
  }

  /** Day counts come from the working-day calendar; a complaint made on a Saturday counts as made on the next working day. */
  @Test
  void daysAreCountedInWorkingDaysFromPublication() {
    InspectionFacts published = new InspectionFacts("R", "pi", "jtai-2017", LocalDate.of(2026, 12, 9),
        LocalDate.of(2026, 12, 11));

    // 10 working days after Friday 11 December 2026, over Christmas, is Tuesday 29 December.
    assertThat(window.evaluate(ComplaintEdition.E2017, published, LocalDate.of(2026, 12, 29)).window()).isEqualTo("in-time");
    assertThat(window.evaluate(ComplaintEdition.E2017, published, LocalDate.of(2026, 12, 30)).window()).isEqualTo("late");
    // Saturday 26 December counts as Tuesday 29 December, Monday 28 being the Boxing Day holiday.
    assertThat(window.inputs(ComplaintEdition.E2017, published, LocalDate.of(2026, 12, 26)))
        .containsEntry("workingDaysAfterPublication", 10).containsEntry("calendarDaysAfterPublication", 15);
    // 2009: calendar days, weekends and holidays included: 30 days after 11 December is 10 January.
    assertThat(window.evaluate(ComplaintEdition.E2009, published, LocalDate.of(2027, 1, 10)).window()).isEqualTo("in-time");
    assertThat(window.evaluate(ComplaintEdition.E2009, published, LocalDate.of(2027, 1, 11)).window()).isEqualTo("late");
  }
}
