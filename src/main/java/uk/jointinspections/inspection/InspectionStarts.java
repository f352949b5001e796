package uk.jointinspections.inspection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Starts one inspection per reference: validated first, so that a refused request creates nothing. */
@Service
public class InspectionStarts {

  private final InspectionStartRules rules;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final Timeline timeline;
  private final WithoutAuthorization unrestricted;

  public InspectionStarts(InspectionStartRules rules, @Lazy RuntimeService runtimeService,
      @Lazy HistoryService historyService, Timeline timeline, WithoutAuthorization unrestricted) {
    this.rules = rules;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.timeline = timeline;
    this.unrestricted = unrestricted;
  }

  public record Started(String processInstanceId, String reference, List<TimelineEntry> timeline) {
  }

  /**
   * Serialised within this application so that two requests with one reference cannot both pass the duplicate check;
   * the start listener repeats the check inside the engine's transaction for starts from the Tasklist.
   */
  public synchronized Started start(InspectionStartRequest request) {
    ValidatedStart start = rules.validate(request);
    long existing = unrestricted.call(() -> historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(JtaiProcess.KEY).processInstanceBusinessKey(start.reference()).count());
    if (existing > 0) {
      throw new InspectionProblem(HttpStatus.CONFLICT, "An inspection with reference '" + start.reference()
          + "' already exists; nothing was created.");
    }
    // The start listener validates these again (the Tasklist start form takes the same path) and sets the typed variables.
    Map<String, Object> variables = new HashMap<>(start.variables());
    variables.put("notificationDate", start.dayZero().toString());
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(JtaiProcess.KEY, start.reference(), variables);
    return new Started(instance.getId(), start.reference(), timeline.of(start.reference()));
  }
}
