package uk.jointinspections.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * One half of a step the guidance gives to two people together ("the lead inspector and QA manager agree a draft
 * findings letter"): the diagram makes it two user tasks that both must complete, each assigned to one of them, with
 * this complete listener on both. It refuses a completion by someone other than the task's assignee, and one by the
 * person who already completed another half of the same joint step, so the two halves are always two people.
 *
 * <p>The diagram names the joint step with the task property {@code joint.step} (e.g. {@code draftLetter}), the same
 * on every half. Who completed the halves is kept in the process variable {@link #variable(String)} ({@code
 * jointDraftLetter}: user ids in the order they completed, comma separated).
 */
@Component("jointSignOff")
public class JointSignOff implements TaskListener {

  public static final String STEP_PROPERTY = "joint.step";

  @Override
  public void notify(DelegateTask task) {
    Map<String, String> properties = ModelProperties.of(task.getBpmnModelElementInstance());
    String step = properties.get(STEP_PROPERTY);
    if (step == null || step.isBlank()) {
      throw new IllegalStateException("'" + task.getTaskDefinitionKey() + "' calls jointSignOff but has no property "
          + STEP_PROPERTY + " naming its joint step.");
    }
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String assignee = task.getAssignee();
    String who = caller != null && caller.getUserId() != null ? caller.getUserId() : assignee;
    if (who == null) {
      throw new BadUserRequestException("'" + task.getName() + "' is one half of a joint step: it must be assigned to"
          + " the person whose half it is before it is completed.");
    }
    if (assignee != null && !who.equals(assignee)) {
      throw new BadUserRequestException("'" + task.getName() + "' is " + assignee + "'s half of a joint step: only "
          + assignee + " may complete it, not " + who + ".");
    }
    String variable = variable(step);
    List<String> done = new ArrayList<>();
    if (task.getVariable(variable) instanceof String earlier && !earlier.isBlank()) {
      done.addAll(List.of(earlier.split(",")));
    }
    if (done.contains(who)) {
      throw new BadUserRequestException("'" + task.getName() + "' is one half of a joint step and " + who + " has"
          + " already completed another half: the two halves must be completed by two different people.");
    }
    done.add(who);
    task.getExecution().getProcessInstance().setVariable(variable, String.join(",", done));
  }

  /** The process variable listing who completed the halves of a joint step: {@code draftLetter} → {@code jointDraftLetter}. */
  public static String variable(String step) {
    String name = step.strip();
    return "joint" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
