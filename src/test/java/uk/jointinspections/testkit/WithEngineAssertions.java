package uk.jointinspections.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * On an application test class: camunda-bpm-assert works on the application's own engine during each test, and after
 * it the assertions and the engine clock are reset. The clock is static in the engine, so a test that moves it would
 * otherwise move it for every test that runs after it in the same JVM. Inherited: on a base class it serves every test
 * class built on it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(WithEngineAssertions.Extension.class)
public @interface WithEngineAssertions {

  /** Binds the assertions to the Spring-managed engine before each test; resets them and the clock after it. */
  final class Extension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
      AbstractAssertions.init(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
    }

    @Override
    public void afterEach(ExtensionContext context) {
      ClockUtil.reset();
      AbstractAssertions.reset();
    }
  }
}
