package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.Inspectorates;
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.notification.Notifications;

/**
 * Category 1: the senior officer is told at once, by e-mail with the Annex C details and the date the written response
 * is required by, the lead inspector copied. Sent like every other notification (after the commit, retried, an
 * incident when it cannot be delivered), once per recipient.
 */
@Component("concernEmailer")
public class ConcernEmailer implements JavaDelegate {

  public static final String PURPOSE = "concern-category-1";
  private static final Logger LOG = LoggerFactory.getLogger(ConcernEmailer.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private final Notifications notifications;
  private final IdentityService identityService;

  public ConcernEmailer(Notifications notifications, @Lazy IdentityService identityService) {
    this.notifications = notifications;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = (String) execution.getVariable(VAR_INSPECTION_REFERENCE);
    Object number = execution.getVariable(VAR_CONCERN_NUMBER);
    String subject = "[" + reference + "] Category 1 concern about a child: written response required by "
        + DAY.format(((Date) execution.getVariable(VAR_RESPONSE_DUE_DATE)).toInstant());
    String body = body(execution);
    String senior = ((String) execution.getVariable(VAR_SENIOR_OFFICER_EMAIL)).strip();
    send(execution, senior, "senior-officer", subject, body);
    String lead = (String) execution.getVariable(VAR_LEAD_INSPECTOR);
    User leadUser = lead == null ? null : Context.getCommandContext().runWithoutAuthorization(
        () -> identityService.createUserQuery().userId(lead).singleResult());
    if (leadUser == null || leadUser.getEmail() == null || leadUser.getEmail().isBlank()) {
      LOG.warn("Lead inspector '{}' of inspection {} has no e-mail address; concern {} not copied to them", lead,
          reference, number);
    } else {
      send(execution, leadUser.getEmail(), lead, "Copy for the lead inspector: " + subject,
          "This is a copy of the e-mail sent to " + senior + ".\n\n" + body);
    }
  }

  private void send(DelegateExecution execution, String recipient, String addressee, String subject, String body) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put(NotificationProcess.VAR_PURPOSE, PURPOSE);
    record.put(NotificationProcess.VAR_INSPECTION_REFERENCE, execution.getVariable(VAR_INSPECTION_REFERENCE));
    record.put(NotificationProcess.VAR_ADDRESSEE, addressee);
    record.put("concernId", execution.getProcessInstanceId());
    notifications.request("concern:" + execution.getProcessInstanceId() + ":category-1:" + recipient, recipient, subject,
        body, record);
  }

  static String body(DelegateExecution execution) {
    String inspectorate = (String) execution.getVariable(VAR_REFERRING_INSPECTORATE);
    String role = (String) execution.getVariable(VAR_SENIOR_OFFICER_ROLE);
    return """
        Dear %s

        %s

        During the inspection (reference %s), an inspector from %s has identified a serious issue of concern \
        (Category 1: for example, a failure to follow child protection procedures and/or a child at immediate risk \
        of significant harm) about the case(s) below. Please provide a written response and explanation of the \
        action taken by %s.

        Case number(s): %s
        Service: %s
        Date of referral: %s

        What are the issues that led to the case being referred?
        %s

        Please send the written response to the lead inspector, who will ensure it is received through the \
        keep-in-touch meetings. The inspector who raised the concern and the lead inspector will evaluate it and \
        share their evaluation with you; you and the lead inspector then sign the record to confirm that the review \
        is complete.

        Joint inspection team
        """.formatted(role == null || role.isBlank() ? "senior officer" : role,
        execution.getVariable(VAR_RECORD_TITLE),
        execution.getVariable(VAR_INSPECTION_REFERENCE),
        inspectorate == null ? "the inspection team" : Inspectorates.displayName(inspectorate),
        DAY.format(((Date) execution.getVariable(VAR_RESPONSE_DUE_DATE)).toInstant()),
        execution.getVariable(VAR_CASE_NUMBERS),
        execution.getVariable(VAR_AGENCY_SERVICE),
        DAY.format(((Date) execution.getVariable(VAR_REFERRAL_DATE)).toInstant()),
        execution.getVariable(VAR_ISSUES));
  }
}
