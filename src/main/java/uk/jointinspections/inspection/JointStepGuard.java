package uk.jointinspections.inspection;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener of one half of a step two people do together (JTAI table days 16 and 34: "the lead inspector and
 * the Ofsted QA manager agree …"): the diagram models it as two parallel tasks, and this listener keeps them two
 * people. The rules are the task's properties:
 * <ul>
 *   <li>{@code joint.completedBy}: the variable that records who completed this half (the signed-in user, else the
 *       task's assignee);</li>
 *   <li>{@code joint.distinctFrom}: comma-separated variables holding user ids (the other role's named person, the
 *       variable the other half records) that may not complete this half.</li>
 * </ul>
 */
@Component("jointStepGuard")
public class JointStepGuard implements TaskListener {

  public static final String COMPLETED_BY = "joint.completedBy";
  public static final String DISTINCT_FROM = "joint.distinctFrom";

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> properties = ModelProperties.of(task.getBpmnModelElementInstance());
    String recordAs = properties.get(COMPLETED_BY);
    if (recordAs == null || recordAs.isBlank()) {
      throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " calls jointStepGuard without "
          + COMPLETED_BY);
    }
    String user = completingUser(task);
    if (user == null) {
      throw new BadUserRequestException(task.getName() + ": sign in, or assign the task, so that the system knows who"
          + " agrees; this step needs two different people.");
    }
    for (String variable : list(properties.get(DISTINCT_FROM))) {
      Object other = task.getVariable(variable);
      if (other instanceof String otherUser && otherUser.equalsIgnoreCase(user)) {
        throw new BadUserRequestException(task.getName() + ": " + user + " may not complete this step (" + variable
            + " is " + otherUser + "); the lead inspector and the QA manager must be two different people.");
      }
    }
    task.setVariable(recordAs.strip(), user);
  }

  static String completingUser(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }

  private static List<String> list(String value) {
    return value == null || value.isBlank() ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
