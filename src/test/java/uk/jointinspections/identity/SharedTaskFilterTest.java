package uk.jointinspections.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.jointinspections.EngineTest;

/** The shared filters evaluated as the Tasklist evaluates them: as the logged-in user, at the engine's time. */
@EngineTest
class SharedTaskFilterTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;

  private final List<String> created = new java.util.ArrayList<>();

  @BeforeEach
  void wednesdayMorning() {
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 3, 10, 9, 0)));
  }

  @AfterEach
  void cleanUp() {
    identity.clearAuthentication();
    ClockUtil.reset();
    created.forEach(id -> tasks.deleteTask(id, true));
  }

  private static Date at(LocalDateTime time) {
    return Date.from(time.atZone(LONDON).toInstant());
  }

  private void standaloneTask(String name, String candidateGroup, String assignee, LocalDateTime due) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    task.setDueDate(at(due));
    tasks.saveTask(task);
    if (candidateGroup != null) {
      tasks.addCandidateGroup(task.getId(), candidateGroup);
    }
    created.add(task.getId());
  }

  private List<String> namesIn(SharedTaskFilter shared, String userId, String... groups) {
    String filterId = filters.createTaskFilterQuery().filterName(shared.displayName()).singleResult().getId();
    identity.setAuthentication(userId, List.of(groups));
    try {
      return filters.<Task>list(filterId).stream().map(Task::getName).filter(n -> n.startsWith("filter-test")).toList();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void sortsEachFilterByDueDateAndShowsOnlyWhatTheUserMaySee() {
    standaloneTask("filter-test overdue cqc", "cqc", null, LocalDateTime.of(2027, 3, 9, 17, 0));
    standaloneTask("filter-test friday cqc", "cqc", null, LocalDateTime.of(2027, 3, 12, 23, 59));
    standaloneTask("filter-test thursday cqc", "cqc", null, LocalDateTime.of(2027, 3, 11, 12, 0));
    standaloneTask("filter-test next week cqc", "cqc", null, LocalDateTime.of(2027, 3, 15, 9, 30));
    standaloneTask("filter-test friday ofsted", "ofsted", null, LocalDateTime.of(2027, 3, 12, 12, 0));
    standaloneTask("filter-test mine", null, "cqc-inspector", LocalDateTime.of(2027, 3, 14, 23, 0));

    assertThat(namesIn(SharedTaskFilter.MY_TASKS, "cqc-inspector", "cqc")).containsExactly("filter-test mine");
    assertThat(namesIn(SharedTaskFilter.MY_INSPECTORATE, "cqc-inspector", "cqc")).containsExactly(
        "filter-test overdue cqc", "filter-test thursday cqc", "filter-test friday cqc", "filter-test next week cqc");
    assertThat(namesIn(SharedTaskFilter.OVERDUE, "cqc-inspector", "cqc")).containsExactly("filter-test overdue cqc");
    assertThat(namesIn(SharedTaskFilter.DUE_THIS_WEEK, "cqc-inspector", "cqc")).containsExactly(
        "filter-test thursday cqc", "filter-test friday cqc", "filter-test mine");
  }
}
