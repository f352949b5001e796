package uk.jointinspections.timelinetab;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/** {@code GET /camunda/api/tasklist/plugin/inspection-timeline/{engine}/task/{id}}: the timeline tab of a task. */
@Path("plugin/" + TimelineTabPlugins.ID)
public class TasklistTimelineResource extends AbstractTasklistPluginRootResource {

  public TasklistTimelineResource() {
    super(TimelineTabPlugins.ID);
  }

  @GET
  @Path("{engine}/task/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response ofTask(@PathParam("engine") String engine, @PathParam("id") String taskId) {
    return TimelineTabPlugins.answer(runtimeDelegate.getProcessEngine(engine), tab -> tab.ofTask(taskId));
  }
}
