package th.planflow.annualreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.PlanflowTest;

/** The annual report is offered the year's KPI results, counted as the KPI summary counts them. */
@PlanflowTest
class KpiYearFactsTest {

  @Autowired
  List<YearFacts> sources;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void offersTheShareOfKpisThatReachedTheirTarget() {
    Integer year = jdbc.queryForObject("select max(fiscal_year) from kpi", Integer.class);
    Integer total = jdbc.queryForObject("select count(*) from kpi where fiscal_year = ?", Integer.class, year);
    List<YearFacts.Fact> facts = sources.stream().filter(s -> s instanceof KpiYearFacts)
        .flatMap(s -> s.facts(year).stream()).toList();
    assertThat(facts).singleElement().satisfies(fact -> {
      assertThat(fact.sectionCode()).isEqualTo("PLAN");
      assertThat(fact.text()).contains("จาก " + total + " ตัวชี้วัด", "ยังไม่รายงาน");
      assertThat(fact.percent()).isBetween(0.0, 100.0);
    });
  }
}
