package th.planflow.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.FullProcessCoverage;
import th.planflow.PlanflowTest;

/**
 * A reporting round of the schools: opened in batches, results per policy, submit checked for
 * completeness, late, never, returned and fixed, chased once a day, approved at once, closed, reopened
 * for one school.
 */
@PlanflowTest
@FullProcessCoverage("policyRound")
class PolicyRoundProcessTest {

  static final String A = "10010001", B = "10010002", C = "10010003", D = "10010004";

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  PolicyRounds rounds;
  @Autowired
  JdbcTemplate jdbc;

  PolicyApi api;
  long roundId;
  String roundInstance;

  @BeforeEach
  void openRound() {
    AbstractAssertions.init(engine);
    api = new PolicyApi(http);
    EngineClock.setTo("2027-01-10T09:00");
    ResponseEntity<Map> opened = api.post("planner", "/api/policy/rounds", "{\"fiscalYear\": 2570, \"name\": \"รอบที่ 1 ภาคเรียนที่ 2\","
        + " \"dueOn\": \"2027-02-15\", \"audience\": \"SCHOOLS\", \"policyCodes\": [\"P01\", \"P02\"]}");
    assertThat(opened.getStatusCode().value()).isEqualTo(201);
    roundId = ((Number) opened.getBody().get("id")).longValue();
    roundInstance = (String) opened.getBody().get("processInstanceId");
  }

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("policyRound:" + roundId + "%").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    EngineClock.reset();
  }

  /** Runs the round's batch jobs as the job executor would; returns how many ran. */
  int runBatches() {
    return PolicyApi.runJobs(management, roundInstance);
  }

  String submitTaskOf(String school) {
    String instance = rounds.report(roundId, school).orElseThrow().processInstanceId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Submit").singleResult();
    return task == null ? null : task.getId();
  }

  String reviewTaskOf(String school) {
    String instance = rounds.report(roundId, school).orElseThrow().processInstanceId();
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Review").singleResult().getId();
  }

  ResponseEntity<Map> saveResults(String school, String json) {
    return api.put("school" + school, "/api/policy/rounds/" + roundId + "/results", json);
  }

  ResponseEntity<Map> submit(String school) {
    return api.submitForm("school" + school, submitTaskOf(school), "{\"confirmed\": {\"value\": true}}");
  }

  static final String BOTH_RESULTS = "[{\"policyCode\": \"P01\", \"result\": \"ติดตั้งระบบแจ้งเหตุครบทุกห้องเรียน\", \"problems\": \"งบประมาณไม่เพียงพอ\"},"
      + " {\"policyCode\": \"P02\", \"result\": \"ผลสอบ O-NET เฉลี่ยเพิ่มขึ้นร้อยละ 3\"}]";

  Map<String, Object> progress() {
    return api.get("planner", "/api/policy/rounds/" + roundId + "/progress");
  }

  @Test
  void shouldCollectReportsChaseCloseAndReopenForOneSchool() throws Exception {
    assertThat(runBatches()).as("12 schools in 2 lanes of 6, batches of 5: 4 batch jobs and 2 lane ends")
        .isEqualTo(6);
    ProcessInstance round = runtime.createProcessInstanceQuery().processInstanceId(roundInstance).singleResult();
    assertThat(round).isWaitingAt("Task_FollowUp").hasPassed("Gateway_AllCreated");
    assertThat(progress()).containsEntry("expected", 12).containsEntry("submitted", 0).containsEntry("missing", 12);
    Task schoolTask = tasks.createTaskQuery().taskId(submitTaskOf(A)).singleResult();
    assertThat(schoolTask.getDueDate()).isEqualTo(EngineClock.at("2027-02-15T16:30"));
    // what all schools of the round share comes from the round (PolicySubmissions.input), not from each instance
    assertThat(runtime.getVariables(schoolTask.getProcessInstanceId())).doesNotContainKeys("stepKey", "due", "submitForm")
        .containsKeys("title", "submitterGroup", "subjectRef");
    // nor is anything stored with the task itself: its step is worked out again if its due date is moved
    assertThat(tasks.getVariablesLocal(schoolTask.getId())).isEmpty();
    assertThat(tasks.getIdentityLinksForTask(schoolTask.getId())).extracting(l -> l.getGroupId()).contains("school-" + A);

    // A reports everything on time
    assertThat(saveResults(A, BOTH_RESULTS).getStatusCode().value()).isEqualTo(200);
    assertThat(submit(A).getStatusCode().value()).isEqualTo(204);
    assertThat(saveResults(A, BOTH_RESULTS).getBody().get("message")).asString().contains("ส่งรายงานแล้ว");

    // B forgets a policy: the submit is refused, listing it; nothing is submitted
    ResponseEntity<Map> nothing = submit(B);
    assertThat(nothing.getStatusCode().value()).isEqualTo(400);
    assertThat(nothing.getBody().get("message")).asString().contains("P01, P02");
    saveResults(B, "[{\"policyCode\": \"P01\", \"result\": \"ดำเนินการแล้ว\"}]");
    assertThat(submit(B).getBody().get("message")).asString().contains("ยังไม่ได้กรอกผลการดำเนินงานของนโยบาย: P02");
    ResponseEntity<Map> html = saveResults(B, "[{\"policyCode\": \"P02\", \"result\": \"<b>ดี</b>\"}]");
    assertThat(html.getStatusCode().value()).isEqualTo(400);
    ResponseEntity<Map> otherPolicy = saveResults(B, "[{\"policyCode\": \"P05\", \"result\": \"ดี\"}]");
    assertThat(otherPolicy.getBody().get("message")).asString().contains("P05 ไม่อยู่ในรอบการรายงานนี้");
    saveResults(B, "[{\"policyCode\": \"P02\", \"result\": \"จัดติวเข้มก่อนสอบ\"}]");
    assertThat(submit(B).getStatusCode().value()).isEqualTo(204);

    // the planner returns B's report, B fixes and resubmits
    assertThat(api.submitForm("planner", reviewTaskOf(B),
        "{\"reviewDecision\": {\"value\": \"return\"}, \"reviewComment\": {\"value\": \"กรุณาระบุตัวเลขผลสอบ\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(rounds.report(roundId, B).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.RETURNED);
    // B was sent on time but is back with B: neither submitted nor on time until B sends it again
    assertThat(progress()).containsEntry("submitted", 1).containsEntry("returned", 1).containsEntry("onTime", 1)
        .containsEntry("submittedLate", 0);
    assertThat(saveResults(B, "[{\"policyCode\": \"P02\", \"result\": \"ผลสอบเฉลี่ยเพิ่มจาก 41 เป็น 44 คะแนน\"}]")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(submit(B).getStatusCode().value()).isEqualTo(204);

    // C reports after the due date: accepted, marked late
    EngineClock.setTo("2027-02-17T10:00");
    saveResults(C, BOTH_RESULTS);
    assertThat(submit(C).getStatusCode().value()).isEqualTo(204);

    Map<String, Object> live = progress();
    assertThat(live).containsEntry("expected", 12).containsEntry("submitted", 3).containsEntry("missing", 9)
        .containsEntry("late", 1).containsEntry("returned", 0).containsEntry("onTime", 2).containsEntry("submittedLate", 1);
    assertThat((List<?>) live.get("notSubmitted")).hasSize(9);
    Integer counted = jdbc.queryForObject("select count(*) from policy_report where round_id = ? and status = 'SUBMITTED'",
        Integer.class, roundId);
    assertThat(counted).isEqualTo(3);

    // chasing: once a day per school
    ResponseEntity<Map> chased = api.post("planner", "/api/policy/rounds/" + roundId + "/chase", "{}");
    assertThat(chased.getBody()).containsEntry("chased", 9);
    assertThat(api.post("planner", "/api/policy/rounds/" + roundId + "/chase", "{}").getBody()).containsEntry("chased", 0);
    assertThat((List<Map<String, Object>>) progress().get("notSubmitted")).extracting(r -> r.get("chasedToday"))
        .containsOnly(true);
    EngineClock.setTo("2027-02-18T08:00");
    assertThat((List<Map<String, Object>>) progress().get("notSubmitted"))
        .extracting(r -> r.get("chasedToday"), r -> r.get("lastChasedOn")).containsOnly(tuple(false, "17 กุมภาพันธ์ 2570"));
    EngineClock.setTo("2027-02-17T10:05");
    assertThat(jdbc.queryForObject("select subject from mail_outbox where dedup_key like ?", String.class,
        "task:" + submitTaskOf(D) + ":chase-2027-02-17:%")).startsWith("[Planflow] ติดตามการรายงาน:");
    assertThat(api.post("school" + D, "/api/policy/rounds/" + roundId + "/chase", "{}").getStatusCode().value()).isEqualTo(403);

    // approve every submitted report at once
    assertThat(api.post("planner", "/api/policy/rounds/" + roundId + "/approve-submitted", "{}").getBody())
        .containsEntry("approved", 3);
    assertThat(progress()).containsEntry("approved", 3);

    // the export for e-MES: submitted reports only, Thai headers, on time or not
    byte[] xlsx = http.withBasicAuth("planner", "demo").getForObject("/api/policy/rounds/" + roundId + "/export.xlsx", byte[].class);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("รหัสสถานศึกษา");
      assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("ส่งตรงเวลา");
      List<String> lines = new ArrayList<>();
      for (Row row : sheet) {
        if (row.getRowNum() > 0) {
          lines.add(row.getCell(0).getStringCellValue() + " " + row.getCell(2).getStringCellValue() + " "
              + row.getCell(8).getStringCellValue());
        }
      }
      assertThat(lines).containsExactly(A + " P01 ตรงเวลา", A + " P02 ตรงเวลา", B + " P01 ตรงเวลา", B + " P02 ตรงเวลา",
          C + " P01 ไม่ตรงเวลา", C + " P02 ไม่ตรงเวลา");
    }

    // closing locks the round; the nine are recorded as not reported
    assertThat(api.post("planner", "/api/policy/rounds/" + roundId + "/close", "{}").getStatusCode().value()).isEqualTo(200);
    assertThat(round).hasPassed("Task_CloseRound").isEnded();
    assertThat(progress()).containsEntry("missing", 9).containsEntry("submitted", 3);
    assertThat(rounds.report(roundId, D).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.MISSING);
    assertThat(saveResults(D, BOTH_RESULTS).getBody().get("message")).asString().contains("รอบการรายงานปิดแล้ว");

    // reopened for D alone, with a reason
    assertThat(api.post("planner", "/api/policy/rounds/" + roundId + "/reporters/" + D + "/reopen", "{}")
        .getStatusCode().value()).isEqualTo(400);
    assertThat(api.post("planner", "/api/policy/rounds/" + roundId + "/reporters/" + D + "/reopen",
        "{\"reason\": \"ระบบอินเทอร์เน็ตของโรงเรียนขัดข้องช่วงครบกำหนด\"}").getStatusCode().value()).isEqualTo(200);
    assertThat(saveResults(D, BOTH_RESULTS).getStatusCode().value()).isEqualTo(200);
    assertThat(submit(D).getStatusCode().value()).isEqualTo(204);
    assertThat(rounds.report(roundId, D).orElseThrow().late()).isTrue();
    assertThat(saveResults("10010005", BOTH_RESULTS).getBody().get("message")).asString().contains("รอบการรายงานปิดแล้ว");
  }

  @Test
  void aSchoolSeesAndWritesOnlyItsOwnReport() {
    runBatches();
    saveResults(A, BOTH_RESULTS);
    String asOther = http.withBasicAuth("school" + B, "demo").getForObject("/api/policy/rounds/" + roundId + "/results", String.class);
    assertThat(asOther).doesNotContain("ติดตั้งระบบแจ้งเหตุ");
    assertThat(api.submitForm("school" + B, submitTaskOf(A), "{\"confirmed\": {\"value\": true}}").getStatusCode().is2xxSuccessful())
        .isFalse();
    assertThat(rounds.report(roundId, A).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.PENDING);
    assertThat(api.get("school" + A, "/api/policy/rounds/" + roundId + "/progress")).containsEntry("status", 403);

    // the report page's send: B naming A sends B's own report; A's task stays A's
    assertThat(api.post("school" + B, reportUrl() + "?reporter=" + A, "{\"confirmed\": true, \"results\": " + BOTH_RESULTS + "}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(rounds.report(roundId, B).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.SUBMITTED);
    assertThat(rounds.report(roundId, A).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.PENDING);
    assertThat(submitTaskOf(A)).isNotNull();
    // a task no longer offered to the school is not the school's to send (Planflow checks the candidate group)
    String taskOfA = submitTaskOf(A);
    tasks.deleteCandidateGroup(taskOfA, "school-" + A);
    try {
      ResponseEntity<Map> refused = api.post("school" + A, reportUrl(), "{\"confirmed\": true, \"results\": " + BOTH_RESULTS + "}");
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getBody().get("message")).asString().contains("ไม่ได้มอบหมายให้หน่วยงานของท่าน");
      assertThat(rounds.report(roundId, A).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.PENDING);
      assertThat(submitTaskOf(A)).isEqualTo(taskOfA);
    } finally {
      tasks.addCandidateGroup(taskOfA, "school-" + A);
    }
  }

  String reportUrl() {
    return "/api/policy/rounds/" + roundId + "/report";
  }

  @Test
  void aSchoolSavesAndSendsItsReportInOneStepAndNothingIsKeptWhenRefused() {
    runBatches();
    Map<String, Object> view = api.get("school" + A, reportUrl());
    assertThat((List<Map<String, Object>>) view.get("policies")).extracting(p -> p.get("code")).containsExactly("P01", "P02");
    assertThat(view.get("editable")).isEqualTo(true);
    assertThat((Map<?, ?>) view.get("results")).isEmpty();

    // one policy left out: refused in Thai, and not even the other policy's result is kept
    ResponseEntity<Map> partial = api.post("school" + A, reportUrl(), "{\"confirmed\": true, \"results\": "
        + "[{\"policyCode\": \"P01\", \"result\": \"ติดตั้งระบบแจ้งเหตุครบทุกห้องเรียน\"}]}");
    assertThat(partial.getStatusCode().value()).as(String.valueOf(partial.getBody())).isEqualTo(400);
    assertThat(partial.getBody().get("message")).asString().contains("ยังไม่ได้กรอกผลการดำเนินงานของนโยบาย: P02");
    assertThat(rounds.results(roundId, A)).isEmpty();
    ResponseEntity<Map> unconfirmed = api.post("school" + A, reportUrl(), "{\"results\": " + BOTH_RESULTS + "}");
    assertThat(unconfirmed.getBody().get("message")).asString().contains("กรุณายืนยัน");
    assertThat(rounds.results(roundId, A)).isEmpty();

    ResponseEntity<Map> sent = api.post("school" + A, reportUrl(), "{\"confirmed\": true, \"note\": \"ครบทุกนโยบาย\","
        + " \"results\": " + BOTH_RESULTS + "}");
    assertThat(sent.getStatusCode().value()).isEqualTo(200);
    assertThat(rounds.report(roundId, A).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.SUBMITTED);
    assertThat(rounds.results(roundId, A)).extracting(PolicyRounds.Result::policyCode).containsExactly("P01", "P02");
    assertThat(submitTaskOf(A)).isNull();
    assertThat(reviewTaskOf(A)).isNotNull();
    // the same report sent twice (a second window, a double click): refused, nothing changes
    ResponseEntity<Map> again = api.post("school" + A, reportUrl(), "{\"confirmed\": true, \"results\": " + BOTH_RESULTS + "}");
    assertThat(again.getStatusCode().value()).isEqualTo(400);
    assertThat(again.getBody().get("message")).asString().contains("ส่งรายงานแล้ว");
    // another school's page is its own report, never A's
    Map<String, Object> other = api.get("school" + B, reportUrl() + "?reporter=" + A);
    assertThat(((Map<?, ?>) other.get("report")).get("reporter")).isEqualTo(B);
    assertThat((Map<?, ?>) other.get("results")).isEmpty();

    // returned for revision: the page shows why and lets the school send again
    assertThat(api.submitForm("planner", reviewTaskOf(A),
        "{\"reviewDecision\": {\"value\": \"return\"}, \"reviewComment\": {\"value\": \"กรุณาระบุจำนวนห้องเรียน\"}}")
        .getStatusCode().is2xxSuccessful()).isTrue();
    Map<String, Object> returned = api.get("school" + A, reportUrl());
    assertThat(((Map<?, ?>) returned.get("report")).get("returnComment")).isEqualTo("กรุณาระบุจำนวนห้องเรียน");
    assertThat(returned.get("editable")).isEqualTo(true);
    assertThat(api.post("school" + A, reportUrl(), "{\"confirmed\": true, \"results\": " + BOTH_RESULTS + "}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(rounds.report(roundId, A).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.SUBMITTED);
    assertThat(rounds.report(roundId, A).orElseThrow().returnComment()).isNull();
  }

  @Autowired
  org.camunda.bpm.engine.IdentityService identity;

  @Test
  void aSchoolAddedToTheOfficeAfterTheRoundOpenedIsAddedWhenThePlanOfficerSaysSo() {
    runBatches();
    String added = "1040990101";
    try {
      ResponseEntity<String> imported = th.planflow.office.SchoolFiles.upload(http, "planner", "/api/schools/import",
          "schools.csv", th.planflow.office.SchoolFiles.csv(List.of(List.of(added, "โรงเรียนบ้านเปิดใหม่", "อำเภอเมือง",
              "เครือข่ายเมือง 1", "เล็ก", "new@school.example.ac.th", "นางสาวใหม่ ทดสอบ"))));
      assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
      assertThat(rounds.report(roundId, added)).as("not in the round until the plan officer adds it").isEmpty();
      assertThat(api.post("school" + A, "/api/policy/rounds/" + roundId + "/add-new-schools", "{}").getStatusCode().value())
          .isEqualTo(403);

      ResponseEntity<Map> response = api.post("planner", "/api/policy/rounds/" + roundId + "/add-new-schools", "{}");
      assertThat(response.getBody()).containsEntry("added", 1);
      PolicyRounds.Report report = rounds.report(roundId, added).orElseThrow();
      assertThat(report.status()).isEqualTo(PolicyRounds.ReportStatus.PENDING);
      Task task = tasks.createTaskQuery().processInstanceId(report.processInstanceId()).taskDefinitionKey("Task_Submit")
          .singleResult();
      assertThat(task).hasCandidateGroup("school-" + added);
      assertThat(task.getDueDate()).isEqualTo(EngineClock.at("2027-02-15T16:30"));
      assertThat(progress()).containsEntry("expected", 13);
      assertThat(api.post("planner", "/api/policy/rounds/" + roundId + "/add-new-schools", "{}").getBody())
          .containsEntry("added", 0);
    } finally {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey("policyRound:" + roundId + ":" + added).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
      jdbc.update("delete from policy_report where reporter = ?", added);
      th.planflow.office.SchoolFiles.remove(jdbc, identity, List.of(added));
    }
  }

  @Test
  void badRoundsAreRefusedInThai() {
    assertThat(api.post("planner", "/api/policy/rounds", "{\"fiscalYear\": 2570, \"name\": \"x\"}").getBody().get("message"))
        .asString().contains("กรุณาระบุวันครบกำหนด");
    assertThat(api.post("planner", "/api/policy/rounds", "{\"fiscalYear\": 2570, \"name\": \"x\", \"dueOn\": \"2027-02-15\","
        + " \"policyCodes\": [\"P99\"]}").getBody().get("message")).asString().contains("ไม่พบนโยบายรหัส P99");
    assertThat(api.post("planner", "/api/policy/rounds", "{\"fiscalYear\": 2570, \"name\": \"x\", \"dueOn\": \"2026-12-01\"}")
        .getBody().get("message")).asString().contains("ต้องไม่ก่อนวันเปิดรอบ");
    assertThat(api.post("head", "/api/policy/rounds", "{\"fiscalYear\": 2570, \"name\": \"x\", \"dueOn\": \"2027-02-15\"}")
        .getStatusCode().value()).isEqualTo(403);
  }
}
