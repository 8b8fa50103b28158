package th.planflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.planflow.calendar.ThaiDates;

class DeadlineRulesTest {

  private final DeadlineRules rules = new DeadlineRules(new DeadlineProperties(List.of(7, 1), 1, 3,
      LocalTime.of(8, 0), LocalTime.of(16, 30), "R/PT15M", "plan-head",
      Map.of("school", "plan-officer", "plan-head", "director")));

  private static final LocalDate DUE = LocalDate.of(2027, 4, 30);

  private static Instant at(String dateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), ThaiDates.BANGKOK).toInstant();
  }

  @Test
  void noStageBeforeTheFirstReminder() {
    assertThat(rules.currentStage(DUE, at("2027-04-23T07:59"))).isEmpty();
  }

  @Test
  void stagesFollowEachOther() {
    assertThat(rules.currentStage(DUE, at("2027-04-23T08:00")).orElseThrow().key()).isEqualTo("reminder-7");
    assertThat(rules.currentStage(DUE, at("2027-04-29T09:00")).orElseThrow().key()).isEqualTo("reminder-1");
    assertThat(rules.currentStage(DUE, at("2027-04-30T16:00")).orElseThrow().key()).isEqualTo("reminder-1");
    assertThat(rules.currentStage(DUE, at("2027-05-01T08:00")).orElseThrow().key()).isEqualTo("overdue");
    assertThat(rules.currentStage(DUE, at("2027-05-03T08:00")).orElseThrow().key()).isEqualTo("escalation");
    assertThat(rules.currentStage(DUE, at("2027-06-01T08:00")).orElseThrow().key()).isEqualTo("escalation");
  }

  @Test
  void dueMeansTheEndOfTheOfficeDayInBangkok() {
    assertThat(rules.dueInstant(DUE)).isEqualTo(at("2027-04-30T16:30"));
    assertThat(rules.firstReminder(DUE)).isEqualTo(at("2027-04-23T08:00"));
  }

  @Test
  void supervisorsComeFromTheGroups() {
    assertThat(rules.supervisorGroupFor(List.of("school-10010001"))).isEqualTo("plan-officer");
    assertThat(rules.supervisorGroupFor(List.of("plan-head"))).isEqualTo("director");
    assertThat(rules.supervisorGroupFor(List.of("unknown"))).isEqualTo("plan-head");
  }
}
