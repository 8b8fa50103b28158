package th.planflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;

/** The dashboard's figures are the database's figures, for the director and the planner only. */
@PlanflowTest
class DashboardTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  ManagementService management;
  @Autowired
  JdbcTemplate jdbc;

  Long roundId;

  @AfterEach
  void cleanUp() {
    if (roundId != null) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("policyRound:" + roundId + "%").list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    }
    EngineClock.reset();
  }

  @Test
  void theDirectorSeesTheRoundsAsTheDatabaseCountsThem() {
    EngineClock.setTo("2027-03-01T09:00");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    Map<?, ?> opened = http.withBasicAuth("planner", "demo").postForObject("/api/policy/rounds", new HttpEntity<>(
        "{\"fiscalYear\": 2570, \"name\": \"รอบแดชบอร์ด\", \"dueOn\": \"2027-03-31\"}", headers), Map.class);
    roundId = ((Number) opened.get("id")).longValue();
    String roundInstance = (String) opened.get("processInstanceId");
    while (management.createJobQuery().processInstanceId(roundInstance).executable().count() > 0) {
      management.createJobQuery().processInstanceId(roundInstance).executable().list()
          .forEach(j -> management.executeJob(j.getId()));
    }
    jdbc.update("update policy_report set status = 'SUBMITTED', submitted_at = current_timestamp where round_id = ? and reporter in (?, ?)",
        roundId, "10010001", "10010002");
    // sent on time and returned: not submitted, so not on time either; and one sent late
    jdbc.update("update policy_report set status = 'RETURNED', submitted_at = current_timestamp where round_id = ? and reporter = ?",
        roundId, "10010003");
    jdbc.update("update policy_report set status = 'SUBMITTED', submitted_at = current_timestamp, late = true"
        + " where round_id = ? and reporter = ?", roundId, "10010004");

    Map<?, ?> dashboard = http.withBasicAuth("director", "demo").getForObject("/api/dashboard?fiscalYear=2570", Map.class);
    assertThat((List<?>) dashboard.get("duties")).hasSize(7);
    Integer projects = jdbc.queryForObject("select count(*) from project where fiscal_year = 2570", Integer.class);
    if (projects > 0) {
      assertThat(dashboard.get("projects").toString()).contains("expected=" + projects);
    }
    assertThat(dashboard.get("duties").toString()).contains("การรายงานผลการดำเนินงานตามนโยบาย สพฐ.");
    Map<?, ?> round = ((List<Map<?, ?>>) dashboard.get("policyRounds")).stream()
        .filter(r -> ((Number) r.get("id")).longValue() == roundId).findFirst().orElseThrow();
    Integer expected = jdbc.queryForObject("select count(*) from policy_report where round_id = ?", Integer.class, roundId);
    Integer submitted = jdbc.queryForObject("select count(*) from policy_report where round_id = ? and status = 'SUBMITTED'",
        Integer.class, roundId);
    assertThat(round.get("expected")).isEqualTo(expected);
    assertThat(round.get("submitted")).isEqualTo(submitted).isEqualTo(3);
    assertThat((List<?>) round.get("missing")).hasSize(expected - 3);
    assertThat(round.get("onTimePercent")).isEqualTo(Math.round(100f * 2 / expected));
    assertThat(round.get("submittedLate")).isEqualTo(1);
    // both segments of the stacked bar from the same rule, so together they are the submitted share
    String onTimeWidth = hundredths(200_00 / expected);
    String lateWidth = hundredths(100_00 / expected);
    assertThat(round.get("onTimeWidth")).isEqualTo(onTimeWidth);
    assertThat(round.get("submittedLateWidth")).isEqualTo(lateWidth);

    String page = http.withBasicAuth("director", "demo").getForObject("/dashboard?fiscalYear=2570", String.class);
    assertThat(page).contains("ภาพรวมการดำเนินงาน ปีงบประมาณ 2570", "รอบแดชบอร์ด",
        "3 / " + expected + " แห่ง ส่งแล้ว", "ภารกิจทั้ง 7 ด้าน", "width:" + onTimeWidth, "width:" + lateWidth,
        "ส่งตรงเวลา 2 แห่ง ส่งล่าช้า 1 แห่ง ยังไม่ส่ง " + (expected - 3) + " แห่ง");
  }

  private static String hundredths(int value) {
    return value / 100 + "." + String.format("%02d", value % 100) + "%";
  }

  @Test
  void schoolsAndStaffCannotSeeIt() {
    assertThat(http.withBasicAuth("school10010001", "demo").getForEntity("/api/dashboard", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(http.withBasicAuth("staff1", "demo").getForEntity("/api/dashboard", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(http.withBasicAuth("planner", "demo").getForEntity("/api/dashboard?fiscalYear=ปีนี้", String.class)
        .getStatusCode().value()).isEqualTo(400);
  }
}
