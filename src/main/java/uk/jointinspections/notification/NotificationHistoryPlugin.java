package uk.jointinspections.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Registers {@link NotificationHistoryLevel}, which Camunda then uses for history level "full".
 * {@code inspection.notification.lean-history=false} keeps Camunda's own "full" for notifications too.
 */
@Component
@ConditionalOnProperty(name = "inspection.notification.lean-history", matchIfMissing = true)
public class NotificationHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      levels.addAll(configuration.getCustomHistoryLevels());
    }
    levels.add(new NotificationHistoryLevel());
    configuration.setCustomHistoryLevels(levels);
  }
}
