package uk.jointinspections.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.frameworks.Slac2009Process;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.JtaiProcess.Submission;

/**
 * Behaviour pinned while the diagrams are restructured (issue 17, item 5): for each framework, what people and clients
 * see of a freshly started inspection and of a whole lifecycle walked on time, compared with the recordings under
 * {@code src/test/resources/recordings/<framework>/}.
 *
 * <p><b>What is recorded.</b> {@code fresh-timeline.json}: the answer of {@code GET /api/inspections/{ref}/timeline}
 * just after {@code POST /api/inspections}, the clock fixed ({@link ClockUtil}) on dates whose deadlines cross
 * Christmas, New Year or the May bank holidays and the weekends. {@code lifecycle.json}: the walk of
 * {@link LifecycleWalk} from that start to the end (every task completed by its holder at 09:00 on its due day,
 * timers firing at their moment), each move preceded by what is open at that moment: every user task with its key,
 * name, assignee, candidate groups and users, due and follow-up dates, form and description; the messages the
 * inspection awaits; the moments of its timers. At the end: how the process ended (state, end event, when) and the
 * timeline's final answer. The concern and complaint recordings do the same for a concern raised and a complaint made
 * through the API about an inspection, with the inspection's timeline carrying their entries.
 *
 * <p><b>What a restructuring keeps, and what it may change.</b> A restructuring that changes no behaviour (phases as
 * subprocesses, per-inspectorate copies as multi-instance tasks, "awaited from the local area" as a called process,
 * templates and listeners replaced by properties) keeps everything recorded identical: nothing recorded is internal
 * structure. Left out on purpose: execution trees, activity instance ids, which process definition a task belongs to
 * (a called process moves it), the order of tasks open at once (sorted by what they show) and of timeline entries due
 * at the same moment (sorted by id; the endpoint lists those in the diagram's document order), the number of
 * executions and jobs other than timers. What such a restructuring legitimately changes shows in the diff, to be
 * reviewed line by line: a step's id (the timeline's {@code id}, a task's {@code key}) when copies become one
 * multi-instance task, and an end event's id. Those ids are what running inspections are migrated by, so each such
 * line needs its migration mapping anyway. Where the fidelity issue deliberately changes a date, a name or a
 * holder, the diff names exactly that.
 *
 * <p><b>What varies from run to run, and how it is normalised.</b> Each run's references carry a random suffix (so
 * that a reused PostgreSQL database takes the run again): written {@code <reference>}. The concern's and complaint's
 * process instance ids, which their timeline entries' ids include: {@code <concern>}, {@code <complaint>}. Task ids
 * and process instance ids are never recorded. Every date is the fixed clock's, so none is excluded.
 *
 * <p><b>Changing behaviour on purpose.</b> Run {@code mvn -Dtest=BehaviourRecordingTest -Drecordings.update=true test}
 * to rewrite the recordings, then review {@code git diff src/test/resources/recordings} before committing it. A
 * mismatch fails naming the file, with a line diff (recorded {@code -}, now {@code +}, the recording's line numbers).
 */
@EngineTest
class BehaviourRecordingTest {

  private static final String LEAD = "ofsted-lead";
  private static final String QA = "qa-manager";
  /**
   * Named on every 2016/2017 JTAI's team, so that each partner inspectorate's first member by id may act on its tasks
   * (the 2024 JTAI and the 2016 targeted inspection take the inspectors of their own inspectorates only).
   */
  private static final List<String> TEAM = List.of("ofsted-inspector", "cqc-inspector", "hmicfrs-inspector",
      "probation-inspector");

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ---- the frameworks ----

  @Test
  void jtai2017() {
    // Notified Tuesday 22 December 2026: Christmas Day, Boxing Day's substitute (28th) and New Year's Day fall in week 1.
    record("jtai-2017", "2026-12-17T10:00", start("jtai-2017", "Northshire", "neglect", "2026-12-22", null), this::jtai);
  }

  @Test
  void jtai2016Edition() {
    record("jtai-2016", "2026-12-17T10:00", start("jtai-2016", "Northshire", "domestic-abuse", "2026-12-22", null),
        this::jtai);
  }

