package th.planflow.annualreport;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import th.planflow.kpi.KpiReports;
import th.planflow.kpi.KpiRound;

/** The year's KPIs of OBEC's action plan at the last round (Q4, 12 months): how many reached their target. */
@Component
class KpiYearFacts implements YearFacts {

  private final KpiReports kpis;

  KpiYearFacts(KpiReports kpis) {
    this.kpis = kpis;
  }

  @Override
  public List<Fact> facts(int fiscalYear) {
    List<Fact> facts = new ArrayList<>();
    for (KpiReports.Count c : kpis.counts(fiscalYear, KpiRound.Q4)) {
      if (c.total() == 0 || !"รวม".equals(c.strategy())) {
        continue;
      }
      double percent = Math.round(1000.0 * c.achieved() / c.total()) / 10.0;
      facts.add(new Fact("PLAN", "ตัวชี้วัดที่บรรลุเป้าหมาย", percent,
          "ตัวชี้วัดตามแผนปฏิบัติราชการ สพฐ. (รอบ 12 เดือน): บรรลุเป้าหมาย " + c.achieved() + " จาก " + c.total()
              + " ตัวชี้วัด (ร้อยละ " + String.format("%.1f", percent) + "), ไม่บรรลุ " + c.notAchieved()
              + ", ยังไม่รายงาน " + c.notReported()));
    }
    return facts;
  }
}
