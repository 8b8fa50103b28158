package th.planflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The test server itself, without Spring. Needs {@code -Dplanflow.test.db=postgres}. */
class TestPostgresTest {

  @Test
  @EnabledIf("th.planflow.testsupport.TestPostgres#isRequested")
  void storesAndReadsBackThaiText() throws Exception {
    TestPostgres pg = TestPostgres.get();
    assertThat(pg.version()).startsWith("PostgreSQL");
    try (Connection c = pg.connect(); Statement s = c.createStatement()) {
      s.execute("create table thai_roundtrip (id serial primary key, name text not null)");
      try (PreparedStatement insert =
          c.prepareStatement("insert into thai_roundtrip (name) values (?)")) {
        insert.setString(1, "ผู้ใหญ่");
        insert.executeUpdate();
      }
      s.execute("insert into thai_roundtrip (name) values ('ผู้ใหญ่')"); // as an SQL literal too
      try (ResultSet rs = s.executeQuery(
          "select name, length(name), octet_length(name) from thai_roundtrip order by id")) {
        for (int row = 0; row < 2; row++) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("ผู้ใหญ่");
          assertThat(rs.getInt(2)).isEqualTo(7); // code points
          assertThat(rs.getInt(3)).isEqualTo(21); // UTF-8 bytes
        }
      }
      try (ResultSet rs = s.executeQuery("select current_database(),"
          + " pg_encoding_to_char(encoding) from pg_database where datname = current_database()")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo(TestPostgres.DATABASE);
        assertThat(rs.getString(2)).isEqualTo("UTF8");
      }
      s.execute("drop table thai_roundtrip");
    }
  }

  @Test
  @EnabledIf("th.planflow.testsupport.TestPostgres#isRequested")
  void isOneServerPerJvm() {
    assertThat(TestPostgres.get()).isSameAs(TestPostgres.get());
  }

  @Test
  void comparesVersionDirectoryNames() {
    assertThat(TestPostgres.compareVersions("15", "9.6")).isPositive();
    assertThat(TestPostgres.compareVersions("16", "17")).isNegative();
  }
}
