package uk.jointinspections.identity;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.task.TaskQuery;
import uk.jointinspections.inspection.TaskCard;

/**
 * The Tasklist filters every member of staff shares, named for people and sorted by due date, each card showing which
 * inspection its task belongs to ({@link TaskCard}).
 */
public enum SharedTaskFilter {
  MY_TASKS("My tasks", "Tasks assigned to me", -10,
      query -> query.taskAssigneeExpression("${currentUser()}")),
  MY_INSPECTORATE("My inspectorate", "Tasks for my inspectorate and my roles, claimed or not", -5,
      query -> query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
  OVERDUE("Overdue", "Tasks I can see whose deadline has passed", 0,
      query -> query.dueBeforeExpression("${now()}")),
  // Monday to Sunday in the engine's clock; the application runs in Europe/London (README, docker/).
  DUE_THIS_WEEK("Due this week", "Tasks I can see that fall due between now and the end of Sunday", 5,
      query -> query.dueAfterExpression("${now()}")
          .dueBeforeExpression("${dateTime().withDayOfWeek(7).withTime(23, 59, 59, 999).toDate()}"));

  private final String displayName;
  private final String description;
  private final int priority;
  private final UnaryOperator<TaskQuery> criteria;

  SharedTaskFilter(String displayName, String description, int priority, UnaryOperator<TaskQuery> criteria) {
    this.displayName = displayName;
    this.description = description;
    this.priority = priority;
    this.criteria = criteria;
  }

  public String displayName() {
    return displayName;
  }

  public String description() {
    return description;
  }

  public int priority() {
    return priority;
  }

  /**
   * The filter's {@code properties.variables}: the variables the Tasklist shows on each card, as {name, label}, and
   * the engine embeds in the filter's list ({@code POST /filter/{id}/list}, HAL).
   */
  public static List<Map<String, Object>> cardVariables() {
    return TaskCard.LINES.stream().<Map<String, Object>>map(line -> Map.of("name", line.name(), "label", line.label()))
        .toList();
  }

  public TaskQuery query(TaskQuery empty) {
    TaskQuery query = criteria.apply(empty);
    query.orderByDueDate().asc();
    return query;
  }
}
