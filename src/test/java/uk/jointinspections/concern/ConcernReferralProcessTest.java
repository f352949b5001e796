package uk.jointinspections.concern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static uk.jointinspections.concern.ConcernFixture.CHRISTMAS_EVE_2026;
import static uk.jointinspections.concern.ConcernFixture.annexC;
import static uk.jointinspections.concern.ConcernFixture.clockAt;
import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;
import uk.jointinspections.inspection.InspectionFrameworks;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.notification.Notification;
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.notification.NotificationStore;

/** Every path of a concern, with the clock moved over Christmas 2026 so that working days matter. */
@EngineTest
class ConcernReferralProcessTest extends ConcernDuringInspection {

  @Autowired InspectionFrameworks frameworks;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired NotificationStore notificationStore;
  @Autowired Timeline timeline;
  @Autowired ConcernQueries concernQueries;
  @Autowired ConcernRecordPdf recordPdf;

  private Job timer(ProcessInstance concern, String activity) {
    return management.createJobQuery().processInstanceId(concern.getId()).activityId(activity).timers().singleResult();
  }

  private void fire(ProcessInstance concern, String activity, Instant at) {
    clockAt(at);
    Job job = timer(concern, activity);
    assertThat(job).as("timer " + activity).isNotNull();
    management.executeJob(job.getId());
  }

