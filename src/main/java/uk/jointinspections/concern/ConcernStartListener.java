package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.concern.ConcernRules.ValidConcern;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.identity.InstanceGrants;
import uk.jointinspections.identity.StaffGroup;
import uk.jointinspections.inspection.InspectionDirectory.Inspection;
import uk.jointinspections.inspection.InspectionVariables;
import uk.jointinspections.inspection.TaskCards;

/**
 * Start of a concern, from the REST API or the Tasklist start form: validates Annex C ({@link ConcernRules}), links
 * the concern to its inspection (business key, the inspection's framework, lead inspector and QA manager), records the
 * referring inspector (the signed-in user) and the date of referral, and lets only the named team see the concern:
 * the referring inspector, the inspection's lead inspector and QA manager, and the members of the inspection team
 * from the referring inspectorate, each by a grant on this concern ({@link InstanceGrants}); no group as a whole.
 * Only a member of the inspection's team, for an inspectorate taking part in its framework, raises one
 * ({@link ConcernRules}): from {@code /api}, the Tasklist and the engine's REST start alike, since all run this.
 */
@Component("concernStartListener")
public class ConcernStartListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(ConcernStartListener.class);

  private final ConcernRules rules;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final HistoryService historyService;
  private final TaskCards cards;

  public ConcernStartListener(ConcernRules rules, @Lazy IdentityService identityService,
      @Lazy AuthorizationService authorizationService, @Lazy HistoryService historyService, TaskCards cards) {
    this.rules = rules;
    this.cards = cards;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.historyService = historyService;
  }

  @Override
  public void notify(DelegateExecution execution) {
    CommandContext command = Context.getCommandContext();
    String inspector = command.getAuthenticatedUserId();
    if (inspector == null) {
      throw ConcernRefusedException.invalid(VAR_REFERRING_INSPECTOR,
          "a concern is raised by a signed-in inspector; nobody is signed in.");
    }
    Map<String, Object> variables = execution.getVariables();
    Object reference = variables.get(VAR_INSPECTION_REFERENCE);
    String inspectionReference = reference == null || String.valueOf(reference).isBlank()
        ? execution.getProcessBusinessKey() : String.valueOf(reference).strip();
    List<String> inspectorates = command.runWithoutAuthorization(() -> inspectoratesOf(inspector));
    ValidConcern concern = rules.validate(inspectionReference, ConcernRequest.fromVariables(variables), inspector,
        inspectorates);
    Inspection inspection = concern.inspection();
    String inspectorate = concern.referringInspectorate();

    execution.setProcessBusinessKey(inspection.reference());
    execution.removeVariable(VAR_CATEGORY_1);
    execution.removeVariable(VAR_CATEGORY_2);
    execution.setVariable(VAR_INSPECTION_REFERENCE, inspection.reference());
    execution.setVariable(VAR_INSPECTION_PROCESS_INSTANCE_ID, inspection.processInstanceId());
    execution.setVariable(VAR_FRAMEWORK, inspection.framework());
    execution.setVariable(VAR_LEAD_INSPECTOR, inspection.leadInspector());
    execution.setVariable(VAR_QA_MANAGER, inspection.qaManager());
    execution.setVariable(VAR_INSPECTION_DAY_ZERO, command.runWithoutAuthorization(() -> dayZeroOf(inspection)));
    execution.setVariable(VAR_CASE_NUMBERS, concern.caseNumbers());
    execution.setVariable(VAR_CATEGORY, concern.category());
    execution.setVariable(VAR_RESPONSE_REQUIRED_BY, concern.requiredBy() == null ? null : concern.requiredBy().toString());
    execution.setVariable(VAR_REFERRING_INSPECTOR, inspector);
    execution.setVariable(VAR_REFERRING_INSPECTORATE, inspectorate);
    execution.setVariable(VAR_REFERRAL_DATE, ClockUtil.getCurrentTime());
    ConcernVariant variant = ConcernVariant.of(inspection.framework());
    execution.setVariable(VAR_AGENCY_CONTACT, variant.agencyContact);
    execution.setVariable(VAR_SIGNATORY_TITLE, variant.signatoryTitle);
    execution.setVariable(VAR_RECORD_TITLE, variant.recordTitle);
    execution.setVariable(VAR_PARAGRAPH, variant.paragraph);
    execution.setVariable(VAR_NAMES_PARAGRAPH, variant.namesParagraph);
    // The card says which inspection the concern's tasks belong to, never what the concern is about.
    TaskCards.set(execution, cards.of(inspection));
    long earlier = command.runWithoutAuthorization(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(inspection.reference()).count());
    execution.setVariable(VAR_CONCERN_NUMBER, (int) earlier + 1);

    List<String> users = new ArrayList<>();
    users.add(inspector);
    users.add(inspection.leadInspector());
    users.add(inspection.qaManager());
    users.addAll(command.runWithoutAuthorization(() -> membersOf(inspection.team().members(), inspectorate)));
    InstanceGrants.grant(users, execution.getProcessInstanceId(), InstanceGrants.READ);
    LOG.info("Concern {} raised for inspection {} ({}, case numbers {})", earlier + 1, inspection.reference(),
        concern.category() == null ? "paragraph " + variant.paragraph : "category " + concern.category(),
        concern.caseNumbers());
  }

  /** The inspection's day 0 as yyyy-MM-dd (its variable is a date, or a yyyy-MM-dd text); null when it has none. */
  private String dayZeroOf(Inspection inspection) {
    Object value = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(inspection.processInstanceId()).activityInstanceIdIn(inspection.processInstanceId())
        .variableName(InspectionVariables.DAY_ZERO).disableCustomObjectDeserialization().list().stream()
        .map(v -> v.getValue()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate().toString();
    }
    if (value instanceof java.time.LocalDate date) {
      return date.toString();
    }
    return value instanceof String text && !text.isBlank() ? text.strip().substring(0, Math.min(10, text.strip().length()))
        : null;
  }

  /** The user's inspectorate groups, in the order of {@link StaffGroup}. */
  private List<String> inspectoratesOf(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId()).toList();
    return java.util.Arrays.stream(StaffGroup.values())
        .filter(g -> g.kind() == StaffGroup.Kind.INSPECTORATE && groups.contains(g.id())).map(StaffGroup::id).toList();
  }

  /** The members of the inspection team who are in the inspectorate. */
  private List<String> membersOf(List<String> team, String inspectorate) {
    return team.stream().filter(member -> identityService.createUserQuery().userId(member)
        .memberOfGroup(inspectorate).count() > 0).toList();
  }
}
