package uk.jointinspections.concern;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the keep-in-touch meeting tasks of an inspection (event {@code create}): the task-local variable
 * {@value #VARIABLE} lists every open concern of the inspection by number, category and state, for the meeting's form,
 * where the lead inspector makes sure the agencies' responses are received (paragraph 75). The variable lives in the
 * inspection, which more people read than a concern's team, so it never holds a concern's content (case numbers,
 * agency, issues, addresses): the lead inspector opens the concern itself for those.
 */
@Component("openConcernsLister")
public class OpenConcernsLister implements TaskListener {

  public static final String VARIABLE = "openConcerns";

  private final ConcernQueries concerns;

  public OpenConcernsLister(ConcernQueries concerns) {
    this.concerns = concerns;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    List<ConcernQueries.OpenConcern> open = concerns.openConcerns(reference);
    task.setVariableLocal(VARIABLE, open.isEmpty()
        ? "No open concerns about children."
        : String.join("\n\n", open.stream().map(c -> "- " + c.describe()).toList()));
  }
}
