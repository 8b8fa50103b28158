package th.planflow.annualreport;

import java.util.List;
import org.springframework.stereotype.Component;
import th.planflow.project.ProjectMonitoring;

/** The year's projects at the last quarter (Q4): how many reported their progress for eMENSCR. */
@Component
class ProjectYearFacts implements YearFacts {

  private final ProjectMonitoring projects;

  ProjectYearFacts(ProjectMonitoring projects) {
    this.projects = projects;
  }

  @Override
  public List<Fact> facts(int fiscalYear) {
    ProjectMonitoring.PeriodProgress q4 = projects.progress(fiscalYear, "Q4");
    if (q4.expected() == 0) {
      return List.of();
    }
    double percent = Math.round(1000.0 * q4.submitted() / q4.expected()) / 10.0;
    return List.of(new Fact("PLAN", "โครงการที่รายงานความก้าวหน้าไตรมาส 4", percent,
        "โครงการในระบบ eMENSCR: รายงานความก้าวหน้าไตรมาส 4 แล้ว " + q4.submitted() + " จาก " + q4.expected()
            + " โครงการ (ร้อยละ " + String.format("%.1f", percent) + "), ไม่ได้รายงาน " + q4.missing()));
  }
}
