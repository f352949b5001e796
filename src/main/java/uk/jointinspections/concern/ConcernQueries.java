package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * Reads concerns as the application: the open concerns of an inspection with their state (for the keep-in-touch
 * meetings and the inspection's timeline) and the variables of one concern (for its record). Callers check access
 * first where a person asks.
 */
@Component
public class ConcernQueries {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final WithoutAuthorization withoutAuthorization;

  public ConcernQueries(@Lazy RuntimeService runtimeService, @Lazy HistoryService historyService,
      WithoutAuthorization withoutAuthorization) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.withoutAuthorization = withoutAuthorization;
  }

  /**
   * One open concern. Its case numbers and agency are for those who may read the concern ({@code GET
   * /api/inspections/{reference}/concerns} filters by that); the issues stay in the concern itself.
   *
   * @param state what the concern waits for (several when steps run side by side)
   */
  public record OpenConcern(String id, int number, int category, String caseNumbers, String agencyService,
      Date responseDueDate, boolean responseReceived, boolean responseOverdue, List<String> state,
      ConcernVariant variant) {

    /** "category 1", or for a framework without categories (2009) what the concern is about. */
    public String kind() {
      return variant.annexC ? "category " + category : "significant risk of harm, paragraph " + variant.paragraph;
    }

    /**
     * Number, category and state only, for places outside the concern (the inspection's keep-in-touch tasks): no case
     * numbers, agency, issues or addresses, which only the concern's team may read.
     */
    public String describe() {
      return "Concern " + number + ", " + kind() + ": " + String.join("; ", state)
          + (responseReceived || !variant.annexC ? "" : "; response required by "
          + (responseDueDate == null ? "(not set)" : DAY.format(responseDueDate.toInstant()))
          + (responseOverdue ? " (OVERDUE)" : ""));
    }
  }

  public List<OpenConcern> openConcerns(String inspectionReference) {
    return withoutAuthorization.call(() -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(KEY).processInstanceBusinessKey(inspectionReference).active().list().stream()
        .map(this::describe)
        .sorted(Comparator.comparingInt(OpenConcern::number))
        .toList());
  }

  private OpenConcern describe(ProcessInstance instance) {
    Map<String, Object> variables = runtimeService.getVariables(instance.getId(), List.of(VAR_CONCERN_NUMBER,
        VAR_CATEGORY, VAR_CASE_NUMBERS, VAR_AGENCY_SERVICE, VAR_RESPONSE_DUE_DATE, VAR_RESPONSE_RECEIVED_ON, VAR_FRAMEWORK));
    List<String> state = runtimeService.getActiveActivityIds(instance.getId()).stream()
        .map(STATES::get).filter(Objects::nonNull).distinct().sorted().toList();
    Date due = (Date) variables.get(VAR_RESPONSE_DUE_DATE);
    boolean received = variables.get(VAR_RESPONSE_RECEIVED_ON) != null;
    return new OpenConcern(instance.getId(), number(variables.get(VAR_CONCERN_NUMBER)),
        number(variables.get(VAR_CATEGORY)), (String) variables.get(VAR_CASE_NUMBERS),
        (String) variables.get(VAR_AGENCY_SERVICE), due, received,
        !received && due != null && ClockUtil.getCurrentTime().after(due), state.isEmpty() ? List.of("open") : state,
        ConcernVariant.of((String) variables.get(VAR_FRAMEWORK)));
  }

  /** Every process-level variable of a concern, running or closed; empty when there is no such concern. */
  public Map<String, Object> variables(String concernId) {
    return withoutAuthorization.call(() -> historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(concernId).activityInstanceIdIn(concernId).list().stream()
        .filter(v -> v.getValue() != null)
        .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> b)));
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : 0;
  }
}
