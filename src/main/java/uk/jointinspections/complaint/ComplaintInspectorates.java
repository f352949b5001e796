package uk.jointinspections.complaint;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.Inspectorates;

/**
 * The {@code complaintInspectorates} expression bean: the collections of the complaint's multi-instance steps, one task
 * per inspectorate, each offered to that inspectorate's group.
 */
@Component("complaintInspectorates")
public class ComplaintInspectorates {

  /** The other inspectorates of a joint inspection: CQC, HMICFRS (HMIC) and HMI Probation. */
  public List<String> partners() {
    return Inspectorates.PARTNERS;
  }
}
