package th.planflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;
import th.planflow.calendar.FiscalYear;

/** The demo office has FY 2570's provincial strategy items, each owned by a demo staff member. */
@PlanflowTest
class StrategyDemoDataTest {

  @Autowired
  StrategyDemoData demo;
  @Autowired
  ProvincialStrategy strategy;

  @Test
  void fiscalYear2570HasItemsOwnedByDemoStaffOnce() {
    demo.load();

    FiscalYear year = FiscalYear.of(2570);
    assertThat(strategy.items(year)).hasSize(6)
        .extracting(StrategyItem::responsibleUserId).containsExactly("staff1", "staff2", "staff3", "staff4", "staff5", "staff6");
    assertThat(strategy.plan(year)).get().extracting(StrategyRecords.Plan::nameTh).asString().startsWith("แผนพัฒนาจังหวัด");
    assertThat(strategy.itemsText(year)).startsWith(
        "1.1 | ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้ | 95 | ร้อยละ | โครงการส่งเสริมการอ่านออกเขียนได้");
    assertThat(strategy.displayName("staff1")).isEqualTo("อรุณี ศึกษานิเทศก์");
  }
}
