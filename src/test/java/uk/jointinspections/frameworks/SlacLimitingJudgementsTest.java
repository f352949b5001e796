package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

/**
 * One case per rule of {@code processes/slac-limiting-judgements.dmn} (paragraphs 31-32): the deployed decision is
 * evaluated and the history names the rule that fired and its suggestion.
 */
@EngineTest
class SlacLimitingJudgementsTest {

  @Autowired ProcessEngine engine;

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> sg(String proposed, String safe, String feelSafe) {
    return vars("sgOverallEffectiveness", proposed, "sgChildrenSafe", safe, "sgChildrenFeelSafe", feelSafe);
  }

  private static Map<String, Object> lac(String proposed, String healthy, String safe, String enjoying, String contribution,
      String economic) {
    return vars("lacOverallEffectiveness", proposed, "lacBeingHealthy", healthy, "lacStayingSafe", safe,
        "lacEnjoyingAchievingSuggested", enjoying, "lacPositiveContribution", contribution, "lacEconomicWellbeing", economic);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("slac_safeguarding_overall", "rule_sg_overall_safe_inadequate", sg("good", "inadequate", "good"), "inadequate"),
        Arguments.of("slac_safeguarding_overall", "rule_sg_overall_feel_safe_inadequate", sg("outstanding", "good", "inadequate"), "inadequate"),
        Arguments.of("slac_safeguarding_overall", "rule_sg_overall_safe_not_good", sg("outstanding", "adequate", "outstanding"), "adequate"),
        Arguments.of("slac_safeguarding_overall", "rule_sg_overall_feel_safe_not_good", sg("good", "good", "adequate"), "adequate"),
        Arguments.of("slac_safeguarding_overall", "rule_sg_overall_no_limit", sg("adequate", "adequate", "adequate"), "adequate"),
        Arguments.of("slac_safeguarding_leadership", "rule_sg_leadership_equality_inadequate",
            vars("sgLeadershipManagement", "good", "sgEqualityDiversity", "inadequate"), "inadequate"),
        Arguments.of("slac_safeguarding_leadership", "rule_sg_leadership_no_limit",
            vars("sgLeadershipManagement", "outstanding", "sgEqualityDiversity", "adequate"), "outstanding"),
        Arguments.of("slac_lac_enjoying_achieving", "rule_lac_enjoying_progress_not_good",
            vars("lacEnjoyingAchieving", "outstanding", "lacEducationalProgressAtLeastGood", false), "adequate"),
        Arguments.of("slac_lac_enjoying_achieving", "rule_lac_enjoying_no_limit",
            vars("lacEnjoyingAchieving", "good", "lacEducationalProgressAtLeastGood", true), "good"),
        Arguments.of("slac_lac_leadership", "rule_lac_leadership_equality_inadequate",
            vars("lacLeadershipManagement", "adequate", "lacEqualityDiversity", "inadequate"), "inadequate"),
        Arguments.of("slac_lac_leadership", "rule_lac_leadership_no_limit",
            vars("lacLeadershipManagement", "good", "lacEqualityDiversity", "good"), "good"),
        Arguments.of("slac_lac_overall", "rule_lac_overall_healthy_inadequate", lac("good", "inadequate", "good", "good", "good", "good"), "inadequate"),
        Arguments.of("slac_lac_overall", "rule_lac_overall_safe_inadequate", lac("good", "good", "inadequate", "good", "good", "good"), "inadequate"),
        Arguments.of("slac_lac_overall", "rule_lac_overall_enjoying_inadequate", lac("good", "good", "good", "inadequate", "good", "good"), "inadequate"),
        Arguments.of("slac_lac_overall", "rule_lac_overall_contribution_inadequate", lac("good", "good", "good", "good", "inadequate", "good"), "inadequate"),
        Arguments.of("slac_lac_overall", "rule_lac_overall_economic_inadequate", lac("outstanding", "good", "good", "good", "good", "inadequate"), "inadequate"),
        Arguments.of("slac_lac_overall", "rule_lac_overall_safe_not_good", lac("outstanding", "outstanding", "adequate", "good", "good", "good"), "adequate"),
        Arguments.of("slac_lac_overall", "rule_lac_overall_enjoying_not_good", lac("good", "good", "good", "adequate", "good", "good"), "adequate"),
        Arguments.of("slac_lac_overall", "rule_lac_overall_no_limit", lac("adequate", "good", "adequate", "adequate", "good", "good"), "adequate"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("rules")
  void eachRuleFiresAndSuggests(String decision, String rule, Map<String, Object> inputs, String suggested) {
    String decisionDefinitionId = engine.getRepositoryService().createDecisionDefinitionQuery()
        .decisionDefinitionKey(decision).latestVersion().singleResult().getId();
    assertThat(engine.getDecisionService().evaluateDecisionTableByKey(decision, inputs).getSingleResult()
        .getEntry("suggested").toString()).isEqualTo(suggested);

    HistoricDecisionInstance evaluated = engine.getHistoryService().createHistoricDecisionInstanceQuery()
        .decisionDefinitionId(decisionDefinitionId).includeOutputs().orderByEvaluationTime().desc().listPage(0, 1).get(0);
    assertThat(evaluated.getOutputs()).extracting(HistoricDecisionOutputInstance::getRuleId).containsExactly(rule);
  }

  @org.junit.jupiter.api.Test
  void everyRuleOfTheTableHasACase() {
    org.camunda.bpm.model.dmn.DmnModelInstance model = org.camunda.bpm.model.dmn.Dmn.readModelFromFile(
        new java.io.File("processes/slac-limiting-judgements.dmn"));
    assertThat(model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class))
        .extracting(org.camunda.bpm.model.dmn.instance.Rule::getId)
        .containsExactlyInAnyOrderElementsOf(rules().map(a -> (String) a.get()[1]).toList());
  }
}
