package uk.jointinspections.timelinetab;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/** The "Timeline" tab of a Tasklist task (plugin point {@code tasklist.task.detail}); registered in META-INF/services. */
public class TasklistTimelinePlugin extends AbstractTasklistPlugin {

  @Override
  public String getId() {
    return TimelineTabPlugins.ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(TasklistTimelineResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return TimelineTabPlugins.ASSETS;
  }
}
