package uk.jointinspections.inspection;

import java.util.List;
import org.camunda.bpm.engine.history.HistoricProcessInstance;

/**
 * Entries another capability adds to an inspection's timeline (the open concerns about children, for example), so
 * that the timeline lists them without depending on that capability. Called as the application, inside the
 * timeline's lookup; the timeline then shows each entry only to a caller who may read the process instance that
 * guards it, by the engine's own check made as that caller.
 */
public interface TimelineExtension {

  /**
   * @param guardedBy the process instance whose readers may see the entry (a concern, a conduct investigation), or
   *     null for an entry that whoever may read the inspection may see
   */
  record Entry(TimelineEntry entry, String guardedBy) {

    public static Entry forInspectionReaders(TimelineEntry entry) {
      return new Entry(entry, null);
    }
  }

  /**
   * @param inspection the inspection whose timeline is asked for, already found (and its reading checked) by the
   *     timeline: its business key is the inspection's reference, its definition key the framework's process
   */
  List<Entry> entries(HistoricProcessInstance inspection);
}
