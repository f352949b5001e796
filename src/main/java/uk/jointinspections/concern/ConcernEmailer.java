package uk.jointinspections.concern;

import static uk.jointinspections.concern.ConcernReferralProcess.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.inspection.InspectionVariables;
import uk.jointinspections.inspection.Inspectorates;
import uk.jointinspections.notification.NotificationBodyComposer;
import uk.jointinspections.notification.NotificationProcess;
import uk.jointinspections.notification.Notifications;

/**
 * Category 1: the senior officer is told at once, by e-mail with the Annex C details and the date the written response
 * is required by, the lead inspector copied; in 2009 (paragraph 61, no categories) the written confirmation to the DCS of
 * what the inspector told them at once. Both
 * is required by, the lead inspector copied. Sent like every other notification (after the commit, retried, an
 * incident when it cannot be delivered), once per recipient. The body, with the case numbers and what the inspector
 * wrote, is not stored with the notification (operators read notifications to retry them): it is written from the
 * concern's own variables when the mail is sent. So is the senior officer's address, which is part of the concern: the
 * notification names the addressee by role ({@value #SENIOR_OFFICER}) and the address is read from the concern.
 */
@Component(ConcernEmailer.NAME)
public class ConcernEmailer implements JavaDelegate, NotificationBodyComposer {

  static final String NAME = "concernEmailer";
  /** True on the lead inspector's copy; the body names the senior officer's address, read from the concern. */
  static final String VAR_COPY_OF = "copyOf";
  /** The addressee (and last part of the business key) of the e-mail to the agency's senior officer. */
  static final String SENIOR_OFFICER = "senior-officer";

