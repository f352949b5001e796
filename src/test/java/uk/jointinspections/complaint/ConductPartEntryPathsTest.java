package uk.jointinspections.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.jointinspections.complaint.ComplaintProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;

/**
 * The conduct part of a complaint is stored in the confidential conduct investigation only, from every way a complaint
 * enters: our API (kinds conduct and both), the engine's REST start and a start form submission with the variable set
 * (what the Tasklist's start form sends, or anyone calling its endpoint), and the inspectorate's own task form; a
 * step of the complaint itself refuses it. Checked
 * over HTTP as admin, who reads everything: the complaint's runtime variables, its historic variables (deleted ones
 * included) and its historic details (variable updates and form properties) never hold it; the conduct instance does,
 * for the investigating inspectorate.
 */
@EngineTest
class ConductPartEntryPathsTest extends ComplaintTestSupport {

  private static final String INSPECTION_PART = "The findings on the front door are wrong.";

  private static String marker(String what) {
    return what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private String inTimeInspection() {
    String reference = newReference();
    inspection(reference, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));
    clock(LocalDate.of(2026, 3, 9), 11, 0);
    return reference;
  }

  @Test
  void theApiSplitsAComplaintOfBothKinds() {
    String reference = inTimeInspection();
    String conductPart = marker("The inspector mocked the sergeant");
    Map<String, Object> body = body("2026-03-09", "both", INSPECTION_PART, "hmicfrs");
    body.put("conductDetails", conductPart);

    ProcessInstance complaint = record(reference, body);

    String conduct = conductOf(complaint).getId();
    assertConductPartOnlyInTheConductInstance(complaint.getId(), conduct, conductPart);
    assertThat(values("admin", "/process-instance/" + complaint.getId() + "/variables")).contains(INSPECTION_PART);
    assertThat(values("admin", "/process-instance/" + conduct + "/variables")).doesNotContain(INSPECTION_PART);
    // With the conduct part already given, HMICFRS acknowledges it; nothing is left for it to record again.
    assertThat(task(conduct, ComplaintConductProcess.TASK_SEND_CONDUCT_ACKNOWLEDGEMENT)).isNotNull();
    assertThat(taskList(conduct, ComplaintConductProcess.TASK_RECORD_CONDUCT_DETAILS)).isEmpty();
  }

