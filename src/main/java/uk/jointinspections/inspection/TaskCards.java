package uk.jointinspections.inspection;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.InspectionDirectory.Inspection;

/**
 * Makes the {@link TaskCard} of an inspection where its facts enter a process: the inspections' start listeners
 * ({@link InspectionReferenceClaim}), the concern's and the complaint's, and the start-up backfill of instances that
 * were already running ({@link TaskCardBackfill}). The framework's words come from its {@link InspectionFramework}.
 */
@Component
public class TaskCards {

  private final InspectionFrameworks frameworks;
  private final InspectionDirectory directory;

  public TaskCards(@Lazy InspectionFrameworks frameworks, @Lazy InspectionDirectory directory) {
    this.frameworks = frameworks;
    this.directory = directory;
  }

  /** The card of an inspection of that framework (its id, e.g. {@code jtai-2017}). */
  public TaskCard of(String reference, String localAuthority, String framework) {
    return new TaskCard(reference, localAuthority, frameworks.label(framework));
  }

  public TaskCard of(Inspection inspection) {
    return of(inspection.reference(), inspection.localAuthority(), inspection.framework());
  }

  /** The card of the inspection with this reference, running or finished; empty when there is none. */
  public Optional<TaskCard> forReference(String reference) {
    return directory.find(reference).map(this::of);
  }

  /** Gives the scope (a new instance, at its start) the card's variables. */
  public static void set(VariableScope scope, TaskCard card) {
    scope.setVariables(card.variables());
  }
}
