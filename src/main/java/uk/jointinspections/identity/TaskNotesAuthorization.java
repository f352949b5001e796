package uk.jointinspections.identity;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetProcessInstanceCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentContentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskAttachmentsCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskCommentsCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Component;

/**
 * Attachments and comments change a task or a process instance like any other change, but Camunda 7.24 checks no
 * permission for adding, saving or deleting them ({@code CreateAttachmentCmd}, {@code AddCommentCmd} and their
 * attachment siblings call no {@link CommandChecker}; updating and deleting a comment do). So anyone who could name a task,
 * an operator among them, could attach a link to an inspector's step. This applies the check {@code UpdateCommentCmd}
 * makes, inside the command (so the REST API, the Tasklist and Java callers alike): working the task (TASK_WORK or UPDATE on it, as its candidates and assignee have, or on
 * its definition) or updating the process instance.
 *
 * <p>Reading them is not checked either ({@code GetTaskCommentsCmd}, {@code GetTaskAttachmentsCmd} and the others
 * find them by the id alone), so a task's notes would be open to whoever learnt its id, for good. Reading them needs
 * seeing the task (or the process instance), running or in the history, as the caller: a candidate while the task is
 * open, the people named on the instance, operators where they read the definition.
 */
@Component
public class TaskNotesAuthorization extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        withCheck(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        withCheck(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> withCheck(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (existing != null) {
      interceptors.addAll(existing);
    }
    interceptors.add(new Check());
    return interceptors;
  }

  static class Check extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof CreateAttachmentCmd || command instanceof AddCommentCmd) {
        check(field(command, "taskId"), field(command, "processInstanceId"));
      } else if (command instanceof DeleteAttachmentCmd) {
        String taskId = field(command, "taskId");
        if (taskId != null) {
          check(taskId, null);
        } else {
          checkAttachment(field(command, "attachmentId"));
        }
      } else if (command instanceof GetTaskCommentsCmd || command instanceof GetTaskCommentCmd
          || command instanceof GetTaskAttachmentsCmd || command instanceof GetTaskAttachmentCmd
          || command instanceof GetTaskAttachmentContentCmd) {
        requireVisible(field(command, "taskId"), null);
      } else if (command instanceof GetProcessInstanceAttachmentsCmd
          || command instanceof GetProcessInstanceCommentsCmd) {
        requireVisible(null, field(command, "processInstanceId"));
      } else if (command instanceof GetAttachmentCmd || command instanceof GetAttachmentContentCmd) {
        AttachmentEntity stored = stored(field(command, "attachmentId"));
        if (stored != null) {
          requireVisible(stored.getTaskId(), stored.getProcessInstanceId());
        }
      } else if (command instanceof SaveAttachmentCmd) {
        Attachment attachment = field(command, "attachment");
        if (attachment != null) {
          checkAttachment(attachment.getId());
        }
      }
      return next.execute(command);
    }

    private static AttachmentEntity stored(String attachmentId) {
      return attachmentId == null ? null
          : Context.getCommandContext().getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
    }

    private static void checkAttachment(String attachmentId) {
      AttachmentEntity stored = stored(attachmentId);
      if (stored != null) {
        check(stored.getTaskId(), stored.getProcessInstanceId());
      }
    }

    /** The caller finds the task, or the process instance, running or finished, through the engine's own queries. */
    private static void requireVisible(String taskId, String processInstanceId) {
      CommandContext context = Context.getCommandContext();
      if (context.getAuthentication() == null || !context.isAuthorizationCheckEnabled()
          || !context.getProcessEngineConfiguration().isAuthorizationEnabled()
          || context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
        return;
      }
      ProcessEngineConfigurationImpl engine = context.getProcessEngineConfiguration();
      boolean visible;
      if (taskId != null) {
        visible = engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0
            || engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
      } else if (processInstanceId != null) {
        visible = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
            || engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .count() > 0;
      } else {
        visible = true;
      }
      if (!visible) {
        throw new AuthorizationException("You may not read the comments and attachments of a task or process instance"
            + " you cannot see.");
      }
    }

    private static void check(String taskId, String processInstanceId) {
      CommandContext context = Context.getCommandContext();
      List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
      if (taskId != null) {
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task != null) {
          checkers.forEach(checker -> checker.checkTaskWork(task));
        }
      } else if (processInstanceId != null) {
        checkers.forEach(checker -> checker.checkUpdateProcessInstanceById(processInstanceId));
      }
    }

    @SuppressWarnings("unchecked")
    private static <V> V field(Object command, String name) {
      for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField(name);
          field.setAccessible(true);
          return (V) field.get(command);
        } catch (NoSuchFieldException e) {
          // declared on a superclass, or not at all
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
        }
      }
      return null;
    }
  }
}
