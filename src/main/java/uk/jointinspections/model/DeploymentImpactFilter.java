package uk.jointinspections.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Adds to the engine's answer to {@code POST /engine-rest/deployment/create} (the Modeler's "Deploy") a field
 * {@code runningInspections}: for each process the deployment gave a new version, the deadlines it changes and the
 * running instances that stay on earlier versions, with the migration calls that move them. Clients that do not know
 * the field (the Modeler among them) ignore it.
 */
@Component
public class DeploymentImpactFilter extends OncePerRequestFilter {

  static final String FIELD = "runningInspections";
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentImpactFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeploymentImpact impact;

  public DeploymentImpactFilter(DeploymentImpact impact) {
    this.impact = impact;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/deployment/create")
        || !request.getRequestURI().contains("/engine-rest/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_OK && wrapper.getContentSize() > 0
          && JSON.readTree(wrapper.getContentAsByteArray()) instanceof ObjectNode body) {
        byte[] withImpact;
        try {
          ArrayNode running = body.putArray(FIELD);
          JsonNode definitions = body.path("deployedProcessDefinitions");
          definitions.forEach(definition -> impact.of(definition.path("id").asText())
              .ifPresent(process -> running.add(JSON.valueToTree(process))));
          withImpact = JSON.writeValueAsBytes(body);
        } catch (RuntimeException e) {
          // The deployment is stored by now: its answer must reach the caller even if the extra field cannot be made.
          LOG.warn("Deployment answered without {}: {}", FIELD, e.toString());
          withImpact = null;
        }
        if (withImpact != null) {
          wrapper.resetBuffer();
          wrapper.getOutputStream().write(withImpact);
        }
      }
    } finally {
      wrapper.copyBodyToResponse();
    }
  }
}
