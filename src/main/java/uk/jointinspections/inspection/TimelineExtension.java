package uk.jointinspections.inspection;

import java.util.List;

/**
 * Entries another capability adds to an inspection's timeline (the open concerns about children, for example), so
 * that the timeline lists them without depending on that capability. Called as the application, inside the
 * timeline's lookup.
 */
public interface TimelineExtension {

  List<TimelineEntry> entries(String reference);
}
