package uk.jointinspections.web;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What stands in front of every sign-in and every API call, before Camunda's authentication: the security headers
 * ({@link ApiSecurityHeaders}), the refusal of cross-site requests ({@link CrossSiteRequestGuard}) and the throttling
 * of wrong passwords ({@link LoginThrottle}), then the log of refusals ({@link RefusalLog}). Ordered first, in this order, so that a refusal carries the headers and a
 * cross-site request never reaches a password check.
 */
@Configuration
public class RequestGuardsConfiguration {

  static final String[] APIS = {"/engine-rest/*", "/api/*", "/actuator/*"};

  @Bean
  public FilterRegistrationBean<ApiSecurityHeaders> apiSecurityHeaders() {
    FilterRegistrationBean<ApiSecurityHeaders> registration = new FilterRegistrationBean<>(new ApiSecurityHeaders());
    registration.setName("inspection-api-security-headers");
    registration.addUrlPatterns(APIS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<CrossSiteRequestGuard> crossSiteRequestGuard(
      @Value("${inspection.cross-site.allowed-origins:}") List<String> allowedOrigins) {
    FilterRegistrationBean<CrossSiteRequestGuard> registration =
        new FilterRegistrationBean<>(new CrossSiteRequestGuard(allowedOrigins));
    registration.setName("inspection-cross-site-request-guard");
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<LoginThrottle> loginThrottle(LoginThrottleProperties properties) {
    FilterRegistrationBean<LoginThrottle> registration =
        new FilterRegistrationBean<>(new LoginThrottle(properties, Clock.systemUTC()));
    registration.setName("inspection-login-throttle");
    registration.addUrlPatterns(APIS);
    registration.addUrlPatterns(LoginThrottle.WEBAPP_LOGIN + "*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /** After the guards, which log their own refusals; around everything else, the webapps' API included. */
  @Bean
  public FilterRegistrationBean<RefusalLog> refusalLog() {
    FilterRegistrationBean<RefusalLog> registration = new FilterRegistrationBean<>(new RefusalLog());
    registration.setName("inspection-refusal-log");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }
}
