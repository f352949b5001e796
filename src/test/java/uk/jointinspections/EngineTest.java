package uk.jointinspections;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port. Every engine test uses exactly this configuration so that Spring
 * caches one context per run; the {@code engine} tag makes the failsafe execution repeat them on PostgreSQL.
 * Metrics are exported as in production (Spring Boot's tests switch that off), so that /actuator/prometheus is
 * tested too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("engine")
@AutoConfigureObservability(tracing = false)
public @interface EngineTest {}