  private List<String> candidateUsers(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getUserId)
        .filter(java.util.Objects::nonNull).toList();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }

  private void evaluateAndSignOff(ProcessInstance concern) {
    clockAt(Instant.parse("2027-01-04T12:00:00Z"));
    assertThat(concern).isWaitingAt(TASK_EVALUATE_RESPONSE);
    assertRefused(concern, TASK_EVALUATE_RESPONSE, Map.of(VAR_EVALUATION, " "), "evaluation: give the evaluation");
    assertThat(fixture.task(concern, TASK_EVALUATE_RESPONSE)).isAssignedTo("ofsted-inspector");
    fixture.complete(concern, TASK_EVALUATE_RESPONSE, Map.of(VAR_EVALUATION, "Action taken is proportionate; strategy meeting held."));
    assertThat(fixture.task(concern, TASK_SHARE_EVALUATION)).isAssignedTo("ofsted-lead");
    fixture.complete(concern, TASK_SHARE_EVALUATION, Map.of(VAR_EVALUATION, "Agreed: action taken is proportionate.",
        VAR_EVALUATION_SHARED_ON, "2026-12-31"));
    assertThat(fixture.task(concern, TASK_RECORD_CHIEF_OFFICER_SIGN_OFF)).isAssignedTo("ofsted-lead");
    fixture.complete(concern, TASK_RECORD_CHIEF_OFFICER_SIGN_OFF, Map.of(VAR_CHIEF_OFFICER_ROLE,
        "Director of children's services", VAR_CHIEF_OFFICER_SIGNED_ON, "2027-01-04"));
    assertThat(concern).isNotEnded();
    // Never closed without the lead inspector's confirmation and dated signature.
    assertRefused(concern, TASK_SIGN_OFF_LEAD_INSPECTOR, Map.of(VAR_LEAD_INSPECTOR_SIGNED_ON, "2027-01-04"),
        "leadInspectorConfirms: confirm that both sides have seen the final version");
    assertRefused(concern, TASK_SIGN_OFF_LEAD_INSPECTOR, Map.of("leadInspectorConfirms", true),
        "leadInspectorSignedOn: give the date");
    assertRefused(concern, TASK_SIGN_OFF_LEAD_INSPECTOR, Map.of("leadInspectorConfirms", true,
        VAR_LEAD_INSPECTOR_SIGNED_ON, "2027-01-05"), "leadInspectorSignedOn: 2027-01-05 is in the future.");
    fixture.complete(concern, TASK_SIGN_OFF_LEAD_INSPECTOR, Map.of(VAR_LEAD_INSPECTOR_SIGNED_ON, "2027-01-04",
        "leadInspectorConfirms", true));
    assertThat(concern).isEnded().hasPassed(END_CONCERN_CLOSED);
  }

  private void assertRefused(ProcessInstance concern, String step, Map<String, Object> variables, String message) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.complete(concern, step, variables))
        // Thrown as itself, not in the engine's wrapping, so that the Tasklist shows just the message with a 400.
        .isInstanceOf(ConcernRefusedException.class).hasMessageContaining(message);
    assertThat(concern).isWaitingAt(step);
  }

  @Test
  void category1AnsweredInTimeIsEmailedAtOnceThenEvaluatedAndSignedByBoth() {
    ProcessInstance concern = fixture.raise("ofsted-inspector", reference, annexC(1));

    // Linked to the inspection, with its team, the referring inspector and today's date.
    HistoricProcessInstance started = history.createHistoricProcessInstanceQuery().processInstanceId(concern.getId()).singleResult();
    assertThat(started.getBusinessKey()).isEqualTo(reference);
    assertThat(concern).variables()
        .containsEntry(VAR_INSPECTION_REFERENCE, reference)
        .containsEntry(VAR_FRAMEWORK, "jtai-2017")
        .containsEntry(VAR_LEAD_INSPECTOR, "ofsted-lead")
        .containsEntry(VAR_QA_MANAGER, "qa-manager")
        .containsEntry(VAR_REFERRING_INSPECTOR, "ofsted-inspector")
        .containsEntry(VAR_REFERRING_INSPECTORATE, "ofsted")
        .containsEntry(VAR_CATEGORY, 1)
        .containsEntry(VAR_REFERRAL_DATE, Date.from(CHRISTMAS_EVE_2026))
        .containsEntry(VAR_RESPONSE_DEADLINE, "P1WD")
        .containsEntry(VAR_PARAGRAPH, "75")
        // Christmas Day (Fri), the weekend and Boxing Day's substitute (Mon 28) are not working days.
        .containsEntry(VAR_RESPONSE_REQUIRED_BY, "2026-12-29")
        .containsEntry(VAR_RESPONSE_DUE_DATE, Date.from(Instant.parse("2026-12-29T23:59:00Z")));

    // Category 1: e-mailed at once to the senior officer, the lead inspector copied, through the notification process.
    List<Notification> mails = notificationStore.withKeyPrefix("concern:" + concern.getId() + ":category-1:");
    assertThat(mails).extracting(Notification::key).containsExactlyInAnyOrder(
        "concern:" + concern.getId() + ":category-1:senior-officer",
        "concern:" + concern.getId() + ":category-1:ofsted-lead");
    // The body is written from the concern when sent (ConcernEmailDeliveryTest reads it); the notification only points.
    assertThat(mails.get(0).variables()).containsEntry(NotificationProcess.VAR_BODY_SOURCE, concern.getId())
        .doesNotContainKey(NotificationProcess.VAR_BODY);
    assertThat(mails).extracting(Notification::processInstanceId).as("a failed delivery is the concern's incident")
        .containsOnly(concern.getId());

    assertThat(concern).isWaitingAt(TASK_INFORM_LEAD_INSPECTOR, TASK_RECORD_RESPONSE);
    assertThat(concern).isNotWaitingAt(TASK_NOTIFY_SENIOR_OFFICER);
    assertThat(fixture.task(concern, TASK_INFORM_LEAD_INSPECTOR)).isAssignedTo("ofsted-inspector");
    Task record = fixture.task(concern, TASK_RECORD_RESPONSE);
    assertThat(record).isAssignedTo("ofsted-lead");
    assertThat(record.getDueDate()).isEqualTo(Instant.parse("2026-12-29T23:59:00Z"));
    assertThat(timer(concern, TIMER_RESPONSE_OVERDUE).getDuedate()).isEqualTo(Instant.parse("2026-12-29T23:59:00Z"));

    fixture.complete(concern, TASK_INFORM_LEAD_INSPECTOR, Map.of("leadInspectorInformed", true));
    clockAt(Instant.parse("2026-12-29T15:00:00Z"));
    fixture.complete(concern, TASK_RECORD_RESPONSE, Map.of(VAR_RESPONSE, "Strategy meeting held on 29 December.",
        ConcernResponseRecorder.VAR_RESPONSE_RECEIVED_DATE, "2026-12-29"));

    assertThat(concern).variables().containsEntry(VAR_RESPONSE_CHANNEL, CHANNEL_RECORDED)
        .containsKey(VAR_RESPONSE_RECEIVED_ON);
    assertThat(management.createJobQuery().processInstanceId(concern.getId()).timers().count()).isZero();
    assertThat(concern).hasNotPassed(TASK_CHASE_RESPONSE);
    evaluateAndSignOff(concern);
  }

  /**
   * 2017 paragraph 75 (2016 and targeted inspections 74): the lead inspector ensures the response is received; no
   * senior manager beyond the lead inspector and the QA manager.
   */
  @Test
  void category1UnansweredEscalatesToLeadAndQaOnTheRightWorkingDaysAndNoFurther() {
    ProcessInstance concern = fixture.raise("ofsted-inspector", reference, annexC(1));
    fixture.complete(concern, TASK_INFORM_LEAD_INSPECTOR, Map.of("leadInspectorInformed", true));
    assertThat(concern).variables().containsEntry(VAR_SENIOR_ESCALATION_DELAY, NO_SENIOR_ESCALATION);

    // Not before the end of Tuesday 29 December (the next working day after Christmas Eve).
    assertThat(timer(concern, TIMER_RESPONSE_OVERDUE).getDuedate()).isEqualTo(Instant.parse("2026-12-29T23:59:00Z"));
    fire(concern, TIMER_RESPONSE_OVERDUE, Instant.parse("2026-12-30T00:00:00Z"));

    assertThat(concern).isWaitingAt(TASK_RECORD_RESPONSE, TASK_CHASE_RESPONSE).isNotWaitingAt(TIMER_SENIOR_ESCALATION);
    assertThat(concern).hasPassed("end_no_senior_escalation");
    assertThat(timer(concern, TIMER_SENIOR_ESCALATION)).isNull();
    Task chase = fixture.task(concern, TASK_CHASE_RESPONSE);
    assertThat(candidateUsers(chase)).containsExactlyInAnyOrder("ofsted-lead", "qa-manager");
    // One working day from when the escalation arrived (the first minute of Wednesday 30).
    assertThat(chase.getDueDate()).isEqualTo(Instant.parse("2026-12-31T23:59:00Z"));

    // Still open, and visible, after fieldwork: the response arrives late and the concern goes on to sign-off.
    fixture.complete(concern, TASK_CHASE_RESPONSE, Map.of("chaseNotes", "Telephoned the head of service."));
    clockAt(Instant.parse("2027-01-04T11:00:00Z"));
    fixture.complete(concern, TASK_RECORD_RESPONSE, Map.of(VAR_RESPONSE, "Late response: child now safe."));
    assertThat(concern).hasNotPassed(TASK_SENIOR_ESCALATION);
    assertThat(concern).variables().containsEntry(ConcernResponseRecorder.VAR_RESPONSE_RECEIVED_DATE, "2027-01-04");
    evaluateAndSignOff(concern);
  }

  @Test
  void noFrameworkButThe2024JtaiHasASecondLevel() {
    for (String framework : List.of("jtai-2016", "ofsted-targeted-2016")) {
      String other = ConcernFixture.newReference();
      fixture.inspectionAt(other, JtaiProcess.TASK_KIT_MEETING_DAY_10, framework);
      ProcessInstance concern = fixture.raise("ofsted-inspector", other, annexC(1));
      assertThat(concern).as(framework).variables().containsEntry(VAR_SENIOR_ESCALATION_DELAY, NO_SENIOR_ESCALATION);
      fire(concern, TIMER_RESPONSE_OVERDUE, Instant.parse("2026-12-30T00:00:00Z"));
      assertThat(timer(concern, TIMER_SENIOR_ESCALATION)).as(framework).isNull();
      assertThat(concern).as(framework).isWaitingAt(TASK_INFORM_LEAD_INSPECTOR, TASK_RECORD_RESPONSE,
          TASK_CHASE_RESPONSE).isNotWaitingAt(TIMER_SENIOR_ESCALATION).hasPassed("end_no_senior_escalation");
    }
  }

  /** The 2024 JTAI keeps the application's own second level for Category 1 (no framework paragraph asks for it). */
  @Test
  void a2024Category1UnansweredEscalatesToTheSeniorManagerOfTheReferringInspectorate() {
    String jtai2024 = ConcernFixture.newReference();
    fixture.inspectionAt(jtai2024, JtaiProcess.TASK_KIT_MEETING_DAY_10, "jtai-2024");
    ProcessInstance ofsted = fixture.raise("ofsted-inspector", jtai2024, annexC(1));
    ProcessInstance cqc = fixture.raise("cqc-inspector", jtai2024, annexC(1));

    fire(ofsted, TIMER_RESPONSE_OVERDUE, Instant.parse("2026-12-30T00:00:00Z"));
    assertThat(ofsted).isWaitingAt(TASK_RECORD_RESPONSE, TASK_CHASE_RESPONSE, TIMER_SENIOR_ESCALATION);
    // Second level: one working day (the decision's default) after the required-by date, i.e. end of Wednesday 30.
    assertThat(timer(ofsted, TIMER_SENIOR_ESCALATION).getDuedate()).isEqualTo(Instant.parse("2026-12-30T23:59:00Z"));
    fire(ofsted, TIMER_SENIOR_ESCALATION, Instant.parse("2026-12-31T00:00:00Z"));
    assertThat(fixture.task(ofsted, TASK_SENIOR_ESCALATION)).hasCandidateGroup("ofsted-national-director");
    assertThat(ofsted).variables().containsEntry(VAR_SENIOR_ESCALATION_GROUP, "ofsted-national-director");

    fire(cqc, TIMER_RESPONSE_OVERDUE, Instant.parse("2026-12-30T00:00:00Z"));
    fire(cqc, TIMER_SENIOR_ESCALATION, Instant.parse("2026-12-31T00:00:00Z"));
    assertThat(fixture.task(cqc, TASK_SENIOR_ESCALATION)).hasCandidateGroup("cqc-senior-manager");
  }

  @Test
  void category2IsNotifiedByTheInspectorHasFiveWorkingDaysAndNoSecondLevel() {
    ProcessInstance concern = fixture.raise("ofsted-inspector", reference, annexC(2));

    assertThat(concern).isWaitingAt(TASK_NOTIFY_SENIOR_OFFICER, TASK_RECORD_RESPONSE);
    assertThat(notificationStore.withKeyPrefix("concern:" + concern.getId())).isEmpty();
    Task notify = fixture.task(concern, TASK_NOTIFY_SENIOR_OFFICER);
    assertThat(notify).isAssignedTo("ofsted-inspector");
    assertThat(notify.getDueDate()).isEqualTo(Instant.parse("2026-12-29T23:59:00Z"));
    // 29, 30, 31 December, (New Year's Day), 4, 5 January.
    assertThat(concern).variables().containsEntry(VAR_RESPONSE_DEADLINE, "P5WD")
        .containsEntry(VAR_SENIOR_ESCALATION_DELAY, NO_SENIOR_ESCALATION)
        .containsEntry(VAR_RESPONSE_REQUIRED_BY, "2027-01-05");

    fixture.complete(concern, TASK_NOTIFY_SENIOR_OFFICER, Map.of("seniorOfficerNotified", true,
        "seniorOfficerNotifiedOn", "2026-12-24", VAR_SENIOR_OFFICER_ROLE, "Head of service"));
    assertThat(concern).isWaitingAt(TASK_INFORM_LEAD_INSPECTOR, TASK_RECORD_RESPONSE);
    fixture.complete(concern, TASK_INFORM_LEAD_INSPECTOR, Map.of("leadInspectorInformed", true));

    fire(concern, TIMER_RESPONSE_OVERDUE, Instant.parse("2027-01-06T00:00:00Z"));
    assertThat(concern).isWaitingAt(TASK_RECORD_RESPONSE, TASK_CHASE_RESPONSE);
    assertThat(concern).hasPassed("end_no_senior_escalation");
    assertThat(timer(concern, TIMER_SENIOR_ESCALATION)).isNull();
  }

  /**
   * 2024 paragraph 71: the lead inspector "will ensure that the response is received through the KIT meetings", which
   * are on days 12 and 13 (paragraph 40). Day 0 of the fixture is Monday 7 December 2026: day 10 is Monday 21, day 12
   * Wednesday 23, day 13 Thursday 24 (Christmas Eve), day 14 Tuesday 29 (after Christmas and the substitute Boxing Day).
   */
  @Test
  void a2024Category2IsDueAtTheNextKeepInTouchMeeting() {
    String jtai2024 = ConcernFixture.newReference();
    fixture.inspectionAt(jtai2024, JtaiProcess.TASK_KIT_MEETING_DAY_10, "jtai-2024");
    Map<String, String> dueByReferral = new java.util.LinkedHashMap<>();
    dueByReferral.put("2026-12-21T10:00:00Z", "2026-12-23"); // before the Wednesday meeting: day 12
    dueByReferral.put("2026-12-23T10:00:00Z", "2026-12-24"); // on day 12: the Thursday meeting, day 13
    dueByReferral.put("2026-12-24T10:00:00Z", "2026-12-29"); // on day 13: the last day of fieldwork, day 14 (not 5 January)
    dueByReferral.put("2026-12-30T10:00:00Z", "2027-01-07"); // after fieldwork: 5 working days (New Year's Day skipped)
    dueByReferral.forEach((referredAt, due) -> {
      clockAt(Instant.parse(referredAt));
      ProcessInstance concern = fixture.raise("ofsted-inspector", jtai2024, annexC(2));
      assertThat(concern).as(referredAt).variables().containsEntry(VAR_RESPONSE_DEADLINE, "next-kit-meeting")
          .containsEntry(VAR_INSPECTION_DAY_ZERO, "2026-12-07").containsEntry(VAR_RESPONSE_REQUIRED_BY, due);
      assertThat(fixture.task(concern, TASK_RECORD_RESPONSE).getDueDate()).as(referredAt)
          .isEqualTo(Instant.parse(due + "T23:59:00Z"));
    });

    // Category 1 stays "as soon as possible" (paragraph 70), and the inspector's own date still wins.
    clockAt(Instant.parse("2026-12-21T10:00:00Z"));
    assertThat(fixture.raise("ofsted-inspector", jtai2024, annexC(1))).variables()
        .containsEntry(VAR_RESPONSE_REQUIRED_BY, "2026-12-22");
    Map<String, Object> ownDate = new java.util.HashMap<>(annexC(2));
    ownDate.put(VAR_RESPONSE_REQUIRED_BY, "2026-12-31");
    assertThat(fixture.raise("ofsted-inspector", jtai2024, ownDate)).variables()
        .containsEntry(VAR_RESPONSE_REQUIRED_BY, "2026-12-31");
    // The 2017 JTAI keeps its five working days (22, 23, 24, 29, 30 December).
    assertThat(fixture.raise("ofsted-inspector", reference, annexC(2))).variables()
        .containsEntry(VAR_RESPONSE_DEADLINE, "P5WD").containsEntry(VAR_RESPONSE_REQUIRED_BY, "2026-12-30");
  }

  @Test
  void theResponseArrivesAsAMessageAndTheConcernNoLongerWaitsForAnother() {
    ProcessInstance concern = fixture.raise("ofsted-inspector", reference, annexC(2));

    runtime.createMessageCorrelation(MESSAGE_RESPONSE).processInstanceId(concern.getId())
        .setVariable(VAR_RESPONSE, "Risk assessment reviewed.").setVariable(VAR_RESPONSE_RECEIVED_ON, new Date())
        .setVariable(VAR_RESPONSE_CHANNEL, CHANNEL_API).correlate();

    assertThat(concern).hasPassed(MSG_RESPONSE_RECEIVED).isNotWaitingAt(TASK_RECORD_RESPONSE);
    // A second response finds nothing waiting for it (the API answers that it was already recorded).
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.createMessageCorrelation(MESSAGE_RESPONSE)
            .processInstanceId(concern.getId()).setVariable(VAR_RESPONSE, "Again.").correlate())
        .isInstanceOf(org.camunda.bpm.engine.MismatchingMessageCorrelationException.class);
    assertThat(concern).variables().containsEntry(VAR_RESPONSE, "Risk assessment reviewed.");
    assertThat(management.createJobQuery().processInstanceId(concern.getId()).timers().count()).isZero();
    // The inspector still notifies and informs; evaluation waits for both.
    assertThat(concern).isWaitingAt(TASK_NOTIFY_SENIOR_OFFICER);
    fixture.complete(concern, TASK_NOTIFY_SENIOR_OFFICER, Map.of("seniorOfficerNotified", true,
        "seniorOfficerNotifiedOn", "2026-12-24", VAR_SENIOR_OFFICER_ROLE, "Head of service"));
    fixture.complete(concern, TASK_INFORM_LEAD_INSPECTOR, Map.of("leadInspectorInformed", true));
    evaluateAndSignOff(concern);
  }

  @Test
  void theFrameworkChoosesWhoIsAskedAndWhoSigns() {
    String targeted = ConcernFixture.newReference();
    fixture.inspectionAt(targeted, JtaiProcess.TASK_KIT_MEETING_DAY_10, "ofsted-targeted-2016");
    String jtai2024 = ConcernFixture.newReference();
    fixture.inspectionAt(jtai2024, JtaiProcess.TASK_KIT_MEETING_DAY_10, "jtai-2024");

    ProcessInstance toLocalAuthority = fixture.raise("ofsted-inspector", targeted, annexC(2));
    ProcessInstance onTemplate = fixture.raise("ofsted-inspector", jtai2024, annexC(2));

    assertThat(toLocalAuthority).variables().containsEntry(VAR_AGENCY_CONTACT, "the local authority")
        .containsEntry(VAR_SIGNATORY_TITLE, "Director of children's services (DCS)").containsEntry(VAR_PARAGRAPH, "74");
    assertThat(onTemplate).variables().containsEntry(VAR_PARAGRAPH, "70-71")
        .containsEntry(VAR_RECORD_TITLE, "Record of issues of concern (template provided by the lead inspector)");
  }

  /**
   * Each framework's concern cites its own paragraph on the inspection's timeline and in the forms: 2016 JTAI and
   * Ofsted targeted 2016 paragraph 74 (2017: 75), 2024 paragraphs 70-71; the no-names rule 80, 80, 76 (2017: 81).
   */
  @Test
  void aConcernCitesItsOwnFrameworksParagraphs() {
    Map<String, List<String>> expected = Map.of("jtai-2016", List.of("74", "80"),
        "ofsted-targeted-2016", List.of("74", "80"), "jtai-2024", List.of("70-71", "76"), "jtai-2017", List.of("75", "81"));
    expected.forEach((framework, paragraphs) -> {
      String other = ConcernFixture.newReference();
      fixture.inspectionAt(other, JtaiProcess.TASK_KIT_MEETING_DAY_10, framework);
      ProcessInstance concern = fixture.raise("ofsted-inspector", other, annexC(2));
      assertThat(concern).as(framework).variables().containsEntry(VAR_PARAGRAPH, paragraphs.get(0))
          .containsEntry(VAR_NAMES_PARAGRAPH, paragraphs.get(1));
      assertThat(timeline.of(other).stream().filter(e -> e.id().startsWith(ConcernTimeline.ENTRY_PREFIX)))
          .as(framework).singleElement().extracting(TimelineEntry::paragraph).isEqualTo(paragraphs.get(0));
    });

    // Every Annex C step names the edition's paragraph, and its documentation every framework's.
    org.camunda.bpm.model.bpmn.BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(
        engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
            .singleResult().getId());
    List<String> only2009 = List.of(TASK_INFORM_DCS_AT_ONCE, TASK_RECORD_DCS_ACTION);
    for (org.camunda.bpm.model.bpmn.instance.UserTask task
        : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
      Map<String, String> properties = new java.util.HashMap<>();
      task.getExtensionElements().getElementsQuery()
          .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list()
          .forEach(group -> group.getCamundaProperties()
              .forEach(p -> properties.put(p.getCamundaName(), p.getCamundaValue())));
      String documentation = task.getDocumentations().iterator().next().getTextContent();
      if (only2009.contains(task.getId())) {
        assertThat(properties).as(task.getId()).containsEntry("paragraph", "61");
        assertThat(documentation).as(task.getId()).contains("paragraph 61");
      } else if (!TASK_SENIOR_ESCALATION.equals(task.getId())) {
        assertThat(properties).as(task.getId()).containsEntry("paragraph", "75")
            .containsEntry("paragraph.jtai-2016", "74").containsEntry("paragraph.ofsted-targeted-2016", "74")
            .containsEntry("paragraph.jtai-2024", "70-71");
        assertThat(documentation).as(task.getId()).contains("paragraph 75").contains("paragraph 74")
            .contains("paragraphs 70-71").doesNotContain("of the JTAI framework (April 2017");
      }
    }
  }

  /** The forms name the inspection's record and paragraphs from the concern, not the 2017 JTAI's. */
  @Test
  void noConcernFormCitesThe2017JtaiAsAFixedText() throws java.io.IOException {
    try (var forms = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      List<java.nio.file.Path> concernForms = forms
          .filter(p -> p.getFileName().toString().startsWith("form_concern_")).toList();
      assertThat(concernForms).hasSizeGreaterThan(10);
      for (java.nio.file.Path form : concernForms) {
        String text = java.nio.file.Files.readString(form);
        assertThat(text).as(form.toString()).doesNotContain("Annex C of the 2017 joint targeted area inspection")
            .doesNotContain("only (paragraph 81)");
        if (!form.getFileName().toString().equals("form_concern_referral.form")) {
          assertThat(text).as(form.toString()).contains("{{recordTitle}}, paragraph {{paragraph}}");
        }
      }
    }
  }

  /** A framework without its own variant would silently get the 2017 JTAI's senior officer and chief officer. */
  @Test
  void everyFrameworkTheApplicationRunsHasItsOwnConcernVariant() {
    assertThat(frameworks.names()).isNotEmpty().allSatisfy(name -> assertThat(java.util.Arrays.stream(
        ConcernVariant.values()).map(v -> v.framework)).as(name).contains(name));
  }

  /**
   * 2009 paragraph 61: "inspectors will immediately inform the Director of Children's Services and confirm this in
   * writing at the earliest opportunity". No categories, no written response, evaluation or signatures (Annex C is the
   * JTAI's).
   */
  @Test
  void aSafeguardingAndLookedAfterChildrenInspectionTellsTheDcsAtOnceAndConfirmsInWriting() {
    String slac = ConcernFixture.newReference();
    fixture.inspectionAt(slac, JtaiProcess.TASK_KIT_MEETING_DAY_10, "slac-2009");
    Map<String, Object> riskOfHarm = new java.util.HashMap<>(annexC(1));
    riskOfHarm.remove(VAR_CATEGORY);
    riskOfHarm.put(VAR_SENIOR_OFFICER_EMAIL, "dcs@exampleshire.example");

    // A category of Annex C, or a date for a response, has no place in paragraph 61.
    Map<String, Object> category2 = new java.util.HashMap<>(riskOfHarm);
    category2.put(VAR_CATEGORY, "2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.raise("ofsted-inspector", slac, category2))
        .hasMessageContaining("has no categories");
    Map<String, Object> withDate = new java.util.HashMap<>(riskOfHarm);
    withDate.put(VAR_RESPONSE_REQUIRED_BY, "2026-12-29");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.raise("ofsted-inspector", slac, withDate))
        .hasMessageContaining("asks the DCS for no written response");
    Map<String, Object> noAddress = new java.util.HashMap<>(riskOfHarm);
    noAddress.remove(VAR_SENIOR_OFFICER_EMAIL);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.raise("ofsted-inspector", slac, noAddress))
        .hasMessageContaining("give the DCS's e-mail address");

    ProcessInstance toDcs = fixture.raise("ofsted-inspector", slac, riskOfHarm);

    assertThat(toDcs).variables().containsEntry(VAR_PARAGRAPH, "61").containsEntry(VAR_CATEGORY, null)
        .containsEntry(VAR_RESPONSE_DEADLINE, "none")
        .containsEntry(VAR_AGENCY_CONTACT, "the Director of Children's Services (DCS), told at once")
        .containsEntry(VAR_RECORD_TITLE, "Written confirmation to the DCS of a significant risk of harm to a child")
        .doesNotContainKey(VAR_RESPONSE_DUE_DATE);
    // Only the DCS step: no response is awaited, nothing is e-mailed before the inspector has told the DCS.
    assertThat(toDcs).isWaitingAtExactly(TASK_INFORM_DCS_AT_ONCE);
    Task inform = fixture.task(toDcs, TASK_INFORM_DCS_AT_ONCE);
    assertThat(inform).isAssignedTo("ofsted-inspector");
    // "Immediately": by the end of the day of the referral (Thursday 24 December is a working day).
    assertThat(inform.getDueDate()).isEqualTo(Instant.parse("2026-12-24T23:59:00Z"));
    assertRefused(toDcs, TASK_INFORM_DCS_AT_ONCE, Map.of("dcsInformed", true, VAR_DCS_INFORMED_ON, "2026-12-24",
        "leadInspectorInformed", true), "dcsInformedHow: give how the DCS was informed");

    List<TimelineEntry> onTimeline = timeline.of(slac).stream()
        .filter(e -> e.id().startsWith(ConcernTimeline.ENTRY_PREFIX)).toList();
    assertThat(onTimeline).singleElement().satisfies(entry -> {
      assertThat(entry.title()).startsWith("Concern 1 about a child (significant risk of harm, paragraph 61)")
          .contains("the DCS is to be informed at once").doesNotContain("category");
      assertThat(entry.paragraph()).isEqualTo("61");
    });

    fixture.complete(toDcs, TASK_INFORM_DCS_AT_ONCE, Map.of("dcsInformed", true, VAR_DCS_INFORMED_ON, "2026-12-24",
        VAR_DCS_INFORMED_HOW, "by telephone at 10:40", "leadInspectorInformed", true));

    // Then confirmed in writing to the DCS's address, the lead inspector copied.
    List<Notification> mails = notificationStore.withKeyPrefix("concern:" + toDcs.getId() + ":");
    assertThat(mails).extracting(Notification::key).containsExactlyInAnyOrder(
        "concern:" + toDcs.getId() + ":written-confirmation:senior-officer",
        "concern:" + toDcs.getId() + ":written-confirmation:ofsted-lead");
    assertThat(ConcernEmailer.body(runtime.getVariables(toDcs.getId())))
        .startsWith("Dear Director of Children's Services")
        .contains("This confirms in writing what an inspector from Ofsted told you on 2026-12-24 (by telephone at 10:40)")
        .contains("significant risk of harm").contains("CS-104233 (AB)")
        .doesNotContain("Category").doesNotContain("written response");

    assertThat(toDcs).isWaitingAtExactly(TASK_RECORD_DCS_ACTION);
    fixture.complete(toDcs, TASK_RECORD_DCS_ACTION, Map.of(VAR_DCS_ACTION, "Strategy discussion held the same day."));
    // Its printable record is paragraph 61's, not Annex C's categories and signatures.
    assertThat(recordPdf.html(toDcs.getId(), concernQueries.variables(toDcs.getId())))
        .contains("Director of Children's Services informed on").contains("by telephone at 10:40")
        .contains("Strategy discussion held the same day.").contains("dcs@exampleshire.example")
        .doesNotContain("Category 2").doesNotContain("Sign off");
    assertThat(toDcs).isEnded().hasPassed(END_DCS_INFORMED).hasNotPassed(SUB_AWAIT_RESPONSE, GW_CATEGORY,
        TASK_INFORM_LEAD_INSPECTOR, TASK_EVALUATE_RESPONSE, TASK_SHARE_EVALUATION, TASK_RECORD_CHIEF_OFFICER_SIGN_OFF,
        TASK_SIGN_OFF_LEAD_INSPECTOR, END_CONCERN_CLOSED);
  }

  @Test
  void theKeepInTouchMeetingListsEveryOpenConcernWithItsState() {
    ProcessInstance first = fixture.raise("ofsted-inspector", reference, annexC(1));
    ProcessInstance second = fixture.raise("cqc-inspector", reference, Map.of(
        VAR_CASE_NUMBERS, "HV-2231", VAR_AGENCY_SERVICE, "Health visiting", VAR_CATEGORY, "2",
        VAR_ISSUES, "Risk assessment not updated after the home visit."));
    ProcessInstance closed = fixture.raise("ofsted-inspector", reference, annexC(2));
    runtime.deleteProcessInstance(closed.getId(), "withdrawn in the test");
    fixture.complete(first, TASK_INFORM_LEAD_INSPECTOR, Map.of("leadInspectorInformed", true));
    fire(first, TIMER_RESPONSE_OVERDUE, Instant.parse("2026-12-30T00:00:00Z"));

    ProcessInstance inspection = runtime.createProcessInstanceQuery().processDefinitionKey(JtaiProcess.KEY)
        .processInstanceBusinessKey(reference).singleResult();
    Task day10 = tasks.createTaskQuery().processInstanceId(inspection.getId())
        .taskDefinitionKey(JtaiProcess.TASK_KIT_MEETING_DAY_10).singleResult();
    assertThat(tasks.getVariableLocal(day10.getId(), OpenConcernsLister.VARIABLE))
        .isEqualTo("No open concerns about children.");
    tasks.complete(day10.getId());

    Task day11 = tasks.createTaskQuery().processInstanceId(inspection.getId())
        .taskDefinitionKey(JtaiProcess.TASK_KIT_MEETING_DAY_11).singleResult();
    String list = (String) tasks.getVariableLocal(day11.getId(), OpenConcernsLister.VARIABLE);
    assertThat(list).contains("Concern 1, category 1: ")
        .contains("response overdue: escalated to the lead inspector and QA manager")
        .contains("(OVERDUE)")
        .contains("Concern 2, category 2: ")
        .contains("the senior officer is to be notified")
        .doesNotContain("Concern 3")
        // Numbers and states only: case numbers, agency and issues stay in the concern.
        .doesNotContain("CS-104233").doesNotContain("HV-2231").doesNotContain("Health visiting")
        .doesNotContain("Strategy discussion").doesNotContain("home visit");
    assertThat(list.indexOf("Concern 1")).isLessThan(list.indexOf("Concern 2"));

    // The inspection's timeline lists them too, with their state and the date the response is due.
    List<TimelineEntry> concerns = timeline.of(reference).stream()
        .filter(e -> e.id().startsWith(ConcernTimeline.ENTRY_PREFIX)).toList();
    assertThat(concerns).extracting(TimelineEntry::id).containsExactly(
        ConcernTimeline.ENTRY_PREFIX + first.getId(), ConcernTimeline.ENTRY_PREFIX + second.getId());
    assertThat(concerns.get(0).title()).startsWith("Concern 1 about a child (category 1)")
        .contains("response overdue").doesNotContain("CS-104233");
    assertThat(concerns.get(0).status()).isEqualTo(TimelineEntry.Status.overdue);
    assertThat(concerns.get(1).status()).isEqualTo(TimelineEntry.Status.open);
    assertThat(concerns.get(1).getDue()).isEqualTo("2027-01-05T23:59:00+00:00");
    assertThat(second).isWaitingAt(TASK_NOTIFY_SENIOR_OFFICER);
  }
}
