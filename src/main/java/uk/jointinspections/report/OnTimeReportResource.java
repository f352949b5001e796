package uk.jointinspections.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;

/**
 * The on-time report's figures for one engine: {@code GET figures} (JSON, for the page) and {@code GET figures.csv}
 * (the same figures to download), each filtered by {@code framework} (a process key) and the period {@code from} –
 * {@code to} (London dates, inclusive). Cockpit's security filter has already refused a caller who is not signed in
 * (401); anyone signed in who is not an operator or administrator is refused here (403) before anything is read.
 */
public class OnTimeReportResource extends AbstractCockpitPluginResource {

  private static final String JSON = "application/json;charset=UTF-8";

  private final OnTimeReport report;
  private final OnTimeReportAccess access;
  private final ObjectMapper json;

  public OnTimeReportResource(String engineName, OnTimeReport report, OnTimeReportAccess access, ObjectMapper json) {
    super(engineName);
    this.report = report;
    this.access = access;
    this.json = json;
  }

  @GET
  @Path("figures")
  public Response figures(@QueryParam("framework") String framework, @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return answer(framework, from, to, figures -> Response.ok(write(figures), JSON).build());
  }

  @GET
  @Path("figures.csv")
  public Response csv(@QueryParam("framework") String framework, @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return answer(framework, from, to, figures -> Response.ok(report.csv(figures).getBytes(StandardCharsets.UTF_8),
            "text/csv;charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"on-time-report-"
            + (figures.framework() == null ? "all" : figures.framework()) + "-" + figures.from() + "-to-"
            + figures.to() + ".csv\"")
        .build());
  }

  private Response answer(String framework, String from, String to, Function<OnTimeReport.Figures, Response> as) {
    if (!access.mayRead(getCurrentAuthentication())) {
      return problem(Response.Status.FORBIDDEN, OnTimeReportAccess.REFUSAL);
    }
    OnTimeReport.Query query;
    try {
      query = OnTimeReport.Query.of(framework, from, to);
    } catch (IllegalArgumentException e) {
      return problem(Response.Status.BAD_REQUEST, e.getMessage());
    }
    Response response = as.apply(report.figures(query));
    response.getHeaders().putSingle("Cache-Control", "no-store");
    return response;
  }

  private Response problem(Response.Status status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.getStatusCode());
    body.put("error", status.getReasonPhrase());
    body.put("message", message);
    return Response.status(status).type(JSON).entity(write(body)).header("Cache-Control", "no-store").build();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The on-time report could not be written as JSON", e);
    }
  }
}
