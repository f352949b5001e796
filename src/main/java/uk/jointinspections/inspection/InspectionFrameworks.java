package uk.jointinspections.inspection;

import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/** Every {@link InspectionFramework} bean, looked up by framework name. */
@Component
public class InspectionFrameworks {

  private final List<InspectionFramework> frameworks;

  public InspectionFrameworks(List<InspectionFramework> frameworks) {
    this.frameworks = List.copyOf(frameworks);
  }

  /** @throws InvalidInspectionException naming {@code framework} when no framework has this name */
  public InspectionFramework named(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInspectionException("framework", "is required.");
    }
    return frameworks.stream().filter(f -> f.names().contains(name.strip())).findFirst()
        .orElseThrow(() -> new InvalidInspectionException("framework", "'" + name
            + "' is not a framework this application runs; use one of " + String.join(", ", names()) + "."));
  }

  /** The framework a process runs; empty for a process that is not an inspection. */
  public java.util.Optional<InspectionFramework> ofProcess(String processKey) {
    return frameworks.stream().filter(f -> f.processKey().equals(processKey)).findFirst();
  }

  /**
   * What inspectors call the framework of that name ("JTAI 2017"); the name itself for one no framework runs any more,
   * so that an inspection of it still says which it is.
   */
  public String label(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return frameworks.stream().filter(f -> f.names().contains(name.strip())).findFirst()
        .map(f -> f.label(name.strip())).orElse(name.strip());
  }

  public List<String> names() {
    TreeSet<String> names = new TreeSet<>();
    frameworks.forEach(f -> names.addAll(f.names()));
    return List.copyOf(names);
  }
}