  @Test
  void theApiRefusesAComplaintOfBothKindsWithoutItsConductPart() {
    String reference = inTimeInspection();
    Map<String, Object> body = body("2026-03-09", "both", INSPECTION_PART + " And the inspector was rude.", "hmicfrs");

    ResponseEntity<JsonNode> response = post("complaints-officer", reference, body);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("message").asText())
        .startsWith("conductDetails: a complaint of kind both has a conduct part");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(reference).count()).isZero();
  }

  @Test
  void theEnginesRestStartMovesTheConductPartToTheConductInstance() {
    for (String kind : List.of("conduct", "both")) {
      String reference = inTimeInspection();
      String conductPart = marker("Shouted at the custody sergeant");
      ObjectNode variables = startVariables(reference, kind);
      variables.set(VAR_CONDUCT_DETAILS, string(conductPart));

      JsonNode started = postEngine("/process-definition/key/" + KEY + "/start",
          JsonNodeFactory.instance.objectNode().set("variables", variables));

      String complaint = started.get("id").asText();
      assertConductPartOnlyInTheConductInstance(complaint, conductInstanceOf(complaint), conductPart);
    }
  }

  @Test
  void aStartFormSubmittedWithTheConductPartKeepsItOutOfTheComplaintsFormHistory() {
    String reference = inTimeInspection();
    String conductPart = marker("Laughed at the social worker");
    ObjectNode variables = startVariables(reference, "both");
    variables.set(VAR_CONDUCT_DETAILS, string(conductPart));

    JsonNode started = postEngine("/process-definition/key/" + KEY + "/submit-form",
        JsonNodeFactory.instance.objectNode().set("variables", variables));

    String complaint = started.get("id").asText();
    assertConductPartOnlyInTheConductInstance(complaint, conductInstanceOf(complaint), conductPart);
  }

  @Test
  void fromTheStartFormWithoutItTheInspectorateRecordsTheConductPartInItsOwnTaskForm() {
    String reference = inTimeInspection();
    JsonNode started = postEngine("/process-definition/key/" + KEY + "/submit-form",
        JsonNodeFactory.instance.objectNode().set("variables", startVariables(reference, "both")));
    String complaint = started.get("id").asText();
    String conduct = conductInstanceOf(complaint);
    String conductPart = marker("Refused to listen to the head teacher");

    JsonNode record = rest.withBasicAuth("hmicfrs-inspector", "demo").getForEntity("/engine-rest/task?processInstanceId="
        + conduct + "&taskDefinitionKey=" + ComplaintConductProcess.TASK_RECORD_CONDUCT_DETAILS, JsonNode.class).getBody();
    assertThat(record).hasSize(1);
    ObjectNode form = JsonNodeFactory.instance.objectNode();
    form.putObject("variables").set(VAR_CONDUCT_DETAILS, string(conductPart));
    ResponseEntity<String> submitted = rest.withBasicAuth("hmicfrs-inspector", "demo").postForEntity(
        "/engine-rest/task/" + record.get(0).get("id").asText() + "/submit-form", json(form), String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isIn(200, 204);

    assertConductPartOnlyInTheConductInstance(complaint, conduct, conductPart);
  }

  @Test
  void aStepOfTheComplaintRefusesTheConductPart() {
    String reference = inTimeInspection();
    Map<String, Object> body = body("2026-03-09", "both", INSPECTION_PART, "hmicfrs");
    body.put("conductDetails", marker("Ignored the designated nurse"));
    ProcessInstance complaint = record(reference, body);
    String handling = task(complaint.getId(), TASK_DECIDE_BOTH_HANDLING).getId();
    String conductPart = marker("Swore at the duty manager");
    ObjectNode form = JsonNodeFactory.instance.objectNode();
    ObjectNode variables = form.putObject("variables");
    variables.set(VAR_CONDUCT_HANDLING, string(HANDLING_WITHIN_INVESTIGATION));
    variables.set(VAR_CONDUCT_MAY_AFFECT_FINDINGS, string("no"));
    variables.set("conductHandlingReason", string("Minor."));
    variables.set(VAR_CONDUCT_DETAILS, string(conductPart));

    ResponseEntity<JsonNode> refused = rest.withBasicAuth("complaints-officer", "demo").postForEntity(
        "/engine-rest/task/" + handling + "/submit-form", json(form), JsonNode.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("message").asText()).contains("conductDetails: the conduct part of a complaint");
    assertThat(task(complaint.getId(), TASK_DECIDE_BOTH_HANDLING).getId()).isEqualTo(handling);
    for (String path : List.of("/process-instance/" + complaint.getId() + "/variables",
        "/history/variable-instance?includeDeleted=true&processInstanceId=" + complaint.getId(),
        "/history/detail?processInstanceId=" + complaint.getId())) {
      assertThat(text("admin", path)).as("admin GET " + path).doesNotContain(conductPart);
    }
  }

  /** The variables the start form sends, as the complaints officer fills it in. */
  private static ObjectNode startVariables(String reference, String kind) {
    ObjectNode variables = JsonNodeFactory.instance.objectNode();
    variables.set(VAR_INSPECTION_REFERENCE, string(reference));
    variables.set(VAR_RECEIVED_ON, string("2026-03-09"));
    variables.set(VAR_KIND, string(kind));
    variables.set(VAR_CONDUCT_INSPECTORATE, string("hmicfrs"));
    if (!"conduct".equals(kind)) {
      variables.set(VAR_TEXT, string(INSPECTION_PART));
    }
    ObjectNode no = JsonNodeFactory.instance.objectNode();
    no.put("value", false);
    no.put("type", "Boolean");
    variables.set(VAR_WITHHOLD_REQUESTED, no);
    return variables;
  }

  private static ObjectNode string(String value) {
    ObjectNode variable = JsonNodeFactory.instance.objectNode();
    variable.put("value", value);
    variable.put("type", "String");
    return variable;
  }

  private void assertConductPartOnlyInTheConductInstance(String complaint, String conduct, String conductPart) {
    for (String path : List.of("/process-instance/" + complaint + "/variables",
        "/history/variable-instance?includeDeleted=true&processInstanceId=" + complaint,
        "/history/detail?processInstanceId=" + complaint)) {
      assertThat(text("admin", path)).as("admin GET " + path).doesNotContain(conductPart);
    }
    assertThat(text("admin", "/history/detail?processInstanceId=" + complaint)).as("the complaint has history")
        .contains(VAR_KIND);
    // The investigating inspectorate reads its investigation through the history (it holds no definition-wide grant
    // on runtime variables; identity/InstanceGrants), the administrator either way.
    assertThat(values("admin", "/process-instance/" + conduct + "/variables")).as("admin").contains(conductPart);
    for (String user : List.of("admin", "hmicfrs-inspector")) {
      assertThat(values(user, "/history/variable-instance?processInstanceId=" + conduct)).as(user).contains(conductPart);
    }
  }

  private String conductInstanceOf(String complaint) {
    JsonNode conducts = rest.withBasicAuth("admin", "test-admin-secret").getForEntity(
        "/engine-rest/process-instance?superProcessInstance=" + complaint, JsonNode.class).getBody();
    assertThat(conducts).as("the conduct investigation of " + complaint).hasSize(1);
    return conducts.get(0).get("id").asText();
  }

  private JsonNode postEngine(String path, JsonNode body) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth("complaints-officer", "demo")
        .postForEntity("/engine-rest" + path, json(body), JsonNode.class);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    return response.getBody();
  }

  private static HttpEntity<String> json(JsonNode body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body.toString(), headers);
  }

  private String text(String user, String path) {
    return String.valueOf(rest.withBasicAuth(user, password(user)).getForEntity("/engine-rest" + path, String.class)
        .getBody());
  }

  private List<String> values(String user, String path) {
    JsonNode variables = rest.withBasicAuth(user, password(user)).getForEntity("/engine-rest" + path, JsonNode.class)
        .getBody();
    List<String> values = new java.util.ArrayList<>();
    variables.forEach(variable -> values.add(variable.path("value").asText()));
    return values;
  }

  private static String password(String user) {
    return user.equals("admin") ? "test-admin-secret" : "demo";
  }
}
