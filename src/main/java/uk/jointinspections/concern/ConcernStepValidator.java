package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;

/**
 * Event {@code complete} of the concern's steps: a step is done only with what it records, whatever client completes
 * it (Tasklist or the engine's REST API), so that a concern is never closed without a written response, an evaluation
 * shared with the agency and both signatures. Refuses with a message naming the field; the task stays open.
 */
@Component("concernStepValidator")
public class ConcernStepValidator implements TaskListener {

  private enum Kind { CONFIRMED, TEXT, OPTIONAL_TEXT, PAST_DATE }

  private record Required(String field, Kind kind, String what) {
  }

  private static final Map<String, List<Required>> REQUIRED = Map.ofEntries(
      Map.entry(TASK_INFORM_DCS_AT_ONCE, List.of(
          new Required("dcsInformed", Kind.CONFIRMED, "confirm that the Director of Children's Services has been informed"),
          new Required(VAR_DCS_INFORMED_ON, Kind.PAST_DATE, "the date the DCS was informed"),
          new Required(VAR_DCS_INFORMED_HOW, Kind.TEXT, "how the DCS was informed"),
          new Required("leadInspectorInformed", Kind.CONFIRMED, "confirm that the lead inspector has been told"))),
      Map.entry(TASK_RECORD_DCS_ACTION, List.of(
          new Required(VAR_DCS_ACTION, Kind.OPTIONAL_TEXT, "what the DCS said was done"))),
      Map.entry(TASK_NOTIFY_SENIOR_OFFICER, List.of(
          new Required("seniorOfficerNotified", Kind.CONFIRMED, "confirm that the senior officer has been notified"),
          new Required("seniorOfficerNotifiedOn", Kind.PAST_DATE, "the date the senior officer was notified"),
          new Required(VAR_SENIOR_OFFICER_ROLE, Kind.TEXT, "the job title of the senior officer notified"))),
      Map.entry(TASK_INFORM_LEAD_INSPECTOR, List.of(
          new Required("leadInspectorInformed", Kind.CONFIRMED, "confirm that the lead inspector has been informed"))),
      Map.entry(TASK_CHASE_RESPONSE, List.of(
          new Required("chaseNotes", Kind.TEXT, "what was done to obtain the response"))),
      Map.entry(TASK_SENIOR_ESCALATION, List.of(
          new Required("seniorEscalationNotes", Kind.TEXT, "the action taken with the agency"))),
      Map.entry(TASK_EVALUATE_RESPONSE, List.of(
          new Required(VAR_EVALUATION, Kind.TEXT, "the evaluation of the information the agency provided"))),
      Map.entry(TASK_SHARE_EVALUATION, List.of(
          new Required(VAR_EVALUATION, Kind.TEXT, "the agreed evaluation"),
          new Required(VAR_EVALUATION_SHARED_ON, Kind.PAST_DATE, "the date the evaluation was shared with the agency"))),
      Map.entry(TASK_RECORD_CHIEF_OFFICER_SIGN_OFF, List.of(
          new Required(VAR_CHIEF_OFFICER_ROLE, Kind.TEXT, "the job title of the agency's signatory"),
          new Required(VAR_CHIEF_OFFICER_SIGNED_ON, Kind.PAST_DATE, "the date the agency signed"))),
      Map.entry(TASK_SIGN_OFF_LEAD_INSPECTOR, List.of(
          new Required("leadInspectorConfirms", Kind.CONFIRMED,
              "confirm that both sides have seen the final version and the review is complete"),
          new Required(VAR_LEAD_INSPECTOR_SIGNED_ON, Kind.PAST_DATE, "the date of the lead inspector's sign-off"))));

  @Override
  public void notify(DelegateTask task) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate();
    for (Required required : REQUIRED.getOrDefault(task.getTaskDefinitionKey(), List.of())) {
      Object value = task.getVariable(required.field());
      switch (required.kind()) {
        case CONFIRMED -> {
          if (!Boolean.TRUE.equals(value) && !"true".equals(String.valueOf(value))) {
            throw ConcernRefusedException.invalid(required.field(), required.what() + ".");
          }
        }
        case TEXT -> {
          if (!(value instanceof String text) || text.isBlank()) {
            throw ConcernRefusedException.invalid(required.field(), "give " + required.what() + ".");
          }
          if (text.length() > ConcernRules.MAX_TEXT) {
            throw ConcernRefusedException.invalid(required.field(), "is longer than " + ConcernRules.MAX_TEXT + " characters.");
          }
        }
        case OPTIONAL_TEXT -> {
          if (value instanceof String text && text.length() > ConcernRules.MAX_TEXT) {
            throw ConcernRefusedException.invalid(required.field(), "is longer than " + ConcernRules.MAX_TEXT + " characters.");
          }
        }
        case PAST_DATE -> {
          if (!(value instanceof String text) || text.isBlank()) {
            throw ConcernRefusedException.invalid(required.field(), "give " + required.what() + ".");
          }
          LocalDate date;
          try {
            date = LocalDate.parse(text.strip().length() > 10 ? text.strip().substring(0, 10) : text.strip());
          } catch (DateTimeParseException e) {
            throw ConcernRefusedException.invalid(required.field(), "'" + text + "' is not a date (yyyy-MM-dd).");
          }
          if (date.isAfter(today)) {
            throw ConcernRefusedException.invalid(required.field(), date + " is in the future.");
          }
        }
      }
    }
  }
}
