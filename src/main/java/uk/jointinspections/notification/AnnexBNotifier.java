package uk.jointinspections.notification;

import static uk.jointinspections.inspection.JtaiProcess.TASK_NOTIFY_DCS;
import static uk.jointinspections.inspection.JtaiProcess.TASK_NOTIFY_SENIOR_LEADERS;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.frameworks.OfstedTargeted2016Process;
import uk.jointinspections.inspection.InspectionTeam;
import uk.jointinspections.inspection.InspectionVariables;
import uk.jointinspections.inspection.Inspectorates;
import uk.jointinspections.inspection.JtaiFramework;
import uk.jointinspections.inspection.JtaiFramework.DeepDiveTheme;
import uk.jointinspections.inspection.JtaiProcess;

/**
 * Day 0: once the lead inspector has telephoned the DCS, and once each inspectorate has telephoned the senior
 * leaders paragraph 13 lists for it, each of them receives the Annex B notification e-mail, sent like every other
 * notification (after the commit, retried, an incident when it cannot be delivered).
 */
@Component("annexBNotifier")
public class AnnexBNotifier implements TaskListener {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Notifications notifications;
  private final NotificationProperties properties;
  private final IdentityService identityService;

  public AnnexBNotifier(Notifications notifications, NotificationProperties properties,
      @Lazy IdentityService identityService) {
    this.notifications = notifications;
    this.properties = properties;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String step = task.getTaskDefinitionKey();
    String inspectorate;
    String spokeWith;
    List<String> recipients;
    if (TASK_NOTIFY_DCS.equals(step)) {
      inspectorate = Inspectorates.OFSTED;
      spokeWith = "you";
      recipients = addresses(task.getVariable(JtaiProcess.VAR_DCS_EMAIL), JtaiProcess.VAR_DCS_EMAIL);
    } else if (step.startsWith(TASK_NOTIFY_SENIOR_LEADERS + "_")) {
      inspectorate = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).findFirst()
          .orElseThrow(() -> new IllegalStateException(step + " is not offered to an inspectorate"));
      // Each inspectorate telephones its senior leaders before this e-mail confirms the call (paragraph 13).
      spokeWith = "you";
      recipients = addresses(task.getVariable(JtaiProcess.VAR_SENIOR_LEADER_EMAILS), JtaiProcess.VAR_SENIOR_LEADER_EMAILS);
    } else {
      return;
    }
    String reference = task.getExecution().getProcessBusinessKey();
    AnnexBEmail email = compose(task, spokeWith, inspectorate);
    for (String recipient : recipients) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put(NotificationProcess.VAR_PURPOSE, NotificationProcess.PURPOSE_ANNEX_B);
      record.put(NotificationProcess.VAR_INSPECTION_REFERENCE, reference);
      record.put(NotificationProcess.VAR_TASK_ID, task.getId());
      record.put(NotificationProcess.VAR_ADDRESSEE, inspectorate);
      notifications.request(task.getExecution(), "annex-b:" + reference + ":" + inspectorate + ":" + recipient, recipient,
          email.subject(), email.body(), record);
    }
  }

  AnnexBEmail compose(DelegateTask task, String spokeWith, String inspectorate) {
    Date fieldwork = InspectionVariables.fieldworkStart(task);
    LocalDate fieldworkStart = fieldwork.toInstant().atZone(LONDON).toLocalDate();
    String themeId = (String) task.getVariable(JtaiProcess.VAR_DEEP_DIVE_THEME);
    String theme = DeepDiveTheme.ofId(themeId).map(t -> t.title).orElse(themeId);
    String leadId = InspectionVariables.leadInspector(task);
    String framework = InspectionVariables.framework(task);
    User lead = user(leadId);
    User qa = user(InspectionVariables.qaManager(task));
    List<String> team = new ArrayList<>();
    team.add("Lead inspector (Ofsted): " + describe(lead, leadId));
    boolean targeted = OfstedTargeted2016Process.FRAMEWORK.equals(framework);
    if (targeted) {
      // Ofsted alone (paragraph 8): the inspectors named at start, not the other inspectorates' contacts.
      for (String member : InspectionTeam.parse(task.getVariable(InspectionTeam.VARIABLE)).members()) {
        if (!member.equals(leadId)) {
          team.add("Inspector (Ofsted): " + describe(user(member), member));
        }
      }
    }
    for (String partner : targeted ? List.<String>of() : List.of(Inspectorates.CQC, Inspectorates.HMICFRS, Inspectorates.HMI_PROBATION)) {
      String mailbox = properties.mailboxOf(partner);
      team.add(Inspectorates.displayName(partner) + " inspectors: " + (mailbox == null ? "contact through the lead inspector" : mailbox));
    }
    String qaManager = qa != null ? describe(qa, qa.getId())
        : "to be confirmed" + (properties.mailboxOf(Inspectorates.QA_MANAGER) == null ? ""
            : "; meanwhile " + properties.mailboxOf(Inspectorates.QA_MANAGER));
    String sender = TASK_NOTIFY_DCS.equals(task.getTaskDefinitionKey()) && lead != null
        ? fullName(lead) + ", lead inspector, Ofsted"
        : Inspectorates.displayName(inspectorate) + ", for the joint inspection team";
    String guidance = JtaiFramework.ofId(framework)
        .flatMap(edition -> DeepDiveTheme.ofId(themeId).map(edition::themeGuidance))
        .orElse(AnnexBEmail.JTAI_COLLECTION);
    return new AnnexBEmail(InspectionVariables.localAuthority(task), spokeWith, fieldworkStart, theme,
        team, qaManager, sender, guidance, targeted);
  }

  private User user(String id) {
    if (id == null) {
      return null;
    }
    return Context.getCommandContext().runWithoutAuthorization(
        () -> identityService.createUserQuery().userId(id).singleResult());
  }

  private static String describe(User user, String id) {
    if (user == null) {
      return id;
    }
    return fullName(user) + (user.getEmail() == null ? "" : ", " + user.getEmail());
  }

  private static String fullName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  private static List<String> addresses(Object value, String field) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw new BadUserRequestException(field + ": give the e-mail address(es) that receive the Annex B notification.");
    }
    Set<String> addresses = new LinkedHashSet<>();
    for (String part : text.split("[,;\\s]+")) {
      if (part.isEmpty()) {
        continue;
      }
      if (!EMAIL.matcher(part).matches()) {
        throw new BadUserRequestException(field + ": '" + part + "' is not an e-mail address.");
      }
      addresses.add(part);
    }
    if (addresses.isEmpty()) {
      throw new BadUserRequestException(field + ": give the e-mail address(es) that receive the Annex B notification.");
    }
    return List.copyOf(addresses);
  }
}
