package th.planflow.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;

/** The demo office's projects of FY 2570: realistic, owned by the demo staff, linked on all three levels. */
@PlanflowTest
class ProjectDemoDataTest {

  @Autowired
  Projects projects;

  @Test
  void fifteenProjectsOwnedByTheStaffAndReadyForTheOwnersEntry() {
    List<Projects.Project> demo = projects.ofYear(ProjectDemoData.YEAR);
    assertThat(demo).hasSize(15);
    assertThat(demo).allSatisfy(p -> {
      assertThat(p.owner()).matches("staff([1-9]|10)");
      assertThat(p.status()).isEqualTo(Projects.ProjectStatus.REGISTERED);
      assertThat(p.budget()).isPositive();
      assertThat(p.rationale()).isNotBlank();
      Set<Integer> levels = projects.links(null, p.id()).stream().map(l -> l.item().level()).collect(Collectors.toSet());
      assertThat(levels).as(p.name()).containsExactlyInAnyOrder(1, 2, 3);
      assertThat(projects.links(null, p.id())).allSatisfy(l -> assertThat(l.item().usableIn(ProjectDemoData.YEAR)).isTrue());
    });
    assertThat(demo.stream().map(Projects.Project::owner).distinct().count()).isEqualTo(10);
    assertThat(demo.get(0).code()).isEqualTo("2570-01");
  }
}
