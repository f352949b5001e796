package uk.jointinspections.timelinetab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.WorkingDayCalendar;
import uk.jointinspections.complaint.ComplaintConductProcess;
import uk.jointinspections.complaint.ComplaintProcess;
import uk.jointinspections.concern.ConcernReferralProcess;
import uk.jointinspections.inspection.InspectionDirectory;
import uk.jointinspections.inspection.InspectionProblem;
import uk.jointinspections.inspection.InspectionVariables;
import uk.jointinspections.inspection.Timeline;
import uk.jointinspections.inspection.TimelineEntry;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * What the "Timeline" tab of the Tasklist's task and of Cockpit's process instance shows: the timeline of the
 * inspection the task or instance belongs to, as {@code GET /api/inspections/{reference}/timeline} gives it (the same
 * {@link Timeline#of}, so the same calculation and the same checks, made as the signed-in person), with the reference
 * and what the task is part of. A concern's or complaint's task shows the inspection its business key names.
 *
 * <p>Everything is asked as the person the webapp's session signed in (Camunda's webapp authentication filter makes
 * them the engine's authenticated user for the request): the task or instance first, so that someone who may not see
 * it learns nothing else, then the inspection's timeline, which leaves out what its checks leave out. Without a
 * signed-in person the engine would check nothing, so nothing is answered.
 */
@Component
public class TimelineTab {

  /**
   * Each application's tab under the process engine it serves. The webapps' plugin resources are made by Jersey, not
   * Spring, and know only the engine the webapp signed the caller in to: they take that engine's tab, so that the checks
   * are made on the engine that holds the caller's authentication.
   */
  private static final Map<ProcessEngine, TimelineTab> BY_ENGINE = new ConcurrentHashMap<>();

  /** The tab of the application whose engine this is; empty before it has started or after it has stopped. */
  static Optional<TimelineTab> of(ProcessEngine engine) {
    return Optional.ofNullable(engine == null ? null : BY_ENGINE.get(engine));
  }

  /** Events of a child context (reaching this one too) neither register nor remove the tab. */
  @EventListener
  void register(ContextRefreshedEvent refreshed) {
    if (refreshed.getApplicationContext() == context) {
      BY_ENGINE.put(engine.getObject(), this);
    }
  }

  @EventListener
  void unregister(ContextClosedEvent closed) {
    if (closed.getApplicationContext() == context) {
      BY_ENGINE.values().remove(this);
    }
  }

  /** What the tab shows. {@code today}: the London date the statuses were worked out on, which the tab marks. */
  public record View(String reference, String framework, String localAuthority, String partOf, LocalDate today,
      List<TimelineEntry> entries) {
  }

  /** Why the tab shows no timeline: the HTTP status and the sentence the tab shows instead. */
  public static class NotShown extends RuntimeException {
    private final int status;

    NotShown(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final WithoutAuthorization unrestricted;
  private final InspectionDirectory directory;
  private final Timeline timeline;
  private final ObjectMapper json;
  private final ObjectProvider<ProcessEngine> engine;
  private final ApplicationContext context;

  public TimelineTab(ApplicationContext context, ObjectProvider<ProcessEngine> engine, @Lazy TaskService tasks, @Lazy HistoryService history, @Lazy IdentityService identity,
      WithoutAuthorization unrestricted, InspectionDirectory directory, Timeline timeline, ObjectMapper json) {
    this.context = context;
    this.engine = engine;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.unrestricted = unrestricted;
    this.directory = directory;
    this.timeline = timeline;
    this.json = json;
  }

  /** The tab of a Tasklist task, for a signed-in person who may see the task. */
  public String ofTask(String taskId) {
    requireSignedIn();
    Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      throw new NotShown(404, "There is no task '" + taskId + "' of an inspection that you may see.");
    }
    return of(task.getProcessInstanceId());
  }

  /** The tab of a Cockpit process instance, for a signed-in person who may read its history. */
  public String ofProcessInstance(String processInstanceId) {
    requireSignedIn();
    if (processInstanceId == null
        || history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
      throw new NotShown(404, "There is no process instance '" + processInstanceId + "' that you may see.");
    }
    return of(processInstanceId);
  }

  /** The caller may see the instance: its root (an inspection, a concern, a complaint) names the inspection. */
  private String of(String processInstanceId) {
    HistoricProcessInstance root = unrestricted.call(() -> {
      HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      String rootId = instance == null || instance.getRootProcessInstanceId() == null ? processInstanceId
          : instance.getRootProcessInstanceId();
      return history.createHistoricProcessInstanceQuery().processInstanceId(rootId).singleResult();
    });
    if (root == null || root.getBusinessKey() == null || root.getBusinessKey().isBlank()) {
      throw new NotShown(404, "This is not part of an inspection, so there is no inspection timeline to show.");
    }
    String reference = directory.startedAs(root.getBusinessKey());
    try {
      List<TimelineEntry> entries = timeline.of(reference);
      View view = new View(reference, text(timeline.variable(reference, InspectionVariables.FRAMEWORK)),
          text(timeline.variable(reference, InspectionVariables.LOCAL_AUTHORITY)), partOf(root.getProcessDefinitionKey()),
          ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.LONDON).toLocalDate(), entries);
      return json.writeValueAsString(view);
    } catch (InspectionProblem problem) {
      throw new NotShown(problem.status().value(), problem.getMessage());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The timeline of " + reference + " could not be written as JSON", e);
    }
  }

  private static String partOf(String processKey) {
    return switch (processKey) {
      case ConcernReferralProcess.KEY -> "concern";
      case ComplaintProcess.KEY, ComplaintConductProcess.KEY -> "complaint";
      default -> "inspection";
    };
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private void requireSignedIn() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new NotShown(401, "Sign in to see the inspection's timeline.");
    }
  }
}
