package th.planflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import th.planflow.calendar.FiscalYear;

class DemoRunsTest {

  @Test
  void theCurrentRunIsTheOneThatBeganMostRecently() {
    LocalDate lateNovember2026 = LocalDate.of(2026, 11, 25);
    // the annual report of FY 2569 began in October 2026; project monitoring of FY 2570 too
    assertThat(DemoRuns.currentRun(Duty.ANNUAL_REPORT, lateNovember2026)).isEqualTo(FiscalYear.of(2569));
    assertThat(DemoRuns.currentRun(Duty.PROJECT_MONITORING, lateNovember2026)).isEqualTo(FiscalYear.of(2570));
    // KPI reporting begins in March: nothing of FY 2570 yet, and FY 2569's run is not started late
    assertThat(DemoRuns.currentRun(Duty.KPI_REPORTING, lateNovember2026)).isNull();
    assertThat(DemoRuns.currentRun(Duty.KPI_REPORTING, LocalDate.of(2027, 3, 1))).isEqualTo(FiscalYear.of(2570));
    assertThat(DemoRuns.currentRun(Duty.POLICY_REPORTING, LocalDate.of(2026, 12, 1))).isEqualTo(FiscalYear.of(2570));
  }
}
