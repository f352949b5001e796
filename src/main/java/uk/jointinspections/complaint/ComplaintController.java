package uk.jointinspections.complaint;

import static uk.jointinspections.complaint.ComplaintProcess.*;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.jointinspections.inspection.CallerRights;
import uk.jointinspections.web.FreeText;

/**
 * {@code POST /api/inspections/{reference}/complaints}: records a complaint from the online form as the signed-in
 * member of the complaints team (the engine checks that they may start {@code complaint}). The conduct part of a
 * complaint ({@code conductDetails}; for a conduct-only complaint also its {@code text}) is handed to the process as a
 * transient variable, so it is stored only in the confidential conduct investigation; a complaint of kind both carries
 * the challenge to the inspection in {@code text} and its conduct part in {@code conductDetails}.
 */
@RestController
public class ComplaintController {

  /**
   * The JSON body; {@code complaintEdition} is optional. {@code conductDetails} is the conduct part of a complaint of
   * kind conduct or both; a conduct-only complaint may give it as {@code text} instead.
   */
  public record Body(String receivedOn, String kind, @FreeText String text, @FreeText String conductDetails,
      String conductInspectorate, Boolean withholdOrWithdrawRequested, @FreeText String exceptionalCircumstances,
      String complaintEdition, String relatesTo) {

    private boolean conductOnlyInText() {
      return conductDetails == null && kind != null && ComplaintKind.CONDUCT.id.equals(kind.strip());
    }

    String inspectionPart() {
      return conductOnlyInText() ? null : text;
    }

    String conductPart() {
      return conductOnlyInText() ? text : conductDetails;
    }
  }

  private final ComplaintValidator validator;
  private final RuntimeService runtimeService;
  private final CallerRights rights;

  public ComplaintController(ComplaintValidator validator, RuntimeService runtimeService, CallerRights rights) {
    this.validator = validator;
    this.runtimeService = runtimeService;
    this.rights = rights;
  }

  @PostMapping("/api/inspections/{reference}/complaints")
  public ResponseEntity<Map<String, Object>> record(@PathVariable String reference, @RequestBody Body body) {
    // Before the validation: its answers (no such inspection, not yet published, out of time) are for the team only.
    if (!rights.mayStart(KEY)) {
      throw new ComplaintRefused(HttpStatus.FORBIDDEN.value(), Errors.ONLY_THE_COMPLAINTS_TEAM);
    }
    ComplaintRequest request = new ComplaintRequest(reference, body.receivedOn(), body.kind(), body.inspectionPart(),
        body.conductPart(), body.conductInspectorate(), body.withholdOrWithdrawRequested(), body.exceptionalCircumstances(),
        body.complaintEdition(), body.relatesTo());
    ComplaintValidator.Validated complaint = validator.validate(request, true);
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_INSPECTION_REFERENCE, complaint.request().inspectionReference());
    variables.put(VAR_RECEIVED_ON, complaint.receivedOn().toString());
    variables.put(VAR_KIND, complaint.kind().id);
    variables.put(VAR_CONDUCT_INSPECTORATE, body.conductInspectorate());
    variables.put(VAR_WITHHOLD_REQUESTED, Boolean.TRUE.equals(body.withholdOrWithdrawRequested()));
    variables.put(VAR_EXCEPTIONAL_CIRCUMSTANCES, body.exceptionalCircumstances());
    variables.put(VAR_EDITION, body.complaintEdition());
    variables.put(VAR_RELATES_TO, body.relatesTo());
    if (request.text() != null) {
      variables.put(VAR_TEXT, request.text());
    }
    if (complaint.kind().concernsConduct()) {
      variables.put(VAR_CONDUCT_DETAILS, Variables.stringValue(request.conductDetails(), true));
    }
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(KEY)
        .businessKey(complaint.request().inspectionReference()).setVariables(variables).execute();
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("id", instance.getId());
    created.put("inspectionReference", complaint.request().inspectionReference());
    created.put("kind", complaint.kind().id);
    created.put("complaintEdition", complaint.edition().id);
    created.put("receivedOn", complaint.receivedOn().toString());
    created.put("window", complaint.window().window());
    created.put("windowRule", complaint.window().rule());
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  /** Error bodies {@code {"status", "error", "message"}}; never a stack trace, nothing from the complaint in logs. */
  @RestControllerAdvice(assignableTypes = ComplaintController.class)
  static class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintController.class);
    static final String ONLY_THE_COMPLAINTS_TEAM = "You may not record complaints: only Ofsted's complaints team may.";

    @ExceptionHandler(ComplaintRefused.class)
    ResponseEntity<Map<String, Object>> refused(ComplaintRefused e) {
      return body(HttpStatus.valueOf(e.status()), e.getMessage());
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Map<String, Object>> badRequest(BadUserRequestException e) {
      return body(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
      return body(HttpStatus.FORBIDDEN, ONLY_THE_COMPLAINTS_TEAM);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
      return body(HttpStatus.BAD_REQUEST, "The body is not the JSON of a complaint: receivedOn, kind, text,"
          + " conductDetails, conductInspectorate, withholdOrWithdrawRequested, exceptionalCircumstances.");
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException e) {
      LOG.error("Recording a complaint failed: {}", e.getClass().getName());
      return body(HttpStatus.INTERNAL_SERVER_ERROR, "The complaint could not be recorded; nothing was stored.");
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status.value());
      body.put("error", status.getReasonPhrase());
      body.put("message", message);
      return ResponseEntity.status(status).body(body);
    }
  }
}
