package uk.jointinspections.complaint;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.InspectionFrameworks;
import uk.jointinspections.inspection.Inspectorates;

/**
 * The {@code complaintInspectorates} expression bean: the collections of the complaint's multi-instance steps, one task
 * per inspectorate, each offered to that inspectorate's group. The inspectorates are those of the inspection's own
 * framework ({@code InspectionFramework.inspectorates()}): a step for "the other inspectorates" never goes to an
 * inspectorate that took no part (HMI Probation in a 2024 JTAI, anyone in an Ofsted-only inspection).
 */
@Component("complaintInspectorates")
public class ComplaintInspectorates {

  private final InspectionFrameworks frameworks;

  public ComplaintInspectorates(InspectionFrameworks frameworks) {
    this.frameworks = frameworks;
  }

  /**
   * The inspectorates other than Ofsted taking part in the complaint's framework (variable {@code framework}):
   * CQC, HMIC and HMI Probation for jtai-2016/2017, CQC and HMICFRS for jtai-2024, CQC for slac-2009, none for
   * ofsted-targeted-2016 (an empty multi-instance collection completes at once).
   */
  public List<String> partners(VariableScope execution) {
    Object framework = execution.getVariable(ComplaintProcess.VAR_FRAMEWORK);
    return partners(framework == null ? null : framework.toString());
  }

  /** The inspectorates taking part in the framework, Ofsted first; all four when the framework is not known. */
  public List<String> of(String framework) {
    if (framework == null || framework.isBlank()) {
      return Inspectorates.ALL;
    }
    return frameworks.named(framework).inspectorates();
  }

  public List<String> partners(String framework) {
    return of(framework).stream().filter(i -> !Inspectorates.OFSTED.equals(i)).toList();
  }

  /**
   * The three partners of the 2016/2017 JTAI, whatever the framework: only for complaints still running on a diagram
   * deployed before {@link #partners(VariableScope)} existed.
   *
   * @deprecated the diagram uses {@code partners(execution)}
   */
  @Deprecated
  public List<String> partners() {
    return Inspectorates.PARTNERS;
  }
}
