package uk.jointinspections;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, configured identically for every test class that starts it, so that Spring
 * caches one context per run. A second context would start a second process engine named "default" in the same JVM;
 * the REST API and the webapps look engines up by name and would authenticate callers on the other one. Metrics are
 * exported as in production (Spring Boot's tests switch that off), so that /actuator/prometheus is tested too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
public @interface ApplicationTest {}
