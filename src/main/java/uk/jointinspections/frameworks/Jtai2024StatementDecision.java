package uk.jointinspections.frameworks;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * HMCI's decision on a written statement of proposed action (paragraph 85), taken after CQC and HMICFRS have given
 * their views: required or not; when required, the agency that leads it (not "none") and the agencies that cooperate
 * (not the lead); when not required, no lead agency and no cooperating agencies.
 */
@Component("jtai2024StatementDecision")
public class Jtai2024StatementDecision implements TaskListener {

  static final List<String> AGENCIES = List.of("local-authority", "health", "police");

  @Override
  public void notify(DelegateTask task) {
    Object required = task.getVariable(Jtai2024Process.VAR_STATEMENT_REQUIRED);
    if (!(required instanceof Boolean decision)) {
      throw new BadUserRequestException(Jtai2024Process.VAR_STATEMENT_REQUIRED
          + ": record whether a written statement of proposed action is required (true or false), paragraph 85.");
    }
    Object leadValue = task.getVariable(Jtai2024Process.VAR_STATEMENT_LEAD_AGENCY);
    String lead = leadValue instanceof String s && !s.isBlank() ? s.strip() : "none";
    Set<String> cooperating = agencies(task.getVariable(Jtai2024Process.VAR_STATEMENT_COOPERATING_AGENCIES));
    if (decision) {
      if (!AGENCIES.contains(lead)) {
        throw new BadUserRequestException(Jtai2024Process.VAR_STATEMENT_LEAD_AGENCY
            + ": name the agency that leads the statement of action (one of " + AGENCIES + "), paragraph 85.");
      }
      if (cooperating.contains(lead)) {
        throw new BadUserRequestException(Jtai2024Process.VAR_STATEMENT_COOPERATING_AGENCIES
            + ": the lead agency (" + lead + ") is not also a cooperating agency.");
      }
    } else if (!"none".equals(lead) || !cooperating.isEmpty()) {
      throw new BadUserRequestException(Jtai2024Process.VAR_STATEMENT_LEAD_AGENCY
          + ": no statement is required, so there is no lead agency and no cooperating agency.");
    }
    task.getExecution().setVariable(Jtai2024Process.VAR_STATEMENT_LEAD_AGENCY, lead);
    task.getExecution().setVariable(Jtai2024Process.VAR_STATEMENT_COOPERATING_AGENCIES, String.join(", ", cooperating));
    task.getExecution().setVariable("statementDecidedBy", task.getAssignee() != null ? task.getAssignee()
        : currentUser(task));
  }

  private static String currentUser(DelegateTask task) {
    var caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return caller == null ? null : caller.getUserId();
  }

  private static Set<String> agencies(Object value) {
    Set<String> result = new LinkedHashSet<>();
    if (value instanceof java.util.Collection<?> list) {
      list.forEach(v -> result.add(String.valueOf(v).strip()));
    } else if (value instanceof String s && !s.isBlank()) {
      Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty()).forEach(result::add);
    }
    for (String agency : result) {
      if (!AGENCIES.contains(agency)) {
        throw new BadUserRequestException(Jtai2024Process.VAR_STATEMENT_COOPERATING_AGENCIES + ": '" + agency
            + "' is not one of " + AGENCIES + ".");
      }
    }
    return result;
  }
}
