package th.planflow.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Runs every Spring test context on the {@link TestPostgres} server when the tests are started
 * with {@code -Dplanflow.test.db=postgres}; without it this does nothing and the tests use H2.
 *
 * <p>Registered in {@code src/test/resources/META-INF/spring.factories}. The datasource properties
 * are added with the highest precedence, so they win over application.yml,
 * {@code @SpringBootTest(properties = ...)} and {@code @TestPropertySource}.
 */
public class PostgresContextCustomizerFactory implements ContextCustomizerFactory {

  /** Name of the property source added to the environment. */
  public static final String PROPERTY_SOURCE_NAME = "planflowTestPostgres";

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    return TestPostgres.isRequested() ? new PostgresContextCustomizer() : null;
  }

  /**
   * Has no state, so all instances are equal and the context cache is shared as usual. The server
   * is started only when a context is actually created.
   */
  record PostgresContextCustomizer() implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context,
        MergedContextConfiguration mergedConfig) {
      TestPostgres pg = TestPostgres.get();
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(
          PROPERTY_SOURCE_NAME, Map.of(
              "spring.datasource.url", pg.jdbcUrl(),
              "spring.datasource.username", TestPostgres.USERNAME,
              "spring.datasource.password", TestPostgres.PASSWORD,
              "spring.datasource.driver-class-name", TestPostgres.DRIVER,
              // as application-postgres.yaml, which the tests do not activate
              "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true")));
    }
  }
}
