package uk.jointinspections.frameworks;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.inspection.InspectionVariables;

/**
 * A sign-off that the guidance gives to someone outside the inspection team: the senior managers who agree the
 * findings (paragraph 81), the QA manager "independent of the inspection team" (paragraphs 80, 89) and the senior
 * managers consulted on a statement of action (paragraph 85). Refuses completion by the inspection's lead inspector
 * or a member of its team. The one completing is the signed-in user, or else the task's assignee.
 */
@Component("jtai2024IndependentSignOff")
public class Jtai2024IndependentSignOff implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Authentication caller = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = caller != null && caller.getUserId() != null ? caller.getUserId() : task.getAssignee();
    if (user == null) {
      return;
    }
    if (user.equals(InspectionVariables.leadInspector(task))) {
      throw new BadUserRequestException("signedOffBy: '" + user + "' is this inspection's lead inspector; "
          + task.getName() + " is for someone independent of the inspection team (" + paragraph(task) + ").");
    }
    if (InspectionTeam.parse(task.getVariable(InspectionTeam.VARIABLE)).includes(user)) {
      throw new BadUserRequestException("signedOffBy: '" + user + "' is on this inspection's team; " + task.getName()
          + " is for someone independent of the inspection team (" + paragraph(task) + ").");
    }
    task.setVariableLocal("signedOffBy", user);
  }

  private static String paragraph(DelegateTask task) {
    var element = task.getBpmnModelElementInstance();
    if (element == null || element.getExtensionElements() == null) {
      return "the guidance";
    }
    return element.getExtensionElements().getElementsQuery()
        .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> "paragraph".equals(property.getCamundaName()))
        .map(property -> "paragraph " + property.getCamundaValue()).findFirst().orElse("the guidance");
  }
}
