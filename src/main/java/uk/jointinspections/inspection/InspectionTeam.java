package uk.jointinspections.inspection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The inspectors named at an inspection's start besides its lead inspector and QA manager: user ids, each of an
 * inspectorate taking part in the framework. Kept in the inspection as one process variable, {@link #VARIABLE}, a plain
 * string of comma-separated user ids (so Cockpit shows it and nothing is serialised); this class reads and writes it.
 */
public final class InspectionTeam {

  /** The process variable of every inspection framework's instance. */
  public static final String VARIABLE = "inspectionTeam";
  /** The same name as the JSON field of {@code POST /api/inspections} and the start forms' field key. */
  public static final String FIELD = VARIABLE;

  private static final InspectionTeam NOBODY = new InspectionTeam(List.of());

  private final List<String> members;

  private InspectionTeam(List<String> members) {
    this.members = List.copyOf(members);
  }

  public static InspectionTeam nobody() {
    return NOBODY;
  }

  /** Members in the order given, each once; blanks are dropped and ids stripped. */
  public static InspectionTeam of(Collection<String> userIds) {
    if (userIds == null) {
      return NOBODY;
    }
    Set<String> members = new LinkedHashSet<>();
    for (String id : userIds) {
      if (id != null && !id.isBlank()) {
        members.add(id.strip());
      }
    }
    return new InspectionTeam(new ArrayList<>(members));
  }

  /**
   * The team from a variable's value: the stored comma-separated string, or a list (a JSON array sent to the engine's
   * REST start); null or blank is nobody.
   */
  public static InspectionTeam parse(Object value) {
    if (value == null) {
      return NOBODY;
    }
    if (value instanceof Collection<?> list) {
      return of(list.stream().map(o -> o == null ? null : o.toString()).toList());
    }
    return of(List.of(value.toString().split("[,;\\s]+")));
  }

  public List<String> members() {
    return members;
  }

  public boolean includes(String userId) {
    return userId != null && members.contains(userId);
  }

  public boolean isEmpty() {
    return members.isEmpty();
  }

  /** The variable's value: user ids separated by commas, e.g. {@code cqc-inspector,hmicfrs-inspector}. */
  public String variableValue() {
    return String.join(",", members);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof InspectionTeam team && team.members.equals(members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return variableValue();
  }
}
