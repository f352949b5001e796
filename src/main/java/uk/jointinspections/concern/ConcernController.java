package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.CallerRights;
import uk.jointinspections.inspection.WithoutAuthorization;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.web.FreeText;

/**
 * Concerns about children (Annex C) over REST, as the signed-in user (HTTP basic): raising one, its details, the
 * agency's written response and the printable record. A concern's id is its process instance id.
 */
@RestController
@RequestMapping("/api")
public class ConcernController {

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ConcernAccess access;
  private final ConcernQueries queries;
  private final ConcernRecordPdf pdf;
  private final WithoutAuthorization withoutAuthorization;
  private final InspectionDirectory directory;
  private final CallerRights rights;

  public ConcernController(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService,
      ConcernAccess access, ConcernQueries queries, ConcernRecordPdf pdf, WithoutAuthorization withoutAuthorization,
      CallerRights rights, InspectionDirectory directory) {
    this.directory = directory;
    this.rights = rights;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.access = access;
    this.queries = queries;
    this.pdf = pdf;
    this.withoutAuthorization = withoutAuthorization;
  }

  /** The agency's written response, as an agency's system or a team member posts it. */
  public record ConcernResponse(@FreeText String response, String receivedOn) {
  }

  /** Raises a concern; 201 with the concern, or 400/404/409 naming the field, and nothing created. */
  @PostMapping(path = "/inspections/{reference}/concerns", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> raise(@PathVariable String reference, @RequestBody ConcernRequest request) {
    ProcessInstance concern = runtimeService.startProcessInstanceByKey(KEY, reference, request.toVariables(reference));
    return ResponseEntity.created(URI.create("/api/concerns/" + concern.getId())).body(summary(concern.getId(), false));
  }

  /**
   * The open concerns of an inspection that the caller may see, with their state. An unknown reference is an empty
   * list like an inspection whose concerns the caller may not see, so that the answer tells nobody which inspections
   * exist; only a caller who may read every inspection is told that the reference is unknown.
   */
  @GetMapping("/inspections/{reference}/concerns")
  public List<ConcernQueries.OpenConcern> open(@PathVariable("reference") String given) {
    String reference = directory.startedAs(given);
    boolean known = withoutAuthorization.call(() ->
        historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count() > 0);
    if (!known && rights.mayReadEveryInspection()) {
      throw new ConcernProblem(HttpStatus.NOT_FOUND, "There is no inspection with reference '" + reference + "'.");
    }
    return queries.openConcerns(reference).stream()
        .filter(c -> historyService.createHistoricProcessInstanceQuery().processInstanceId(c.id()).count() > 0)
        .toList();
  }

  @GetMapping("/concerns/{id}")
  public Map<String, Object> details(@PathVariable String id) {
    access.requireReadable(id);
    return summary(id, true);
  }

  /**
   * Correlates the response with the concern's process instance. Idempotent: once a response is recorded (here or by
   * the lead inspector in Tasklist), a further one is answered with {@code recorded: false} and not recorded again.
   */
  @PostMapping(path = "/concerns/{id}/response", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> response(@PathVariable String id, @RequestBody ConcernResponse body) {
    HistoricProcessInstance concern = access.requireReadable(id);
    if (body == null || body.response() == null || body.response().isBlank()) {
      throw new ConcernRefusedException(ConcernRefusedException.Reason.INVALID, VAR_RESPONSE,
          "give the agency's written response.");
    }
    if (body.response().length() > ConcernRules.MAX_TEXT) {
      throw ConcernRefusedException.invalid(VAR_RESPONSE, "is longer than " + ConcernRules.MAX_TEXT + " characters.");
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    LocalDate receivedOn = today;
    if (body.receivedOn() != null && !body.receivedOn().isBlank()) {
      try {
        receivedOn = LocalDate.parse(body.receivedOn().strip());
      } catch (DateTimeParseException e) {
        throw ConcernRefusedException.invalid("receivedOn", "'" + body.receivedOn() + "' is not a date (yyyy-MM-dd).");
      }
      if (receivedOn.isAfter(today)) {
        throw ConcernRefusedException.invalid("receivedOn", receivedOn + " is in the future.");
      }
      LocalDate raised = concern.getStartTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
      if (receivedOn.isBefore(raised)) {
        throw ConcernRefusedException.invalid("receivedOn", receivedOn + " is before the concern was raised on "
            + raised + ".");
      }
    }
    Map<String, Object> already = alreadyRecorded(id);
    if (already != null) {
      return ResponseEntity.ok(already);
    }
    if (concern.getEndTime() != null) {
      throw new ConcernProblem(HttpStatus.CONFLICT, "Concern " + id + " is closed.");
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(VAR_RESPONSE, body.response());
    variables.put(ConcernResponseRecorder.VAR_RESPONSE_RECEIVED_DATE, receivedOn.toString());
    variables.put(VAR_RESPONSE_RECEIVED_ON, ClockUtil.getCurrentTime());
    variables.put(VAR_RESPONSE_CHANNEL, CHANNEL_API);
    try {
      withoutAuthorization.call(() -> runtimeService.createMessageCorrelation(MESSAGE_RESPONSE)
          .processInstanceId(id).setVariables(variables).correlateWithResult());
    } catch (OptimisticLockingException | MismatchingMessageCorrelationException e) {
      Map<String, Object> raced = alreadyRecorded(id);
      if (raced != null) {
        return ResponseEntity.ok(raced);
      }
      throw new ConcernProblem(HttpStatus.CONFLICT, "Concern " + id + " is not waiting for a response.");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("recorded", true);
    result.put("message", "The response to concern " + id + " is recorded; the referring inspector evaluates it next.");
    result.put("concern", summary(id, false));
    return ResponseEntity.ok(result);
  }

  @GetMapping(path = "/concerns/{id}/record.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> record(@PathVariable String id) {
    access.requireReadable(id);
    byte[] document = pdf.render(id, queries.variables(id));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"concern-" + id + ".pdf\"")
        .contentType(MediaType.APPLICATION_PDF)
        .body(document);
  }

  private Map<String, Object> alreadyRecorded(String id) {
    Map<String, Object> variables = queries.variables(id);
    if (variables.get(VAR_RESPONSE_RECEIVED_ON) == null) {
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("recorded", false);
    result.put("message", "A response to concern " + id + " was already recorded ("
        + variables.get(VAR_RESPONSE_CHANNEL) + ", received " + variables.get(ConcernResponseRecorder.VAR_RESPONSE_RECEIVED_DATE)
        + "); this one was not recorded again. Send further information to the lead inspector.");
    result.put("concern", summary(id, false));
    return result;
  }

  private Map<String, Object> summary(String id, boolean withContent) {
    Map<String, Object> v = queries.variables(id);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("id", id);
    for (String name : List.of(VAR_CONCERN_NUMBER, VAR_INSPECTION_REFERENCE, VAR_FRAMEWORK, VAR_CATEGORY,
        VAR_CASE_NUMBERS, VAR_AGENCY_SERVICE, VAR_REFERRING_INSPECTOR, VAR_REFERRING_INSPECTORATE, VAR_REFERRAL_DATE,
        VAR_RESPONSE_REQUIRED_BY, VAR_RESPONSE_DUE_DATE, VAR_RESPONSE_RECEIVED_ON, VAR_RESPONSE_CHANNEL,
        VAR_LEAD_INSPECTOR, VAR_QA_MANAGER)) {
      summary.put(name, v.get(name));
    }
    if (withContent) {
      for (String name : List.of(VAR_ISSUES, VAR_RESPONSE, VAR_EVALUATION, VAR_EVALUATION_SHARED_ON,
          VAR_CHIEF_OFFICER_ROLE, VAR_CHIEF_OFFICER_SIGNED_ON, VAR_LEAD_INSPECTOR_SIGNED_ON)) {
        summary.put(name, v.get(name));
      }
    }
    List<String> active = withoutAuthorization.call(() -> {
      boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0;
      return running ? runtimeService.getActiveActivityIds(id) : List.<String>of();
    });
    summary.put("open", !active.isEmpty());
    summary.put("state", active.isEmpty() ? List.of("signed off and closed")
        : active.stream().map(STATES::get).filter(java.util.Objects::nonNull).distinct().sorted().toList());
    return summary;
  }
}
