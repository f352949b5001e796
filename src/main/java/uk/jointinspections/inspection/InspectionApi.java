package uk.jointinspections.inspection;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Joint targeted area inspections over HTTP: start one, let the local area's portal deliver what it sends, and
 * share the timeline as JSON or as a calendar file. The timeline answers only those the engine lets read the
 * inspection (its lead inspector, QA manager, team, operators, admin: see {@link Timeline#of}), and lists a concern or
 * a conduct investigation only to those who may read that instance too; anyone else gets the same 404 as for a
 * reference that does not exist, so that the answer does not tell an outsider which inspections exist.
 */
@RestController
@RequestMapping("/api/inspections")
public class InspectionApi {

  static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final InspectionStarts starts;
  private final Submissions submissions;
  private final Timeline timeline;
  private final TimelineCalendar calendar;
  private final InspectionDirectory directory;

  /** Every path takes the reference in any case ({@link InspectionDirectory#startedAs}). */
  public InspectionApi(InspectionStarts starts, Submissions submissions, Timeline timeline, TimelineCalendar calendar,
      InspectionDirectory directory) {
    this.directory = directory;
    this.starts = starts;
    this.submissions = submissions;
    this.timeline = timeline;
    this.calendar = calendar;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<InspectionStarts.Started> start(@RequestBody InspectionStartRequest request) {
    InspectionStarts.Started started = starts.start(request);
    return ResponseEntity.created(URI.create("/api/inspections/" + started.reference() + "/timeline")).body(started);
  }

  @PostMapping("/{reference}/submissions/{kind}")
  public Submissions.Receipt submit(@PathVariable String reference, @PathVariable String kind,
      @RequestBody(required = false) JsonNode content) {
    return submissions.submit(directory.startedAs(reference), kind, content == null || content.isNull() ? null : content.toString());
  }

  @GetMapping(value = "/{reference}/timeline", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<TimelineEntry> timeline(@PathVariable("reference") String given) {
    return timeline.of(directory.startedAs(given));
  }

  @GetMapping("/{reference}/timeline.ics")
  public ResponseEntity<String> timelineCalendar(@PathVariable("reference") String given) {
    String reference = directory.startedAs(given);
    List<TimelineEntry> entries = timeline.of(reference);
    String localAuthority = String.valueOf(timeline.variable(reference, JtaiProcess.VAR_LOCAL_AUTHORITY));
    String ics = calendar.render(reference, localAuthority, entries);
    return ResponseEntity.ok()
        .contentType(TEXT_CALENDAR)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + reference + "-timeline.ics\"")
        .body(ics);
  }
}
