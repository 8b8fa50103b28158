package th.planflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the test profile; every Spring test uses this one
 * configuration so the context is built once per run. Process tests state the process they answer for
 * with {@link FullProcessCoverage}; camunda-process-test-coverage writes the HTML coverage reports to
 * target/process-test-coverage.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, PlanflowTest.Coverage.class})
public @interface PlanflowTest {

  @TestConfiguration
  class Coverage {
    @Bean
    ProcessEngineCoverageProperties planflowCoverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .addInclusionPatternForTestClasses(".*ProcessTest")
          .excludeProcessDefinitionKeys("deadlineWatch")
          .build();
    }

    @Bean
    ProcessCoverageExtension.Recorder processCoverageRecorder() {
      return new ProcessCoverageExtension.Recorder();
    }
  }
}
