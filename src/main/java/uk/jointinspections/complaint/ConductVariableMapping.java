package uk.jointinspections.complaint;

import static uk.jointinspections.complaint.ComplaintProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.TaskCard;

/**
 * What crosses the line between the complaint and its confidential conduct investigation, called at intake for a
 * complaint of kind conduct or both. In: the facts the investigating inspectorate needs (its tasks' card among them:
 * the inspection's reference, local authority and framework, {@link TaskCard}), and the conduct part of the complaint,
 * which the complaint holds only as a transient variable while it starts ({@link ConductPartInTransit}: never stored
 * or historic there) and which is stored in the conduct instance alone. Out: whether the complaint was upheld, and
 * nothing else.
 */
@Component("conductVariableMapping")
public class ConductVariableMapping implements DelegateVariableMapping {

  static final List<String> PASSED_IN = List.of(VAR_INSPECTION_REFERENCE, VAR_RECEIVED_ON, VAR_RECEIVED_ON_TEXT,
      VAR_CONDUCT_INSPECTORATE, VAR_CONDUCT_INSPECTORATE_TEXT, VAR_EDITION, VAR_EDITION_TEXT, VAR_KIND, VAR_KIND_TEXT,
      TaskCard.VAR_LOCAL_AUTHORITY, TaskCard.VAR_FRAMEWORK);

  @Override
  public void mapInputVariables(DelegateExecution complaint, VariableMap conduct) {
    for (String name : PASSED_IN) {
      conduct.putValue(name, complaint.getVariable(name));
    }
    boolean late = WINDOW_LATE.equals(complaint.getVariable(VAR_WINDOW));
    // 2009 (paragraph 73): every complaint is first assessed; the investigation waits for the initial assessment.
    boolean assessedFirst = ComplaintEdition.E2009.id.equals(complaint.getVariable(VAR_EDITION))
        && complaint.getVariable(VAR_RESOLVED_EARLY) == null;
    conduct.putValue(ComplaintConductProcess.VAR_AWAIT_RELEASE,
        (late && complaint.getVariable(VAR_LATE_CONSIDERED) == null) || assessedFirst);
    conduct.putValue(ComplaintConductProcess.VAR_RESOLVED_EARLY, false);
    Object details = ConductPartInTransit.of(complaint);
    // A plain (persistent) copy: the transient flag of the complaint's value must not travel with it.
    conduct.putValue(ComplaintConductProcess.VAR_CONDUCT_DETAILS, details == null ? null : details.toString());
    conduct.putValue(ComplaintConductProcess.VAR_CONDUCT_DETAILS_RECORDED, details != null);
  }

  @Override
  public void mapOutputVariables(DelegateExecution complaint, VariableScope conduct) {
    Object upheld = conduct.getVariable(ComplaintConductProcess.VAR_CONDUCT_UPHELD);
    if (upheld != null) {
      complaint.setVariable(VAR_CONDUCT_UPHELD, upheld);
    }
  }
}