  @Test
  void jtai2024() {
    // Fieldwork Monday 11 January 2027: the notification and weeks 1 and 2 span Christmas and New Year.
    record("jtai-2024", "2026-12-14T10:00", start("jtai-2024", "Northshire", null, null, "2027-01-11"), this::jtai2024);
  }

  @Test
  void ofstedTargeted2016() {
    record("ofsted-targeted-2016", "2026-12-17T10:00",
        start("ofsted-targeted-2016", "Westshire", "cse-and-missing", "2026-12-22", null), this::ofstedTargeted);
  }

  @Test
  void slac2009WithNotice() {
    // Fieldwork Monday 18 May 2026; the early May (4th) and spring (25th) bank holidays fall in the table.
    record("slac-2009", "2026-04-30T10:00", slac(false), this::slac);
  }

  @Test
  void slac2009WithoutNotice() {
    record("slac-2009-no-notice", "2026-05-18T08:00", slac(true), this::slac);
  }

  // ---- concern and complaint ----

  @Test
  void concernReferral() {
    String reference = reference("jtai-2017");
    BehaviourRecording recording = new BehaviourRecording().normalise(reference, "<reference>");
    clock("2026-12-17T10:00");
    started(start("jtai-2017", "Northshire", "neglect", "2026-12-22", null).apply(reference));
    // Christmas Eve: a Category 1 concern, its response due across Christmas and Boxing Day's substitute.
    clock("2026-12-24T10:00");
    Map<String, Object> concern = new LinkedHashMap<>();
    concern.put("caseNumbers", "CS-104233 (AB)");
    concern.put("agencyService", "Children's social care, front door");
    concern.put("seniorOfficerRole", "Head of service, safeguarding");
    concern.put("seniorOfficerEmail", "head.of.service@northshire.example");
    concern.put("category1", true);
    concern.put("category2", false);
    concern.put("issues", "Strategy discussion not held within the timescale; risk not reassessed.");
    ResponseEntity<JsonNode> raised = post("ofsted-inspector", "/api/inspections/" + reference + "/concerns", concern);
    assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(201);
    String concernId = raised.getBody().get("id").asText();
    recording.normalise(concernId, "<concern>");
    recording.check("concern-referral", "fresh-timeline.json", timeline(recording, reference));

    LifecycleWalk walk = new LifecycleWalk(engine, concernId, recording)
        .values(ConcernReferralProcess.TASK_INFORM_LEAD_INSPECTOR, Map.of("leadInspectorInformed", true))
        .values(ConcernReferralProcess.TASK_NOTIFY_SENIOR_OFFICER, Map.of("seniorOfficerNotified", true))
        .values(ConcernReferralProcess.TASK_RECORD_RESPONSE, task -> Map.of(ConcernReferralProcess.VAR_RESPONSE,
            "Strategy meeting held.", "responseReceivedDate", today()))
        .values(ConcernReferralProcess.TASK_EVALUATE_RESPONSE, Map.of(ConcernReferralProcess.VAR_EVALUATION,
            "Action taken is proportionate; strategy meeting held."))
        .values(ConcernReferralProcess.TASK_SHARE_EVALUATION, task -> Map.of(ConcernReferralProcess.VAR_EVALUATION,
            "Agreed: action taken is proportionate.", ConcernReferralProcess.VAR_EVALUATION_SHARED_ON, today()))
        .values(ConcernReferralProcess.TASK_RECORD_CHIEF_OFFICER_SIGN_OFF, task -> Map.of(
            ConcernReferralProcess.VAR_CHIEF_OFFICER_ROLE, "Director of children's services",
            ConcernReferralProcess.VAR_CHIEF_OFFICER_SIGNED_ON, today()))
        .values(ConcernReferralProcess.TASK_SIGN_OFF_LEAD_INSPECTOR, task -> Map.of(
            ConcernReferralProcess.VAR_LEAD_INSPECTOR_SIGNED_ON, today(), "leadInspectorConfirms", true));
    walkAndCheck(recording, "concern-referral", reference, walk, recording.object());
  }

