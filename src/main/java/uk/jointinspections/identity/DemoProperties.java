package uk.jointinspections.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Demo staff are for the H2 run only; production leaves this off and has no default password. */
@ConfigurationProperties("inspection.demo")
public record DemoProperties(boolean enabled, String password) {}
