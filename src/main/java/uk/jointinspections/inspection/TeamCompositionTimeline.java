package uk.jointinspections.inspection;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The warning given at start when the JTAI team differs from paragraph 8's usual size ({@link JtaiTeamComposition}),
 * on the inspection's timeline, so that whoever started it from the Tasklist (which shows no answer) sees it too.
 */
@Component
public class TeamCompositionTimeline implements TimelineExtension {

  static final String ID = "team_composition";

  private final HistoryService history;

  public TeamCompositionTimeline(@Lazy HistoryService history) {
    this.history = history;
  }

  @Override
  public List<Entry> entries(HistoricProcessInstance inspection) {
    if (!JtaiProcess.KEY.equals(inspection.getProcessDefinitionKey())) {
      return List.of();
    }
    return history.createHistoricVariableInstanceQuery().processInstanceId(inspection.getId())
        .variableName(JtaiTeamComposition.VAR_WARNING).list().stream()
        .filter(v -> v.getValue() instanceof String text && !text.isBlank())
        .map(v -> Entry.forInspectionReaders(new TimelineEntry(ID, null, (String) v.getValue(), "lead inspector", "8",
            null, TimelineEntry.Status.open))).toList();
  }
}