  @Test
  void complaint() {
    String reference = reference("jtai-2017");
    BehaviourRecording recording = new BehaviourRecording().normalise(reference, "<reference>");
    clock("2026-09-28T10:00");
    String inspection = started(start("jtai-2017", "Eastshire", "neglect", "2026-10-06", null).apply(reference));
    // Moved to its letter, as the complaint tests do: sent on Wednesday 9 December, published on Friday 11.
    ProcessInstanceModificationBuilder modification = engine.getRuntimeService()
        .createProcessInstanceModification(inspection)
        .startBeforeActivity(JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER);
    for (var child : engine.getRuntimeService().getActivityInstance(inspection).getChildActivityInstances()) {
      modification = modification.cancelActivityInstance(child.getId());
    }
    modification.execute();
    engine.getRuntimeService().setVariable(inspection, JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED, false);
    clock("2026-12-09T10:00");
    completeOnly(inspection, JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER, Map.of());
    clock("2026-12-11T10:00");
    completeOnly(inspection, JtaiProcess.TASK_PUBLISH_LETTER, Map.of("publicationUrl", "https://reports.example/x"));
    // Made on Friday 18 December 2026: its working days 5 to 30 fall across Christmas and New Year.
    clock("2026-12-18T15:00");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("receivedOn", "2026-12-18");
    body.put("kind", "process-outcome");
    body.put("text", "The judgement on the front door is not supported by the evidence.");
    body.put("conductInspectorate", null);
    ResponseEntity<JsonNode> made = post("complaints-officer", "/api/inspections/" + reference + "/complaints", body);
    assertThat(made.getStatusCode().value()).as(String.valueOf(made.getBody())).isEqualTo(201);
    String complaintId = made.getBody().get("id").asText();
    recording.normalise(complaintId, "<complaint>");
    recording.check("complaint", "fresh-timeline.json", timeline(recording, reference));

    LifecycleWalk walk = new LifecycleWalk(engine, complaintId, recording)
        .values(ComplaintProcess.TASK_APPOINT_LEAD_INVESTIGATOR, Map.of(ComplaintProcess.VAR_LEAD_INVESTIGATOR, QA))
        .values(ComplaintProcess.TASK_SEND_ACKNOWLEDGEMENT, Map.of("acknowledgementSent", true, "copiesShared", true))
        .values(ComplaintProcess.TASK_LEAD_INSPECTOR_COMMENTS, Map.of("leadInspectorComments", "Comments."))
        .values(ComplaintProcess.TASK_DRAFT_RESPONSE, Map.of("draftResponse", "Draft."))
        .values(ComplaintProcess.TASK_FINALISE_RESPONSE, Map.of("finalResponse", "Final."))
        .values(ComplaintProcess.TASK_SIGN_OFF_RESPONSE, Map.of(ComplaintProcess.VAR_RESPONSE_SHARED, true,
            ComplaintProcess.VAR_RESPONSE_SENT, true, ComplaintProcess.VAR_COMPLAINT_UPHELD, "no"))
        .values(ComplaintProcess.TASK_RECORD_LEARNING_OUTCOMES, Map.of(ComplaintProcess.VAR_LEARNING_OUTCOMES,
            "Explain the evidence base in the letter.", "learningShared", true));
    walkAndCheck(recording, "complaint", reference, walk, recording.object());
  }

  // ---- what each framework's steps need ----

