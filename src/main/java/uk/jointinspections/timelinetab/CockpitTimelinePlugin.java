package uk.jointinspections.timelinetab;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The "Timeline" tab of Cockpit's process instance (plugin point {@code cockpit.processInstance.runtime.tab});
 * registered in META-INF/services.
 */
public class CockpitTimelinePlugin extends AbstractCockpitPlugin {

  @Override
  public String getId() {
    return TimelineTabPlugins.ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CockpitTimelineResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return TimelineTabPlugins.ASSETS;
  }
}
