package uk.jointinspections.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.inspection.InspectionStartRequest;
import uk.jointinspections.inspection.JtaiFramework;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.ValidatedStart;

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

  /**
   * What a 2017 JTAI on neglect in Exampleshire holds when a test starts it part-way rather than through the start
   * form: reference, framework, theme, day zero (a date, or its string), lead inspector and QA manager. Mutable, for
   * what the test's step needs besides.
   */
  public static Map<String, Object> partWayVariables(String reference, Object dayZero) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(JtaiProcess.VAR_FRAMEWORK, "jtai-2017");
    variables.put(JtaiProcess.VAR_REFERENCE, reference);
    variables.put(JtaiProcess.VAR_LOCAL_AUTHORITY, "Exampleshire");
    variables.put(JtaiProcess.VAR_DEEP_DIVE_THEME, "neglect");
    variables.put(JtaiProcess.VAR_DAY_ZERO, dayZero);
    variables.put(JtaiProcess.VAR_LEAD_INSPECTOR, LEAD_INSPECTOR);
    variables.put(JtaiProcess.VAR_QA_MANAGER, QA_MANAGER);
    return variables;
  }

  /** A 2017 JTAI started where {@code activity} begins (startBeforeActivity), holding {@link #partWayVariables}. */
  public static ProcessInstance partWay(RuntimeService runtime, String activity, Map<String, Object> variables) {
    return runtime.createProcessInstanceByKey(JtaiProcess.KEY)
        .businessKey((String) variables.get(JtaiProcess.VAR_REFERENCE)).setVariables(variables)
        .startBeforeActivity(activity).execute();
  }

  /**
   * A 2017 JTAI started where {@code activity} begins, with every variable a validated start leaves: Northshire, on
   * neglect, notified on Tuesday 2 March 2027 for fieldwork on 15 March; plus {@code extra}.
   */
  public static ProcessInstance validatedPartWay(RuntimeService runtime, String reference, String activity,
      Map<String, Object> extra) {
    ValidatedStart start = new ValidatedStart(JtaiFramework.JTAI_2017, reference, LOCAL_AUTHORITY,
        JtaiFramework.DeepDiveTheme.NEGLECT, LocalDate.of(2027, 3, 2), LocalDate.of(2027, 3, 15), LEAD_INSPECTOR,
        QA_MANAGER);
    Map<String, Object> variables = new HashMap<>(start.variables());
    variables.putAll(extra);
    return runtime.createProcessInstanceByKey(JtaiProcess.KEY).businessKey(start.reference())
        .setVariables(variables).startBeforeActivity(activity).execute();
  }
}
