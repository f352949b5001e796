package uk.jointinspections.frameworks;

import java.util.List;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import uk.jointinspections.inspection.CallerRights;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.inspection.InspectionProblem;
import uk.jointinspections.inspection.InvalidInspectionException;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.WithoutAuthorization;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * A deferral request from the local safeguarding partnership (2024 paragraph 19): accepted between notification and
 * fieldwork, when it opens the inspectorates' decision in the lead inspector's Tasklist.
 */
@Service
public class Jtai2024Deferrals {

  private static final int MAX_REASON = 4000;

  private final InspectionDirectory directory;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final CallerRights rights;
  private final WithoutAuthorization unrestricted;

  public Jtai2024Deferrals(InspectionDirectory directory, @Lazy RuntimeService runtimeService,
      @Lazy HistoryService historyService, CallerRights rights, WithoutAuthorization unrestricted) {
    this.directory = directory;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.rights = rights;
    this.unrestricted = unrestricted;
  }

  /**
   * The caller's right first: anyone but the inspection's lead inspector (or an administrator) is refused the same
   * whether it exists, is a 2024 JTAI, or is past fieldwork, and whatever the reason says. Nobody else may correlate
   * through the engine, so the application records the request for the lead inspector.
   */
  public void request(String reference, String reason) {
    rights.requireLeadInspector(reference, List.of(Jtai2024Process.KEY),
        "You are not allowed to request a deferral of this inspection.");
    if (reason == null || reason.isBlank()) {
      throw new InvalidInspectionException("reason", "is required: why the partnership asks for a deferral.");
    }
    if (reason.length() > MAX_REASON) {
      throw new InvalidInspectionException("reason", "at most " + MAX_REASON + " characters.");
    }
    String startedAs = directory.find(reference).filter(i -> Jtai2024Process.KEY.equals(i.processKey()) && i.running())
        .orElseThrow(() -> InspectionProblem.notFound(reference)).reference();
    requireBetweenNotificationAndFieldwork(reference, startedAs);
    try {
      unrestricted.call(() -> runtimeService.createMessageCorrelation(Jtai2024Process.MESSAGE_DEFERRAL_REQUESTED)
          .processInstanceBusinessKey(startedAs)
          .setVariable(Jtai2024Process.VAR_DEFERRAL_REQUEST_REASON, reason.strip())
          .setVariable(Jtai2024Process.VAR_DEFERRAL_REQUESTED, true)
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw new InspectionProblem(HttpStatus.CONFLICT, "Inspection '" + reference + "' is not between notification"
          + " and fieldwork: a deferral can be requested only then (paragraph 19).");
    }
  }

  /**
   * Paragraph 19: "after they have been notified and before fieldwork starts". Notified = the DCS notification
   * ({@code task_notify_dcs}) completed since the timeline last started (a granted deferral notifies again); before
   * fieldwork = today, in London, before {@code fieldworkStart}.
   */
  private void requireBetweenNotificationAndFieldwork(String reference, String businessKey) {
    ProcessInstance instance = unrestricted.call(() -> runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).processDefinitionKey(Jtai2024Process.KEY).active().list().stream()
        .findFirst().orElse(null));
    if (instance == null) {
      throw InspectionProblem.notFound(reference);
    }
    Object since = unrestricted.call(() -> runtimeService.getVariable(instance.getId(), Timeline.VAR_TIMELINE_SINCE));
    Object start = unrestricted.call(() -> runtimeService.getVariable(instance.getId(),
        Jtai2024Process.VAR_FIELDWORK_START));
    boolean notified = unrestricted.call(() -> historyService.createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(Jtai2024Process.TASK_NOTIFY_DCS).finished().list()
        .stream().anyMatch(t -> "completed".equals(t.getDeleteReason())
            && (!(since instanceof Date d) || !t.getEndTime().before(d))));
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    LocalDate fieldwork = start instanceof Date d ? d.toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate() : null;
    if (!notified) {
      throw new InspectionProblem(HttpStatus.CONFLICT, "Inspection '" + reference + "' has not been notified yet: a"
          + " deferral can be requested after the notification and before fieldwork starts"
          + (fieldwork == null ? "" : " on " + fieldwork) + " (paragraph 19).");
    }
    if (fieldwork != null && !today.isBefore(fieldwork)) {
      throw new InspectionProblem(HttpStatus.CONFLICT, "Inspection '" + reference + "' is in or past fieldwork, which"
          + " started on " + fieldwork + ": a deferral can be requested only after the notification and before"
          + " fieldwork starts (paragraph 19).");
    }
  }
}
