package th.planflow.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;
import th.planflow.office.SchoolFiles;
import th.planflow.review.ReviewVariables;

/**
 * One full round with 300 more schools, imported through the school import, on the real PostgreSQL
 * suite only: opened in batches by jobs, everyone submits (some late, one returned and fixed, a few
 * never), approve all, close; the counts, in total and per network, match the database. The schools
 * and the round are removed afterwards, so the other test classes keep their 12 demo schools.
 */
@PlanflowTest
@EnabledIf("th.planflow.testsupport.TestPostgres#isRequested")
class PolicyRoundAtScaleTest {

  static final int SCHOOLS = 300;
  static final String[] DISTRICTS = {"อำเภอภูเวียง", "อำเภอชุมแพ", "อำเภอสีชมพู"};
  static final String RESULTS = "[{\"policyCode\": \"P01\", \"result\": \"ดำเนินการครบทุกห้องเรียน\", \"problems\": \"งบประมาณจำกัด\"},"
      + " {\"policyCode\": \"P02\", \"result\": \"ผลสัมฤทธิ์เพิ่มขึ้น\"}]";

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  IdentityService identity;
  @Autowired
  PolicyReporting reporting;
  @Autowired
  PolicyRounds rounds;
  @Autowired
  JdbcTemplate jdbc;

  final List<String> codes = new ArrayList<>();
  final Map<String, String> networkOf = new HashMap<>();
  long roundId;
  String roundInstance;

  @AfterEach
  void removeSchoolsAndRound() {
    runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("policyRound:" + roundId + "%").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    for (String table : List.of("policy_result", "policy_report", "policy_round_policy")) {
      jdbc.update("delete from " + table + " where round_id = ?", roundId);
    }
    jdbc.update("delete from policy_round where id = ?", roundId);
    SchoolFiles.remove(jdbc, identity, codes);
    EngineClock.reset();
  }

  List<List<String>> schoolRows() {
    List<List<String>> rows = new ArrayList<>();
    String[] sizes = {"เล็ก", "เล็ก", "กลาง", "ใหญ่", "ใหญ่พิเศษ"};
    for (int i = 0; i < SCHOOLS; i++) {
      String code = String.format("10407%05d", i + 1);
      String district = DISTRICTS[i % DISTRICTS.length];
      String network = "เครือข่าย" + district.substring("อำเภอ".length()) + " " + (1 + (i / DISTRICTS.length) % 4);
      codes.add(code);
      networkOf.put(code, network);
      rows.add(List.of(code, "โรงเรียนบ้านทดสอบ " + (i + 1), district, network, sizes[i % sizes.length],
          "s" + code + "@school.example.ac.th", "ครูประสานงาน " + (i + 1)));
    }
    return rows;
  }

  int runBatches() {
    return PolicyApi.runJobs(management, roundInstance);
  }