  /** The 2017 JTAI and its 2016 edition: the selections, the submissions recorded by hand, HMCI's decision. */
  private LifecycleWalk jtai(LifecycleWalk walk) {
    for (Submission submission : Submission.values()) {
      walk.values(submission.recordTaskId, task -> Map.of(submission.receivedOnVariable(), today(),
          submission.channelVariable(), "email"));
    }
    return walk
        .values(JtaiProcess.TASK_NOTIFY_DCS, Map.of(JtaiProcess.VAR_DCS_EMAIL, "dcs@northshire.example"))
        .values(JtaiProcess.forInspectorate(JtaiProcess.TASK_NOTIFY_SENIOR_LEADERS, "cqc"),
            Map.of(JtaiProcess.VAR_SENIOR_LEADER_EMAILS, "cqc-leader@northshire.example"))
        .values(JtaiProcess.forInspectorate(JtaiProcess.TASK_NOTIFY_SENIOR_LEADERS, "hmicfrs"),
            Map.of(JtaiProcess.VAR_SENIOR_LEADER_EMAILS, "hmicfrs-leader@northshire.example"))
        .values(JtaiProcess.forInspectorate(JtaiProcess.TASK_NOTIFY_SENIOR_LEADERS, "hmi-probation"),
            Map.of(JtaiProcess.VAR_SENIOR_LEADER_EMAILS, "hmi-probation-leader@northshire.example"))
        .values(JtaiProcess.TASK_SELECT_20_CHILDREN, Map.of(JtaiProcess.VAR_SELECTED_CHILD_IDS, children("NS-", 1, 20)))
        .values(JtaiProcess.TASK_SELECT_CHILDREN_TO_EVALUATE, Map.of(JtaiProcess.VAR_EVALUATION_CHILD_IDS,
            children("NS-", 3, 6)))
        .values(JtaiProcess.TASK_FINDINGS_MEETING, Map.of(JtaiProcess.VAR_STRENGTHS, "Strong multi-agency front door.",
            JtaiProcess.VAR_AREAS_FOR_DEVELOPMENT, "Timeliness of strategy discussions.",
            JtaiProcess.VAR_AREAS_FOR_PRIORITY_ACTION, ""))
        .values(JtaiProcess.TASK_PROPOSE_STATEMENT_DECISION, Map.of(JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED, true,
            JtaiProcess.VAR_STATEMENT_LEAD_AGENCY, "local-authority"))
        .values(JtaiProcess.TASK_PUBLISH_LETTER, Map.of("publicationUrl", "https://reports.example/northshire"))
        .values(Submission.EVALUATION_QUESTIONNAIRE.recordTaskId, task -> Map.of("evaluationQuestionnaireOutcome",
            "received", Submission.EVALUATION_QUESTIONNAIRE.receivedOnVariable(), today(),
            Submission.EVALUATION_QUESTIONNAIRE.channelVariable(), "email"))
        .values(JtaiProcess.TASK_REVIEW_STATEMENT_OF_ACTION, Map.of("statementReviewDraftResponse",
            "The plan addresses the findings."));
  }

  private LifecycleWalk jtai2024(LifecycleWalk walk) {
    Map<String, Object> findings = new HashMap<>();
    findings.put(Jtai2024Process.VAR_PRIORITY_LOCAL_AUTHORITY, false);
    findings.put(Jtai2024Process.VAR_PRIORITY_HEALTH, false);
    findings.put(Jtai2024Process.VAR_PRIORITY_POLICE, false);
    findings.put(Jtai2024Process.VAR_PRIORITY_MASA, false);
    findings.put("areasForPriorityAction", "");
    return walk
        .values(Jtai2024Process.TASK_SHARE_ANALYSIS_OFSTED, Map.of("analysisSharedOfsted", "ILACS findings."))
        .values(Jtai2024Process.TASK_SHARE_ANALYSIS_CQC, Map.of("analysisSharedCqc", "Health provider intelligence."))
        .values(Jtai2024Process.TASK_SHARE_ANALYSIS_HMICFRS, Map.of("analysisSharedHmicfrs", "Force findings."))
        .values(Jtai2024Process.TASK_PRE_NOTIFICATION_MEETING, Map.of("preNotificationMeetingHeld", true))
        .values(Jtai2024Process.TASK_NOTIFY_DCS, Map.of("dcsNotified", true))
        .values(Jtai2024Process.TASK_SELECT_30_CHILDREN, Map.of("selectedChildIds", IntStream.rangeClosed(1, 30)
            .mapToObj(i -> String.format("C%03d", i)).collect(Collectors.joining(", "))))
        .values(Jtai2024Process.TASK_SELECT_AUDIT_CHILDREN, Map.of("auditChildIds", "C001, C002, C003, C004, C005"))
        .values(Jtai2024Process.TASK_REQUEST_HEALTH_RECORDS_CQC, Map.of("healthAgenciesAsked", "The ICB's trust."))
        .values(Jtai2024Process.TASK_AGREE_PROVISIONAL_FINDINGS, findings)
        .values(Jtai2024Process.TASK_INFORMAL_CONCERN_CONTACT, Map.of("informalConcernRaised", "no"))
        .values(Jtai2024Process.TASK_RECORD_DCS_COMMENTS, Map.of("factualAccuracyOutcome", "none"))
        .values(Jtai2024Process.TASK_CONSULT_STATEMENT_CQC, Map.of("statementViewCqc", "not-required"))
        .values(Jtai2024Process.TASK_CONSULT_STATEMENT_HMICFRS, Map.of("statementViewHmicfrs", "not-required"))
        .values(Jtai2024Process.TASK_DECIDE_STATEMENT_OF_ACTION, Map.of(Jtai2024Process.VAR_STATEMENT_REQUIRED, false,
            Jtai2024Process.VAR_STATEMENT_LEAD_AGENCY, "none"))
        .values(InspectionDirectory.PUBLICATION_STEPS.get(Jtai2024Process.KEY),
            Map.of("publicationUrl", "https://reports.example/northshire"));
  }

