package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.InspectionStarts;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.inspection.InspectionTeamAccess;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.WithoutAuthorization;
import uk.jointinspections.testkit.EngineClock;
import uk.jointinspections.testkit.JtaiStart;
import uk.jointinspections.testkit.WithEngineAssertions;

/**
 * Inspections at a given stage of the real {@code jtai} process (started just before the pre-publication letter of
 * day 41, which is completed on the finalisation date, then published on the publication date), complaints recorded
 * through the API as the complaints team, and time travel.
 */
@WithEngineAssertions
abstract class ComplaintTestSupport {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired TestRestTemplate rest;
  @Autowired WithoutAuthorization unrestricted;
  @Autowired InspectionTeamAccess teamAccess;
  @Autowired InspectionStarts starts;

  static Date at(LocalDate date, int hour, int minute) {
    return EngineClock.at(date, LocalTime.of(hour, minute));
  }

  /** The end of a working day, 23:59 London, as the calendar gives it. */
  static Date endOf(String date) {
    return at(LocalDate.parse(date), 23, 59);
  }

  static void clock(LocalDate date, int hour, int minute) {
    ClockUtil.setCurrentTime(at(date, hour, minute));
  }

  static String newReference() {
    return "JTAI-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** An inspection whose letter was finalised and published on these dates (either may be null: not yet). */
  String inspection(String reference, LocalDate finalisedOn, LocalDate publishedOn) {
    return inspection(reference, finalisedOn, publishedOn, InspectionTeam.nobody());
  }

  /** The same, with the inspection team named at its start. */
  String inspection(String reference, LocalDate finalisedOn, LocalDate publishedOn, InspectionTeam team) {
    Date saved = ClockUtil.getCurrentTime();
    LocalDate start = finalisedOn != null ? finalisedOn : LocalDate.of(2026, 1, 5);
    clock(start.minusDays(70), 9, 0);
    Map<String, Object> variables = JtaiStart.partWayVariables(reference, at(start.minusDays(60), 0, 0));
    variables.put(JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED, false);
    variables.put(InspectionTeam.VARIABLE, team.variableValue());
    ProcessInstance jtai = JtaiStart.partWay(runtime, JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER, variables);
    // Started past its start event, so the grants its start listener makes are made here, as it makes them.
    unrestricted.call(() -> {
      teamAccess.grantTeam(jtai.getId(), (String) variables.get(JtaiProcess.VAR_LEAD_INSPECTOR),
          (String) variables.get(JtaiProcess.VAR_QA_MANAGER), team);
      return null;
    });
    if (finalisedOn != null) {
      clock(finalisedOn, 10, 0);
      tasks.complete(task(jtai, JtaiProcess.TASK_SEND_PRE_PUBLICATION_LETTER).getId());
      if (publishedOn != null) {
        clock(publishedOn, 10, 0);
        tasks.complete(task(jtai, JtaiProcess.TASK_PUBLISH_LETTER).getId(),
            Map.of("publicationUrl", "https://reports.example/" + reference));
      }
    }
    ClockUtil.setCurrentTime(saved);
    return jtai.getId();
  }

  /**
   * An inspection of any framework, started through {@link InspectionStarts} as the API starts it (team grants and
   * all), then moved by process instance modification to its finalisation step (final or pre-publication letter),
   * which is completed on {@code finalisedOn}; its publication step is completed on {@code publishedOn}. Either date
   * may be null: not yet.
   */
  String inspectionOf(String framework, String reference, LocalDate finalisedOn, LocalDate publishedOn,
      List<String> team) {
    Date saved = ClockUtil.getCurrentTime();
    clock(LocalDate.of(2025, 9, 1), 9, 0);
    InspectionStartRequest request = switch (framework) {
      case "jtai-2024" -> new InspectionStartRequest(framework, reference, "Northshire", null, null, "2025-09-29",
          "ofsted-lead", "qa-manager", false, null, team);
      case "ofsted-targeted-2016" -> new InspectionStartRequest(framework, reference, "Westshire", "cse-and-missing",
          "2025-09-02", null, "ofsted-lead", "qa-manager", false, null, team);
      case "slac-2009" -> new InspectionStartRequest(framework, reference, "Northshire", null, null, "2025-09-29",
          "ofsted-lead", null, false, null, team);
      default -> new InspectionStartRequest(framework, reference, "Eastshire", "neglect", "2025-09-02", null,
          "ofsted-lead", "qa-manager", false, null, team);
    };
    String id = starts.start(request).processInstanceId();
    String processKey = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult()
        .getProcessDefinitionId().split(":")[0];
    String finalisation = InspectionDirectory.FINALISATION_STEPS.get(processKey);
    String publication = InspectionDirectory.PUBLICATION_STEPS.get(processKey);
    org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder modification =
        runtime.createProcessInstanceModification(id).startBeforeActivity(finalisation);
    for (var child : runtime.getActivityInstance(id).getChildActivityInstances()) {
      modification = modification.cancelActivityInstance(child.getId());
    }
    modification.execute();
    Map<String, Object> letter = new HashMap<>();
    letter.put("statementOfActionRequired", false);
    letter.put("priorityActionLocalAuthority", false);
    letter.put("priorityActionHealth", false);
    letter.put("priorityActionPolice", false);
    letter.put("priorityActionMasa", false);
    letter.put("priorityActionMultiAgency", false);
    if (finalisedOn != null) {
      clock(finalisedOn, 10, 0);
      tasks.complete(task(id, finalisation).getId(), letter);
      if (publishedOn != null) {
        clock(publishedOn, 10, 0);
        tasks.complete(task(id, publication).getId(), Map.of("publicationUrl", "https://reports.example/" + reference));
      }
    }
    ClockUtil.setCurrentTime(saved);
    return id;
  }

  Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  List<Task> taskList(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .orderByTaskId().asc().list();
  }

  Task task(String processInstanceId, String key) {
    List<Task> found = taskList(processInstanceId, key);
    assertThat(found).as("open tasks " + key).hasSize(1);
    return found.get(0);
  }

  void complete(String processInstanceId, String key, Map<String, Object> variables) {
    tasks.complete(task(processInstanceId, key).getId(), variables);
  }

  ResponseEntity<JsonNode> post(String user, String reference, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, "demo").postForEntity("/api/inspections/" + reference + "/complaints",
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  static Map<String, Object> body(String receivedOn, String kind, String text, String conductInspectorate) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("receivedOn", receivedOn);
    body.put("kind", kind);
    body.put("text", text);
    body.put("conductInspectorate", conductInspectorate);
    return body;
  }

  /** Records a complaint through the API as the complaints officer and returns the complaint instance. */
  ProcessInstance record(String reference, Map<String, Object> body) {
    ResponseEntity<JsonNode> response = post("complaints-officer", reference, body);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return runtime.createProcessInstanceQuery().processInstanceId(response.getBody().get("id").asText()).singleResult();
  }

  ProcessInstance conductOf(ProcessInstance complaint) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(complaint.getId()).singleResult();
  }

  /** Runs every timer of these instances that is due at the current (travelled) time. */
  int fireDueTimers(String... processInstanceIds) {
    int fired = 0;
    for (String id : processInstanceIds) {
      for (Job job : management.createJobQuery().processInstanceId(id).timers().executable().list()) {
        management.executeJob(job.getId());
        fired++;
      }
    }
    return fired;
  }

  static Instant instant(String isoLocalDateTimeLondon) {
    return LocalDateTime.parse(isoLocalDateTimeLondon).atZone(LONDON).toInstant();
  }
}
