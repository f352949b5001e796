package uk.jointinspections.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.jointinspections.frameworks.Jtai2024Process.*;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * The 2024 JTAI from the findings to publication, as the guidance gives it: senior managers outside the team agree
 * the findings (paragraph 81), the QA manager reviews the draft and the final letter (paragraph 80), HMCI decides the
 * statement of action after consulting CQC and HMICFRS (paragraph 85), the government departments see the letter
 * before it is published (paragraph 110), and a complaint's withdrawal request holds publication (Annex C 121, the
 * publication-hold contract).
 */
@EngineTest
@WithEngineAssertions
class Jtai2024LetterTest {

  private static final String LEAD = "ofsted-lead";
  private static final String QA = "qa-manager";

  @Autowired ProcessEngine engine;
  @Autowired InspectionStarts starts;
  @Autowired Timeline timeline;

  /** Memberships a test gives for its own purpose, taken away after it. */
  private final List<String[]> memberships = new java.util.ArrayList<>();

  @AfterEach
  void reset() {
    memberships.forEach(m -> engine.getIdentityService().deleteMembership(m[0], m[1]));
    memberships.clear();
  }

  /**
   * The engine's task grants already keep a lead inspector out of another group's step; the listener is what holds
   * when she is also in that group (a lead inspector who is a regional director, or a Senior HMI).
   */
  private void alsoIn(String user, String group) {
    engine.getIdentityService().createMembership(user, group);
    memberships.add(new String[] {user, group});
  }

  private FrameworkScenario start(String reference, List<String> team) {
    FrameworkScenario s = FrameworkScenario.start(engine, starts, new InspectionStartRequest("jtai-2024", reference,
        "Northshire", null, null, "2026-10-05", LEAD, QA).withTeam(team), "2026-09-18T10:00");
    Jtai2024Steps.preNotification(s);
    Jtai2024Steps.completeAll(s, Jtai2024Steps.WEEKS_ONE_AND_TWO);
    return s;
  }

