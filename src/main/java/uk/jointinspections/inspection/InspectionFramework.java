package uk.jointinspections.inspection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One inspection framework the application runs: which framework names it answers to, which process runs it, and how
 * a start request for it is checked. {@code POST /api/inspections} and the duplicate-reference check go through
 * {@link InspectionFrameworks}, which collects every bean of this type; a new framework is a new bean plus its
 * process key in {@link InspectionDirectory#PUBLICATION_STEPS}.
 */
public interface InspectionFramework {

  /** The values of the {@code framework} field (and process variable) this framework accepts, e.g. {@code jtai-2024}. */
  Set<String> names();

  /**
   * What inspectors call the framework of that name (one of {@link #names()}), e.g. "JTAI 2017": the Tasklist shows it
   * on the card of every task of the inspection, and of its concerns and complaints ({@link TaskCard}).
   */
  String label(String name);

  /** The key of the process that runs one inspection of this framework. */
  String processKey();

  /**
   * Checks a start request against this framework's fields and rules.
   *
   * @throws InvalidInspectionException naming the first field that is wrong; nothing is created
   */
  Start validate(InspectionStartRequest request);

  /**
   * The Camunda groups of the inspectorates taking part in this framework's inspections: the inspection team and the
   * inspectors who raise concerns on an inspection come from these.
   */
  List<String> inspectorates();

  /** What the local area sends in this framework's inspections, in the order it is asked for; none by default. */
  default List<SubmissionItem> submissions() {
    return List.of();
  }

  /** A request that passed: the reference (business key) and the new instance's variables. */
  record Start(String reference, Map<String, Object> variables) {
  }
}
