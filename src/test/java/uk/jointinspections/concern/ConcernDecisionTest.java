package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

/** Every rule of processes/concern-referral.dmn, as deployed. */
@EngineTest
class ConcernDecisionTest {

  @Autowired DecisionService decisions;
  @Autowired RepositoryService repository;

  private Object evaluate(String decision, Map<String, Object> inputs, String output) {
    return decisions.evaluateDecisionTableByKey(decision, inputs).getSingleResult().getEntry(output);
  }

  private static Map<String, Object> inputs(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @ParameterizedTest
  @CsvSource({"1, jtai-2017, P1WD", "1, ofsted-targeted-2016, P1WD", "2, jtai-2017, P5WD", "1, jtai-2024, P1WD",
      "2, jtai-2024, next-kit-meeting", "2, jtai-2016, P5WD", "2, ofsted-targeted-2016, P5WD"})
  void defaultResponseDeadlineByCategory(int category, String framework, String deadline) {
    assertThat(evaluate(ConcernReferralProcess.DECISION_RESPONSE_DEADLINE,
        inputs("category", category, "framework", framework), "responseDeadline")).isEqualTo(deadline);
  }

  /** No framework text has a second level; the application keeps its own for the 2024 JTAI's Category 1 only. */
  @ParameterizedTest
  @CsvSource({"1, jtai-2024, P1WD", "2, jtai-2024, none", "1, jtai-2017, none", "1, jtai-2016, none",
      "1, ofsted-targeted-2016, none", "2, jtai-2017, none", ", slac-2009, none"})
  void secondLevelEscalationOnlyForThe2024Category1(Integer category, String framework, String delay) {
    assertThat(evaluate(ConcernReferralProcess.DECISION_SENIOR_ESCALATION_DELAY,
        inputs("category", category, "framework", framework), "seniorEscalationDelay")).isEqualTo(delay);
  }

  @Test
  void a2009ConcernAsksForNoWrittenResponse() {
    assertThat(evaluate(ConcernReferralProcess.DECISION_RESPONSE_DEADLINE,
        inputs("category", null, "framework", "slac-2009"), "responseDeadline")).isEqualTo("none");
  }

  @ParameterizedTest
  @CsvSource({"ofsted, ofsted-national-director", "cqc, cqc-senior-manager", "hmicfrs, hmicfrs-senior-manager",
      "hmi-probation, hmi-probation-senior-manager", "operators, ofsted-national-director"})
  void seniorEscalationGoesToTheReferringInspectoratesSeniorManager(String inspectorate, String group) {
    assertThat(evaluate(ConcernReferralProcess.DECISION_SENIOR_ESCALATION_GROUP,
        inputs("referringInspectorate", inspectorate), "seniorEscalationGroup")).isEqualTo(group);
  }

  @Test
  void noInspectorateRecordedGoesToTheNationalDirector() {
    assertThat(evaluate(ConcernReferralProcess.DECISION_SENIOR_ESCALATION_GROUP,
        inputs("referringInspectorate", null), "seniorEscalationGroup")).isEqualTo("ofsted-national-director");
  }

  @Test
  void everyDecisionKeepsItsHistoryForSixYears() {
    for (String key : new String[] {ConcernReferralProcess.DECISION_RESPONSE_DEADLINE,
        ConcernReferralProcess.DECISION_SENIOR_ESCALATION_DELAY, ConcernReferralProcess.DECISION_SENIOR_ESCALATION_GROUP}) {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .latestVersion().singleResult();
      assertThat(definition.getHistoryTimeToLive()).as(key).isEqualTo(2190);
    }
  }
}
