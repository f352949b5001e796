package uk.jointinspections.inspection;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Paragraph 8 of both JTAI editions: "The inspection team will usually include three inspectors from each of Ofsted,
 * HMIC and the CQC, and two from HMI Probation. An Ofsted social care HMI will lead the inspection." "Usually": a team
 * named at start that differs is started all the same, with a warning that says how it differs; the lead inspector
 * counts among Ofsted's three.
 */
@Component
public class JtaiTeamComposition {

  /** Process variable: the warning given at start, absent when the team is the usual one. */
  public static final String VAR_WARNING = "teamCompositionWarning";

  static final Map<String, Integer> USUAL = usual();

  private final IdentityService identityService;
  private final WithoutAuthorization unrestricted;

  public JtaiTeamComposition(@Lazy IdentityService identityService, WithoutAuthorization unrestricted) {
    this.identityService = identityService;
    this.unrestricted = unrestricted;
  }

  private static Map<String, Integer> usual() {
    Map<String, Integer> usual = new LinkedHashMap<>();
    usual.put(Inspectorates.OFSTED, 3);
    usual.put(Inspectorates.HMICFRS, 3);
    usual.put(Inspectorates.CQC, 3);
    usual.put(Inspectorates.HMI_PROBATION, 2);
    return usual;
  }

  /** Null when the lead inspector and the team make paragraph 8's usual team; otherwise what differs, in words. */
  public String warning(String leadInspector, InspectionTeam team) {
    Set<String> named = new LinkedHashSet<>();
    if (leadInspector != null) {
      named.add(leadInspector);
    }
    named.addAll(team.members());
    Map<String, Long> counted = new LinkedHashMap<>();
    USUAL.keySet().forEach(group -> counted.put(group, named.stream().filter(user -> unrestricted.call(
        () -> identityService.createUserQuery().userId(user).memberOfGroup(group).count()) > 0).count()));
    boolean usualTeam = USUAL.entrySet().stream().allMatch(e -> counted.get(e.getKey()) == e.getValue().longValue());
    if (usualTeam) {
      return null;
    }
    String differs = USUAL.keySet().stream().filter(g -> counted.get(g) != USUAL.get(g).longValue())
        .map(g -> Inspectorates.displayName(g) + " " + counted.get(g) + " (usually " + USUAL.get(g) + ")")
        .collect(Collectors.joining(", "));
    return "The team named differs from paragraph 8 (usually three inspectors from each of Ofsted, HMIC and the CQC,"
        + " and two from HMI Probation, the lead inspector among Ofsted's three): " + differs + ". The inspection was"
        + " started; an inspectorate's team steps go to its named inspectors, or to the whole inspectorate when nobody"
        + " of it is named.";
  }
}
