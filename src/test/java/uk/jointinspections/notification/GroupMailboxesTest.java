package uk.jointinspections.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * A step offered to a group is announced to the group's shared mailbox; a group without one is silently not told
 * (the notifier only logs a warning), so every group a diagram names must have a mailbox in application.yaml.
 */
class GroupMailboxesTest {

  private static final Pattern CANDIDATE_GROUPS = Pattern.compile("camunda:candidateGroups=\"([^\"$]+)\"");

  @Test
  @SuppressWarnings("unchecked")
  void everyGroupADiagramOffersAStepToHasAMailbox() throws IOException {
    Map<String, Object> settings;
    try (var yaml = Files.newBufferedReader(Path.of("src/main/resources/application.yaml"))) {
      settings = (Map<String, Object>) new Yaml().loadAll(yaml).iterator().next(); // the default profile's document
    }
    Map<String, Object> notification = (Map<String, Object>)
        ((Map<String, Object>) settings.get("inspection")).get("notification");
    Set<String> mailboxes = ((Map<String, Object>) notification.get("mailboxes")).keySet();

    Set<String> offeredTo = new TreeSet<>();
    try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
      for (Path diagram : diagrams.filter(file -> file.toString().endsWith(".bpmn")).toList()) {
        Matcher groups = CANDIDATE_GROUPS.matcher(Files.readString(diagram));
        while (groups.find()) {
          for (String group : groups.group(1).split(",")) {
            offeredTo.add(group.strip());
          }
        }
      }
    }

    assertThat(offeredTo).as("groups named by the diagrams").contains("cqc", "complaints-team", "regional-director");
    assertThat(mailboxes).as("inspection.notification.mailboxes").containsAll(offeredTo);
  }
}
