package uk.jointinspections.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EngineOperationGuard} in front of both doors to the engine's REST API. It is matched after the filters
 * registered without {@code matchAfter}, so after the HTTP basic sign-in of {@link ApiAuthenticationConfiguration}
 * has made the caller the engine's authenticated user; on the webapps' door it reads the session itself.
 */
@Configuration
public class EngineOperationGuardConfiguration {

  @Bean
  public FilterRegistrationBean<EngineOperationGuard> engineOperationGuard(
      @Value("${spring.jersey.application-path:/engine-rest}") String restRoot, CamundaBpmProperties camunda,
      ObjectProvider<ProcessEngine> engine) {
    String webappEngineRoot = camunda.getWebapp().getApplicationPath() + "/api/engine";
    FilterRegistrationBean<EngineOperationGuard> registration =
        new FilterRegistrationBean<>(new EngineOperationGuard(restRoot, webappEngineRoot, engine));
    registration.setName("inspection-engine-operation-guard");
    registration.addUrlPatterns(withoutTrailingSlash(restRoot) + "/*", webappEngineRoot + "/*");
    registration.setMatchAfter(true);
    return registration;
  }

  private static String withoutTrailingSlash(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
