package uk.jointinspections.timelinetab;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * What the Tasklist's and Cockpit's timeline plugins share: their id, their assets and the way their resources answer.
 *
 * <p>Camunda's webapps load a server-side plugin's {@code app/plugin.js} (an ES module exporting the plugin
 * definitions, as a {@code customScripts} entry of config.js would) and {@code app/plugin.css} from the plugin's asset
 * directory, and serve its JAX-RS resources under {@code /camunda/api/<app>/plugin/<id>/<engine>/...}, behind the
 * webapps' own session sign-in, security rules and CSRF filter. The resources are made by Jersey, not Spring: they
 * take the {@link TimelineTab} of the engine the webapp signed the caller in to.
 */
final class TimelineTabPlugins {

  static final String ID = "inspection-timeline";
  /** One front end for both apps ({@code app/plugin.js}, {@code app/plugin.css}): it exports the tab of the app it is in. */
  static final String ASSETS = "plugin-webapp/" + ID;

  private TimelineTabPlugins() {
  }

  /** The answer of a resource: the tab's JSON, or the reason it shows none, as {@code {"message": …}}. */
  static Response answer(ProcessEngine engine, Function<TimelineTab, String> view) {
    if (engine == null) {
      return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("message", "There is no such process engine.")).build();
    }
    TimelineTab tab = TimelineTab.of(engine).orElseThrow(() -> new IllegalStateException(
        "The application serving the timeline tab of engine '" + engine.getName() + "' has not started"));
    try {
      return Response.ok(view.apply(tab), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (TimelineTab.NotShown refused) {
      return Response.status(refused.status()).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("message", refused.getMessage())).build();
    }
  }
}
