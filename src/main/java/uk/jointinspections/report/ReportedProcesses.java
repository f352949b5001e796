package uk.jointinspections.report;

import java.util.List;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.frameworks.Jtai2024Process;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.frameworks.Slac2009Process;
import uk.jointinspections.inspection.JtaiProcess;
import uk.jointinspections.inspection.LocalAreaSubmissionProcess;
import uk.jointinspections.inspection.StatementOfActionProcess;

/**
 * The processes whose steps the on-time report counts, in the order it lists them: every inspection framework, the
 * statement of action they call, concerns about a child (Annex C) and complaints (Annex D, with the conduct part).
 * Notifications have no steps people do.
 */
final class ReportedProcesses {

  static final List<String> KEYS = List.of(JtaiProcess.KEY, Jtai2024Process.KEY, OfstedTargeted2016Process.KEY,
      Slac2009Process.KEY, StatementOfActionProcess.KEY, LocalAreaSubmissionProcess.KEY, ConcernReferralProcess.KEY, ComplaintProcess.KEY,
      ComplaintConductProcess.KEY);

  private ReportedProcesses() {
  }
}
