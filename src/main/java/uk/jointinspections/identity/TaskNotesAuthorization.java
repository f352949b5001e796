package uk.jointinspections.identity;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
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
      } else if (command instanceof SaveAttachmentCmd) {
        Attachment attachment = field(command, "attachment");
        if (attachment != null) {
          checkAttachment(attachment.getId());
        }
      }
      return next.execute(command);
    }

    private static void checkAttachment(String attachmentId) {
      if (attachmentId == null) {
        return;
      }
      AttachmentEntity stored = Context.getCommandContext().getDbEntityManager()
          .selectById(AttachmentEntity.class, attachmentId);
      if (stored != null) {
        check(stored.getTaskId(), stored.getProcessInstanceId());
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
