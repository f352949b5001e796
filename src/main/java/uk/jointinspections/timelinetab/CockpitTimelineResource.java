package uk.jointinspections.timelinetab;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * {@code GET /camunda/api/cockpit/plugin/inspection-timeline/{engine}/process-instance/{id}}: the timeline tab of a
 * process instance.
 */
@Path("plugin/" + TimelineTabPlugins.ID)
public class CockpitTimelineResource extends AbstractCockpitPluginRootResource {

  public CockpitTimelineResource() {
    super(TimelineTabPlugins.ID);
  }

  @GET
  @Path("{engine}/process-instance/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response ofProcessInstance(@PathParam("engine") String engine, @PathParam("id") String processInstanceId) {
    return TimelineTabPlugins.answer(runtimeDelegate.getProcessEngine(engine), tab -> tab.ofProcessInstance(processInstanceId));
  }
}
