package uk.jointinspections.report;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * {@code /camunda/api/cockpit/plugin/on-time-report/...}: the plugin's assets ({@code static/app/plugin.js}, served by
 * Camunda) and, per engine, the figures. Cockpit's JAX-RS application creates this resource for every request, outside
 * Spring, so the report and its access rule are taken from the application's context.
 */
@Path("plugin/" + OnTimeCockpitPlugin.ID)
public class OnTimeReportRootResource extends AbstractCockpitPluginRootResource {

  public OnTimeReportRootResource() {
    super(OnTimeCockpitPlugin.ID);
  }

  @Path("{engine}")
  public OnTimeReportResource engine(@PathParam("engine") String engine) {
    WebApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new OnTimeReportResource(engine, spring.getBean(OnTimeReport.class),
        spring.getBean(OnTimeReportAccess.class), spring.getBean(com.fasterxml.jackson.databind.ObjectMapper.class)),
        engine);
  }
}
