package th.planflow.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;
import th.planflow.review.ReviewVariables;

/** Live counts of a round per district and per school network, and the round's page from the dashboard. */
@PlanflowTest
class PolicyRoundCountsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  PolicyReporting reporting;
  @Autowired
  PolicyRounds rounds;
  @Autowired
  JdbcTemplate jdbc;

  long roundId;

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("policyRound:" + roundId + "%").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    EngineClock.reset();
  }

  void submit(String reporter) {
    reporting.saveResults(roundId, reporter, List.of(new PolicyRounds.Result(reporter, "P03", "นักเรียนอ่านออกทุกคน", null, null)),
        "test");
    String instance = rounds.report(roundId, reporter).orElseThrow().processInstanceId();
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Submit").singleResult().getId(),
        Map.of(ReviewVariables.CONFIRMED, true));
  }

  @Test
  void anotherOfficesRowsOfTheSameRoundAreNeitherReadNorChanged() {
    // round ids are global; a row of another office under the same id must stay that office's
    long id = rounds.create(2591, "รอบของสำนักงาน", java.time.LocalDate.of(2047, 10, 1), java.time.LocalDate.of(2047, 12, 1),
        PolicyRounds.Audience.OFFICE, List.of(), "planner", java.time.Instant.now());
    String other = "99990001";
    jdbc.update("insert into policy_report (round_id, reporter, office_code, status) values (?, ?, 'OTHER', 'PENDING')", id, other);
    jdbc.update("insert into policy_result (round_id, reporter, policy_code, office_code, result_th, updated_by, updated_at)"
        + " values (?, ?, 'P01', 'OTHER', 'ผลของเขตอื่น', 'other', current_timestamp)", id, other);
    try {
      java.time.Instant now = java.time.Instant.now();
      rounds.setReportInstance(id, other, "pi-other");
      rounds.setStatus(id, other, PolicyRounds.ReportStatus.RETURNED);
      rounds.markSubmitted(id, other, now, true);
      rounds.markApproved(id, other, now);
      rounds.markReturned(id, other, "เหตุผลของเขตอื่น");
      rounds.markLate(id, other);
      rounds.markChased(id, other, java.time.LocalDate.of(2047, 11, 1));
      rounds.reopen(id, other, "pi-other", "เหตุผล", "planner");
      try {
        rounds.saveResults(id, other, java.util.List.of(new PolicyRounds.Result(other, "P01", "เขียนทับ", null, null)),
            "planner", now);
      } catch (org.springframework.dao.DataIntegrityViolationException expected) {
        // not this office's row: the delete misses it and the insert collides with it
      }

      assertThat(jdbc.queryForMap("select status, process_instance_id, submitted_at, late, approved_at, last_chased_on,"
          + " chase_count, reopened_reason from policy_report where round_id = ? and reporter = ?", id, other).values())
          .containsExactly("PENDING", null, null, false, null, null, 0, null);
      assertThat(jdbc.queryForObject("select result_th from policy_result where round_id = ? and reporter = ?", String.class,
          id, other)).isEqualTo("ผลของเขตอื่น");
      assertThat(rounds.results(id, null)).isEmpty();
      assertThat(rounds.results(id, other)).isEmpty();
    } finally {
      jdbc.update("delete from policy_result where round_id = ?", id);
      jdbc.update("delete from policy_report where round_id = ?", id);
      jdbc.update("delete from policy_round_policy where round_id = ?", id);
      jdbc.update("delete from policy_round where id = ?", id);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void countsPerDistrictAndNetworkMatchTheDatabase() {
    EngineClock.setTo("2027-03-01T09:00");
    PolicyApi api = new PolicyApi(http);
    ResponseEntity<Map> opened = api.post("planner", "/api/policy/rounds", "{\"fiscalYear\": 2570, \"name\": \"รอบนับรายเครือข่าย\","
        + " \"dueOn\": \"2027-03-10\", \"audience\": \"BOTH\", \"policyCodes\": [\"P03\"]}");
    roundId = ((Number) opened.getBody().get("id")).longValue();
    String instance = (String) opened.getBody().get("processInstanceId");
    PolicyApi.runJobs(management, instance);
    submit("10010001");
    submit("10010002");
    submit(PolicyRounds.OFFICE_REPORTER);

    Map<String, Object> progress = api.get("head", "/api/policy/rounds/" + roundId + "/progress");
    assertThat(progress).containsEntry("expected", 13).containsEntry("submitted", 3);
    List<Map<String, Object>> byNetwork = (List<Map<String, Object>>) progress.get("byNetwork");
    List<Map<String, Object>> fromDb = jdbc.queryForList("select s.network_th as network, count(*) as expected,"
        + " sum(case when r.status = 'SUBMITTED' then 1 else 0 end) as submitted from policy_report r join school s"
        + " on s.office_code = r.office_code and s.code = r.reporter where r.round_id = ? group by s.network_th", roundId);
    assertThat(fromDb).isNotEmpty();
    for (Map<String, Object> db : fromDb) {
      assertThat(byNetwork).anySatisfy(row -> assertThat(row).containsEntry("network", db.get("network"))
          .containsEntry("expected", ((Number) db.get("expected")).intValue())
          .containsEntry("submitted", ((Number) db.get("submitted")).intValue()));
    }
    assertThat(byNetwork.get(byNetwork.size() - 1)).as("the office's own report comes last")
        .containsEntry("network", "สำนักงานเขต").containsEntry("expected", 1).containsEntry("submitted", 1);
    assertThat(byNetwork.stream().mapToInt(r -> (Integer) r.get("expected")).sum()).isEqualTo(13);
    List<Map<String, Object>> missing = (List<Map<String, Object>>) progress.get("notSubmitted");
    assertThat(missing).hasSize(10).allSatisfy(m -> assertThat(m.get("email")).asString().contains("@"))
        .allSatisfy(m -> assertThat(m.get("contactName")).isNotNull());

    String dashboard = http.withBasicAuth("director", "demo").getForObject("/dashboard?fiscalYear=2570", String.class);
    assertThat(dashboard).contains("href=\"/policy/rounds/" + roundId + "\"");
    String page = http.withBasicAuth("director", "demo").getForObject("/policy/rounds/" + roundId, String.class);
    assertThat(page).contains("รอบนับรายเครือข่าย", "ครบกำหนด 10 มีนาคม 2570", "รายอำเภอ", "รายเครือข่ายสถานศึกษา",
        "อำเภอเมือง", "ยังไม่ส่งรายงาน (10 แห่ง)", "school10010003@esa1001.planflow.test", "ส่งแล้ว 3 / 13");
    assertThat(http.withBasicAuth("school10010001", "demo").getForEntity("/policy/rounds/" + roundId, String.class)
        .getStatusCode().value()).isEqualTo(403);
  }
}
