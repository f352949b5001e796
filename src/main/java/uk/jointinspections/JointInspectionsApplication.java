package uk.jointinspections;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class JointInspectionsApplication {

  public static void main(String[] args) {
    SpringApplication.run(JointInspectionsApplication.class, args);
  }
}
