package uk.jointinspections.inspection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.calendar.WorkingDays;

/**
 * The field checks every framework's start request shares (reference, local authority, working dates, staff in a
 * group), each refusing with an {@link InvalidInspectionException} that names the field.
 */
@Component
public class StartFields {

  private static final int MAX_AREA_LENGTH = 100;
  /** A user id as the start forms accept it. */
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  /** Larger than any inspection team the frameworks describe, and well inside one 4,000-character variable. */
  static final int MAX_TEAM_SIZE = 40;

  private final WorkingDays workingDays;
  private final IdentityService identityService;
  private final WithoutAuthorization unrestricted;

  public StartFields(WorkingDays workingDays, @Lazy IdentityService identityService, WithoutAuthorization unrestricted) {
    this.workingDays = workingDays;
    this.identityService = identityService;
    this.unrestricted = unrestricted;
  }

  public String reference(String value) {
    String reference = required(value, "reference");
    if (!InspectionStartRules.REFERENCE.matcher(reference).matches()) {
      throw new InvalidInspectionException("reference",
          "use 3 to 40 letters, digits and hyphens, starting with a letter or digit (for example JTAI-2026-101).");
    }
    return reference;
  }

  public String localAuthority(String value) {
    String area = required(value, "localAuthority");
    if (area.length() > MAX_AREA_LENGTH) {
      throw new InvalidInspectionException("localAuthority", "at most " + MAX_AREA_LENGTH + " characters.");
    }
    return area;
  }

  /** A date in the form yyyy-MM-dd that is a working day in England. */
  public LocalDate workingDate(String text, String field) {
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInspectionException(field, "'" + text + "' is not a date in the form yyyy-MM-dd.");
    }
    if (!WorkingDayCalendar.isSupported(date)) {
      throw new InvalidInspectionException(field, date + " is outside the years the working-day calendar covers.");
    }
    if (!workingDays.isWorkingDay(date)) {
      throw new InvalidInspectionException(field, date + " is not a working day in England (a weekend or bank holiday).");
    }
    return date;
  }

  /** The user exists and is in every one of the groups. */
  public String member(String userId, String field, String why, String... groups) {
    String id = required(userId, field);
    User user = unrestricted.call(() -> identityService.createUserQuery().userId(id).singleResult());
    if (user == null) {
      throw new InvalidInspectionException(field, "there is no user '" + id + "'.");
    }
    for (String group : groups) {
      long member = unrestricted.call(() -> identityService.createUserQuery().userId(id).memberOfGroup(group).count());
      if (member == 0) {
        throw new InvalidInspectionException(field, "'" + id + "' is not in the group '" + group + "': " + why + ".");
      }
    }
    return id;
  }

  /**
   * The inspection team besides the lead inspector and the QA manager: each an existing user in one of the
   * inspectorates taking part in the framework.
   *
   * @param inspectorates the framework's inspectorates ({@link InspectionFramework#inspectorates()})
   */
  public InspectionTeam team(List<String> userIds, String framework, List<String> inspectorates) {
    InspectionTeam team = InspectionTeam.of(userIds);
    if (team.members().size() > MAX_TEAM_SIZE) {
      throw new InvalidInspectionException(InspectionTeam.FIELD, "at most " + MAX_TEAM_SIZE + " members.");
    }
    for (int i = 0; i < team.members().size(); i++) {
      String id = team.members().get(i);
      if (!USER_ID.matcher(id).matches()) {
        throw new InvalidInspectionException(InspectionTeam.FIELD, "member " + (i + 1) + " is not a user id (letters,"
            + " digits, '.', '_' and '-'); separate user ids with commas.");
      }
      User user = unrestricted.call(() -> identityService.createUserQuery().userId(id).singleResult());
      if (user == null) {
        throw new InvalidInspectionException(InspectionTeam.FIELD, "there is no user '" + id + "'.");
      }
      long inTakingPart = unrestricted.call(() -> identityService.createGroupQuery().groupMember(id)
          .groupIdIn(inspectorates.toArray(String[]::new)).count());
      if (inTakingPart == 0) {
        throw new InvalidInspectionException(InspectionTeam.FIELD, "'" + id + "' is not in an inspectorate taking"
            + " part in a " + framework + " inspection (" + String.join(", ", inspectorates.stream()
                .map(Inspectorates::displayName).toList()) + ").");
      }
    }
    return team;
  }

  /**
   * Only the 2009 inspection may be made without notice (its paragraph 11); for any other framework the two fields
   * are refused rather than silently dropped, so that nobody believes an inspection was set up without notice.
   */
  public static void noticeIsGiven(InspectionStartRequest request, String framework) {
    if (request.noNotice() != null && request.noNotice()) {
      throw new InvalidInspectionException("noNotice", "a " + framework + " inspection is always notified;"
          + " only slac-2009 inspects without notice.");
    }
    if (present(request.noNoticeReason())) {
      throw new InvalidInspectionException("noNoticeReason", "only for a slac-2009 inspection without notice.");
    }
  }

  /**
   * Only the 2009 inspection covers two elements that may be inspected separately (its paragraph 18); for any other
   * framework {@code scope} and {@code scopeReason} are refused rather than silently dropped, so that nobody believes
   * an inspection was narrowed.
   */
  public static void noScope(InspectionStartRequest request, String framework) {
    if (present(request.scope())) {
      throw new InvalidInspectionException("scope", "a " + framework + " inspection has no separate parts to choose;"
          + " only slac-2009 may inspect safeguarding or looked after children separately (its paragraph 18).");
    }
    if (present(request.scopeReason())) {
      throw new InvalidInspectionException("scopeReason", "only for a separate slac-2009 inspection.");
    }
  }

  public static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  public static String required(String value, String field) {
    if (!present(value)) {
      throw new InvalidInspectionException(field, "is required.");
    }
    return value.strip();
  }
}
