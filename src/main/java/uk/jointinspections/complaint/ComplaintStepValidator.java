package uk.jointinspections.complaint;

import static uk.jointinspections.complaint.ComplaintProcess.*;

import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.Inspectorates;

/**
 * Holds the decisions of the complaint's steps when a form is bypassed (REST, a changed form): a yes or no must be
 * given (forms send "yes"/"no", the API true/false; both are stored as a Boolean), a decision has its reason, a lead
 * investigator is a member of Ofsted, and a response is sent only once shared with all inspectorates.
 */
@Component("complaintStepValidator")
public class ComplaintStepValidator implements TaskListener {

  private static final Set<String> HANDLINGS = Set.of(HANDLING_WITHIN_INVESTIGATION, HANDLING_SEPARATELY);

  private final IdentityService identityService;
  private final ComplaintInspectorates inspectorates;

  public ComplaintStepValidator(@Lazy IdentityService identityService, ComplaintInspectorates inspectorates) {
    this.identityService = identityService;
    this.inspectorates = inspectorates;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case TASK_DECIDE_LATE_COMPLAINT -> {
        yesNo(task, VAR_LATE_CONSIDERED, "record whether the late complaint is considered (yes or no).");
        required(task, VAR_LATE_REASON, "record the reason for the decision.");
      }
      case TASK_DECIDE_BOTH_HANDLING -> {
        Object handling = task.getVariable(VAR_CONDUCT_HANDLING);
        if (!(handling instanceof String h) || !HANDLINGS.contains(h)) {
          throw refuse(VAR_CONDUCT_HANDLING, "choose within-investigation or separately.");
        }
        yesNo(task, VAR_CONDUCT_MAY_AFFECT_FINDINGS,
            "record whether the conduct outcome might affect the robustness of the findings (yes or no).");
        required(task, "conductHandlingReason", "record the reason for the decision.");
      }
      case TASK_INITIAL_ASSESSMENT -> yesNo(task, VAR_RESOLVED_EARLY, "record whether the complaint was resolved (yes or no).");
      case TASK_APPOINT_LEAD_INVESTIGATOR -> leadInvestigator(task);
      case TASK_SEND_ACKNOWLEDGEMENT -> acknowledgement(task);
      case TASK_DECIDE_WITHHOLD_WITHDRAW -> {
        // Annex D: the views of the other inspectorates are theirs to give (task_give_views_on_withhold); whether
        // every one of them answered before the decision is what viewsSought records.
        Object given = task.getVariable(VAR_PARTNER_VIEWS_COUNT);
        boolean viewsSought = given instanceof Number n && n.intValue() >= inspectorates.partners(task).size();
        task.setVariable(VAR_VIEWS_SOUGHT, viewsSought);
        if (viewsSought && ComplaintEdition.E2024.id.equals(task.getVariable(VAR_EDITION))) {
          regionalDirector(task);
        }
        boolean found = yesNo(task, VAR_EXCEPTIONAL_FOUND,
            "record whether exceptional circumstances exist (yes or no); without them the report is not withheld or withdrawn.");
        required(task, VAR_WITHHOLD_REASON, "record the reason for the decision.");
        task.setVariable(VAR_WITHHOLD_DECIDED_BY, currentUser(task));
        task.setVariable(VAR_WITHHOLD_DECIDED, true);
        task.setVariable(VAR_WITHHOLD_DECISION_TEXT, found
            ? "agreed: exceptional circumstances were found, the report is withheld or withdrawn"
            : "not agreed: no exceptional circumstances, the report is not withheld or withdrawn");
      }
      case TASK_SIGN_OFF_RESPONSE -> {
        // Sharing with the other inspectorates is for joint inspections: the 2009 and Ofsted targeted inspections
        // follow Ofsted's own procedure (paragraph 73; paragraphs 96-97), with nobody to share it with.
        if (jointProcedure(task) && !Boolean.TRUE.equals(task.getVariable(VAR_RESPONSE_SHARED))) {
          throw refuse(VAR_RESPONSE_SHARED, "the final response is shared with all inspectorates before it is sent.");
        }
        if (!Boolean.TRUE.equals(task.getVariable(VAR_RESPONSE_SENT))) {
          throw refuse(VAR_RESPONSE_SENT, "confirm that the response was sent to the complainant.");
        }
        yesNo(task, VAR_COMPLAINT_UPHELD, "record whether the challenge or complaint was upheld (yes or no).");
      }
      case ComplaintConductProcess.TASK_INVESTIGATE_CONDUCT ->
          yesNo(task, ComplaintConductProcess.VAR_CONDUCT_UPHELD, "record whether the complaint was upheld (yes or no).");
      case TASK_GIVE_VIEWS_ON_WITHHOLD -> {
        required(task, VAR_WITHHOLD_VIEWS, "give your inspectorate's views on the request.");
        Object inspectorate = task.getVariable("inspectorate");
        Object count = task.getVariable(VAR_PARTNER_VIEWS_COUNT);
        int before = count instanceof Number n ? n.intValue() : 0;
        Object views = task.getVariable(VAR_PARTNER_VIEWS);
        String paragraph = Inspectorates.displayName(String.valueOf(inspectorate)) + ": "
            + task.getVariable(VAR_WITHHOLD_VIEWS).toString().strip();
        var instance = task.getExecution().getProcessInstance();
        instance.setVariable(VAR_PARTNER_VIEWS, before == 0 || views == null ? paragraph : views + "\n\n" + paragraph);
        instance.setVariable(VAR_PARTNER_VIEWS_COUNT, before + 1);
      }
      case TASK_REFER_TO_INSPECTORATE -> {
        if (task.getVariable(VAR_INSPECTORATE_RECEIVED_ON) == null
            || task.getVariable(VAR_INSPECTORATE_RECEIVED_ON).toString().isBlank()) {
          throw refuse(VAR_INSPECTORATE_RECEIVED_ON, "record the date your inspectorate received the complaint.");
        }
      }
      case TASK_WITHDRAW_LETTER -> {
        if (task.getVariable(VAR_WITHDRAWN_ON) == null || task.getVariable(VAR_WITHDRAWN_ON).toString().isBlank()) {
          throw refuse(VAR_WITHDRAWN_ON, "record the date the letter was taken down.");
        }
        required(task, VAR_WITHDRAWN_ADDRESS, "record the address the letter was taken down from.");
      }
      case TASK_LIFT_PUBLICATION_HOLD -> {
        required(task, VAR_HOLD_LIFT_REASON, "record why the publication hold is lifted.");
        String by = currentUser(task);
        if (by == null) {
          throw refuse(VAR_HOLD_LIFTED_BY, "sign in to lift the hold: who lifted it is recorded on the inspection.");
        }
        task.setVariable(VAR_HOLD_LIFTED_BY, by);
      }
      case TASK_REPUBLISH_LETTER -> required(task, VAR_REPUBLISHED_ADDRESS, "record the address of the republished letter.");
      case TASK_RECORD_LEARNING_OUTCOMES -> {
        // Annex D (2017) asks for them; the 2024 guidance has no such step, where they are Ofsted's own practice.
        if (!ComplaintEdition.E2024.id.equals(task.getVariable(VAR_EDITION))) {
          required(task, VAR_LEARNING_OUTCOMES, "record the learning outcomes.");
        }
      }
      default -> {
      }
    }
  }

  private void acknowledgement(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariable(VAR_ACKNOWLEDGEMENT_SENT))) {
      throw refuse(VAR_ACKNOWLEDGEMENT_SENT, "confirm that the acknowledgement letter was sent.");
    }
    boolean withdrawalRequested = Boolean.TRUE.equals(task.getVariable(VAR_WITHHOLD_REQUESTED));
    if (ComplaintEdition.E2024.id.equals(task.getVariable(VAR_EDITION)) && withdrawalRequested
        && task.getVariable(VAR_EXCEPTIONAL_FOUND) == null) {
      throw refuse(VAR_EXCEPTIONAL_FOUND, "under the 2024 procedure the acknowledgement states whether the request to"
          + " withdraw was agreed; the National Director has not decided it yet.");
    }
  }

  private static boolean jointProcedure(DelegateTask task) {
    Object edition = task.getVariable(VAR_EDITION);
    return !ComplaintEdition.E2009.id.equals(edition) && !ComplaintEdition.E2016_OFSTED.id.equals(edition);
  }

  /** The signed-in user completing the task, or else its assignee; null if neither is known. */
  private String currentUser(DelegateTask task) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }

  /** 2024 Annex C 121: the National Director decides after discussion with the Regional Director, CQC and HMICFRS. */
  private void regionalDirector(DelegateTask task) {
    Object value = task.getVariable(VAR_REGIONAL_DIRECTOR_CONSULTED);
    if (!(value instanceof String userId) || userId.isBlank()) {
      throw refuse(VAR_REGIONAL_DIRECTOR_CONSULTED, "under the 2024 guidance (Annex C 121) name the Ofsted Regional"
          + " Director consulted, or record that the decision was made without seeking views.");
    }
    String id = userId.strip();
    long member = Context.getCommandContext().runWithoutAuthorization(() ->
        identityService.createUserQuery().userId(id).memberOfGroup(Inspectorates.REGIONAL_DIRECTOR).count());
    if (member == 0) {
      throw refuse(VAR_REGIONAL_DIRECTOR_CONSULTED, "'" + id + "' is not an Ofsted Regional Director (group "
          + Inspectorates.REGIONAL_DIRECTOR + ").");
    }
    task.setVariable(VAR_REGIONAL_DIRECTOR_CONSULTED, id);
    if (!Boolean.TRUE.equals(task.getVariable(VAR_PARTNERS_CONSULTED))) {
      throw refuse(VAR_PARTNERS_CONSULTED, "under the 2024 guidance (Annex C 121) confirm that CQC and HMICFRS were"
          + " consulted, or record that the decision was made without seeking views.");
    }
  }

  private void leadInvestigator(DelegateTask task) {
    Object value = task.getVariable(VAR_LEAD_INVESTIGATOR);
    if (!(value instanceof String userId) || userId.isBlank()) {
      throw refuse(VAR_LEAD_INVESTIGATOR, "name the lead investigator (an Ofsted user id).");
    }
    String id = userId.strip();
    long member = Context.getCommandContext().runWithoutAuthorization(() ->
        identityService.createUserQuery().userId(id).memberOfGroup(Inspectorates.OFSTED).count());
    if (member == 0) {
      throw refuse(VAR_LEAD_INVESTIGATOR, "'" + id + "' is not a member of Ofsted; Ofsted appoints the lead investigator.");
    }
    task.setVariable(VAR_LEAD_INVESTIGATOR, id);
  }

  private static boolean yesNo(DelegateTask task, String name, String message) {
    Object value = task.getVariable(name);
    Boolean answer = null;
    if (value instanceof Boolean b) {
      answer = b;
    } else if (value instanceof String s) {
      answer = switch (s.strip().toLowerCase()) {
        case "yes", "true" -> Boolean.TRUE;
        case "no", "false" -> Boolean.FALSE;
        default -> null;
      };
    }
    if (answer == null) {
      throw refuse(name, message);
    }
    task.setVariable(name, answer);
    return answer;
  }

  private static void required(DelegateTask task, String name, String message) {
    Object value = task.getVariable(name);
    if (!(value instanceof String s) || s.isBlank()) {
      throw refuse(name, message);
    }
  }

  private static BadUserRequestException refuse(String field, String message) {
    return new BadUserRequestException(field + ": " + message);
  }
}
