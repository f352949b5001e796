package uk.jointinspections.complaint;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDays;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * Whether a complaint falls within the window of its procedure: the DMN decision {@code complaint_window}
 * (processes/complaint-window.dmn) over day counts from the working-day calendar. A complaint made on a weekend or a
 * bank holiday counts as made on the next working day.
 */
@Component
public class ComplaintWindow {

  public record Result(String window, String rule) {
  }

  private final DecisionService decisionService;
  private final WorkingDays workingDays;
  private final WithoutAuthorization withoutAuthorization;

  public ComplaintWindow(@Lazy DecisionService decisionService, WorkingDays workingDays,
      WithoutAuthorization withoutAuthorization) {
    this.decisionService = decisionService;
    this.workingDays = workingDays;
    this.withoutAuthorization = withoutAuthorization;
  }

  public Result evaluate(ComplaintEdition edition, InspectionFacts inspection, LocalDate receivedOn) {
    Map<String, Object> inputs = inputs(edition, inspection, receivedOn);
    DmnDecisionRuleResult result = withoutAuthorization.call(() -> decisionService
        .evaluateDecisionTableByKey(ComplaintProcess.DECISION_WINDOW, inputs).getSingleResult());
    return new Result(result.getEntry("window"), result.getEntry("windowRule"));
  }

  Map<String, Object> inputs(ComplaintEdition edition, InspectionFacts inspection, LocalDate receivedOn) {
    LocalDate made = receivedOn;
    while (!workingDays.isWorkingDay(made)) {
      made = made.plusDays(1);
    }
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("complaintEdition", edition.id);
    inputs.put("reportFinalised", inspection.finalised());
    inputs.put("reportPublished", inspection.published());
    inputs.put("workingDaysAfterPublication",
        inspection.published() ? workingDays.countBetween(inspection.publishedOn(), made) : null);
    inputs.put("workingDaysAfterFinalisation",
        inspection.finalised() ? workingDays.countBetween(inspection.finalisedOn(), made) : null);
    inputs.put("calendarDaysAfterPublication",
        inspection.published() ? (int) ChronoUnit.DAYS.between(inspection.publishedOn(), receivedOn) : null);
    return inputs;
  }
}
