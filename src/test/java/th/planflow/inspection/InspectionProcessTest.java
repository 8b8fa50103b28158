package th.planflow.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.FullProcessCoverage;
import th.planflow.PlanflowTest;
import th.planflow.deadline.DeadlineSweep;
import th.planflow.review.ReviewAudit;
import th.planflow.web.UserInputException;

/**
 * Every path of bpmn/inspection.bpmn for fiscal year 2570 (Feb 2027 to Oct 2027), with the engine clock
 * moved and the timers run by hand. The demo office's units are headed by staff1..staff10:
 * ส่งเสริมการจัดการศึกษา = staff3, นโยบายและแผน = staff2, กฎหมายและคดี = staff9.
 */
@PlanflowTest
@FullProcessCoverage("inspection")
class InspectionProcessTest {

  static final int YEAR = 2570;
  static final String PROMOTION_HEAD = "staff3";
  static final String POLICY_HEAD = "staff2";
  static final String LEGAL_HEAD = "staff9";
  static final String ISSUE_1 = "การพัฒนาคุณภาพการศึกษาปฐมวัย";
  static final String ISSUE_2 = "การลดความเหลื่อมล้ำทางการศึกษา";
  static final String ISSUES = "ศธ | " + ISSUE_1 + " | ร้อยละของเด็กปฐมวัยที่มีพัฒนาการสมวัย | ส่งเสริมการจัดการศึกษา\n"
      + "นร\t" + ISSUE_2 + "\tจำนวนนักเรียนที่ได้รับทุน; อัตราการออกกลางคัน\tpolicy-plan\n";
  static final String VISITS = "15/3/2570 | นายสมปอง ตรวจการ ผู้ตรวจราชการกระทรวงศึกษาธิการ | 1,2 | | ตรวจติดตามที่สำนักงานเขต\n"
      + "20 มี.ค. 2570 | ผู้ตรวจราชการสำนักนายกรัฐมนตรี เขตตรวจราชการที่ 15 | 2 | นโยบายและแผน, อำนวยการ";
  static final String RECOMMENDATION = "ควรจัดทำฐานข้อมูลเด็กปฐมวัยรายบุคคลเพื่อติดตามพัฒนาการ";
  static final String NO_EVIDENCE = "การปรับปรุงที่ไม่มีหลักฐานไม่สามารถส่งได้ กรุณาระบุหลักฐานการดำเนินการ (รายละเอียดหรือลิงก์เอกสาร)";
  static final String NO_UNIT = "ข้อเสนอแนะที่ไม่มีกลุ่มงานรับผิดชอบไม่สามารถเสนอได้ กรุณาระบุกลุ่มงานที่รับผิดชอบ";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  FormService forms;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;
  @Autowired
  InspectionService inspection;
  @Autowired
  DeadlineSweep sweep;
  @Autowired
  ReviewAudit audit;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate http;

  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    // the year is shared state: no run of FY 2570 that another test left may block this one
    cancelInspections();
    EngineClock.setTo("2027-01-20T09:00");
  }

  @AfterEach
  void cancel() {
    identity.clearAuthentication();
    cancelInspections();
    EngineClock.reset();
  }

  void cancelInspections() {
    runtime.createProcessInstanceQuery().processDefinitionKey("inspection").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    // a run that ended keeps its year; the next test starts the same year again
    jdbc.update("delete from process_run where process_key = 'inspection' and fiscal_year = ?", YEAR);
  }

  // ---- paths ------------------------------------------------------------------------------

  @Test
  void shouldRunTheWholeYearWithBothRoundsOnTime() throws Exception {
    start();
    assertThat(instance).isWaitingAt("Event_FebruaryOpens");
    assertThat(timer().getDuedate()).isEqualTo(EngineClock.at("2027-02-01T08:00"));

    studyIssues();
    assertThat(instance).hasPassed("Task_StudyIssues").isWaitingAt("Event_MarchOpens")
        .variables().containsEntry("issueCount", 2);
    assertThat(inspection.issues(YEAR)).extracting(InspectionIssue::title, InspectionIssue::unitCode, InspectionIssue::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ISSUE_1, "promotion", IssueSource.MOE),
            org.assertj.core.groups.Tuple.tuple(ISSUE_2, "policy-plan", IssueSource.PMO));

    coordinatePlan();
    assertThat(inspection.visits(YEAR)).hasSize(2).first()
        .satisfies(v -> assertThat(v.unitCodes()).containsExactly("promotion", "policy-plan"));
    assertThat(inspection.visits(YEAR).get(1).unitCodes()).containsExactly("policy-plan", "admin");

    runTimer("2027-04-01T09:00");
    assertThat(instance).isWaitingAt("Call_Round1Report");
    Task promotion = unitTask(PROMOTION_HEAD);
    assertThat(promotion.getName()).isEqualTo("ส่งงาน: รายงานผลการตรวจราชการ รอบที่ 1 ประเด็นที่ 1 " + ISSUE_1);
    assertThat(promotion.getDueDate()).isEqualTo(EngineClock.at("2027-04-30T16:30"));
    assertThat(forms.getTaskFormData(promotion.getId()).getCamundaFormRef().getKey()).isEqualTo("inspectionRoundReport");
    assertThat((String) tasks.getVariable(promotion.getId(), "issueOverview")).contains(ISSUE_1, "ร้อยละของเด็กปฐมวัย",
        "กลุ่มส่งเสริมการจัดการศึกษา");

    reportRound(1);
    assertThat(instance).hasPassed("Call_Round1Report").isWaitingAt("Task_ConsolidateRound1");
    Task consolidate = plannerTask("Task_ConsolidateRound1");
    assertThat(consolidate.getDueDate()).isEqualTo(EngineClock.at("2027-04-08T16:30")); // a week after the last approval
    assertThat((String) tasks.getVariable(consolidate.getId(), "roundOverview"))
        .contains("ประเด็นที่ 1", "ผลรอบที่ 1 ของ promotion", "ผลรอบที่ 1 ของ policy-plan");
    complete(consolidate, "planner", "plan-officer", Map.of("roundSummary", "สรุปรอบที่ 1: ดำเนินการครบทุกประเด็น"));

    runTimer("2027-08-02T09:00");
    assertThat(instance).isWaitingAt("Call_Round2Report");
    assertThat(unitTask(POLICY_HEAD).getDueDate()).isEqualTo(EngineClock.at("2027-08-31T16:30"));
    reportRound(2);
    complete(plannerTask("Task_ConsolidateRound2"), "planner", "plan-officer",
        Map.of("roundSummary", "สรุปรอบที่ 2: ผลดีขึ้นจากรอบแรก"));
    assertThat(instance).hasPassed("Task_ConsolidateRound2").isWaitingAt("Event_SeptemberOpens");

    runTimer("2027-09-01T09:00");
    assertThat(instance).isWaitingAt("Call_SummaryReport", "Task_RecordRecommendation");
    approveSummary();

    recordRecommendation(RECOMMENDATION, 1, "ส่งเสริมการจัดการศึกษา", "savePropose");
    Task decide = directorTask();
    assertThat(decide.getName()).isEqualTo("พิจารณาข้อเสนอแนะของผู้ตรวจราชการ: ข้อเสนอแนะที่ 1 (กลุ่มส่งเสริมการจัดการศึกษา)");
    assertThat(tasks.getVariable(decide.getId(), "recommendationText")).isEqualTo(RECOMMENDATION);
    complete(decide, "director", "director", Map.of("recommendationDecision", "approve"));

    Task followUp = unitTask(PROMOTION_HEAD);
    assertThat(followUp.getName()).startsWith("ส่งงาน: นำข้อเสนอแนะไปปรับปรุงและพัฒนางาน: ข้อเสนอแนะที่ 1");
    assertThat(followUp.getDueDate()).isEqualTo(EngineClock.at("2027-10-15T16:30"));
    assertThat(recommendation().status()).isEqualTo(RecommendationStatus.IN_PROGRESS);
    submitFollowUp(followUp, "จัดทำฐานข้อมูลเด็กปฐมวัยครบทุกโรงเรียนแล้ว", "https://drive.example/ecd-database");
    assertThat(recommendation().status()).isEqualTo(RecommendationStatus.DONE);
    reviewAsPlanner("approve", null);
    assertThat(recommendation().status()).isEqualTo(RecommendationStatus.VERIFIED);

    assertThat(instance).hasPassed("Call_FollowUp", "Event_RecommendationVerified", "Gateway_SeptemberDone")
        .isWaitingAt("Event_OctoberOpens");
    assertThat(timer().getDuedate()).isEqualTo(EngineClock.at("2027-10-01T08:00"));
    runTimer("2027-10-01T09:00");
    Task finalReport = plannerTask("Task_FinalReport");
    assertThat(finalReport.getDueDate()).isEqualTo(EngineClock.at("2027-10-29T16:30"));
    assertThat((String) tasks.getVariable(finalReport.getId(), "reportLinks"))
        .contains("https://planflow.example.test/api/inspection/2570/report.pdf", "/api/inspection/2570/report.xlsx");
    complete(finalReport, "planner", "plan-officer", Map.of("finalSummary", "การตรวจราชการปี 2570 บรรลุเป้าหมายทุกประเด็น",
        "reportedTo", "สำนักงานศึกษาธิการจังหวัด"));

    assertThat(instance).hasPassed("Task_FinalReport", "Event_Reported").isEnded();
    assertThat(inspection.history(recommendation().id())).extracting(RecommendationEvent::event).containsExactly(
        RecommendationEvent.Kind.PROPOSED, RecommendationEvent.Kind.APPROVED, RecommendationEvent.Kind.ASSIGNED,
        RecommendationEvent.Kind.SUBMITTED, RecommendationEvent.Kind.VERIFIED);

    ResponseEntity<byte[]> report = http.withBasicAuth("planner", "demo").getForEntity("/api/inspection/2570/report.pdf", byte[].class);
    java.nio.file.Files.write(java.nio.file.Path.of("target", "inspection-report-2570.pdf"), report.getBody()); // to look at
    String pdf = pdfText(report);
    assertThat(pdf).contains(squash("รายงานผลการตรวจราชการ ประจำปีงบประมาณ 2570"), squash(ISSUE_1), squash(ISSUE_2),
        squash("ผลรอบที่ 1 ของ promotion"), squash("ผลรอบที่ 2 ของ policy-plan"), squash("สรุปรอบที่ 2: ผลดีขึ้นจากรอบแรก"),
        squash("สรุปการตรวจราชการปี 2570"), squash(RECOMMENDATION), squash("จัดทำฐานข้อมูลเด็กปฐมวัยครบทุกโรงเรียนแล้ว"),
        squash("https://drive.example/ecd-database"), squash("ตรวจสอบแล้ว ปิดเรื่อง"), squash("15 มีนาคม 2570"),
        squash("การตรวจราชการปี 2570 บรรลุเป้าหมายทุกประเด็น"), squash("สำนักงานศึกษาธิการจังหวัด"),
        squash("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาเห็นชอบเมื่อ 1 กันยายน 2570 (วิชัย บริหารเก่ง)"));

    ResponseEntity<byte[]> xlsx = http.withBasicAuth("director", "demo").getForEntity("/api/inspection/2570/report.xlsx", byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      assertThat(cells(workbook.getSheet("ประเด็นการตรวจราชการ"))).contains(ISSUE_1, ISSUE_2, "กลุ่มนโยบายและแผน");
      assertThat(cells(workbook.getSheet("ผลการดำเนินงาน"))).contains("ผลรอบที่ 1 ของ promotion", "ผลรอบที่ 2 ของ promotion");
      assertThat(cells(workbook.getSheet("ข้อเสนอแนะและการปรับปรุง"))).contains(RECOMMENDATION, "ตรวจสอบแล้ว ปิดเรื่อง",
          "https://drive.example/ecd-database", "20 กันยายน 2570");
    }
    assertThat(http.withBasicAuth("staff1", "demo").getForEntity("/api/inspection/2570/report.pdf", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(http.withBasicAuth("planner", "demo").getForEntity("/api/inspection/2590/report.pdf", String.class)
        .getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aLateUnitIsRecordedAndEscalatedToTheHead() {
    start();
    studyIssues();
    coordinatePlan();
    runTimer("2027-04-01T09:00");
    submitRound(unitTask(PROMOTION_HEAD), 1);
    Task late = unitTask(POLICY_HEAD);

    EngineClock.setTo("2027-05-01T09:00");
    String lateInstance = late.getProcessInstanceId();
    Job due = management.createJobQuery().processInstanceId(lateInstance).timers().singleResult();
    management.executeJob(due.getId());
    assertThat(runtime.getVariable(lateInstance, "submissionLate")).isEqualTo(true);

    EngineClock.setTo("2027-05-03T09:00");
    sweep.sweep();
    assertThat(tasks.getIdentityLinksForTask(late.getId())).extracting(IdentityLink::getGroupId).contains("plan-head");
    assertThat(jdbc.queryForList("select recipient from mail_outbox where dedup_key like ?", String.class,
        "task:" + late.getId() + ":escalation:%")).contains("head@esa1001.planflow.test", "staff2@esa1001.planflow.test");

    submitRound(late, 1);
    assertThat(inspection.result(YEAR, 1, late(late)).orElseThrow().late()).isTrue();
    reviewRoundAsPlanner(1);
    assertThat(instance).hasPassed("Call_Round1Report").isWaitingAt("Task_ConsolidateRound1");
    assertThat((String) tasks.getVariable(plannerTask("Task_ConsolidateRound1").getId(), "roundOverview"))
        .contains("(ส่งล่าช้ากว่ากำหนด)");
    assertThat(audit.ofProcessInstance(lateInstance)).extracting(row -> row.action())
        .containsExactly("MISSED_DEADLINE", "SUBMIT", "APPROVE");
  }

  @Test
  void theDirectorReturnsARecommendationAndThePlannerRevisesIt() {
    toSeptember();
    recordRecommendation("ควรทบทวนแผนปฏิบัติการให้สอดคล้องกับนโยบาย", null, "นโยบายและแผน", "savePropose");
    Task decide = directorTask();
    assertThatThrownBy(() -> complete(decide, "planner", "plan-officer", Map.of("recommendationDecision", "approve")))
        .isInstanceOf(AuthorizationException.class); // the director's decision is not the plan officer's
    assertThatThrownBy(() -> complete(decide, "director", "director", Map.of("recommendationDecision", "return")))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("กรุณากรอกเหตุผลที่ส่งกลับหรือไม่ดำเนินการ"));
    assertThatThrownBy(() -> complete(decide, "director", "director", Map.of("recommendationDecision", "maybe")))
        .hasMessageContaining("กรุณาเลือกผลการพิจารณา");

    complete(decide, "director", "director",
        Map.of("recommendationDecision", "return", "decisionReason", "กลุ่มงานที่รับผิดชอบควรเป็นกลุ่มกฎหมายและคดี"));
    assertThat(instance).isWaitingAt("Task_ReviseRecommendation");
    Task revise = plannerTask("Task_ReviseRecommendation");
    assertThat(tasks.getVariable(revise.getId(), "decisionReason")).isEqualTo("กลุ่มงานที่รับผิดชอบควรเป็นกลุ่มกฎหมายและคดี");
    assertThat(tasks.getVariable(revise.getId(), "unitCode")).isEqualTo("policy-plan");
    assertThat(recommendation().status()).isEqualTo(RecommendationStatus.PROPOSED);

    complete(revise, "planner", "plan-officer", Map.of("recommendationText", "ควรทบทวนระเบียบให้สอดคล้องกับนโยบาย",
        "analysisText", "ทบทวนระเบียบที่เกี่ยวข้อง", "unitCode", "legal", "issueSeq", 2L));
    Task again = directorTask();
    assertThat(again.getName()).endsWith("(กลุ่มกฎหมายและคดี)");
    assertThat(tasks.getVariable(again.getId(), "recommendationDecision")).isNull();
    assertThat(tasks.getVariable(again.getId(), "issueLabel")).isEqualTo("ประเด็นที่ 2 " + ISSUE_2);
    complete(again, "director", "director", Map.of("recommendationDecision", "approve"));

    assertThat(unitTask(LEGAL_HEAD).getName()).contains("ข้อเสนอแนะที่ 1 ควรทบทวนระเบียบ");
    assertThat(inspection.history(recommendation().id())).extracting(RecommendationEvent::event).containsExactly(
        RecommendationEvent.Kind.PROPOSED, RecommendationEvent.Kind.RETURNED, RecommendationEvent.Kind.REVISED,
        RecommendationEvent.Kind.APPROVED, RecommendationEvent.Kind.ASSIGNED);
  }

  @Test
  void theDirectorDecidesARecommendationFromCockpit() {
    toSeptember();
    recordRecommendation(RECOMMENDATION, 1, "promotion", "savePropose");
    Task decide = directorTask();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate director = http.withBasicAuth("director", "demo");

    List<Map<String, Object>> waiting = director.exchange("/api/approvals?processInstanceId=" + instance.getId(),
        org.springframework.http.HttpMethod.GET, null,
        new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    assertThat(waiting).hasSize(1);
    assertThat(waiting.get(0)).containsEntry("taskId", decide.getId())
        .containsEntry("processName", "การตรวจราชการกระทรวงศึกษาธิการและสำนักนายกรัฐมนตรี")
        .containsEntry("subject", tasks.getVariable(decide.getId(), "recommendationLabel"))
        .containsEntry("owner", tasks.getVariable(decide.getId(), "unitName"))
        .containsEntry("fiscalYear", YEAR);
    assertThat((String) waiting.get(0).get("detail")).contains(RECOMMENDATION);

    ResponseEntity<Map> noReason = director.postForEntity("/api/approvals/" + decide.getId() + "/return",
        new HttpEntity<>("{}", json), Map.class);
    assertThat(noReason.getStatusCode().value()).isEqualTo(400);
    assertThat(noReason.getBody()).containsEntry("message", "กรุณากรอกเหตุผลที่ส่งกลับหรือไม่ดำเนินการ");
    assertThat(director.postForEntity("/api/approvals/" + decide.getId() + "/return",
        new HttpEntity<>("{\"comment\": \"ควรระบุกลุ่มงานให้ชัดเจน\"}", json), Map.class).getStatusCode().value())
        .isEqualTo(200);

    assertThat(instance).isWaitingAt("Task_ReviseRecommendation");
    assertThat(inspection.history(recommendation().id())).extracting(RecommendationEvent::event, RecommendationEvent::actor)
        .contains(org.assertj.core.groups.Tuple.tuple(RecommendationEvent.Kind.RETURNED, "director"));
  }

  @Test
  void aFollowUpIsReturnedThenVerified() {
    toSeptember();
    recordRecommendation(RECOMMENDATION, 1, "promotion", "savePropose");
    complete(directorTask(), "director", "director", Map.of("recommendationDecision", "approve"));

    Task followUp = unitTask(PROMOTION_HEAD);
    submitFollowUp(followUp, "เริ่มจัดทำฐานข้อมูลแล้ว", "บันทึกข้อความ ที่ ศธ 04001/123");
    reviewAsPlanner("return", "กรุณาแนบลิงก์ฐานข้อมูลที่ใช้งานได้");
    assertThat(recommendation().status()).isEqualTo(RecommendationStatus.IN_PROGRESS);

    Task again = unitTask(PROMOTION_HEAD);
    assertThat(tasks.getVariable(again.getId(), "returnComment")).isEqualTo("กรุณาแนบลิงก์ฐานข้อมูลที่ใช้งานได้");
    assertThat(tasks.getVariable(again.getId(), "improvementActions")).isEqualTo("เริ่มจัดทำฐานข้อมูลแล้ว");
    submitFollowUp(again, "จัดทำฐานข้อมูลครบแล้ว", "https://drive.example/ecd");
    reviewAsPlanner("approve", "ครบถ้วน");

    Recommendation closed = recommendation();
    assertThat(closed.status()).isEqualTo(RecommendationStatus.VERIFIED);
    assertThat(closed.actions()).isEqualTo("จัดทำฐานข้อมูลครบแล้ว");
    assertThat(inspection.history(closed.id())).extracting(RecommendationEvent::event).containsExactly(
        RecommendationEvent.Kind.PROPOSED, RecommendationEvent.Kind.APPROVED, RecommendationEvent.Kind.ASSIGNED,
        RecommendationEvent.Kind.SUBMITTED, RecommendationEvent.Kind.FOLLOW_UP_RETURNED, RecommendationEvent.Kind.SUBMITTED,
        RecommendationEvent.Kind.VERIFIED);
    assertThat(inspection.history(closed.id()).get(4).comment()).isEqualTo("กรุณาแนบลิงก์ฐานข้อมูลที่ใช้งานได้");
  }

  @Test
  void theDirectorDropsARecommendationWithItsReason() {
    toSeptember();
    recordRecommendation("ควรจัดงานแถลงข่าวทุกเดือน", null, "admin", "saveNext");
    assertThat(instance).isWaitingAt("Task_RecordRecommendation", "Call_SummaryReport");
    Task next = plannerTask("Task_RecordRecommendation");
    assertThat(tasks.getVariable(next.getId(), "recommendationText")).isNull();
    assertThat((String) tasks.getVariable(next.getId(), "recommendationsSoFar")).contains("1. ควรจัดงานแถลงข่าวทุกเดือน");
    assertThatThrownBy(() -> complete(next, "planner", "plan-officer",
        Map.of("recordAction", "propose", "recommendationText", "ยังไม่บันทึก")))
        .hasMessageContaining("ท่านกรอกข้อเสนอแนะไว้แต่เลือกไม่บันทึก");
    complete(next, "planner", "plan-officer", Map.of("recordAction", "propose"));

    complete(directorTask(), "director", "director",
        Map.of("recommendationDecision", "drop", "decisionReason", "ไม่อยู่ในอำนาจหน้าที่ของสำนักงานเขตพื้นที่การศึกษา"));

    assertThat(instance).hasPassed("Event_RecommendationDropped").isWaitingAt("Call_SummaryReport");
    Recommendation dropped = recommendation();
    assertThat(dropped.status()).isEqualTo(RecommendationStatus.DROPPED);
    assertThat(dropped.decisionReason()).isEqualTo("ไม่อยู่ในอำนาจหน้าที่ของสำนักงานเขตพื้นที่การศึกษา");
    assertThat(inspection.history(dropped.id())).extracting(RecommendationEvent::event)
        .containsExactly(RecommendationEvent.Kind.PROPOSED, RecommendationEvent.Kind.DROPPED);
    String tracker = http.withBasicAuth("head", "demo").getForObject("/api/inspection/2570/recommendations", String.class);
    assertThat(tracker).contains("\"status\":\"DROPPED\"", "ไม่อยู่ในอำนาจหน้าที่");
  }

  @Test
  void aRecommendationWithoutUnitAndAnImprovementWithoutEvidenceAreRefusedWithThaiMessages() {
    toSeptember();
    Task record = plannerTask("Task_RecordRecommendation");
    ResponseEntity<Map> noUnit = completeViaRest(record.getId(), "planner", Map.of(
        "recordAction", "savePropose", "recommendationText", RECOMMENDATION, "analysisText", "วิเคราะห์แล้ว"));
    assertThat(noUnit.getStatusCode().value()).isEqualTo(400);
    assertThat(noUnit.getBody()).containsEntry("message", NO_UNIT);
    assertThat(inspection.recommendations(YEAR)).isEmpty();
    assertThat(plannerTask("Task_RecordRecommendation").getId()).isEqualTo(record.getId());

    recordRecommendation(RECOMMENDATION, null, "promotion", "savePropose");
    complete(directorTask(), "director", "director", Map.of("recommendationDecision", "approve"));
    Task followUp = unitTask(PROMOTION_HEAD);
    ResponseEntity<Map> noEvidence = completeViaRest(followUp.getId(), PROMOTION_HEAD, Map.of(
        "improvementActions", "ปรับปรุงแล้ว", "completionDate", "2027-09-20", "confirmed", true));
    assertThat(noEvidence.getStatusCode().value()).isEqualTo(400);
    assertThat(noEvidence.getBody()).containsEntry("message", NO_EVIDENCE);
    assertThat(recommendation().status()).isEqualTo(RecommendationStatus.IN_PROGRESS);
    assertThat(recommendation().actions()).isNull();
    assertThat(unitTask(PROMOTION_HEAD).getId()).isEqualTo(followUp.getId());

    ResponseEntity<Map> badDate = completeViaRest(followUp.getId(), PROMOTION_HEAD, Map.of(
        "improvementActions", "ปรับปรุงแล้ว", "improvementEvidence", "ลิงก์", "completionDate", "เมื่อวาน", "confirmed", true));
    assertThat(badDate.getBody()).containsEntry("message", "วันที่ดำเนินการแล้วเสร็จไม่ถูกต้อง กรุณาเลือกวันที่ เช่น 20/9/2570");
  }

  @Test
  void badIssueLinesAreRefusedLineByLine() {
    start();
    runTimer("2027-02-01T09:00");
    Task study = plannerTask("Task_StudyIssues");
    assertThat((String) tasks.getVariable(study.getId(), "unitChoices")).contains("policy-plan = กลุ่มนโยบายและแผน");

    assertThatThrownBy(() -> complete(study, "planner", "plan-officer", Map.of("issuesText",
        "แหล่งที่มา | ประเด็น | ตัวชี้วัด | กลุ่มงาน\nกพ | ประเด็นหนึ่ง | - | นโยบายและแผน\nศธ | ประเด็นสอง | - | กลุ่มที่ไม่มี\nศธ | ประเด็นสาม")))
        .satisfies(e -> assertThat(UserInputException.in(e).getMessage()).isEqualTo("ข้อมูลไม่ถูกต้อง กรุณาแก้ไขแล้วส่งอีกครั้ง\n"
            + "บรรทัดที่ 2: แหล่งที่มา 'กพ' ไม่ถูกต้อง ใช้ ศธ (กระทรวงศึกษาธิการ) หรือ นร (สำนักนายกรัฐมนตรี แบบบูรณาการ)\n"
            + "บรรทัดที่ 3: ไม่พบกลุ่มงาน 'กลุ่มที่ไม่มี' ใช้รหัสหรือชื่อกลุ่มงานตามรายการกลุ่มงานในสำนักงาน\n"
            + "บรรทัดที่ 4: ต้องมี 4 ช่อง คือ แหล่งที่มา | ประเด็น | ตัวชี้วัด | กลุ่มงานที่รับผิดชอบ (พบ 2 ช่อง)"));
    assertThatThrownBy(() -> complete(study, "planner", "plan-officer", Map.of("issuesText", "  ")))
        .hasMessageContaining("กรุณากรอกประเด็นการตรวจราชการ");
    assertThat(instance).isWaitingAt("Task_StudyIssues");
  }

  // ---- steps ------------------------------------------------------------------------------

  void start() {
    instance = runtime.createProcessInstanceByKey("inspection").setVariable("fiscalYear", YEAR).execute();
    assertThat(instance.getBusinessKey()).isEqualTo("inspection:2570");
  }

  void studyIssues() {
    runTimer("2027-02-01T09:00");
    Task study = plannerTask("Task_StudyIssues");
    assertThat(study.getDueDate()).isEqualTo(EngineClock.at("2027-02-26T16:30"));
    complete(study, "planner", "plan-officer", Map.of("issuesText", ISSUES));
  }

  void coordinatePlan() {
    runTimer("2027-03-01T09:00");
    Task plan = plannerTask("Task_CoordinatePlan");
    assertThat(plan.getDueDate()).isEqualTo(EngineClock.at("2027-03-31T16:30"));
    assertThat((String) tasks.getVariable(plan.getId(), "issuesOverview")).contains("1. [ศธ] " + ISSUE_1, "2. [นร] " + ISSUE_2);
    complete(plan, "planner", "plan-officer", Map.of("visitsText", VISITS));
  }

  /** Both units report on time and the planner approves. */
  void reportRound(int round) {
    submitRound(unitTask(PROMOTION_HEAD), round);
    submitRound(unitTask(POLICY_HEAD), round);
    reviewRoundAsPlanner(round);
  }

  void submitRound(Task task, int round) {
    String unit = task.getAssignee().equals(PROMOTION_HEAD) ? "promotion" : "policy-plan";
    complete(task, task.getAssignee(), "esa-staff", Map.of("resultText", "ผลรอบที่ " + round + " ของ " + unit,
        "problemsText", "งบประมาณจำกัด", "evidenceText", "รายงานผลการดำเนินงาน", "confirmed", true));
  }

  void reviewRoundAsPlanner(int round) {
    for (Task review : tasksUnder().stream().filter(t -> "Task_Review".equals(t.getTaskDefinitionKey())).toList()) {
      complete(review, "planner", "plan-officer", Map.of("reviewDecision", "approve"));
    }
  }

  void toSeptember() {
    start();
    studyIssues();
    coordinatePlan();
    runTimer("2027-04-01T09:00");
    reportRound(1);
    complete(plannerTask("Task_ConsolidateRound1"), "planner", "plan-officer", Map.of("roundSummary", "สรุปรอบที่ 1"));
    runTimer("2027-08-02T09:00");
    reportRound(2);
    complete(plannerTask("Task_ConsolidateRound2"), "planner", "plan-officer", Map.of("roundSummary", "สรุปรอบที่ 2"));
    runTimer("2027-09-01T09:00");
  }

  void approveSummary() {
    Task submit = tasksUnder().stream().filter(t -> t.getName().startsWith("ส่งงาน: สรุปและรายงานการตรวจราชการ")).findFirst()
        .orElseThrow();
    assertThat(forms.getTaskFormData(submit.getId()).getCamundaFormRef().getKey()).isEqualTo("inspectionSummary");
    assertThat((String) tasks.getVariable(submit.getId(), "summaryOverview")).contains("สรุปรอบที่ 1", "สรุปรอบที่ 2");
    complete(submit, "planner", "plan-officer", Map.of("summaryText", "สรุปการตรวจราชการปี 2570", "confirmed", true));
    Task review = tasksUnder().stream().filter(t -> "Task_Review".equals(t.getTaskDefinitionKey())).findFirst().orElseThrow();
    assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId).contains("director");
    complete(review, "director", "director", Map.of("reviewDecision", "return", "reviewComment", "เพิ่มผลรอบที่ 2"));
    Task resubmit = tasksUnder().stream().filter(t -> "Task_Submit".equals(t.getTaskDefinitionKey())).findFirst().orElseThrow();
    assertThat(inspection.year(YEAR).summaryStatus()).isEqualTo("RETURNED");
    assertThat(tasks.getVariable(resubmit.getId(), "summaryText")).isEqualTo("สรุปการตรวจราชการปี 2570");
    complete(resubmit, "planner", "plan-officer",
        Map.of("summaryText", "สรุปการตรวจราชการปี 2570 ทั้งสองรอบ", "confirmed", true));
    complete(tasksUnder().stream().filter(t -> "Task_Review".equals(t.getTaskDefinitionKey())).findFirst().orElseThrow(),
        "director", "director", Map.of("reviewDecision", "approve"));
    assertThat(inspection.year(YEAR).summaryStatus()).isEqualTo("APPROVED");
    assertThat(inspection.year(YEAR).summaryApprovedBy()).isEqualTo("director");
  }

  void recordRecommendation(String text, Integer issueSeq, String unit, String action) {
    Map<String, Object> vars = new HashMap<>(Map.of("recommendationText", text,
        "analysisText", "วิเคราะห์แล้วควรดำเนินการ", "unitCode", unit, "recordAction", action));
    if (issueSeq != null) {
      vars.put("issueSeq", issueSeq.longValue());
    }
    complete(plannerTask("Task_RecordRecommendation"), "planner", "plan-officer", vars);
  }

  void submitFollowUp(Task task, String actions, String evidence) {
    assertThat(forms.getTaskFormData(task.getId()).getCamundaFormRef().getKey()).isEqualTo("inspectionFollowUp");
    complete(task, task.getAssignee(), "esa-staff", Map.of("improvementActions", actions, "improvementEvidence", evidence,
        "completionDate", "2027-09-20", "confirmed", true));
  }

  void reviewAsPlanner(String decision, String comment) {
    Task review = tasksUnder().stream().filter(t -> "Task_Review".equals(t.getTaskDefinitionKey())).findFirst().orElseThrow();
    Map<String, Object> vars = new HashMap<>(Map.of("reviewDecision", decision));
    if (comment != null) {
      vars.put("reviewComment", comment);
    }
    complete(review, "planner", "plan-officer", vars);
  }

  // ---- helpers ----------------------------------------------------------------------------

  Job timer() {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  void runTimer(String now) {
    Job timer = timer();
    assertThat(timer).as("a timer of the inspection instance").isNotNull();
    EngineClock.setTo(now);
    management.executeJob(timer.getId());
  }

  /** The instance and every reviewedSubmission it called. */
  List<String> instanceIds() {
    List<String> ids = new ArrayList<>();
    ids.add(instance.getId());
    runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list().forEach(pi -> ids.add(pi.getId()));
    return ids;
  }

  List<Task> tasksUnder() {
    return tasks.createTaskQuery().processInstanceIdIn(instanceIds().toArray(String[]::new)).active().list();
  }

  Task unitTask(String head) {
    List<Task> found = tasksUnder().stream().filter(t -> head.equals(t.getAssignee())).toList();
    assertThat(found).as("open task of " + head).hasSize(1);
    return found.get(0);
  }

  Task plannerTask(String key) {
    Task task = tasksUnder().stream().filter(t -> key.equals(t.getTaskDefinitionKey())).findFirst().orElseThrow();
    assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("plan-officer");
    return task;
  }

  Task directorTask() {
    List<Task> found = tasksUnder().stream().filter(t -> "Task_DecideRecommendation".equals(t.getTaskDefinitionKey())).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  Recommendation recommendation() {
    List<Recommendation> all = inspection.recommendations(YEAR);
    assertThat(all).isNotEmpty();
    return all.get(0);
  }

  long late(Task task) {
    return ((Number) runtime.getVariable(task.getProcessInstanceId(), "issueId")).longValue();
  }

  void complete(Task task, String user, String group, Map<String, Object> variables) {
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  ResponseEntity<Map> completeViaRest(String taskId, String user, Map<String, Object> variables) {
    StringBuilder json = new StringBuilder("{\"variables\": {");
    variables.forEach((name, value) -> json.append(json.length() > 15 ? ", " : "").append('"').append(name).append("\": {\"value\": ")
        .append(value instanceof String ? "\"" + value + "\"" : value).append('}'));
    json.append("}}");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
        new HttpEntity<>(json.toString(), headers), Map.class);
  }

  static String pdfText(ResponseEntity<byte[]> response) throws Exception {
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/pdf");
    try (PDDocument document = Loader.loadPDF(response.getBody())) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setWordSeparator("");
      return squash(stripper.getText(document));
    }
  }

  /** Without white space: table cells wrap long Thai lines anywhere. */
  static String squash(String text) {
    return text.replaceAll("\\s+", "");
  }

  static List<String> cells(Sheet sheet) {
    List<String> values = new ArrayList<>();
    for (Row row : sheet) {
      row.forEach(cell -> values.add(cell.toString()));
    }
    return values;
  }
}