  private LifecycleWalk ofstedTargeted(LifecycleWalk walk) {
    return walk
        .values(OfstedTargeted2016Process.TASK_NOTIFY_DCS, Map.of("dcsNotified", true, "dcsEmail", "dcs@westshire.example"))
        .values(OfstedTargeted2016Process.TASK_SELECT_20_CHILDREN, Map.of("selectedChildIds", children("CS-", 101, 20)))
        .values(OfstedTargeted2016Process.TASK_SELECT_CHILDREN_TO_EVALUATE, Map.of("evaluationChildIds",
            children("CS-", 101, 5)))
        .values(OfstedTargeted2016Process.TASK_QA_ON_SITE, Map.of("qaOnSite", "yes"))
        .values(InspectionDirectory.PUBLICATION_STEPS.get(OfstedTargeted2016Process.KEY),
            Map.of("publicationUrl", "https://reports.example/westshire"));
  }

  private LifecycleWalk slac(LifecycleWalk walk) {
    Map<String, Object> grades = new HashMap<>();
    Slac2009Process.SAFEGUARDING_JUDGEMENTS.keySet().forEach(k -> grades.put(k, "good"));
    Slac2009Process.LAC_JUDGEMENTS.keySet().forEach(k -> grades.put(k, "good"));
    grades.put(Slac2009Process.VAR_EDUCATIONAL_PROGRESS, true);
    Map<String, Object> initial = Map.of("initialSafeguardingCaseIds", "S101, S102, S103, S104",
        "initialLacCaseIds", "L201, L202, L203, L204");
    return walk
        .values(Slac2009Process.TASK_SETUP_MEETING, initial)
        .values(Slac2009Process.TASK_SETUP_MEETING_ON_SITE, initial)
        .values(Slac2009Process.TASK_SELECT_ADDITIONAL_CASES, Map.of(
            "additionalSafeguardingCaseIds", "S105, S106, S107, S108, S109, S110",
            "additionalLacCaseIds", "L205, L206, L207, L208, L209, L210"))
        .values(Slac2009Process.TASK_RECORD_JUDGEMENTS, grades)
        .values(Slac2009Process.TASK_CONFIRM_JUDGEMENTS, task -> {
          Map<String, Object> confirmed = new HashMap<>();
          for (String judgement : Slac2009Process.LIMITED_JUDGEMENTS) {
            confirmed.put(judgement + Slac2009Process.SUFFIX_FINAL, engine.getTaskService().getVariable(task.getId(),
                judgement + Slac2009Process.SUFFIX_SUGGESTED));
          }
          return confirmed;
        })
        .values(Slac2009Process.TASK_PUBLISH_REPORT, Map.of("publicationUrl", "https://reports.example/northshire"));
  }

  // ---- the recording itself ----

  /** How to start one inspection with a given reference, through the API as the lead inspector. */
  private Function<String, ResponseEntity<JsonNode>> start(String framework, String localAuthority,
      String theme, String notification, String fieldworkStart) {
    return reference -> {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("framework", framework);
      request.put("reference", reference);
      request.put("localAuthority", localAuthority);
      request.put("deepDiveTheme", theme);
      request.put("notificationDate", notification);
      request.put("plannedFieldworkStart", fieldworkStart);
      request.put("leadInspector", LEAD);
      request.put("qaManager", framework.equals("slac-2009") ? null : QA);
      request.put("inspectionTeam", switch (framework) {
        case "jtai-2024" -> List.of("ofsted-inspector", "cqc-inspector", "hmicfrs-inspector");
        case "ofsted-targeted-2016" -> List.of("ofsted-inspector");
        default -> TEAM;
      });
      return post(LEAD, "/api/inspections", request);
    };
  }

