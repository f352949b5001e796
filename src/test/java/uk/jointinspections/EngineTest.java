package uk.jointinspections;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** An {@link ApplicationTest} that the failsafe execution repeats on PostgreSQL ({@code engine} tag). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApplicationTest
@Tag("engine")
public @interface EngineTest {}
