package uk.jointinspections.concern;

import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.inspection.TimelineExtension;

/**
 * The open concerns of an inspection on its timeline (JSON and iCalendar), with their state and the date the
 * agency's response is required by. Number, category and state only: case numbers and the issues stay with the
 * concern's team. Each entry is guarded by its concern: the timeline shows it only to those who may read the concern.
 */
@Component
public class ConcernTimeline implements TimelineExtension {

  /** Prefix of a concern's timeline entry id; the rest is the concern's id. */
  public static final String ENTRY_PREFIX = "concern:";

  private final ConcernQueries concerns;

  public ConcernTimeline(ConcernQueries concerns) {
    this.concerns = concerns;
  }

  @Override
  public List<Entry> entries(HistoricProcessInstance inspection) {
    return concerns.openConcerns(inspection.getBusinessKey()).stream().map(concern -> new Entry(new TimelineEntry(
        ENTRY_PREFIX + concern.id(), null,
        "Concern " + concern.number() + " about a child (" + concern.kind() + "): "
            + String.join("; ", concern.state()),
        !concern.variant().annexC ? "the referring inspector"
            : concern.responseReceived() ? "the referring inspector and the lead inspector"
            : "the agency, through the lead inspector",
        concern.variant().paragraph,
        concern.responseReceived() || concern.responseDueDate() == null ? null
            : concern.responseDueDate().toInstant().atZone(WorkingDayCalendar.LONDON),
        concern.responseOverdue() ? TimelineEntry.Status.overdue : TimelineEntry.Status.open), concern.id())).toList();
  }
}
