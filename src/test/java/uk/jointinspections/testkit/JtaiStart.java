package uk.jointinspections.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.JtaiProcess;

/**
 * The JTAI start that most tests begin from: a 2017 JTAI on neglect, led by the demo lead inspector with the demo QA
 * manager, started as the start form starts it (POST /api/inspections as the lead inspector), then moved past the
 * senior analytical officer's pre-inspection briefing (¶10, day −2), which every inspection waits on before the
 * inspectorates' day −1 reviews open.
 */
public final class JtaiStart {

  public static final String LEAD_INSPECTOR = "ofsted-lead";
  public static final String QA_MANAGER = "qa-manager";
  public static final String LOCAL_AUTHORITY = "Northshire";

  private JtaiStart() {
  }

  /** The start form's body for a 2017 JTAI on neglect in Northshire whose fieldwork starts then. */
  public static Map<String, Object> form(String reference, String plannedFieldworkStart) {
    return form(reference, plannedFieldworkStart, LOCAL_AUTHORITY);
  }

  /** The start form's body for a 2017 JTAI on neglect whose fieldwork starts on {@code plannedFieldworkStart}. */
  public static Map<String, Object> form(String reference, String plannedFieldworkStart, String localAuthority) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("framework", "jtai-2017");
    body.put("reference", reference);
    body.put("localAuthority", localAuthority);
    body.put("deepDiveTheme", "neglect");
    body.put("plannedFieldworkStart", plannedFieldworkStart);
    body.put("leadInspector", LEAD_INSPECTOR);
    body.put("qaManager", QA_MANAGER);
    return body;
  }

  /** The start form's body for a 2024 JTAI (no deep-dive theme), by its planned fieldwork start. */
  public static Map<String, Object> form2024(String reference, String localAuthority, String plannedFieldworkStart) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("framework", "jtai-2024");
    body.put("reference", reference);
    body.put("localAuthority", localAuthority);
    body.put("plannedFieldworkStart", plannedFieldworkStart);
    body.put("leadInspector", LEAD_INSPECTOR);
    body.put("qaManager", QA_MANAGER);
    return body;
  }

  /** The same start as {@link uk.jointinspections.inspection.InspectionStarts} takes it, by notification date. */
  public static InspectionStartRequest notifiedOn(String framework, String reference, String theme, LocalDate notified) {
    return new InspectionStartRequest(framework, reference, LOCAL_AUTHORITY, theme, notified.toString(), null,
        LEAD_INSPECTOR, QA_MANAGER);
  }

  /** Started through the API in Northshire, as the start form would; its process instance id. */
  public static String overTheApi(TestRestTemplate rest, String reference, String plannedFieldworkStart) {
    return overTheApi(rest, reference, plannedFieldworkStart, LOCAL_AUTHORITY);
  }

  public static String overTheApi(TestRestTemplate rest, String reference, String plannedFieldworkStart,
      String localAuthority) {
    return overTheApi(rest, form(reference, plannedFieldworkStart, localAuthority));
  }

  /** A start form's body (one of {@link #form} with a team, say) sent by its own lead inspector; the instance id. */
  public static String overTheApi(TestRestTemplate rest, Map<String, Object> form) {
    String lead = (String) form.get("leadInspector");
    ResponseEntity<JsonNode> started = new ApiClient(rest).post(lead, "/api/inspections", form);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
    return started.getBody().get("processInstanceId").asText();
  }

  /** Started through the API and past the analyst's briefing: the inspectorates' day −1 reviews are open; the id. */
  public static String pastTheAnalystsBriefing(TestRestTemplate rest, TaskService tasks, String reference,
      String plannedFieldworkStart) {
    return pastTheAnalystsBriefing(tasks, overTheApi(rest, reference, plannedFieldworkStart));
  }

  /** The senior analytical officer's briefing (¶10, day −2) done, so the day −1 reviews are open; the id again. */
  public static String pastTheAnalystsBriefing(TaskService tasks, String instance) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(JtaiProcess.TASK_PREPARE_PRE_INSPECTION_BRIEFING).singleResult().getId());
    return instance;
  }
}
