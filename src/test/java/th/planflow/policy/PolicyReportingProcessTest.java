package th.planflow.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
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

/** The yearly duty: policies studied in December, the November summary approved by the director. */
@PlanflowTest
@FullProcessCoverage("policyReporting")
class PolicyReportingProcessTest {

  static final int YEAR = 2571;

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
  JdbcTemplate jdbc;

  PolicyApi api;
  String instanceId;

  @BeforeEach
  void start() {
    AbstractAssertions.init(engine);
    api = new PolicyApi(http);
    EngineClock.setTo("2027-12-01T09:00");
    ResponseEntity<Map> started = api.post("planner", "/api/processes/policyReporting/start", "{\"fiscalYear\": " + YEAR + "}");
    assertThat(started.getStatusCode().value()).isEqualTo(201);
    instanceId = (String) started.getBody().get("processInstanceId");
  }

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processInstanceId(instanceId).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    jdbc.update("delete from policy where fiscal_year = ?", YEAR);
    EngineClock.reset();
  }

  Task task() {
    ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    return tasks.createTaskQuery().processInstanceBusinessKey(root.getBusinessKey()).singleResult() != null
        ? tasks.createTaskQuery().processInstanceBusinessKey(root.getBusinessKey()).singleResult()
        : tasks.createTaskQuery().processInstanceId(
            runtime.createProcessInstanceQuery().superProcessInstanceId(instanceId).singleResult().getId()).singleResult();
  }

  @Test
  void shouldStudyPoliciesThenReportTheSummaryToTheDirector() throws Exception {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    assertThat(instance).isWaitingAt("Task_StudyPolicies").hasBusinessKey("policyReporting:" + YEAR);
    Task study = task();
    assertThat(study.getDueDate()).isEqualTo(EngineClock.at("2027-12-30T16:30")); // 31 Dec is a holiday

    // no policies yet: the study cannot be recorded
    ResponseEntity<Map> early = api.submitForm("planner", study.getId(), "{\"policiesImported\": {\"value\": true}}");
    assertThat(early.getStatusCode().value()).isEqualTo(400);
    assertThat(early.getBody().get("message")).asString().contains("ยังไม่มีรายการนโยบาย สพฐ. ของปีงบประมาณ " + YEAR);

    // a bad list is refused whole, with row numbers
    ResponseEntity<Map> bad = api.put("planner", "/api/policy/" + YEAR + "/policies",
        "[{\"code\": \"P01\", \"name\": \"ความปลอดภัย\"}, {\"code\": \"P01\", \"name\": \"ซ้ำ\"}, {\"code\": \"\", \"name\": \"ไม่มีรหัส\"}]");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("message")).asString().contains("แถวที่ 2: รหัสนโยบาย P01 ซ้ำ", "แถวที่ 3: กรุณากรอกรหัสนโยบาย");
    assertThat(jdbc.queryForObject("select count(*) from policy where fiscal_year = ?", Integer.class, YEAR)).isZero();
    assertThat(api.put("head", "/api/policy/" + YEAR + "/policies", "[]").getStatusCode().value()).isEqualTo(403);
    assertThat(api.put("planner", "/api/policy/" + YEAR + "/policies",
        "[{\"code\": \"P01\", \"name\": \"ความปลอดภัยของผู้เรียน\", \"indicator\": \"ร้อยละของสถานศึกษาที่ปลอดภัย\"},"
            + " {\"code\": \"P02\", \"name\": \"อ่านออก เขียนได้\"}]").getStatusCode().value()).isEqualTo(200);

    assertThat(api.submitForm("planner", study.getId(), "{\"policiesImported\": {\"value\": true}}").getStatusCode().value())
        .isEqualTo(204);
    assertThat(instance).isWaitingAt("Event_SummaryPeriod");
    Job summaryTimer = management.createJobQuery().processInstanceId(instanceId).timers().singleResult();
    assertThat(summaryTimer.getDuedate()).isEqualTo(EngineClock.at("2028-11-01T08:00"));

    EngineClock.setTo("2028-11-01T09:00");
    management.executeJob(summaryTimer.getId());
    assertThat(instance).isWaitingAt("Call_SummaryToDirector");
    Task summary = task();
    assertThat(summary.getName()).isEqualTo("ส่งงาน: สรุปผลการรายงานตามนโยบาย สพฐ. ปีงบประมาณ " + YEAR);
    assertThat(summary.getDueDate()).isEqualTo(EngineClock.at("2028-11-10T16:30"));

    byte[] pdf = http.withBasicAuth("director", "demo").getForObject("/api/policy/" + YEAR + "/summary.pdf", byte[].class);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setWordSeparator("");
      String text = stripper.getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("สรุปผลการรายงานผลการดำเนินงานตามนโยบาย สพฐ. ปีงบประมาณ " + YEAR,
          "ความครบถ้วนและความตรงเวลาของการรายงาน", "ความปลอดภัยของผู้เรียน", "ยังไม่มีรอบการรายงานในปีงบประมาณนี้");
    }

    assertThat(api.submitForm("planner", summary.getId(), "{\"confirmed\": {\"value\": true}}").getStatusCode().value())
        .isEqualTo(204);
    Task approval = task();
    assertThat(approval.getName()).startsWith("ตรวจสอบและพิจารณา:");
    assertThat(api.submitForm("director", approval.getId(), "{\"reviewDecision\": {\"value\": \"approve\"}}")
        .getStatusCode().value()).isEqualTo(204);

    assertThat(instance).hasPassed("Call_SummaryToDirector", "Event_Reported").isEnded();
    // sent on time: the called submission hands back submissionLate = false
    assertThat(instance).variables().containsEntry("summaryLate", false);
  }
}
