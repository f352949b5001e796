package uk.jointinspections.inspection;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.jointinspections.identity.Administrators;
import uk.jointinspections.inspection.InspectionMigration.MigrationReport;

/**
 * Administrators move running inspections to the latest version of their diagram: first the dry run, which lists per
 * inspection the deadlines that would change, then the migration itself (README "Moving running inspections to a
 * corrected diagram").
 */
@RestController
@RequestMapping(path = "/api/migrations/{processDefinitionKey}", produces = MediaType.APPLICATION_JSON_VALUE)
public class InspectionMigrationApi {

  private final InspectionMigration migration;
  private final Administrators administrators;

  public InspectionMigrationApi(InspectionMigration migration, Administrators administrators) {
    this.migration = migration;
    this.administrators = administrators;
  }

  /** @param inspections the references to move; none or an empty list for every inspection on an older version */
  public record MigrationRequest(List<String> inspections) {
    List<String> references() {
      return inspections == null ? List.of() : inspections;
    }
  }

  @PostMapping("/dry-run")
  public MigrationReport dryRun(@PathVariable String processDefinitionKey,
      @RequestBody(required = false) MigrationRequest request) {
    administrators.requireCaller("move running inspections to another version");
    return migration.migrate(processDefinitionKey, references(request), true);
  }

  @PostMapping
  public MigrationReport migrate(@PathVariable String processDefinitionKey,
      @RequestBody(required = false) MigrationRequest request) {
    administrators.requireCaller("move running inspections to another version");
    return migration.migrate(processDefinitionKey, references(request), false);
  }

  private static List<String> references(MigrationRequest request) {
    return request == null ? List.of() : request.references();
  }
}