  Task taskOf(String reporter, String key) {
    String instance = rounds.report(roundId, reporter).orElseThrow().processInstanceId();
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

  void submit(String school) {
    reporting.saveResults(roundId, school, List.of(
        new PolicyRounds.Result(school, "P01", "ดำเนินการครบทุกห้องเรียน", "งบประมาณจำกัด", null),
        new PolicyRounds.Result(school, "P02", "ผลสัมฤทธิ์เพิ่มขึ้น", null, null)), "school" + school);
    tasks.complete(taskOf(school, "Task_Submit").getId(), Map.of(ReviewVariables.CONFIRMED, true));
  }

  Map<String, Object> progress() {
    return new PolicyApi(http).get("planner", "/api/policy/rounds/" + roundId + "/progress");
  }

  int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  @Test
  void aRoundOfThreeHundredImportedSchoolsFromOpeningToClosing() {
    EngineClock.setTo("2027-01-10T09:00");
    int demoSchools = count("select count(*) from school");
    ResponseEntity<String> imported = SchoolFiles.upload(http, "planner", "/api/schools/import", "schools.csv",
        SchoolFiles.csv(schoolRows()));
    assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
    assertThat(imported.getBody()).contains("\"added\":300");
    int expected = demoSchools + SCHOOLS;

    PolicyApi api = new PolicyApi(http);
    ResponseEntity<Map> opened = api.post("planner", "/api/policy/rounds", "{\"fiscalYear\": 2570, \"name\": \"รอบทดสอบ 300 โรงเรียน\","
        + " \"dueOn\": \"2027-02-15\", \"audience\": \"SCHOOLS\", \"policyCodes\": [\"P01\", \"P02\"]}");
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    roundId = ((Number) opened.getBody().get("id")).longValue();
    roundInstance = (String) opened.getBody().get("processInstanceId");

    // the tasks come in bounded batches, one job each
    assertThat(runBatches()).isGreaterThanOrEqualTo(expected / 100);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKeyLike("policyRound:" + roundId + ":%")
        .taskDefinitionKey("Task_Submit").count()).isEqualTo(expected);
    String first = codes.get(0);
    assertThat(tasks.createTaskQuery().taskCandidateGroup("school-" + first).taskDefinitionKey("Task_Submit").count())
        .as("an imported school receives its task through its group").isEqualTo(1);
    assertThat(progress()).containsEntry("expected", expected).containsEntry("missing", expected);

    // an imported school works through Tasklist's REST API once the administrator gave it a password
    User user = identity.createUserQuery().userId("school" + first).singleResult();
    user.setPassword("demo");
    identity.saveUser(user);
    assertThat(api.put("school" + first, "/api/policy/rounds/" + roundId + "/results", RESULTS).getStatusCode().value()).isEqualTo(200);
    assertThat(api.submitForm("school" + first, taskOf(first, "Task_Submit").getId(), "{\"confirmed\": {\"value\": true}}")
        .getStatusCode().value()).isEqualTo(204);

    // who does what: every 40th never reports, every 10th (other) reports late, the rest on time
    List<String> reporters = rounds.reports(roundId).stream().map(PolicyRounds.Report::reporter).toList();
    List<String> never = new ArrayList<>();
    List<String> late = new ArrayList<>();
    List<String> onTime = new ArrayList<>();
    for (int i = 0; i < reporters.size(); i++) {
      String r = reporters.get(i);
      (i % 40 == 7 ? never : i % 10 == 3 ? late : onTime).add(r);
    }
    assertThat(never).doesNotContain(first);
    assertThat(late).doesNotContain(first);
    EngineClock.setTo("2027-02-01T10:00");
    onTime.stream().filter(r -> !r.equals(first)).forEach(this::submit);

    // one returned and fixed
    String returned = onTime.stream().filter(codes::contains).filter(c -> !c.equals(first)).findFirst().orElseThrow();
    tasks.complete(taskOf(returned, "Task_Review").getId(),
        Map.of(ReviewVariables.DECISION, ReviewVariables.RETURN, ReviewVariables.COMMENT, "กรุณาระบุตัวเลขผลสัมฤทธิ์"));
    assertThat(progress()).containsEntry("returned", 1).containsEntry("submitted", onTime.size() - 1);
    assertThat(rounds.report(roundId, returned).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.RETURNED);
    submit(returned);

    EngineClock.setTo("2027-02-17T10:00");
    late.forEach(this::submit);
    int submitted = onTime.size() + late.size();
    Map<String, Object> live = progress();
    assertThat(live).containsEntry("expected", expected).containsEntry("submitted", submitted)
        .containsEntry("returned", 0).containsEntry("missing", never.size()).containsEntry("late", late.size());
    assertThat(count("select count(*) from policy_report where round_id = ? and status = 'SUBMITTED'", roundId))
        .isEqualTo(submitted);
    assertThat(count("select count(*) from policy_report where round_id = ? and late = ?", roundId, true)).isEqualTo(late.size());

    // per network: the API's counts are the database's and the test's own
    Map<String, int[]> mine = new TreeMap<>();
    for (String code : codes) {
      int[] c = mine.computeIfAbsent(networkOf.get(code), n -> new int[3]);
      c[0]++;
      c[1] += never.contains(code) ? 0 : 1;
      c[2] += late.contains(code) ? 1 : 0;
    }
    Map<String, Map<String, Object>> byNetwork = new HashMap<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) live.get("byNetwork")) {
      byNetwork.put((String) row.get("network"), row);
    }
    assertThat(mine).hasSize(12);
    mine.forEach((network, c) -> {
      Map<String, Object> row = byNetwork.get(network);
      assertThat(row).as(network).containsEntry("expected", c[0]).containsEntry("submitted", c[1])
          .containsEntry("late", c[2]).containsEntry("missing", c[0] - c[1]);
      assertThat(count("select count(*) from policy_report r join school s on s.office_code = r.office_code and s.code = r.reporter"
          + " where r.round_id = ? and s.network_th = ? and r.status = 'SUBMITTED'", roundId, network)).isEqualTo(c[1]);
    });
    int districtsExpected = ((List<Map<String, Object>>) live.get("byDistrict")).stream()
        .mapToInt(d -> (Integer) d.get("expected")).sum();
    assertThat(districtsExpected).isEqualTo(expected);

    // the drill-down page lists the missing schools with whom to call
    String page = http.withBasicAuth("planner", "demo").getForObject("/policy/rounds/" + roundId, String.class);
    String missingSchool = never.stream().filter(codes::contains).findFirst().orElseThrow();
    assertThat(page).contains("รายเครือข่ายสถานศึกษา", networkOf.get(missingSchool), "s" + missingSchool + "@school.example.ac.th",
        "ยังไม่ส่งรายงาน (" + never.size() + " แห่ง)");

    // approve all at once, then close: the ones who never reported are recorded missing
    assertThat(api.post("planner", "/api/policy/rounds/" + roundId + "/approve-submitted", "{}").getBody())
        .containsEntry("approved", submitted);
    assertThat(api.post("planner", "/api/policy/rounds/" + roundId + "/close", "{}").getStatusCode().value()).isEqualTo(200);
    assertThat(progress()).containsEntry("approved", submitted).containsEntry("missing", never.size());
    assertThat(count("select count(*) from policy_report where round_id = ? and status = 'APPROVED'", roundId)).isEqualTo(submitted);
    assertThat(count("select count(*) from policy_report where round_id = ? and status = 'MISSING'", roundId)).isEqualTo(never.size());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("policyRound:" + roundId + "%").count()).isZero();
  }
}
