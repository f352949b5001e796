package uk.jointinspections.inspection;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * The publication hold on an inspection's timeline (the JTAI's Annex D, Annex C paragraph 121 of the 2024 JTAI):
 * while {@code publicationWithheld} is true, an open entry saying who withheld the letter and when; once it is
 * lifted, a done entry saying who resumed publication and when. Read from the inspection's own variables, which the
 * complaint side ({@code PublicationHold}) sets.
 */
@Component
public class PublicationHoldTimeline implements TimelineExtension {

  static final String WITHHELD = "publication_withheld";
  static final String RESUMED = "publication_resumed";

  private final HistoryService history;

  public PublicationHoldTimeline(@Lazy HistoryService history) {
    this.history = history;
  }

  @Override
  public List<Entry> entries(HistoricProcessInstance inspection) {
    Map<String, Object> v = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(inspection.getId()).list().stream()
        .filter(variable -> variable.getName().startsWith("publication"))
        .filter(variable -> inspection.getId().equals(variable.getActivityInstanceId()))
        .forEach(variable -> v.putIfAbsent(variable.getName(), variable.getValue()));
    List<Entry> entries = new ArrayList<>();
    String paragraph = "jtai-2024".equals(inspection.getProcessDefinitionKey()) ? "Annex C 121" : "Annex D";
    Object complaint = v.get(PublicationHold.VAR_COMPLAINT);
    String from = complaint == null ? "" : " (complaint " + complaint + ")";
    Object withheld = v.get("publicationWithheld");
    if (withheld == null) {
      return entries;
    }
    if (v.get("publicationWithheldBy") != null || Boolean.TRUE.equals(withheld)) {
      entries.add(Entry.forInspectionReaders(new TimelineEntry(WITHHELD, null,
          "Publication withheld by " + v.get("publicationWithheldBy") + on(v.get("publicationWithheldAt"))
              + reason(v.get("publicationHoldReason")) + from, String.valueOf(v.get("publicationWithheldBy")), paragraph,
          at(v.get("publicationWithheldAt")),
          Boolean.TRUE.equals(withheld) ? TimelineEntry.Status.open : TimelineEntry.Status.done)));
    }
    if (!Boolean.TRUE.equals(withheld) && v.get("publicationResumedBy") != null) {
      entries.add(Entry.forInspectionReaders(new TimelineEntry(RESUMED, null,
          "Publication resumed by " + v.get("publicationResumedBy") + on(v.get("publicationResumedAt"))
              + reason(v.get("publicationResumeReason")), String.valueOf(v.get("publicationResumedBy")),
          paragraph, at(v.get("publicationResumedAt")), TimelineEntry.Status.done)));
    }
    return entries;
  }

  private static ZonedDateTime at(Object value) {
    return value instanceof Date date ? date.toInstant().atZone(WorkingDayCalendar.LONDON) : null;
  }

  private static String on(Object value) {
    ZonedDateTime at = at(value);
    return at == null ? "" : " on " + at.toLocalDate();
  }

  private static String reason(Object value) {
    return value instanceof String s && !s.isBlank() ? ": " + s.strip() : "";
  }
}
