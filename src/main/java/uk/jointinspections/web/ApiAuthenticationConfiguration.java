package uk.jointinspections.web;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP basic authentication against Camunda's identity service for the engine's REST API and ours.
 * The filter also makes the caller the engine's authenticated user for the request, so every engine call
 * made by our controllers is subject to the same authorization checks as the Tasklist. Actuator's endpoints other
 * than health use the same sign-in and are for operators ({@link ActuatorAccessFilter}).
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

  /** The same sign-in for Actuator, whose endpoints other than health are for operators. */
  @Bean
  public FilterRegistrationBean<Filter> actuatorAccessFilter(IdentityService identityService) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ActuatorAccessFilter(identityService));
    registration.setName("inspection-actuator-access");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/actuator/*");
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
