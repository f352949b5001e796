package uk.jointinspections.inspection;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Starts one inspection per reference: validated first, so that a refused request creates nothing. */
@Service
public class InspectionStarts {

  private final InspectionFrameworks frameworks;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final Timeline timeline;
  private final WithoutAuthorization unrestricted;
  private final CallerRights rights;

  public InspectionStarts(InspectionFrameworks frameworks, @Lazy RuntimeService runtimeService,
      @Lazy HistoryService historyService, Timeline timeline, WithoutAuthorization unrestricted, CallerRights rights) {
    this.frameworks = frameworks;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.timeline = timeline;
    this.unrestricted = unrestricted;
    this.rights = rights;
  }

  /** @param warnings what the start accepted although the guidance usually has it otherwise (¶8's team), else empty */
  public record Started(String processInstanceId, String reference, List<TimelineEntry> timeline,
      List<String> warnings) {
  }

  /**
   * Serialised within this application so that two requests with one reference cannot both pass the duplicate check;
   * the start listener repeats the check inside the engine's transaction for starts from the Tasklist.
   */
  public synchronized Started start(InspectionStartRequest request) {
    InspectionFramework framework = frameworks.named(request.framework());
    // Before the validation: "reference already used" would otherwise tell anyone which inspections exist.
    if (!rights.mayStart(framework.processKey())) {
      throw new InspectionProblem(HttpStatus.FORBIDDEN, "You are not allowed to start " + request.framework().strip()
          + " inspections: lead inspectors start them.");
    }
    InspectionFramework.Start start = framework.validate(request);
    // A reference is unique across every framework: the directory finds inspections by reference alone.
    long existing = unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKeyIn(InspectionDirectory.processKeys()).processInstanceBusinessKey(start.reference()).count());
    if (existing > 0) {
      throw new InspectionProblem(HttpStatus.CONFLICT, "An inspection with reference '" + start.reference()
          + "' already exists; nothing was created.");
    }
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(framework.processKey(), start.reference(),
        start.variables());
    List<String> warnings = unrestricted.call(() -> historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(JtaiTeamComposition.VAR_WARNING).list().stream()
        .map(v -> String.valueOf(v.getValue())).toList());
    return new Started(instance.getId(), start.reference(), timeline.ofNewInspection(start.reference()), warnings);
  }
}