  /** Through the fieldwork week and the QA manager's availability, to the findings in the draft letter. */
  private FrameworkScenario atDraftFindings(String reference, List<String> team, Map<String, Object> findings) {
    FrameworkScenario s = start(reference, team);
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0, 10),
        Map.of(TASK_AGREE_PROVISIONAL_FINDINGS, findings));
    return s;
  }

  private FrameworkScenario atFinalLetterSent(String reference, Map<String, Object> findings) {
    FrameworkScenario s = start(reference, List.of());
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION, Map.of(TASK_AGREE_PROVISIONAL_FINDINGS, findings));
    s.complete(TASK_SEND_FINAL_LETTER, Map.of("finalLetterSentConfirmed", true));
    return s;
  }

  @Test
  void seniorManagersOutsideTheTeamAgreeTheFindings() {
    FrameworkScenario s = atDraftFindings("JTAI24-L-SENIOR", List.of("cqc-lead"), Jtai2024Steps.findings(false, false,
        false, false));
    s.waitsAtExactly(TASK_AGREE_FINDINGS_OFSTED, TASK_AGREE_FINDINGS_CQC, TASK_AGREE_FINDINGS_HMICFRS,
        TASK_QA_REVIEW_DRAFT_LETTER);
    s.offeredToGroups(TASK_AGREE_FINDINGS_OFSTED, "2026-10-30T23:59", "ofsted-national-director", "regional-director");
    s.offered(TASK_AGREE_FINDINGS_CQC, "cqc-senior-manager", "2026-10-30T23:59");
    s.offered(TASK_AGREE_FINDINGS_HMICFRS, "hmicfrs-senior-manager", "2026-10-30T23:59");
    // Paragraph 81: the lead inspector does not agree the findings of her own letter, nor does a team member.
    alsoIn(LEAD, "regional-director");
    alsoIn(LEAD, "qa-manager");
    alsoIn("cqc-lead", "cqc-senior-manager");
    assertThatThrownBy(() -> s.completeAs(LEAD, TASK_AGREE_FINDINGS_OFSTED, Map.of()))
        .hasMessageContaining("lead inspector").hasMessageContaining("paragraph 81");
    assertThatThrownBy(() -> s.completeAs("cqc-lead", TASK_AGREE_FINDINGS_CQC, Map.of()))
        .hasMessageContaining("team");
    s.completeAs("regional-director", TASK_AGREE_FINDINGS_OFSTED, Map.of());
    s.completeAs("cqc-senior-manager", TASK_AGREE_FINDINGS_CQC, Map.of());
    s.completeAs("hmicfrs-senior-manager", TASK_AGREE_FINDINGS_HMICFRS, Map.of());
    // Paragraph 80: the draft waits for the QA manager's review too.
    s.waitsAtExactly(TASK_QA_REVIEW_DRAFT_LETTER);
    s.assigned(TASK_QA_REVIEW_DRAFT_LETTER, QA, "2026-10-30T23:59");
    assertThatThrownBy(() -> s.completeAs(LEAD, TASK_QA_REVIEW_DRAFT_LETTER, Map.of()))
        .hasMessageContaining("independent");
    s.completeAs(QA, TASK_QA_REVIEW_DRAFT_LETTER, Map.of("qaDraftLetterOutcome", "supported"));
    s.waitsAtExactly(TASK_SEND_DRAFT_LETTER);
  }

  @Test
  void hmciDecidesTheStatementOfActionAfterCqcAndHmicfrsAndTheQaManagerReviewsTheFinalLetter() {
    FrameworkScenario s = start("JTAI24-L-STATEMENT", List.of());
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0, 16));
    // Paragraph 85: two inspectorates give their views; HMCI's decision waits for both.
    s.waitsAtExactly(TASK_CONSULT_STATEMENT_CQC, TASK_CONSULT_STATEMENT_HMICFRS);
    s.offered(TASK_CONSULT_STATEMENT_CQC, "cqc-senior-manager", "2026-11-20T23:59");
    s.offered(TASK_CONSULT_STATEMENT_HMICFRS, "hmicfrs-senior-manager", "2026-11-20T23:59");
    s.completeAs("cqc-senior-manager", TASK_CONSULT_STATEMENT_CQC, Map.of("statementViewCqc", "required"));
    s.waitsAtExactly(TASK_CONSULT_STATEMENT_HMICFRS);
    s.completeAs("hmicfrs-senior-manager", TASK_CONSULT_STATEMENT_HMICFRS, Map.of("statementViewHmicfrs", "required"));
    s.offered(TASK_DECIDE_STATEMENT_OF_ACTION, "ofsted-national-director", "2026-11-20T23:59");
    // Required needs a lead agency; not required has none and no cooperating agencies.
    assertThatThrownBy(() -> s.completeAs("national-director", TASK_DECIDE_STATEMENT_OF_ACTION,
        Jtai2024Steps.statement(true, "none"))).hasMessageContaining(VAR_STATEMENT_LEAD_AGENCY);
    assertThatThrownBy(() -> s.completeAs("national-director", TASK_DECIDE_STATEMENT_OF_ACTION,
        Jtai2024Steps.statement(false, "police"))).hasMessageContaining(VAR_STATEMENT_LEAD_AGENCY);
    Map<String, Object> cooperatingWithoutStatement = Jtai2024Steps.statement(false, "none");
    cooperatingWithoutStatement.put(VAR_STATEMENT_COOPERATING_AGENCIES, "health");
    assertThatThrownBy(() -> s.completeAs("national-director", TASK_DECIDE_STATEMENT_OF_ACTION,
        cooperatingWithoutStatement)).hasMessageContaining("cooperating");
    Map<String, Object> decision = Jtai2024Steps.statement(true, "local-authority");
    decision.put(VAR_STATEMENT_COOPERATING_AGENCIES, List.of("health", "police"));
    s.completeAs("national-director", TASK_DECIDE_STATEMENT_OF_ACTION, decision);
    assertThat(engine.getRuntimeService().getVariable(s.processInstanceId, VAR_STATEMENT_COOPERATING_AGENCIES))
        .isEqualTo("health, police");
    s.waitsAtExactly(TASK_QA_REVIEW_FINAL_LETTER);
    s.assigned(TASK_QA_REVIEW_FINAL_LETTER, QA, "2026-11-23T23:59");
    alsoIn(LEAD, "qa-manager");
    assertThatThrownBy(() -> s.completeAs(LEAD, TASK_QA_REVIEW_FINAL_LETTER, Map.of()))
        .hasMessageContaining("independent");
    s.completeAs(QA, TASK_QA_REVIEW_FINAL_LETTER, Map.of("qaFinalLetterApproved", true));
    s.waitsAtExactly(TASK_SEND_FINAL_LETTER);
    s.complete(TASK_SEND_FINAL_LETTER, Map.of("finalLetterSentConfirmed", true));
    assertThat(s.tasks(TASK_RECORD_STATEMENT_OF_ACTION)).as("the statement HMCI required").hasSize(1);
  }

  @Test
  void theGovernmentDepartmentsSeeAMultiAgencyLetterBeforeItIsPublished() {
    FrameworkScenario s = atFinalLetterSent("JTAI24-L-DEPTS", Jtai2024Steps.findings(true, false, true, false));
    // Paragraph 110: not "in parallel with" publication, but before it.
    assertThat(s.tasks(TASK_PUBLISH_LETTER)).isEmpty();
    s.assigned(TASK_SHARE_LETTER_WITH_DEPARTMENTS, LEAD, "2026-11-25T23:59");
    s.complete(TASK_SHARE_LETTER_WITH_DEPARTMENTS, Map.of("departmentsOffered", true));
    s.assigned(TASK_PUBLISH_LETTER, LEAD, "2026-11-26T23:59");
  }

  @Test
  void aPriorityActionForTheMasaAloneAlsoGoesToTheDepartments() {
    FrameworkScenario s = atFinalLetterSent("JTAI24-L-MASA", Jtai2024Steps.findings(false, false, false, true));
    assertThat(s.tasks(TASK_PUBLISH_LETTER)).isEmpty();
    s.complete(TASK_SHARE_LETTER_WITH_DEPARTMENTS, Map.of("departmentsOffered", true));
    s.complete(TASK_PUBLISH_LETTER);
    s.waitsAtExactly(TASK_COORDINATE_FOLLOW_UP_OFSTED, TASK_COORDINATE_FOLLOW_UP_CQC, TASK_COORDINATE_FOLLOW_UP_HMICFRS);
  }

  @Test
  void aSingleAgencysPriorityActionIsPublishedWithoutTheDepartmentsStep() {
    FrameworkScenario s = atFinalLetterSent("JTAI24-L-ONE", Jtai2024Steps.findings(false, false, true, false));
    s.assigned(TASK_PUBLISH_LETTER, LEAD, "2026-11-26T23:59");
    assertThat(s.tasks(TASK_SHARE_LETTER_WITH_DEPARTMENTS)).isEmpty();
  }

  /** What the complaint side's PublicationHold.withhold does, by the contract: variables, then the message if awaited. */
  private void withhold(FrameworkScenario s, boolean correlate) {
    Map<String, Object> v = new HashMap<>();
    v.put(VAR_PUBLICATION_WITHHELD, true);
    v.put("publicationWithheldBy", "national-director");
    v.put("publicationWithheldAt", new Date(ClockUtil.getCurrentTime().getTime()));
    v.put("publicationHoldReason", "Exceptional circumstances set out in the complaint.");
    v.put("publicationHoldComplaint", "COMPLAINT-1");
    engine.getRuntimeService().setVariables(s.processInstanceId, v);
    if (correlate) {
      engine.getRuntimeService().createMessageCorrelation(MESSAGE_PUBLICATION_WITHHELD)
          .processInstanceId(s.processInstanceId).correlate();
    }
  }

  private void resume(FrameworkScenario s) {
    engine.getRuntimeService().setVariables(s.processInstanceId, Map.of(VAR_PUBLICATION_WITHHELD, false,
        "publicationResumedBy", "national-director", "publicationResumedAt", new Date(ClockUtil.getCurrentTime().getTime()),
        "publicationResumeReason", "The complaint does not show exceptional circumstances."));
    engine.getRuntimeService().createMessageCorrelation(MESSAGE_PUBLICATION_RESUMED)
        .processInstanceId(s.processInstanceId).correlate();
  }

  @Test
  void aWithdrawalRequestHoldsPublicationUntilItIsResumed() {
    FrameworkScenario s = atFinalLetterSent("JTAI24-L-HOLD", Jtai2024Steps.findings(false, false, false, false));
    s.assigned(TASK_PUBLISH_LETTER, LEAD, "2026-11-26T23:59");
    FrameworkScenario.clock("2026-11-24T10:00");
    withhold(s, true);
    // The boundary interrupts the publish step: nobody can publish while the letter is withheld.
    assertThat(s.tasks(TASK_PUBLISH_LETTER)).isEmpty();
    assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(s.processInstanceId)
        .activityId(EVENT_PUBLICATION_RESUMED).count()).isEqualTo(1);
    TimelineEntry held = timeline.of("JTAI24-L-HOLD").stream().filter(e -> e.id().equals("publication_withheld"))
        .findFirst().orElseThrow();
    assertThat(held.status()).isEqualTo(TimelineEntry.Status.open);
    assertThat(held.title()).contains("national-director", "2026-11-24", "Exceptional circumstances");

    FrameworkScenario.clock("2026-11-30T10:00");
    resume(s);
    s.assigned(TASK_PUBLISH_LETTER, LEAD, "2026-11-26T23:59");
    assertThat(timeline.of("JTAI24-L-HOLD")).filteredOn(e -> e.id().equals("publication_resumed")).singleElement()
        .satisfies(e -> assertThat(e.title()).contains("national-director", "2026-11-30"));
    s.complete(TASK_PUBLISH_LETTER);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(s.processInstanceId)
        .singleResult()).isNull();
  }

  @Test
  void aLetterWithheldBeforePublicationIsReachedWaitsAtTheGateway() {
    FrameworkScenario s = atFinalLetterSent("JTAI24-L-HOLD-EARLY", Jtai2024Steps.findings(true, true, false, false));
    s.task(TASK_SHARE_LETTER_WITH_DEPARTMENTS);
    // No subscription yet: the complaint side only sets the variables.
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(s.processInstanceId)
        .eventName(MESSAGE_PUBLICATION_WITHHELD).count()).isZero();
    withhold(s, false);
    s.complete(TASK_SHARE_LETTER_WITH_DEPARTMENTS, Map.of("departmentsOffered", true));
    assertThat(s.tasks(TASK_PUBLISH_LETTER)).isEmpty();
    resume(s);
    s.assigned(TASK_PUBLISH_LETTER, LEAD, "2026-11-26T23:59");
  }

  @Test
  void aConcernTheQaManagerCouldNotResolveIsRecordedAndOnTheTimeline() {
    FrameworkScenario s = start("JTAI24-L-CONCERN", List.of());
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0, 9));
    // Paragraph 89: the letter does not wait for the QA manager's availability record (defect 21).
    assertThat(s.tasks(TASK_AGREE_FINDINGS_OFSTED)).hasSize(1);
    assertThatThrownBy(() -> s.complete(TASK_INFORMAL_CONCERN_CONTACT, Map.of("informalConcernRaised", "yes")))
        .hasMessageContaining("informalConcernSummary");
    assertThatThrownBy(() -> s.complete(TASK_INFORMAL_CONCERN_CONTACT, Map.of("informalConcernRaised", "yes",
        "informalConcernSummary", "The partnership disputes the finding on the MASH."))).hasMessageContaining(
            "informalConcernResolved");
    assertThat(timeline.of("JTAI24-L-CONCERN")).extracting(TimelineEntry::id)
        .doesNotContain("informal_concern_unresolved");
    s.complete(TASK_INFORMAL_CONCERN_CONTACT, Map.of("informalConcernRaised", "yes",
        "informalConcernSummary", "The partnership disputes the finding on the MASH.", "informalConcernResolved", "no"));
    assertThat(timeline.of("JTAI24-L-CONCERN")).filteredOn(e -> e.id().equals("informal_concern_unresolved"))
        .singleElement().satisfies(e -> assertThat(e.title()).contains("Annex C"));
  }

  @Test
  void theLetterWaitsForEveryInspectoratesEvidenceRecordsDueAtTheEndOfFieldwork() {
    FrameworkScenario s = start("JTAI24-L-EVIDENCE", List.of("cqc-lead"));
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0, 1));
    // Paragraph 74: "complete all evidence records by the end of the fieldwork week", each inspectorate for its own
    // inspectors (paragraph 72), the lead inspector coordinating (paragraph 75); due day 14, Friday 9 October 2026.
    s.assigned(TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, LEAD, "2026-10-09T23:59");
    s.offered(TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS, "hmicfrs", "2026-10-09T23:59");
    // CQC's is offered to its inspector named on the team, and to the group for cover.
    org.camunda.bpm.engine.task.Task cqc = s.task(TASK_COMPLETE_EVIDENCE_RECORDS_CQC);
    assertThat(cqc.getDueDate()).isEqualTo(FrameworkScenario.at("2026-10-09T23:59"));
    assertThat(engine.getTaskService().getIdentityLinksForTask(cqc.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(l -> l.getGroupId() == null ? l.getUserId() : l.getGroupId())
        .toList()).containsExactlyInAnyOrder("cqc", "cqc-lead");
    assertThat(timeline.of("JTAI24-L-EVIDENCE")).filteredOn(e -> e.id().equals(TASK_COMPLETE_EVIDENCE_RECORDS_CQC))
        .singleElement().satisfies(e -> assertThat(e.paragraph()).isEqualTo("72-75"));
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(1, 6));
    Jtai2024Steps.completeAll(s, List.of(TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, TASK_COMPLETE_EVIDENCE_RECORDS_CQC));
    // For report writing and quality assurance: the findings in the draft letter wait for the last record.
    s.waitsAtExactly(TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS, TASK_INFORMAL_CONCERN_CONTACT);
    s.complete(TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS, Map.of("evidenceRecordsCompleteHmicfrs", true));
    s.waitsAtExactly(TASK_INFORMAL_CONCERN_CONTACT, TASK_AGREE_FINDINGS_OFSTED, TASK_AGREE_FINDINGS_CQC,
        TASK_AGREE_FINDINGS_HMICFRS, TASK_QA_REVIEW_DRAFT_LETTER);
  }

  @Test
  void theInitialMeetingCitesItsOwnParagraphs() {
    start("JTAI24-L-CITE", List.of());
    assertThat(timeline.of("JTAI24-L-CITE")).filteredOn(e -> e.id().equals(TASK_INITIAL_MEETING)).singleElement()
        .satisfies(e -> assertThat(e.paragraph()).isEqualTo("37-38"));
  }

  @Test
  void anInspectorateThatMayTakeFurtherActionOffersASeparateDiscussion() {
    FrameworkScenario s = start("JTAI24-L-FURTHER", List.of());
    Jtai2024Steps.completeAll(s, Jtai2024Steps.FIELDWORK_TO_DECISION.subList(0, 5));
    // Paragraph 46: only the inspectorate whose findings may lead it to act offers the discussion, on day 14.
    s.complete(TASK_FEEDBACK_MEETING, Map.of("furtherActionCqc", true));
    s.offered("task_offer_separate_discussion_cqc", "cqc", "2026-10-09T23:59");
    assertThat(s.tasks("task_offer_separate_discussion_ofsted")).isEmpty();
    assertThat(s.tasks("task_offer_separate_discussion_hmicfrs")).isEmpty();
    s.complete("task_offer_separate_discussion_cqc", Map.of("separateDiscussionOfferedCqc", true));
    Jtai2024Steps.completeAll(s, List.of(TASK_COMPLETE_EVIDENCE_RECORDS_OFSTED, TASK_COMPLETE_EVIDENCE_RECORDS_CQC,
        TASK_COMPLETE_EVIDENCE_RECORDS_HMICFRS));
    s.waitsAtExactly(TASK_INFORMAL_CONCERN_CONTACT, TASK_AGREE_FINDINGS_OFSTED, TASK_AGREE_FINDINGS_CQC,
        TASK_AGREE_FINDINGS_HMICFRS, TASK_QA_REVIEW_DRAFT_LETTER);
  }
}
