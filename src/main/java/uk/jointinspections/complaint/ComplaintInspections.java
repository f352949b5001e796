package uk.jointinspections.complaint;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.InspectionDirectory;

/**
 * The inspection a complaint is about, running or ended, from the shared {@link InspectionDirectory}: its framework,
 * and the London dates its letter was finalised (final letter to the local area) and published.
 */
@Component
public class ComplaintInspections {

  private final InspectionDirectory directory;

  public ComplaintInspections(InspectionDirectory directory) {
    this.directory = directory;
  }

  public Optional<InspectionFacts> find(String reference) {
    return directory.find(reference).map(inspection -> new InspectionFacts(inspection.reference(),
        inspection.processInstanceId(), inspection.framework(), londonDate(inspection.finalisedOn()),
        londonDate(inspection.publishedOn()), inspection.leadInspector(), inspection.team()));
  }

  static LocalDate londonDate(Date moment) {
    return moment == null ? null : moment.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
  }
}
