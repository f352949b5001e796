package uk.jointinspections.inspection;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * The timeline as an iCalendar file (RFC 5545) for Outlook and other calendars: a deadline at the end of a working
 * day is an all-day event on that day; a deadline at a time of day (9.30am, midday, 3pm) is a half-hour event ending
 * at that time. UIDs are stable per inspection and step, so a re-import updates rather than duplicates.
 */
@Component
public class TimelineCalendar {

  static final String PRODUCT = "-//Joint inspections//JTAI timeline//EN";

  public String render(String reference, String localAuthority, List<TimelineEntry> entries) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    Instant stamp = ClockUtil.getCurrentTime().toInstant();
    for (TimelineEntry entry : entries) {
      if (entry.dueAt() == null) {
        continue;
      }
      ZonedDateTime due = entry.dueAt().withZoneSameInstant(WorkingDayCalendar.LONDON);
      String summary = "JTAI " + localAuthority + ": " + entry.title() + (entry.day() == null ? "" : " (day " + entry.day() + ")");
      VEvent event = due.toLocalTime().equals(WorkingDayCalendar.END_OF_DAY)
          ? new VEvent(due.toLocalDate(), due.toLocalDate().plusDays(1), summary)
          : new VEvent(due.minusMinutes(30).toInstant(), due.toInstant(), summary);
      event.replace(new DtStamp(stamp));
      event.add(new Uid(reference + "-" + entry.id() + "@jointinspections.uk"));
      event.add(new Description("Inspection " + reference + ". Performed by: " + entry.performer()
          + (entry.paragraph() == null ? "" : ". Framework paragraph " + entry.paragraph()) + ". Status: " + entry.status()
          + "."));
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter().output(calendar, out);
    } catch (IOException | ValidationException e) {
      throw new IllegalStateException("The timeline of " + reference + " could not be written as iCalendar", e);
    }
    return out.toString();
  }
}
