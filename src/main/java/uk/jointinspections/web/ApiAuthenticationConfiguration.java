package uk.jointinspections.web;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP basic authentication against Camunda's identity service for the engine's REST API and ours.
 * The filter also makes the caller the engine's authenticated user for the request, so every engine call
 * made by our controllers is subject to the same authorization checks as the Tasklist.
 */
@Configuration
public class ApiAuthenticationConfiguration {

  @Bean
  public FilterRegistrationBean<Filter> restAuthenticationFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new JsonAuthenticationFilter());
    registration.setName("inspection-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    return registration;
  }

  @Bean
  public FilterRegistrationBean<EngineRestErrorMessages> engineRestErrorMessages() {
    FilterRegistrationBean<EngineRestErrorMessages> registration = new FilterRegistrationBean<>(new EngineRestErrorMessages());
    registration.setName("inspection-engine-rest-error-messages");
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
