package th.planflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tiny Spring Boot context (only a DataSource, not the Planflow application) showing that
 * {@link PostgresContextCustomizerFactory} points Spring tests at {@link TestPostgres} when
 * {@code -Dplanflow.test.db=postgres} is set, even over a datasource URL the test sets itself, and
 * leaves the context alone otherwise.
 */
@SpringBootTest(classes = PostgresContextCustomizerTest.TinyConfig.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "spring.datasource.url=" + PostgresContextCustomizerTest.H2_URL)
class PostgresContextCustomizerTest {

  static final String H2_URL = "jdbc:h2:mem:customizer-test;DB_CLOSE_DELAY=-1";

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
  static class TinyConfig {
  }

  @Autowired
  ConfigurableEnvironment environment;
  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void usesTheDatabaseThatWasAskedFor() throws Exception {
    String url;
    String product;
    try (Connection c = dataSource.getConnection()) {
      url = c.getMetaData().getURL();
      product = c.getMetaData().getDatabaseProductName();
    }
    boolean hasSource = environment.getPropertySources()
        .contains(PostgresContextCustomizerFactory.PROPERTY_SOURCE_NAME);
    if (TestPostgres.isRequested()) {
      assertThat(hasSource).isTrue();
      assertThat(url).isEqualTo(TestPostgres.get().jdbcUrl());
      assertThat(product).isEqualTo("PostgreSQL");
      assertThat(jdbc.queryForObject("select current_user", String.class))
          .isEqualTo(TestPostgres.USERNAME);
    } else {
      assertThat(hasSource).isFalse();
      assertThat(url).startsWith("jdbc:h2:mem:customizer-test");
      assertThat(product).isEqualTo("H2");
    }
  }

  @Test
  void roundTripsThaiTextThroughJdbcTemplate() {
    jdbc.execute("create table thai_spring (name varchar(100))");
    try {
      jdbc.update("insert into thai_spring (name) values (?)", "ผู้ใหญ่");
      assertThat(jdbc.queryForObject("select name from thai_spring", String.class))
          .isEqualTo("ผู้ใหญ่");
    } finally {
      jdbc.execute("drop table thai_spring");
    }
  }
}
