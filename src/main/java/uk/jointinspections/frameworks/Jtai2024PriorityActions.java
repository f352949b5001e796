package uk.jointinspections.frameworks;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The areas for priority action agreed at the end of fieldwork (paragraph 36), one flag per agency and the MASA: each
 * stored as a Boolean, the text required exactly when a flag is set, and whether more than one agency (or the MASA)
 * is concerned, which sends the final letter to the government departments before publication and the inspectorates'
 * follow-up to be coordinated (paragraph 110). A health flag starts CQC's notification of its manager at once
 * (paragraph 112), not after the final letter.
 */
@Component("jtai2024PriorityActions")
public class Jtai2024PriorityActions implements TaskListener {

  static final String VAR_AREAS = "areasForPriorityAction";

  @Override
  public void notify(DelegateTask task) {
    boolean la = flag(task, Jtai2024Process.VAR_PRIORITY_LOCAL_AUTHORITY);
    boolean health = flag(task, Jtai2024Process.VAR_PRIORITY_HEALTH);
    boolean police = flag(task, Jtai2024Process.VAR_PRIORITY_POLICE);
    boolean masa = flag(task, Jtai2024Process.VAR_PRIORITY_MASA);
    boolean any = la || health || police || masa;
    Object text = task.getVariable(VAR_AREAS);
    boolean written = text instanceof String s && !s.isBlank();
    if (any && !written) {
      throw new BadUserRequestException(VAR_AREAS + ": describe the areas for priority action for the agencies"
          + " ticked (paragraph 36).");
    }
    if (!any && written) {
      throw new BadUserRequestException(VAR_AREAS + ": tick the agency (local authority, health, police or the MASA)"
          + " each area for priority action is for, or leave the text empty (paragraphs 36, 110-117).");
    }
    int agencies = (la ? 1 : 0) + (health ? 1 : 0) + (police ? 1 : 0);
    task.getExecution().setVariable(Jtai2024Process.VAR_PRIORITY_MULTI_AGENCY, agencies > 1 || masa);
  }

  private static boolean flag(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    boolean set = Boolean.TRUE.equals(value) || "true".equals(value);
    task.getExecution().setVariable(name, set);
    return set;
  }
}
