package th.planflow;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableProcessApplication("planflow")
@EnableScheduling
@ConfigurationPropertiesScan
public class PlanflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlanflowApplication.class, args);
  }
}
