package uk.jointinspections.frameworks;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.inspection.TimelineExtension;

/** A 2024 JTAI's concern raised with the QA manager and not resolved informally (paragraphs 89-90), on its timeline. */
@Component
public class Jtai2024InformalConcernTimeline implements TimelineExtension {

  static final String ENTRY = "informal_concern_unresolved";

  private final HistoryService history;

  public Jtai2024InformalConcernTimeline(@Lazy HistoryService history) {
    this.history = history;
  }

  @Override
  public List<Entry> entries(HistoricProcessInstance inspection) {
    if (!Jtai2024Process.KEY.equals(inspection.getProcessDefinitionKey())) {
      return List.of();
    }
    HistoricVariableInstance unresolved = history.createHistoricVariableInstanceQuery()
        .processInstanceId(inspection.getId()).variableName(Jtai2024InformalConcern.VAR_UNRESOLVED).list().stream()
        .findFirst().orElse(null);
    if (unresolved == null || !Boolean.TRUE.equals(unresolved.getValue())) {
      return List.of();
    }
    return List.of(Entry.forInspectionReaders(new TimelineEntry(ENTRY, null,
        "A concern raised with the QA manager after fieldwork was not resolved informally; the partnership may"
            + " complain under Annex C", "QA manager", "89-90", null, TimelineEntry.Status.done)));
  }
}
