package th.planflow.annualreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import th.planflow.project.ProjectMonitoring;

class ProjectYearFactsTest {

  private final ProjectMonitoring projects = mock(ProjectMonitoring.class);
  private final ProjectYearFacts facts = new ProjectYearFacts(projects);

  @Test
  void offersTheShareOfProjectsThatReportedTheLastQuarter() {
    when(projects.progress(2570, "Q4")).thenReturn(
        new ProjectMonitoring.PeriodProgress("Q4", "CLOSED", 15, 12, 10, 0, 3, 1, 5, List.of()));

    assertThat(facts.facts(2570)).singleElement().satisfies(fact -> {
      assertThat(fact.sectionCode()).isEqualTo("PLAN");
      assertThat(fact.percent()).isEqualTo(80.0);
      assertThat(fact.text()).isEqualTo(
          "โครงการในระบบ eMENSCR: รายงานความก้าวหน้าไตรมาส 4 แล้ว 12 จาก 15 โครงการ (ร้อยละ 80.0), ไม่ได้รายงาน 3");
    });
  }

  @Test
  void offersNothingForAYearWithoutProjects() {
    when(projects.progress(2571, "Q4")).thenReturn(
        new ProjectMonitoring.PeriodProgress("Q4", "NOT_OPEN", 0, 0, 0, 0, 0, 0, 0, List.of()));
    assertThat(facts.facts(2571)).isEmpty();
  }
}
