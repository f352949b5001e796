package uk.jointinspections.report;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The on-time report as a Cockpit plugin (Camunda's plugin SPI, registered in
 * {@code META-INF/services/org.camunda.bpm.cockpit.plugin.spi.CockpitPlugin}): its page and menu entry are
 * {@code plugin-webapp/on-time-report/app/plugin.js}, its figures {@link OnTimeReportRootResource}, under Cockpit's own
 * sign-in, so that an operator opens it from Cockpit's menu without signing in again.
 */
public class OnTimeCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "on-time-report";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(OnTimeReportRootResource.class);
  }

  @Override
  public String getAssetDirectory() {
    return "plugin-webapp/" + ID;
  }
}
