package uk.jointinspections.calendar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.jointinspections.calendar.RecalculationReport.Failure;
import uk.jointinspections.calendar.RecalculationReport.Move;

/**
 * After the holiday list changes: reloads the calendar, then recalculates the waiting timers and the
 * open tasks' due and follow-up dates whose BPMN element uses working days (the {@code deadlines} bean
 * or the {@code P<n>WD} notation), exactly as the engine calculated them: timers through
 * {@link ManagementService#recalculateJobDuedate(String, boolean)} from their creation, task dates by
 * evaluating the element's expression again against the task's execution, counting from the task's creation.
 * Other timers and dates, which the holiday list cannot have moved, are left alone.
 */
@Component
public class DeadlineRecalculation {

  private static final Logger log = LoggerFactory.getLogger(DeadlineRecalculation.class);
  private static final Pattern USES_WORKING_DAYS = Pattern.compile("\\bdeadlines\\s*\\.|P\\d+WD");
  private static final int PAGE_SIZE = 500;

  private final WorkingDays workingDays;
  private final ProcessEngine engine;

  public DeadlineRecalculation(WorkingDays workingDays, ProcessEngine engine) {
    this.workingDays = workingDays;
    this.engine = engine;
  }

  /** @throws BankHolidayFileException if a holiday file cannot be used; the calendar and all dates are then unchanged */
  public synchronized RecalculationReport reloadAndRecalculate() {
    WorkingDayCalendar calendar = workingDays.reload();
    Moves moves = recalculate(null);
    log.info("Working-day deadlines recalculated: {} timers and {} tasks checked, {} moved, {} failed",
        moves.timersChecked(), moves.tasksChecked(), moves.moved().size(), moves.failed().size());
    return new RecalculationReport(calendar.holidayCount(), moves.timersChecked(), moves.tasksChecked(), moves.moved(),
        moves.failed());
  }

  /**
   * Recalculates the working-day timers and open task dates of these process instances only, against the diagram each
   * now runs on, with the calendar as it is: what a running inspection needs after it moved to a corrected version.
   * Runs in the caller's transaction, if there is one.
   */
  public Moves recalculate(Collection<String> processInstanceIds) {
    Models models = new Models(engine.getRepositoryService());
    List<Move> moved = new ArrayList<>();
    List<Failure> failed = new ArrayList<>();
    int timers = recalculateTimers(models, processInstanceIds, moved, failed);
    int tasks = recalculateTasks(models, processInstanceIds, moved, failed);
    return new Moves(timers, tasks, List.copyOf(moved), List.copyOf(failed));
  }

  /** What one recalculation checked, moved and could not recalculate. */
  public record Moves(int timersChecked, int tasksChecked, List<Move> moved, List<Failure> failed) {
  }

