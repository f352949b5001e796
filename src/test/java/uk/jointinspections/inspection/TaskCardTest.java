package uk.jointinspections.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.jointinspections.EngineTest;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.identity.SharedTaskFilter;
import uk.jointinspections.testkit.AnnexCConcern;
import uk.jointinspections.testkit.ApiClient;
import uk.jointinspections.testkit.JtaiStart;

/**
 * The cards of the Tasklist's shared filters name each task's inspection: its reference, local authority and framework,
 * for every framework and for what runs beside an inspection (concerns, complaints, conduct investigations, statements
 * of action). Read as the Tasklist reads them: {@code POST /engine-rest/filter/{id}/list} in HAL, with the body the
 * Tasklist sends (its {@code searchQuery}, the page, the sorting and {@code active}), as the person holding the task.
 */
@EngineTest
class TaskCardTest {

  @Autowired TestRestTemplate rest;
  private final ApiClient api = new ApiClient(() -> rest);
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired FilterService filters;
  @Autowired WorkingDays workingDays;
  @Autowired TaskCardBackfill backfill;

  private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
  private final List<String> started = new ArrayList<>();

  @AfterEach
  void removeInspections() {
    for (String reference : started) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).rootProcessInstances().list()
          .forEach(i -> runtime.deleteProcessInstanceIfExists(i.getId(), "test over", true, true, true, true));
    }
  }

  @Test
  void everyFrameworksTasksShowTheirInspectionOnTheirCards() {
    Map<String, String> labels = Map.of("jtai-2017", "JTAI 2017", "jtai-2016", "JTAI 2016", "jtai-2024", "JTAI 2024",
        OfstedTargeted2016Process.FRAMEWORK, "Ofsted targeted 2016", "slac-2009", "SLAC 2009");
    for (Map.Entry<String, String> framework : labels.entrySet()) {
      String reference = "CARD-" + run + "-" + framework.getKey().toUpperCase();
      String localAuthority = "Shire of " + framework.getKey();
      startInspection(framework.getKey(), reference, localAuthority);

      String instance = instanceOf(reference);
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list();
      Map<String, Map<String, String>> cards = cardsOfTheirHolders(open, reference);
      assertThat(open).as("open tasks of the %s inspection", framework.getKey()).isNotEmpty();
      assertThat(cards).as(framework.getKey()).containsKeys(open.stream().map(Task::getId).toArray(String[]::new));
      assertThat(cards.values()).as(framework.getKey()).allSatisfy(card -> assertThat(card).containsOnly(
          Map.entry(TaskCard.VAR_REFERENCE, reference), Map.entry(TaskCard.VAR_LOCAL_AUTHORITY, localAuthority),
          Map.entry(TaskCard.VAR_FRAMEWORK, framework.getValue())));
      assertThat(runtime.getVariables(instanceOf(reference), TaskCard.NAMES)).as("the instance's card")
          .containsOnly(Map.entry(TaskCard.VAR_REFERENCE, reference),
              Map.entry(TaskCard.VAR_LOCAL_AUTHORITY, localAuthority),
              Map.entry(TaskCard.VAR_FRAMEWORK, framework.getValue()));
    }
  }

  @Test
  void threeJtaisOfferedToCqcAreThreeCardsEachNamingItsOwnInspection() {
    for (String area : List.of("Northshire", "Southshire", "Westshire")) {
      // Past the analytical officer's briefing (¶10), so each inspection's day −1 CQC review is open.
      JtaiStart.pastTheAnalystsBriefing(tasks, startInspection("jtai-2017", "CARD-" + run + "-" + area.toUpperCase(),
          area));
    }
    Map<String, Map<String, String>> cards = cards("cqc-inspector", SharedTaskFilter.MY_INSPECTORATE,
        "CARD-" + run + "-%");

    assertThat(cards).hasSize(3);
    assertThat(cards.values()).extracting(card -> card.get(TaskCard.VAR_REFERENCE) + " " + card.get(
        TaskCard.VAR_LOCAL_AUTHORITY) + " " + card.get(TaskCard.VAR_FRAMEWORK)).containsExactlyInAnyOrder(
        "CARD-" + run + "-NORTHSHIRE Northshire JTAI 2017", "CARD-" + run + "-SOUTHSHIRE Southshire JTAI 2017",
        "CARD-" + run + "-WESTSHIRE Westshire JTAI 2017");
    for (SharedTaskFilter shared : SharedTaskFilter.values()) {
      JsonNode filter = rest.withBasicAuth("cqc-inspector", "demo").getForObject("/engine-rest/filter/"
          + filterId(shared), JsonNode.class);
      assertThat(filter.at("/properties/variables").toString()).as(shared.displayName()).isEqualTo(
          "[{\"name\":\"inspectionReference\",\"label\":\"Inspection\"},{\"name\":\"localAuthority\",\"label\":"
              + "\"Local authority\"},{\"name\":\"frameworkLabel\",\"label\":\"Framework\"}]");
    }
  }

  @Test
  void aConcernsCardNamesItsInspectionAndNothingOfTheConcern() {
    String reference = "CARD-" + run + "-CONCERN";
    startInspection("jtai-2017", reference, "Eastshire");
    String caseNumber = "CN" + run + "77";
    Map<String, Object> annexC = AnnexCConcern.categoryOne(caseNumber + " (AB)",
        "No follow-up visit after the missed appointments.").body();
    String concern = api.postOk("cqc-inspector", "/api/inspections/" + reference + "/concerns", annexC).get("id").asText();

    Map<String, Map<String, String>> cards = new HashMap<>();
    for (String holder : holders(concern)) {
      cards.putAll(cards(holder, SharedTaskFilter.MY_TASKS, reference));
      cards.putAll(cards(holder, SharedTaskFilter.MY_INSPECTORATE, reference));
    }
    List<String> concernTasks = tasks.createTaskQuery().processInstanceId(concern).list().stream().map(Task::getId)
        .toList();
    assertThat(concernTasks).isNotEmpty();
    assertThat(cards).containsKeys(concernTasks.toArray(String[]::new));
    for (String task : concernTasks) {
      assertThat(cards.get(task)).containsOnly(Map.entry(TaskCard.VAR_REFERENCE, reference),
          Map.entry(TaskCard.VAR_LOCAL_AUTHORITY, "Eastshire"), Map.entry(TaskCard.VAR_FRAMEWORK, "JTAI 2017"));
    }
    assertThat(cards.toString()).doesNotContain(caseNumber, "missed appointments", "designated.nurse");
    assertThat(runtime.getVariable(concern, TaskCard.VAR_FRAMEWORK)).isEqualTo("JTAI 2017");
    assertThat(runtime.getVariable(concern, ConcernReferralProcess.VAR_FRAMEWORK)).isEqualTo("jtai-2017");
  }

  @Test
  void aComplaintsCardAndItsConductInvestigationsNameTheInspection() {
    String reference = "CARD-" + run + "-COMPLAINT";
    startInspection("slac-2009", reference, "Northshire");
    Map<String, Object> complaint = new LinkedHashMap<>();
    complaint.put("receivedOn", LocalDate.now(WorkingDayCalendar.LONDON).toString());
    complaint.put("kind", "conduct");
    complaint.put("text", "The CQC inspector was dismissive of the designated nurse.");
    complaint.put("conductInspectorate", "cqc");
    String id = api.postOk("complaints-officer", "/api/inspections/" + reference + "/complaints", complaint).get("id")
        .asText();
    Map.Entry<?, ?>[] card = {Map.entry(TaskCard.VAR_REFERENCE, reference),
        Map.entry(TaskCard.VAR_LOCAL_AUTHORITY, "Northshire"), Map.entry(TaskCard.VAR_FRAMEWORK, "SLAC 2009")};

    Task assessment = tasks.createTaskQuery().processInstanceId(id)
        .taskDefinitionKey(ComplaintProcess.TASK_INITIAL_ASSESSMENT).singleResult();
    Map<String, Map<String, String>> complaintCards = cards("complaints-officer", SharedTaskFilter.MY_INSPECTORATE,
        reference);
    assertThat(complaintCards).containsKey(assessment.getId());
    assertThat(complaintCards.get(assessment.getId())).containsOnly((Map.Entry<String, String>[]) card);

    tasks.complete(assessment.getId(), Map.of(ComplaintProcess.VAR_RESOLVED_EARLY, false,
        "initialAssessment", "Not resolved at first contact."));
    ProcessInstance conduct = runtime.createProcessInstanceQuery().superProcessInstanceId(id).singleResult();
    assertThat(conduct.getProcessDefinitionId()).startsWith(ComplaintConductProcess.KEY + ":");
    List<String> conductTasks = tasks.createTaskQuery().processInstanceId(conduct.getId()).list().stream()
        .map(Task::getId).toList();
    Map<String, Map<String, String>> cqcCards = cards("cqc-inspector", SharedTaskFilter.MY_INSPECTORATE, reference);
    assertThat(conductTasks).isNotEmpty();
    assertThat(cqcCards).containsKeys(conductTasks.toArray(String[]::new));
    for (String task : conductTasks) {
      assertThat(cqcCards.get(task)).containsOnly((Map.Entry<String, String>[]) card);
    }
    assertThat(cqcCards.toString()).doesNotContain("dismissive");
  }

  @Test
  void aStatementOfActionTakesItsCardFromTheInspectionThatCallsIt() {
    String reference = "CARD-" + run + "-SOA";
    String inspection = startInspection(OfstedTargeted2016Process.FRAMEWORK, reference, "Westshire");
    runtime.setVariable(inspection, OfstedTargeted2016Process.VAR_LETTER_PUBLISHED_ON, new java.util.Date());
    runtime.createProcessInstanceModification(inspection)
        .startBeforeActivity(OfstedTargeted2016Process.CALL_STATEMENT_OF_ACTION).execute();
    ProcessInstance statement = runtime.createProcessInstanceQuery().superProcessInstanceId(inspection).singleResult();
    assertThat(statement.getProcessDefinitionId()).startsWith(StatementOfActionProcess.KEY + ":");
    Task record = tasks.createTaskQuery().processInstanceId(statement.getId()).list().get(0);

    Map<String, Map<String, String>> cards = cards(record.getAssignee(), SharedTaskFilter.MY_TASKS, reference);
    assertThat(cards.get(record.getId())).containsOnly(Map.entry(TaskCard.VAR_REFERENCE, reference),
        Map.entry(TaskCard.VAR_LOCAL_AUTHORITY, "Westshire"),
        Map.entry(TaskCard.VAR_FRAMEWORK, "Ofsted targeted 2016"));
  }

  @Test
  void inspectionsRunningFromBeforeGetTheirCardsAtStartUpOnce() {
    String reference = "CARD-" + run + "-OLD";
    String inspection = startInspection("jtai-2024", reference, "Oldshire");
    // As an inspection started before task cards: its local authority, but no card on it nor on its open tasks.
    runtime.removeVariables(inspection, List.of(TaskCard.VAR_REFERENCE, TaskCard.VAR_FRAMEWORK));
    List<Task> open = tasks.createTaskQuery().processInstanceId(inspection).list();
    open.forEach(task -> tasks.removeVariablesLocal(task.getId(), TaskCard.NAMES));
    assertThat(cards("ofsted-lead", SharedTaskFilter.MY_TASKS, reference).values()).allSatisfy(
        card -> assertThat(card).isEmpty());

    TaskCardBackfill.Report first = backfill.backfill();

    assertThat(first.instances()).isGreaterThanOrEqualTo(1);
    assertThat(first.tasks()).isGreaterThanOrEqualTo(open.size());
    assertThat(runtime.getVariables(inspection, TaskCard.NAMES)).containsOnly(
        Map.entry(TaskCard.VAR_REFERENCE, reference), Map.entry(TaskCard.VAR_LOCAL_AUTHORITY, "Oldshire"),
        Map.entry(TaskCard.VAR_FRAMEWORK, "JTAI 2024"));
    Map<String, Map<String, String>> cards = cards("ofsted-lead", SharedTaskFilter.MY_TASKS, reference);
    assertThat(cards).isNotEmpty();
    assertThat(cards.values()).allSatisfy(card -> assertThat(card).containsOnly(
        Map.entry(TaskCard.VAR_REFERENCE, reference), Map.entry(TaskCard.VAR_LOCAL_AUTHORITY, "Oldshire"),
        Map.entry(TaskCard.VAR_FRAMEWORK, "JTAI 2024")));

    long written = history.createHistoricDetailQuery().processInstanceId(inspection).variableUpdates().count();
    TaskCardBackfill.Report again = backfill.backfill();
    assertThat(again.instances()).isZero();
    assertThat(again.tasks()).isZero();
    assertThat(history.createHistoricDetailQuery().processInstanceId(inspection).variableUpdates().count())
        .isEqualTo(written);
  }

  // --- helpers ---

  private String startInspection(String framework, String reference, String localAuthority) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("framework", framework);
    body.put("reference", reference);
    body.put("localAuthority", localAuthority);
    if (framework.startsWith("jtai-201")) {
      body.put("deepDiveTheme", "cse-and-missing");
    }
    if (framework.equals(OfstedTargeted2016Process.FRAMEWORK)) {
      body.put("deepDiveTheme", "cse-and-missing");
    }
    if (framework.equals(OfstedTargeted2016Process.FRAMEWORK)) {
      body.put("notificationDate", workingDays.add(LocalDate.now(WorkingDayCalendar.LONDON), 5).toString());
    } else {
      body.put("plannedFieldworkStart", mondayInAMonth().toString());
    }
    body.put("leadInspector", "ofsted-lead");
    body.put("qaManager", "qa-manager");
    // Each framework's team comes from the inspectorates taking part in it.
    List<String> team = new ArrayList<>(List.of("ofsted-inspector"));
    if (!framework.equals(OfstedTargeted2016Process.FRAMEWORK)) {
      team.add("cqc-inspector");
    }
    if (framework.startsWith("jtai-")) {
      team.add("hmicfrs-inspector");
    }
    if (framework.startsWith("jtai-201")) {
      team.add("probation-inspector");
    }
    body.put(InspectionTeam.VARIABLE, team);
    started.add(reference);
    return api.postOk("ofsted-lead", "/api/inspections", body).get("processInstanceId").asText();
  }

  private LocalDate mondayInAMonth() {
    LocalDate day = LocalDate.now(WorkingDayCalendar.LONDON).plusDays(30);
    while (day.getDayOfWeek() != DayOfWeek.MONDAY || !workingDays.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private String instanceOf(String reference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKeyIn(InspectionDirectory.processKeys()).singleResult().getId();
  }

  /** The cards of these tasks as their holders see them: the assignee's or a candidate group's member's two lists. */
  private Map<String, Map<String, String>> cardsOfTheirHolders(List<Task> open, String reference) {
    java.util.Set<String> holders = new java.util.LinkedHashSet<>();
    for (Task task : open) {
      if (task.getAssignee() != null) {
        holders.add(task.getAssignee());
      }
      tasks.getIdentityLinksForTask(task.getId()).stream().filter(link -> link.getGroupId() != null)
          .forEach(link -> uk.jointinspections.identity.DemoStaff.ALL.stream()
              .filter(staff -> staff.groups().stream().anyMatch(g -> g.id().equals(link.getGroupId())))
              .findFirst().ifPresent(staff -> holders.add(staff.id())));
    }
    Map<String, Map<String, String>> cards = new HashMap<>();
    for (String holder : holders) {
      cards.putAll(cards(holder, SharedTaskFilter.MY_TASKS, reference));
      cards.putAll(cards(holder, SharedTaskFilter.MY_INSPECTORATE, reference));
    }
    return cards;
  }

  private List<String> holders(String processInstanceId) {
    List<String> holders = new ArrayList<>(List.of("cqc-inspector", "cqc-lead", "ofsted-lead", "qa-manager"));
    tasks.createTaskQuery().processInstanceId(processInstanceId).list().stream().map(Task::getAssignee)
        .filter(a -> a != null && !holders.contains(a)).forEach(holders::add);
    return holders;
  }

  private String filterId(SharedTaskFilter shared) {
    return filters.createTaskFilterQuery().filterName(shared.displayName()).singleResult().getId();
  }

  /**
   * The cards of the filter's first page for tasks whose inspection reference is (or, with %, is like) the one given,
   * by task id: each card's variables as the engine embeds them, name → value.
   */
  private Map<String, Map<String, String>> cards(String user, SharedTaskFilter shared, String reference) {
    Map<String, Object> query = new LinkedHashMap<>();
    query.put("processVariables", List.of());
    query.put("taskVariables", List.of());
    query.put("caseInstanceVariables", List.of());
    query.put(reference.contains("%") ? "processInstanceBusinessKeyLike" : "processInstanceBusinessKey", reference);
    query.put("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")));
    query.put("active", true);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json"), MediaType.APPLICATION_JSON));
    ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo").exchange("/engine-rest/filter/"
        + filterId(shared) + "/list?firstResult=0&maxResults=15", HttpMethod.POST, new HttpEntity<>(query, headers),
        JsonNode.class);
    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
    Map<String, Map<String, String>> cards = new LinkedHashMap<>();
    for (JsonNode task : answer.getBody().path("_embedded").path("task")) {
      Map<String, String> card = new LinkedHashMap<>();
      for (JsonNode variable : task.path("_embedded").path("variable")) {
        card.put(variable.get("name").asText(), variable.get("value").asText());
      }
      cards.put(task.get("id").asText(), card);
    }
    return cards;
  }
}
