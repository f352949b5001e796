package uk.jointinspections.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.jointinspections.inspection.WithoutAuthorization;

/**
 * Two nodes (or two browser tabs) completing the same task at once. The engine commits one; what the other sees
 * depends on when it reads, and Camunda's REST API answers each shape with a 500 or 403: an
 * {@link OptimisticLockingException} at flush (wrapped in a RestException by task completion), "Cannot find task"
 * when the winner committed first, a missing task permission when the winner's commit deleted the task's
 * authorizations between the two reads, or a NullPointerException inside the engine when it deleted the execution.
 * A conflict is the caller's to resolve by reloading, so /engine-rest answers all of them with 409 and our JSON
 * error body: an optimistic-locking failure anywhere, and any failure of a task action (complete, submit-form,
 * resolve) whose task the history shows as ended. Every other error keeps Camunda's answer.
 *
 * <p>JAX-RS picks the mapper of the closest exception type and, between two for the same type, the higher priority,
 * so these replace Camunda's own for the types they name and hand everything else back to Camunda's handler.
 */
@Component
class EngineRestConflicts implements ResourceConfigCustomizer {

  static final String SAME_MOMENT = "Someone changed this at the same moment; nothing was changed. Reload and try again.";
  private static final Pattern TASK_ACTION =
      Pattern.compile("/task/([^/]+)/(?:complete|submit-form|resolve)/?$");

  private final HistoryService historyService;
  private final WithoutAuthorization withoutAuthorization;

  EngineRestConflicts(@Lazy HistoryService historyService, WithoutAuthorization withoutAuthorization) {
    this.historyService = historyService;
    this.withoutAuthorization = withoutAuthorization;
  }

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    int priority = Priorities.USER - 100;
    config.register(new ConflictMapper<OptimisticLockingException>() { }, priority);
    config.register(new ConflictMapper<RestException>() { }, priority);
    config.register(new ConflictMapper<ProcessEngineException>() { }, priority);
    config.register(new ConflictMapper<RuntimeException>() { }, priority);
  }

  /** Generic so that each registration states its type; anonymous subclasses keep it for Jersey to read. */
  abstract class ConflictMapper<E extends Throwable> implements ExceptionMapper<E> {
    @Override
    public Response toResponse(E exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof OptimisticLockingException) {
          return conflict(SAME_MOMENT);
        }
      }
      Response ended = endedTask();
      return ended != null ? ended : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  private Response endedTask() {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      return null;
    }
    HttpServletRequest request = attributes.getRequest();
    Matcher action = TASK_ACTION.matcher(request.getRequestURI());
    if (!"POST".equals(request.getMethod()) || !action.find()) {
      return null;
    }
    String taskId = action.group(1);
    HistoricTaskInstance ended = withoutAuthorization.call(() -> historyService.createHistoricTaskInstanceQuery()
        .taskId(taskId).finished().singleResult());
    if (ended == null) {
      return null;
    }
    return conflict("Task " + taskId + " was " + ("completed".equals(ended.getDeleteReason()) ? "completed" : "closed")
        + " at " + ended.getEndTime().toInstant() + " by another request; nothing was changed.");
  }

  static Response conflict(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", 409);
    body.put("error", "Conflict");
    body.put("message", message);
    // Camunda's clients (Tasklist, Cockpit) read "type"; keep it so that they show the conflict as such.
    body.put("type", OptimisticLockingException.class.getSimpleName());
    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