  /** @param processInstanceIds null for every instance */
  private int recalculateTimers(Models models, Collection<String> processInstanceIds, List<Move> moved,
      List<Failure> failed) {
    ManagementService management = engine.getManagementService();
    Map<String, String> activityByJobDefinition = new HashMap<>();
    int checked = 0;
    List<Job> timers = new ArrayList<>();
    if (processInstanceIds == null) {
      timers.addAll(allPages(first -> management.createJobQuery().timers().orderByJobId().asc().listPage(first, PAGE_SIZE)));
    } else {
      processInstanceIds.forEach(id -> timers.addAll(management.createJobQuery().timers().processInstanceId(id).list()));
    }
    for (Job job : timers) {
      if (job.getProcessDefinitionId() == null || job.getJobDefinitionId() == null) {
        continue;
      }
      String element = activityByJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id -> {
        JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
        return definition == null ? null : definition.getActivityId();
      });
      if (element == null || !models.timerUsesWorkingDays(job.getProcessDefinitionId(), element)) {
        continue;
      }
      checked++;
      try {
        management.recalculateJobDuedate(job.getId(), true);
        Job recalculated = management.createJobQuery().jobId(job.getId()).singleResult();
        if (recalculated != null && !Objects.equals(job.getDuedate(), recalculated.getDuedate())) {
          moved.add(Move.of(RecalculationReport.TIMER, job.getId(), job.getProcessInstanceId(), element,
              job.getDuedate(), recalculated.getDuedate()));
        }
      } catch (ProcessEngineException e) {
        log.warn("Timer {} of {} not recalculated: {}", job.getId(), element, innermostMessage(e));
        failed.add(new Failure(RecalculationReport.TIMER, job.getId(), job.getProcessInstanceId(), element, innermostMessage(e)));
      }
    }
    return checked;
  }

  /** @param processInstanceIds null for every instance */
  private int recalculateTasks(Models models, Collection<String> processInstanceIds, List<Move> moved,
      List<Failure> failed) {
    TaskService tasks = engine.getTaskService();
    int checked = 0;
    List<Task> open = processInstanceIds == null
        ? allPages(first -> tasks.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE_SIZE))
        : processInstanceIds.isEmpty() ? List.of()
        : tasks.createTaskQuery().processInstanceIdIn(processInstanceIds.toArray(String[]::new)).list();
    for (Task task : open) {
      UserTask element = models.userTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
      boolean dueDate = element != null && usesWorkingDays(element.getCamundaDueDate());
      boolean followUpDate = element != null && usesWorkingDays(element.getCamundaFollowUpDate());
      if (!dueDate && !followUpDate) {
        continue;
      }
      checked++;
      try {
        TaskDates fresh = commandExecutor().execute(resolveDates(task.getId(), dueDate, followUpDate));
        boolean dueMoved = dueDate && !Objects.equals(task.getDueDate(), fresh.dueDate());
        boolean followUpMoved = followUpDate && !Objects.equals(task.getFollowUpDate(), fresh.followUpDate());
        if (dueMoved || followUpMoved) {
          Task toSave = tasks.createTaskQuery().taskId(task.getId()).singleResult();
          if (dueMoved) {
            toSave.setDueDate(fresh.dueDate());
            moved.add(Move.of(RecalculationReport.TASK_DUE_DATE, task.getId(), task.getProcessInstanceId(),
                element.getId(), task.getDueDate(), fresh.dueDate()));
          }
          if (followUpMoved) {
            toSave.setFollowUpDate(fresh.followUpDate());
            moved.add(Move.of(RecalculationReport.TASK_FOLLOW_UP_DATE, task.getId(), task.getProcessInstanceId(),
                element.getId(), task.getFollowUpDate(), fresh.followUpDate()));
          }
          tasks.saveTask(toSave);
        }
      } catch (ProcessEngineException e) {
        log.warn("Task {} of {} not recalculated: {}", task.getId(), element.getId(), innermostMessage(e));
        failed.add(new Failure(RecalculationReport.TASK, task.getId(), task.getProcessInstanceId(), element.getId(),
            innermostMessage(e)));
      }
    }
    return checked;
  }

  private record TaskDates(Date dueDate, Date followUpDate) {
  }

  /**
   * As the engine's TaskDecorator does at creation: the expression is evaluated against the execution,
   * and a string result goes through the "dueDate" business calendar, which counts from the task's creation.
   */
  private static Command<TaskDates> resolveDates(String taskId, boolean dueDate, boolean followUpDate) {
    return commandContext -> {
      TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
      TaskDefinition definition = task.getTaskDefinition();
      BusinessCalendar calendar = commandContext.getProcessEngineConfiguration().getBusinessCalendarManager()
          .getBusinessCalendar(DueDateBusinessCalendar.NAME);
      return new TaskDates(
          dueDate ? resolve(definition.getDueDateExpression(), task, calendar) : task.getDueDate(),
          followUpDate ? resolve(definition.getFollowUpDateExpression(), task, calendar) : task.getFollowUpDate());
    };
  }

  private static Date resolve(Expression expression, TaskEntity task, BusinessCalendar calendar) {
    Object value = expression == null ? null : expression.getValue(task.getExecution());
    if (value == null || value instanceof Date) {
      return (Date) value;
    }
    if (value instanceof String text) {
      return calendar.resolveDuedate(text, task);
    }
    throw new ProcessEngineException("Expression " + expression.getExpressionText() + " gives a "
        + value.getClass().getName() + ", not a Date or String");
  }

  private CommandExecutor commandExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
  }

  /** The engine wraps the exception of an expression once per layer; the innermost one says what is wrong. */
  private static String innermostMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message;
  }

  static boolean usesWorkingDays(String expressionOrText) {
    return expressionOrText != null && USES_WORKING_DAYS.matcher(expressionOrText).find();
  }

  /** Reads everything first, so that updating what was read cannot shift the pages. */
  private static <T> List<T> allPages(Function<Integer, List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += PAGE_SIZE) {
      List<T> next = page.apply(first);
      all.addAll(next);
      if (next.size() < PAGE_SIZE) {
        return all;
      }
    }
  }

  /** The deployed diagrams, read once per recalculation. */
  private static final class Models {

    private final RepositoryService repositoryService;
    private final Map<String, BpmnModelInstance> byDefinition = new HashMap<>();

    Models(RepositoryService repositoryService) {
      this.repositoryService = repositoryService;
    }

    UserTask userTask(String processDefinitionId, String elementId) {
      if (processDefinitionId == null || elementId == null) {
        return null;
      }
      ModelElementInstance element = model(processDefinitionId).getModelElementById(elementId);
      return element instanceof UserTask userTask ? userTask : null;
    }

    /** The element's own timer definitions, and those nested in it (a task listener's timeout, say). */
    boolean timerUsesWorkingDays(String processDefinitionId, String elementId) {
      BpmnModelInstance model = model(processDefinitionId);
      ModelElementInstance element = model.getModelElementById(elementId);
      if (element == null) {
        return false;
      }
      Collection<TimerEventDefinition> timers = model.getModelElementsByType(TimerEventDefinition.class);
      return timers.stream()
          .filter(timer -> isWithin(timer, element))
          .flatMap(timer -> Stream.of(timer.getTimeDate(), timer.getTimeDuration()))
          .filter(Objects::nonNull)
          .anyMatch(expression -> usesWorkingDays(expression.getTextContent()));
    }

    private static boolean isWithin(ModelElementInstance descendant, ModelElementInstance ancestor) {
      for (ModelElementInstance element = descendant; element != null; element = element.getParentElement()) {
        if (element.equals(ancestor)) {
          return true;
        }
      }
      return false;
    }

    private BpmnModelInstance model(String processDefinitionId) {
      return byDefinition.computeIfAbsent(processDefinitionId, repositoryService::getBpmnModelInstance);
    }
  }
}
