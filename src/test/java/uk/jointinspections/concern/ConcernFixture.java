package uk.jointinspections.concern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.testkit.JtaiStart;

/** Inspections and concerns for the tests, made through the engine the way the application makes them. */
final class ConcernFixture {

  /** Thursday 24 December 2026, 10:00 in London (GMT): Christmas Day, Boxing Day (substitute Monday 28) follow. */
  static final Instant CHRISTMAS_EVE_2026 = Instant.parse("2026-12-24T10:00:00Z");

  private final ProcessEngine engine;

  ConcernFixture(ProcessEngine engine) {
    this.engine = engine;
  }

  static String newReference() {
    return "JTAI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  static void clockAt(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /**
   * Named on the team of every fixture inspection besides the lead inspector and the QA manager: they may raise its
   * concerns, and read those their own inspectorate raises.
   */
  static final String TEAM = "ofsted-inspector,cqc-inspector,cqc-lead,hmicfrs-inspector";

  /**
   * A JTAI inspection (2017 framework) waiting at {@code activity}; lead ofsted-lead, QA manager qa-manager, team
   * {@link #TEAM}.
   */
  ProcessInstance inspectionAt(String reference, String activity, String framework) {
    Map<String, Object> variables = JtaiStart.partWayVariables(reference, LocalDate.of(2026, 12, 7).toString());
    variables.put(JtaiProcess.VAR_FRAMEWORK, framework);
    variables.put(InspectionTeam.VARIABLE, TEAM);
    return JtaiStart.partWay(engine.getRuntimeService(), activity, variables);
  }

  ProcessInstance inspection(String reference) {
    return inspectionAt(reference, JtaiProcess.TASK_KIT_MEETING_DAY_10, "jtai-2017");
  }

  static Map<String, Object> annexC(int category) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ConcernReferralProcess.VAR_CASE_NUMBERS, "CS-104233 (AB); CS-104234 (CD)");
    variables.put(ConcernReferralProcess.VAR_AGENCY_SERVICE, "Children's social care, front door");
    variables.put(ConcernReferralProcess.VAR_SENIOR_OFFICER_ROLE, "Head of service, safeguarding");
    variables.put(ConcernReferralProcess.VAR_SENIOR_OFFICER_EMAIL, "head.of.service@exampleshire.example");
    variables.put(ConcernReferralProcess.VAR_CATEGORY, String.valueOf(category));
    variables.put(ConcernReferralProcess.VAR_ISSUES, "Strategy discussion not held within the timescale; risk not reassessed.");
    return variables;
  }

  /** Raises a concern as {@code inspector}, through the start form (the Tasklist's path). */
  ProcessInstance raise(String inspector, String reference, Map<String, Object> annexC) {
    Map<String, Object> variables = new HashMap<>(annexC);
    variables.put(ConcernReferralProcess.VAR_INSPECTION_REFERENCE, reference);
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ConcernReferralProcess.KEY).latestVersion().singleResult().getId();
    signIn(inspector);
    try {
      return engine.getFormService().submitStartForm(definitionId, variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  void signIn(String user) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
  }

  Task task(ProcessInstance concern, String activity) {
    return engine.getTaskService().createTaskQuery().processInstanceId(concern.getId()).taskDefinitionKey(activity)
        .singleResult();
  }

  void complete(ProcessInstance concern, String activity, Map<String, Object> variables) {
    Task task = task(concern, activity);
    if (task == null) {
      throw new AssertionError("no task " + activity + " in concern " + concern.getId());
    }
    engine.getTaskService().complete(task.getId(), variables);
  }

  long concernsOf(String reference) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ConcernReferralProcess.KEY)
        .processInstanceBusinessKey(reference).count();
  }
}