  public static final String PURPOSE = "concern-category-1";
  private static final Logger LOG = LoggerFactory.getLogger(ConcernEmailer.class);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK).withZone(ZoneId.of("Europe/London"));

  private final Notifications notifications;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;

  public ConcernEmailer(Notifications notifications, @Lazy IdentityService identityService,
      @Lazy RuntimeService runtimeService, @Lazy HistoryService historyService) {
    this.notifications = notifications;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = InspectionVariables.inspectionReference(execution);
    Object number = execution.getVariable(VAR_CONCERN_NUMBER);
    boolean confirmation = !ConcernVariant.of(InspectionVariables.framework(execution)).annexC;
    String subject = confirmation
        ? "[" + reference + "] Significant risk of harm to a child: written confirmation (paragraph 61)"
        : "[" + reference + "] Category 1 concern about a child: written response required by "
            + DAY.format(((Date) execution.getVariable(VAR_RESPONSE_DUE_DATE)).toInstant());
    send(execution, null, SENIOR_OFFICER, subject, false);
    String lead = InspectionVariables.leadInspector(execution);
    User leadUser = lead == null ? null : Context.getCommandContext().runWithoutAuthorization(
        () -> identityService.createUserQuery().userId(lead).singleResult());
    if (leadUser == null || leadUser.getEmail() == null || leadUser.getEmail().isBlank()) {
      LOG.warn("Lead inspector '{}' of inspection {} has no e-mail address; concern {} not copied to them", lead,
          reference, number);
    } else {
      send(execution, leadUser.getEmail(), lead, "Copy for the lead inspector: " + subject, true);
    }
  }

  /** @param recipient null for the senior officer, whose address only the concern holds */
  private void send(DelegateExecution execution, String recipient, String addressee, String subject, boolean copy) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put(NotificationProcess.VAR_PURPOSE, PURPOSE);
    record.put(NotificationProcess.VAR_INSPECTION_REFERENCE, execution.getVariable(VAR_INSPECTION_REFERENCE));
    record.put(NotificationProcess.VAR_ADDRESSEE, addressee);
    if (copy) {
      record.put(VAR_COPY_OF, true);
    }
    String concernId = execution.getProcessInstanceId();
    String kind = ConcernVariant.of(InspectionVariables.framework(execution)).annexC ? "category-1"
        : "written-confirmation";
    notifications.requestComposed(execution, "concern:" + concernId + ":" + kind + ":" + addressee, recipient, subject, NAME,
        concernId, record);
  }

  @Override
  public String recipient(String concernId, Map<String, Object> notification) {
    if (!SENIOR_OFFICER.equals(notification.get(NotificationProcess.VAR_ADDRESSEE))) {
      return NotificationBodyComposer.super.recipient(concernId, notification);
    }
    return seniorOfficerEmail(concern(concernId));
  }

  private static String seniorOfficerEmail(Map<String, Object> concern) {
    return ((String) concern.get(VAR_SENIOR_OFFICER_EMAIL)).strip();
  }

  /** At sending time; the concern may have ended meanwhile (a mail server down for days), so history is the fallback. */
  @Override
  public String compose(String concernId, Map<String, Object> notification) {
    Map<String, Object> concern = concern(concernId);
    return Boolean.TRUE.equals(notification.get(VAR_COPY_OF))
        ? "This is a copy of the e-mail sent to " + seniorOfficerEmail(concern) + ".\n\n" + body(concern)
        : body(concern);
  }

  private Map<String, Object> concern(String concernId) {
    Map<String, Object> concern = new HashMap<>();
    if (runtimeService.createProcessInstanceQuery().processInstanceId(concernId).count() > 0) {
      concern.putAll(runtimeService.getVariables(concernId));
    } else {
      historyService.createHistoricVariableInstanceQuery().processInstanceId(concernId).list()
          .forEach(variable -> concern.put(variable.getName(), variable.getValue()));
    }
    if (concern.isEmpty()) {
      throw new IllegalStateException("Concern " + concernId + " no longer exists; its e-mail cannot be written");
    }
    return concern;
  }

  static String body(Map<String, Object> concern) {
    if (!ConcernVariant.of((String) concern.get(VAR_FRAMEWORK)).annexC) {
      return confirmation(concern);
    }
    String inspectorate = (String) concern.get(VAR_REFERRING_INSPECTORATE);
    String role = (String) concern.get(VAR_SENIOR_OFFICER_ROLE);
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
        concern.get(VAR_RECORD_TITLE),
        concern.get(VAR_INSPECTION_REFERENCE),
        inspectorate == null ? "the inspection team" : Inspectorates.displayName(inspectorate),
        DAY.format(((Date) concern.get(VAR_RESPONSE_DUE_DATE)).toInstant()),
        concern.get(VAR_CASE_NUMBERS),
        concern.get(VAR_AGENCY_SERVICE),
        DAY.format(((Date) concern.get(VAR_REFERRAL_DATE)).toInstant()),
        concern.get(VAR_ISSUES));
  }

  /** 2009 paragraph 61: what the inspector told the DCS, confirmed in writing; no response asked for. */
  static String confirmation(Map<String, Object> concern) {
    String inspectorate = (String) concern.get(VAR_REFERRING_INSPECTORATE);
    Object informedOn = concern.get(VAR_DCS_INFORMED_ON);
    Object how = concern.get(VAR_DCS_INFORMED_HOW);
    return """
        Dear Director of Children's Services

        %s

        This confirms in writing what an inspector from %s told you on %s (%s): during the inspection (reference         %s), an unresolved issue of significant risk of harm to a child has been identified about the case(s) below.

        Case number(s): %s
        Service: %s
        Date of referral: %s

        The issue of significant risk of harm:
        %s

        It is expected that any significant risk will be addressed immediately by those responsible (paragraph 61         of the framework for the inspection of safeguarding and looked after children services). The lead inspector         is copied.

        Inspection team
        """.formatted(concern.get(VAR_RECORD_TITLE),
        inspectorate == null ? "the inspection team" : Inspectorates.displayName(inspectorate),
        informedOn == null ? "the day of referral" : String.valueOf(informedOn).strip(),
        how == null ? "in person" : String.valueOf(how).strip(),
        concern.get(VAR_INSPECTION_REFERENCE),
        concern.get(VAR_CASE_NUMBERS),
        concern.get(VAR_AGENCY_SERVICE),
        DAY.format(((Date) concern.get(VAR_REFERRAL_DATE)).toInstant()),
        concern.get(VAR_ISSUES));
  }
}
