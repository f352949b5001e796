package uk.jointinspections.inspection;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.inspection.JtaiProcess.Submission;

/**
 * Something the local area sends (the list of deep-dive children, the joint evaluations, ...) arriving through the
 * API: it is correlated to the inspection's waiting message event by business key. A submission the inspection is
 * not waiting for (already received through the API or recorded by hand, or not yet asked for) changes nothing and
 * says why.
 */
@Service
public class Submissions {

  /** Camunda keeps a string variable in one column; a portal sends references to documents, not the documents. */
  static final int MAX_CONTENT_LENGTH = 4000;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(WorkingDayCalendar.LONDON);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final Timeline timeline;
  private final WithoutAuthorization unrestricted;

  public Submissions(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService,
      @Lazy IdentityService identityService, Timeline timeline, WithoutAuthorization unrestricted) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.timeline = timeline;
    this.unrestricted = unrestricted;
  }

  public record Receipt(String reference, String kind, String processInstanceId, Date receivedOn) {
  }

  public Receipt submit(String reference, String kind, String content) {
    Submission submission = Submission.ofKind(kind).orElseThrow(() -> new InspectionProblem(HttpStatus.NOT_FOUND,
        "'" + kind + "' is not something the local area submits; known kinds: "
            + String.join(", ", java.util.Arrays.stream(Submission.values()).map(s -> s.kind).toList()) + "."));
    HistoricProcessInstance instance = timeline.instance(reference);
    if (content != null && content.length() > MAX_CONTENT_LENGTH) {
      throw new InspectionProblem(HttpStatus.PAYLOAD_TOO_LARGE, "The submission is longer than " + MAX_CONTENT_LENGTH
          + " characters; send links to the documents in the secure portal instead of the documents.");
    }
    Date now = ClockUtil.getCurrentTime();
    Map<String, Object> variables = new HashMap<>();
    variables.put(submission.receivedOnVariable(), now);
    variables.put(submission.channelVariable(), "api");
    variables.put(submission.contentVariable(), content);
    variables.put(submission.variablePrefix + "SubmittedBy",
        identityService.getCurrentAuthentication() == null ? null : identityService.getCurrentAuthentication().getUserId());
    try {
      MessageCorrelationResult result = runtimeService.createMessageCorrelation(submission.messageName)
          .processInstanceBusinessKey(reference)
          .setVariables(variables)
          .correlateWithResult();
      return new Receipt(reference, kind, result.getExecution().getProcessInstanceId(), now);
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw new InspectionProblem(HttpStatus.CONFLICT, whyNotWaiting(instance, submission));
    }
  }

  private String whyNotWaiting(HistoricProcessInstance instance, Submission submission) {
    List<HistoricActivityInstance> runs = unrestricted.call(() -> historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId(submission.subProcessId).finished().list());
    if (!runs.isEmpty()) {
      Date when = runs.get(0).getEndTime();
      return "The " + submission.kind + " of inspection " + instance.getBusinessKey() + " was already received on "
          + WHEN.format(when.toInstant()) + "; this submission changed nothing.";
    }
    if (instance.getEndTime() != null) {
      return "Inspection " + instance.getBusinessKey() + " has finished; this submission changed nothing.";
    }
    if (submission == Submission.STATEMENT_OF_ACTION) {
      Object required = unrestricted.call(() -> historyService.createHistoricVariableInstanceQuery()
          .processInstanceId(instance.getId()).variableName(JtaiProcess.VAR_STATEMENT_OF_ACTION_REQUIRED).list()
          .stream().map(v -> v.getValue()).filter(java.util.Objects::nonNull).findFirst().orElse(null));
      if (Boolean.FALSE.equals(required)) {
        return "No statement of action is required for inspection " + instance.getBusinessKey()
            + "; this submission changed nothing.";
      }
    }
    return "Inspection " + instance.getBusinessKey() + " is not yet waiting for the " + submission.kind
        + " (it has not been requested yet); this submission changed nothing. Send it once it is requested.";
  }
}