  private Function<String, ResponseEntity<JsonNode>> slac(boolean noNotice) {
    return reference -> {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("framework", "slac-2009");
      request.put("reference", reference);
      request.put("localAuthority", "Northshire");
      request.put("plannedFieldworkStart", "2026-05-18");
      request.put("leadInspector", LEAD);
      request.put("noNotice", noNotice);
      request.put("noNoticeReason", noNotice ? "serious-concerns" : null);
      request.put("inspectionTeam", List.of("ofsted-inspector", "cqc-inspector"));
      return post(LEAD, "/api/inspections", request);
    };
  }

  /** Starts at {@code now}, records the fresh timeline, walks the lifecycle with what the framework's steps need. */
  private void record(String name, String now,
      Function<String, ResponseEntity<JsonNode>> start,
      UnaryOperator<LifecycleWalk> steps) {
    String reference = reference(name);
    BehaviourRecording recording = new BehaviourRecording().normalise(reference, "<reference>");
    clock(now);
    ResponseEntity<JsonNode> answer = start.apply(reference);
    String instance = started(answer);
    JsonNode fresh = timeline(recording, reference);
    recording.check(name, "fresh-timeline.json", fresh);

    LifecycleWalk walk = steps.apply(new LifecycleWalk(engine, instance, recording));
    walkAndCheck(recording, name, reference, walk, lifecycle(recording, answer));
  }

  /** What the start's answer says besides the process instance id, which varies. */
  private ObjectNode lifecycle(BehaviourRecording recording, ResponseEntity<JsonNode> answer) {
    ObjectNode lifecycle = recording.object();
    ObjectNode startAnswer = lifecycle.putObject("startAnswer");
    startAnswer.set("reference", answer.getBody().get("reference"));
    startAnswer.set("warnings", answer.getBody().get("warnings"));
    startAnswer.set("timeline", recording.timeline(answer.getBody().get("timeline")));
    return lifecycle;
  }

  /**
   * Walks to the end and checks the lifecycle; then fails naming every recording that differed. When the walk itself
   * breaks off (a step refused), the differences found so far are reported first: they usually say why.
   */
  private void walkAndCheck(BehaviourRecording recording, String name, String reference, LifecycleWalk walk,
      ObjectNode lifecycle) {
    try {
      lifecycle.set("moves", walk.run());
    } catch (AssertionError | RuntimeException e) {
      recording.verify();
      throw e;
    }
    lifecycle.set("end", walk.endState());
    lifecycle.set("timeline", timeline(recording, reference));
    recording.check(name, "lifecycle.json", lifecycle);
    recording.verify();
  }

  private String started(ResponseEntity<JsonNode> answer) {
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
    return answer.getBody().get("processInstanceId").asText();
  }

  /** The timeline the lead inspector's client reads. */
  private JsonNode timeline(BehaviourRecording recording, String reference) {
    ResponseEntity<String> answer = rest.withBasicAuth(LEAD, "demo")
        .getForEntity("/api/inspections/" + reference + "/timeline", String.class);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
    return recording.timeline(recording.parse(answer.getBody()));
  }

  private ResponseEntity<JsonNode> post(String user, String path, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private void completeOnly(String instance, String key, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key)
        .singleResult();
    engine.getTaskService().complete(task.getId(), variables);
  }

  /** A reference of this run: the framework's prefix and a random suffix, recorded as {@code <reference>}. */
  private static String reference(String name) {
    return "REC-" + name.toUpperCase().replaceAll("[^A-Z0-9]+", "-") + "-"
        + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  }

  private static void clock(String londonDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(londonDateTime).atZone(WorkingDayCalendar.LONDON)
        .toInstant()));
  }

  private static String today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate().toString();
  }

  private static String children(String prefix, int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> prefix + (prefix.equals("NS-") ? 1000 + i : i))
        .collect(Collectors.joining(", "));
  }
}
