package th.planflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.ThaiDates;

/** The demo office has the current year's KPI list: thirty KPIs over OBEC's five strategies, owned by the demo staff. */
@PlanflowTest
class KpiDemoDataTest {

  @Autowired
  KpiStore store;

  @Test
  void theCurrentYearHasThirtyKpisOwnedByTheDemoStaff() {
    int year = FiscalYear.containing(LocalDate.now(ThaiDates.BANGKOK)).buddhistYear();
    List<Kpi> kpis = store.kpis(year);

    assertThat(kpis).hasSize(30);
    assertThat(kpis.stream().map(Kpi::strategy).distinct()).hasSize(5).allMatch(s -> s.startsWith("กลยุทธ์ที่ "));
    assertThat(kpis.stream().map(Kpi::owner).distinct())
        .containsExactlyInAnyOrder("staff1", "staff2", "staff3", "staff4", "staff5", "staff6", "staff7", "staff8", "staff9", "staff10");
    assertThat(kpis).filteredOn(k -> k.direction() == Direction.LOWER).extracting(Kpi::code).contains("3.2");
  }
}
