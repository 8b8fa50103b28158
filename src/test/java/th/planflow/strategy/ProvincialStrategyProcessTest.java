package th.planflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;
import th.planflow.calendar.FiscalYear;
import th.planflow.deadline.DeadlineSweep;
import th.planflow.review.ReviewAudit;
import th.planflow.strategy.StrategyRecords.ReportStatus;
import th.planflow.web.UserInputException;

/**
 * Every path of bpmn/provincial-strategy.bpmn for fiscal year 2571 (Oct 2027 - Sep 2028): all on time,
 * the director returns the appointment order, a report returned, a responsible person late and
 * escalated, and the bad input each step refuses without keeping any of it.
 */
@PlanflowTest
@th.planflow.FullProcessCoverage("provincialStrategy")
class ProvincialStrategyProcessTest {

  static final int FY = 2571;
  static final FiscalYear YEAR = FiscalYear.of(FY);
  static final String KEY = "provincialStrategy";
  static final String ITEMS = """
      1.1 | ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้ | 95 | ร้อยละ | โครงการส่งเสริมการอ่านออกเขียนได้
      1.2 | จำนวนโรงเรียนที่จัดการเรียนรู้ตามแนวทางสะเต็มศึกษา | 60 | โรงเรียน | โครงการพัฒนาการจัดการเรียนรู้สะเต็มศึกษา
      2.1 | ร้อยละของเด็กปฐมวัยที่มีพัฒนาการสมวัย | 90 | ร้อยละ |
      """;
  static final String RESPONSIBLE = """
      1.1 | staff1 | ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้
      1.2 | staff2
      2.1 | staff1
      """;
  static final String WORKING_GROUP = """
      director | ประธานคณะทำงาน
      head | รองประธานคณะทำงาน
      staff1 | คณะทำงาน
      staff2 | คณะทำงาน
      นางสาวมาลัย ใจดี | ผู้แทนสำนักงานจังหวัด
      planner | คณะทำงานและเลขานุการ
      """;

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  ManagementService management;
  @Autowired
  DeadlineSweep sweep;
  @Autowired
  ReviewAudit audit;
  @Autowired
  ProvincialStrategy strategy;
  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;

  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    EngineClock.setTo("2028-01-05T09:00");
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    StrategyTestData.delete(jdbc, FY);
    EngineClock.reset();
  }

  // --- the paths

  @Test
  void shouldRunTheYearWithEverythingOnTime() {
    start();
    Job january = timer();
    assertThat(january.getDuedate()).isEqualTo(EngineClock.at("2028-01-01T08:00"));
    management.executeJob(january.getId());

    assertThat(instance).isWaitingAt("Task_StudyStrategy");
    Task study = mainTask();
    assertThat(study).hasCandidateGroup("plan-officer")
        .hasName("ศึกษา วิเคราะห์ รายละเอียดนโยบายและยุทธศาสตร์การพัฒนาจังหวัด");
    assertThat(study.getDueDate()).isEqualTo(EngineClock.at("2028-01-31T16:30"));
    study();
    assertThat(strategy.items(YEAR)).extracting(StrategyItem::code).containsExactly("1.1", "1.2", "2.1");
    assertThat(strategy.items(YEAR).get(1).target()).isEqualByComparingTo("60");
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("strategyItemsText", "planName");

    assertThat(instance).isWaitingAt("Event_FebruaryOpens");
    passTimer("2028-02-01T08:00", "2028-02-02T09:00");
    assertThat(instance).isWaitingAt("Task_AttendBriefing");
    assertThat(mainTask().getDueDate()).isEqualTo(EngineClock.at("2028-02-29T16:30"));
    briefing();
    assertThat(strategy.briefing(YEAR)).get().extracting(StrategyRecords.Briefing::guidanceTh)
        .isEqualTo("รายงานผลผ่านระบบของจังหวัดทุกสิ้นเดือนกรกฎาคม");

    passTimer("2028-03-01T08:00", "2028-03-01T09:00");
    assertThat(instance).isWaitingAt("Task_AppointWorkingGroup");
    assertThat(mainTask().getDueDate()).isEqualTo(EngineClock.at("2028-03-31T16:30"));
    assertThat((String) runtime.getVariable(instance.getId(), "workingGroupText"))
        .contains("director | ประธานคณะทำงาน", "head | รองประธานคณะทำงาน", "planner | คณะทำงานและเลขานุการ");
    assertThat((String) runtime.getVariable(instance.getId(), "responsibleText"))
        .startsWith("1.1 |  | ร้อยละของนักเรียน");
    assertThat((String) runtime.getVariable(instance.getId(), "staffList")).contains("staff1 | อรุณี ศึกษานิเทศก์");
    appoint();

    assertThat(instance).isWaitingAt("Call_ApproveAppointmentOrder");
    ProcessInstance approval = onlyChild();
    Task submitOrder = childTask(approval);
    assertThat(submitOrder).hasCandidateGroup("plan-officer")
        .hasName("ส่งงาน: คำสั่งแต่งตั้งคณะทำงานและผู้รับผิดชอบตามนโยบายและยุทธศาสตร์การพัฒนาจังหวัด ปีงบประมาณ 2571");
    assertThat((String) runtime.getVariable(approval.getId(), "submissionNote"))
        .contains("ที่ 45/2571", "ผู้รับผิดชอบ 3 รายการ", "/api/strategy/2571/appointment-order.pdf");
    completeAs("planner", "plan-officer", submitOrder, withVariables("confirmed", true));
    Task review = childTask(approval);
    assertThat(review).hasCandidateGroup("director");
    completeAs("director", "director", review, withVariables("reviewDecision", "approve"));

    assertThat(instance).hasPassed("Task_IssueAppointmentOrder").isWaitingAt("Task_MeetResponsiblePersons")
        .variables().containsEntry("appointmentApproved", true);
    assertThat(strategy.appointment(YEAR)).get().extracting(StrategyRecords.Appointment::approved).isEqualTo(true);
    assertThat(strategy.items(YEAR)).extracting(StrategyItem::responsibleUserId).containsExactly("staff1", "staff2", "staff1");
    String orderText = StrategyTestData.pdfText(get("director", "/api/strategy/2571/appointment-order.pdf", byte[].class).getBody());
    assertThat(orderText).contains("ที่ 45/2571", "สั่ง ณ วันที่ 6 มีนาคม พ.ศ. 2571", "(วิชัย บริหารเก่ง)").doesNotContain("ร่าง");
    assertThat(StrategyTestData.compact(orderText)).contains(StrategyTestData.compact(
        "5. นางสาวมาลัย ใจดี ผู้แทนสำนักงานจังหวัด", "1 1.1 ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้ 95 ร้อยละ อรุณี ศึกษานิเทศก์",
        "3 2.1 ร้อยละของเด็กปฐมวัยที่มีพัฒนาการสมวัย 90 ร้อยละ อรุณี ศึกษานิเทศก์"));

    assertThat((String) runtime.getVariable(instance.getId(), "meetingAttendees"))
        .contains("director | วิชัย บริหารเก่ง", "staff2 | ธนพล ศึกษานิเทศก์", "นางสาวมาลัย ใจดี");
    meeting();
    assertThat(strategy.attendees(YEAR)).extracting(Person::userId).containsExactly("director", "staff1", "staff2", null);

    assertThat(instance).isWaitingAt("Event_JulyOpens");
    passTimer("2028-07-01T08:00", "2028-07-03T09:00");
    List<Task> reports = reportTasks();
    assertThat(reports).extracting(Task::getAssignee).containsExactlyInAnyOrder("staff1", "staff1", "staff2");
    assertThat(reports).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(EngineClock.at("2028-07-31T16:30")));
    assertThat(reports).extracting(Task::getName).contains(
        "กรอกแบบรายงานผลการดำเนินงานตามนโยบายและยุทธศาสตร์การพัฒนาจังหวัด: 1.2 จำนวนโรงเรียนที่จัดการเรียนรู้ตามแนวทางสะเต็มศึกษา");

    EngineClock.setTo("2028-07-20T10:00");
    reportAndApprove("1.1", 96, 150000.5, "ครูบางโรงเรียนย้ายระหว่างปี");
    reportAndApprove("1.2", 52, 0, "งบประมาณจัดสรรล่าช้า");
    assertThat(instance).isWaitingAt("SubProcess_ItemReport");
    reportAndApprove("2.1", 91.5, 20000, null);

    assertThat(instance).isWaitingAt("Event_SeptemberOpens");
    assertThat(strategy.results(YEAR)).allSatisfy(r -> {
      assertThat(r.report().status()).isEqualTo(ReportStatus.APPROVED);
      assertThat(r.report().late()).isFalse();
    });
    assertThat(strategy.results(YEAR)).extracting(ProvincialStrategy.ItemResult::achieved).containsExactly(true, false, true);

    passTimer("2028-09-01T08:00", "2028-09-01T09:00");
    assertThat(instance).isWaitingAt("Task_SummarizeResults");
    assertThat(mainTask().getDueDate()).isEqualTo(EngineClock.at("2028-09-29T16:30"));
    assertThat((String) runtime.getVariable(instance.getId(), "resultsOverview"))
        .contains("1.2 จำนวนโรงเรียนที่จัดการเรียนรู้ตามแนวทางสะเต็มศึกษา: เป้าหมาย 60 โรงเรียน ผล 52 โรงเรียน (ไม่บรรลุเป้าหมาย)");
    assertThat((String) runtime.getVariable(instance.getId(), "overallProblems"))
        .isEqualTo("1.1: ครูบางโรงเรียนย้ายระหว่างปี\n1.2: งบประมาณจัดสรรล่าช้า");
    completeAs("planner", "plan-officer", mainTask(), withVariables(
        "overallResult", "บรรลุเป้าหมาย 2 จาก 3 รายการ",
        "overallProblems", "งบประมาณจัดสรรล่าช้า ทำให้กิจกรรมสะเต็มศึกษาเริ่มช้ากว่าแผน",
        "overallSuggestions", "ขอให้จังหวัดแจ้งกรอบงบประมาณภายในเดือนธันวาคม"));

    assertThat(instance).isWaitingAt("Task_AcknowledgeSummary");
    Task acknowledge = mainTask();
    assertThat(acknowledge).hasCandidateGroup("director");
    assertThat(acknowledge.getDueDate()).isEqualTo(EngineClock.at("2028-09-08T16:30"));
    completeAs("director", "director", acknowledge, withVariables("acknowledged", true,
        "directorComment", "ให้นำปัญหางบประมาณเสนอในการประชุมจังหวัด"));

    assertThat(instance).hasPassed("Event_SummaryAcknowledged").isEnded();
    assertThat(strategy.summary(YEAR)).get().satisfies(s -> {
      assertThat(s.acknowledgedBy()).isEqualTo("director");
      assertThat(s.directorCommentTh()).isEqualTo("ให้นำปัญหางบประมาณเสนอในการประชุมจังหวัด");
    });
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("reviewedSubmission").superProcessInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void shouldLetThePlannerCorrectTheOrderTheDirectorReturned() {
    runToAppointment();
    appoint();
    ProcessInstance approval = onlyChild();
    completeAs("planner", "plan-officer", childTask(approval), withVariables("confirmed", true));
    assertThat(StrategyTestData.pdfText(get("director", "/api/strategy/2571/appointment-order.pdf", byte[].class).getBody()))
        .contains("ร่าง รอผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาอนุมัติ");

    completeAs("director", "director", childTask(approval), withVariables("reviewDecision", "return",
        "reviewComment", "รายการ 2.1 ควรให้ศึกษานิเทศก์ด้านปฐมวัย (staff3) รับผิดชอบ"));

    Task resubmit = childTask(approval);
    assertThat(resubmit).hasCandidateGroup("plan-officer").hasDefinitionKey("Task_Submit");
    assertThat(runtime.getVariable(approval.getId(), "returnComment")).asString().contains("staff3");

    ResponseEntity<Map> corrected = put("planner", "/api/strategy/2571/appointment", """
        {"orderNumber": "45/2571", "orderDate": "2028-03-06",
         "workingGroup": [{"person": "director", "role": "ประธานคณะทำงาน"}, {"person": "staff3", "role": "คณะทำงาน"},
                          {"person": "planner", "role": "คณะทำงานและเลขานุการ"}],
         "responsible": {"1.1": "staff1", "1.2": "staff2", "2.1": "staff3"}}
        """);
    assertThat(corrected.getStatusCode().value()).isEqualTo(200);
    assertThat(put("staff1", "/api/strategy/2571/appointment", "{}").getStatusCode().value()).isEqualTo(403);

    completeAs("planner", "plan-officer", resubmit, withVariables("confirmed", true, "submissionNote", "แก้ไขผู้รับผิดชอบรายการ 2.1 แล้ว"));
    completeAs("director", "director", childTask(approval), withVariables("reviewDecision", "approve"));

    assertThat(instance).hasPassed("Call_ApproveAppointmentOrder", "Task_IssueAppointmentOrder")
        .isWaitingAt("Task_MeetResponsiblePersons");
    assertThat(strategy.items(YEAR)).extracting(StrategyItem::responsibleUserId).containsExactly("staff1", "staff2", "staff3");
    assertThat(strategy.members(YEAR)).hasSize(3);
    assertThat(audit.ofProcessInstance(approval.getId())).extracting(row -> row.action())
        .containsExactly("SUBMIT", "RETURN", "SUBMIT", "APPROVE");

    ResponseEntity<Map> afterApproval = put("planner", "/api/strategy/2571/appointment", """
        {"orderNumber": "46/2571", "orderDate": "2028-03-07", "workingGroup": [{"person": "director", "role": "ประธาน"}],
         "responsible": {"1.1": "staff1", "1.2": "staff2", "2.1": "staff1"}}
        """);
    assertThat(afterApproval.getStatusCode().value()).isEqualTo(400);
    assertThat(afterApproval.getBody().get("message")).isEqualTo("คำสั่งแต่งตั้งปีงบประมาณ 2571 ได้รับอนุมัติแล้ว แก้ไขไม่ได้");
  }

  @Test
  void shouldSendAReturnedReportBackToItsAuthorForCorrection() {
    runToReports();
    EngineClock.setTo("2028-07-20T10:00");
    reportAndApprove("1.1", 96, 1000, null);
    reportAndApprove("2.1", 90, 0, null);

    // as Tasklist sends it: the form's fields through the engine REST API
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> submitted = http.withBasicAuth("staff2", "demo").postForEntity(
        "/engine-rest/task/" + reportTask("1.2").getId() + "/submit-form", new HttpEntity<>("""
            {"variables": {"resultValue": {"value": 5}, "resultText": {"value": "จัดการเรียนรู้สะเต็มศึกษา 5 โรงเรียน"},
                           "budgetUsed": {"value": 0}, "problems": {"value": null}, "suggestions": {"value": ""}}}
            """, headers), String.class);
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
    assertThat(strategy.report(YEAR, "1.2")).get().satisfies(r -> {
      assertThat(r.resultValue()).isEqualByComparingTo("5");
      assertThat(r.reportedBy()).isEqualTo("staff2");
    });
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("resultValue", "resultText", "budgetUsed");
    ProcessInstance review = childOf("1.2");
    completeAs("staff2", "esa-staff", childTask(review), withVariables("confirmed", true));
    completeAs("planner", "plan-officer", childTask(review), withVariables("reviewDecision", "return",
        "reviewComment", "ผลการดำเนินงานน้อยผิดปกติ กรุณาตรวจสอบจำนวนโรงเรียน"));

    Task resubmit = childTask(review);
    assertThat(resubmit).isAssignedTo("staff2").hasDefinitionKey("Task_Submit");
    assertThat(resubmit.getDueDate()).isEqualTo(EngineClock.at("2028-07-27T16:30"));

    assertThat(put("staff1", "/api/strategy/2571/reports/1.2", "{\"resultValue\": 55}").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> negative = put("staff2", "/api/strategy/2571/reports/1.2", """
        {"resultValue": 55, "resultText": "จัดการเรียนรู้สะเต็มศึกษา 55 โรงเรียน", "budgetUsed": -1}
        """);
    assertThat(negative.getStatusCode().value()).isEqualTo(400);
    assertThat(negative.getBody().get("message")).isEqualTo("งบประมาณที่ใช้ ต้องไม่ติดลบ (ได้รับ -1)");
    ResponseEntity<Map> corrected = put("staff2", "/api/strategy/2571/reports/1.2", """
        {"resultValue": 55, "resultText": "จัดการเรียนรู้สะเต็มศึกษา 55 โรงเรียน", "budgetUsed": 12500.75,
         "problems": "ครูวิทยาศาสตร์ไม่เพียงพอ"}
        """);
    assertThat(corrected.getStatusCode().value()).isEqualTo(200);

    completeAs("staff2", "esa-staff", resubmit, withVariables("confirmed", true, "submissionNote", "แก้ไขจำนวนโรงเรียนแล้ว"));
    completeAs("planner", "plan-officer", childTask(review), withVariables("reviewDecision", "approve"));

    assertThat(instance).hasPassed("SubProcess_ItemReport").isWaitingAt("Event_SeptemberOpens");
    assertThat(strategy.report(YEAR, "1.2")).get().satisfies(r -> {
      assertThat(r.resultValue()).isEqualByComparingTo("55");
      assertThat(r.budgetUsed()).isEqualByComparingTo("12500.75");
      assertThat(r.problemsTh()).isEqualTo("ครูวิทยาศาสตร์ไม่เพียงพอ");
      assertThat(r.status()).isEqualTo(ReportStatus.APPROVED);
      assertThat(r.late()).isFalse();
    });
    assertThat(audit.ofProcessInstance(review.getId())).extracting(row -> row.action())
        .containsExactly("SUBMIT", "RETURN", "SUBMIT", "APPROVE");
    assertThat(put("staff2", "/api/strategy/2571/reports/1.2", """
        {"resultValue": 60, "resultText": "แก้อีกครั้ง", "budgetUsed": 0}
        """).getBody().get("message")).isEqualTo("แบบรายงานผลรายการ 1.2 ผ่านการตรวจสอบแล้ว แก้ไขไม่ได้");
  }

  @Test
  void shouldRemindEscalateAndRecordALateResponsiblePerson() {
    runToReports();
    EngineClock.setTo("2028-07-20T10:00");
    reportAndApprove("1.2", 60, 0, null);
    reportAndApprove("2.1", 90, 0, null);
    Task late = reportTask("1.1");

    EngineClock.setTo("2028-08-01T09:00");
    sweep.sweep();
    assertThat(queued(late, "overdue")).containsExactly("staff1@esa1001.planflow.test");

    EngineClock.setTo("2028-08-03T09:00");
    sweep.sweep();
    assertThat(tasks.getIdentityLinksForTask(late.getId())).extracting(IdentityLink::getGroupId).contains("plan-head");
    assertThat(queued(late, "escalation")).containsExactly("head@esa1001.planflow.test", "staff1@esa1001.planflow.test");

    EngineClock.setTo("2028-08-04T10:00");
    report("1.1", 80, 5000, "ครูติดภารกิจสอบ O-NET");
    ProcessInstance review = childOf("1.1");
    Job missed = management.createJobQuery().processInstanceId(review.getId()).timers().singleResult();
    assertThat(missed.getDuedate()).isEqualTo(EngineClock.at("2028-07-31T16:30"));
    management.executeJob(missed.getId());
    completeAs("staff1", "esa-staff", childTask(review), withVariables("confirmed", true));
    completeAs("planner", "plan-officer", childTask(review), withVariables("reviewDecision", "approve"));

    assertThat(instance).isWaitingAt("Event_SeptemberOpens");
    assertThat(strategy.report(YEAR, "1.1")).get().satisfies(r -> {
      assertThat(r.late()).isTrue();
      assertThat(r.status()).isEqualTo(ReportStatus.APPROVED);
    });
    assertThat(strategy.report(YEAR, "1.2")).get().extracting(StrategyRecords.Report::late).isEqualTo(false);
    assertThat(audit.ofProcessInstance(review.getId())).extracting(row -> row.action())
        .containsExactly("MISSED_DEADLINE", "SUBMIT", "APPROVE");
    assertThat(strategy.resultsText(YEAR)).contains("1.1 ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้: เป้าหมาย 95 ร้อยละ"
        + " ผล 80 ร้อยละ (ไม่บรรลุเป้าหมาย) งบประมาณที่ใช้ 5,000.00 บาท [รายงานล่าช้า]");
  }

  // --- bad input: refused with a Thai message, nothing kept

  @Test
  void shouldRefuseABadStudyThroughTheEngineRestWithItsThaiMessage() {
    start();
    management.executeJob(timer().getId());
    String taskId = mainTask().getId();

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = """
        {"variables": {"planName": {"value": "แผนพัฒนาจังหวัด พ.ศ. 2566-2570"},
                       "strategyItemsText": {"value": "1.1 | ร้อยละของนักเรียนที่อ่านออก | แปดสิบ | ร้อยละ\\n1.2 | จำนวนโรงเรียน | -3 | โรงเรียน\\n1.1 | ซ้ำ | 1 | แห่ง"}}}
        """;
    ResponseEntity<Map> response = http.withBasicAuth("planner", "demo")
        .postForEntity("/engine-rest/task/" + taskId + "/submit-form", new HttpEntity<>(body, headers), Map.class);

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody().get("message")).isEqualTo("รายการยุทธศาสตร์/ตัวชี้วัดไม่ถูกต้อง:"
        + " บรรทัดที่ 1: ค่าเป้าหมาย ต้องเป็นตัวเลขไม่ติดลบ เช่น 80 หรือ 1,250.50 (ได้รับ 'แปดสิบ');"
        + " บรรทัดที่ 2: ค่าเป้าหมาย ต้องไม่ติดลบ (ได้รับ -3)");
    assertThat(instance).isWaitingAt("Task_StudyStrategy");
    assertThat(mainTask().getId()).isEqualTo(taskId);
    assertThat(strategy.items(YEAR)).isEmpty();
    assertThat(strategy.plan(YEAR)).isEmpty();

    assertThatThrownBy(() -> completeAs("planner", "plan-officer", mainTask(), withVariables(
        "planName", "แผนพัฒนาจังหวัด", "strategyItemsText", "1.1 | ก | 1 | แห่ง\n1.1 | ข | 2 | แห่ง")))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("รหัสรายการซ้ำกัน: 1.1 (แต่ละรายการต้องมีรหัสไม่ซ้ำ)"));
    assertThat(strategy.items(YEAR)).isEmpty();
  }

  @Test
  void shouldBlockTheMeetingWhileAStrategyItemHasNoResponsiblePerson() {
    runToAppointment();
    String taskId = mainTask().getId();

    assertThatThrownBy(() -> completeAs("planner", "plan-officer", mainTask(), withVariables(
        "orderNumber", "45/2571", "orderDate", "2028-03-06", "workingGroupText", WORKING_GROUP,
        "responsibleText", "1.1 | staff1\n1.2 |\n")))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("ยังไม่ได้กำหนดผู้รับผิดชอบ 2 รายการ"
            + " จึงยังประชุมผู้รับผิดชอบไม่ได้ กรุณากำหนดให้ครบทุกรายการ:"
            + " 1.2 จำนวนโรงเรียนที่จัดการเรียนรู้ตามแนวทางสะเต็มศึกษา; 2.1 ร้อยละของเด็กปฐมวัยที่มีพัฒนาการสมวัย"));
    assertThatThrownBy(() -> completeAs("planner", "plan-officer", mainTask(), withVariables(
        "orderNumber", "45/2571", "orderDate", "2028-03-06", "workingGroupText", WORKING_GROUP,
        "responsibleText", "1.1 | staff1\n1.2 | school10010001\n2.1 | staff1")))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("รายการ 1.2: ผู้ใช้ 'school10010001'"
            + " ไม่ใช่บุคลากรในสำนักงานเขตพื้นที่การศึกษา จึงเป็นผู้รับผิดชอบไม่ได้"));
    assertThatThrownBy(() -> completeAs("planner", "plan-officer", mainTask(), withVariables(
        "orderNumber", "45/2571", "orderDate", "2028-03-06", "workingGroupText", "nobody | ประธาน",
        "responsibleText", RESPONSIBLE)))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("คณะทำงานคนที่ 1: ไม่พบผู้ใช้ 'nobody' ในระบบ"
            + " (ระบุชื่อผู้ใช้ หรือชื่อ-สกุลภาษาไทย)"));
    assertThatThrownBy(() -> completeAs("planner", "plan-officer", mainTask(), withVariables(
        "orderNumber", "45/2571", "orderDate", "2028-10-01", "workingGroupText", WORKING_GROUP,
        "responsibleText", RESPONSIBLE)))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessageStartingWith(
            "วันที่ของคำสั่ง ต้องอยู่ในปีงบประมาณ 2571 (1 ตุลาคม 2570 ถึง 30 กันยายน 2571)"));

    assertThat(instance).isWaitingAt("Task_AppointWorkingGroup");
    assertThat(mainTask().getId()).isEqualTo(taskId);
    assertThat(strategy.appointment(YEAR)).isEmpty();
    assertThat(strategy.members(YEAR)).isEmpty();
    assertThat(strategy.items(YEAR)).extracting(StrategyItem::responsibleUserId).containsOnlyNulls();
  }

  @Test
  void shouldRefuseNegativeAndNonNumericFiguresInAReport() {
    runToReports();
    Task task = reportTask("1.2");

    assertThatThrownBy(() -> completeAs("staff2", "esa-staff", task, withVariables("resultValue", 50,
        "resultText", "ดำเนินการแล้ว", "budgetUsed", -500.0)))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("งบประมาณที่ใช้ ต้องไม่ติดลบ (ได้รับ -500.0)"));
    assertThatThrownBy(() -> completeAs("staff2", "esa-staff", task, withVariables("resultValue", "ห้าสิบ",
        "resultText", "ดำเนินการแล้ว", "budgetUsed", 0)))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage(
            "ผลการดำเนินงาน ต้องเป็นตัวเลขไม่ติดลบ เช่น 80 หรือ 1,250.50 (ได้รับ 'ห้าสิบ')"));
    assertThatThrownBy(() -> completeAs("staff2", "esa-staff", task, withVariables("resultValue", 50.125,
        "resultText", "ดำเนินการแล้ว", "budgetUsed", 0)))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage(
            "ผลการดำเนินงาน มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (ได้รับ 50.125)"));
    assertThatThrownBy(() -> completeAs("staff2", "esa-staff", task, withVariables("resultValue", 50, "budgetUsed", 0)))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("กรุณากรอกรายละเอียดผลการดำเนินงาน"));

    assertThat(strategy.report(YEAR, "1.2")).isEmpty();
    assertThat(reportTask("1.2").getId()).isEqualTo(task.getId());
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).count()).isZero();
  }

  // --- steps

  void start() {
    instance = runtime.startProcessInstanceByKey(KEY, Map.of("fiscalYear", FY));
    assertThat(instance).isStarted().hasBusinessKey(KEY + ":" + FY).isWaitingAt("Event_JanuaryOpens");
  }

  void study() {
    completeAs("planner", "plan-officer", mainTask(), withVariables(
        "planName", "แผนพัฒนาจังหวัด พ.ศ. 2566-2570 (ฉบับทบทวน)",
        "strategyItemsText", ITEMS,
        "studyNote", "สำนักงานเขตเกี่ยวข้องกับประเด็นการพัฒนาที่ 1 และ 2"));
  }

  void briefing() {
    completeAs("planner", "plan-officer", mainTask(), withVariables(
        "briefingDate", "2028-02-15",
        "briefingPlace", "ห้องประชุมศาลากลางจังหวัด",
        "briefingGuidance", "รายงานผลผ่านระบบของจังหวัดทุกสิ้นเดือนกรกฎาคม",
        "reportingSchedule", "รอบ 9 เดือน: ภายใน 31 กรกฎาคม 2571"));
  }

  void appoint() {
    completeAs("planner", "plan-officer", mainTask(), withVariables(
        "orderNumber", "45/2571", "orderDate", "2028-03-06",
        "workingGroupText", WORKING_GROUP, "responsibleText", RESPONSIBLE));
  }

  void meeting() {
    completeAs("planner", "plan-officer", mainTask(), withVariables(
        "meetingDate", "2028-03-20",
        "meetingAgenda", "1. ชี้แจงแบบรายงานผล\n2. กำหนดการรายงาน",
        "meetingMinutes", "ที่ประชุมรับทราบแนวทางและกำหนดการรายงานผลเดือนกรกฎาคม",
        "meetingAttendees", "director | วิชัย บริหารเก่ง\nstaff1\nstaff2\nนางสาวมาลัย ใจดี"));
  }

  void runToAppointment() {
    start();
    management.executeJob(timer().getId());
    study();
    passTimer("2028-02-01T08:00", "2028-02-02T09:00");
    briefing();
    passTimer("2028-03-01T08:00", "2028-03-01T09:00");
    assertThat(instance).isWaitingAt("Task_AppointWorkingGroup");
  }

  void runToReports() {
    runToAppointment();
    appoint();
    ProcessInstance approval = onlyChild();
    completeAs("planner", "plan-officer", childTask(approval), withVariables("confirmed", true));
    completeAs("director", "director", childTask(approval), withVariables("reviewDecision", "approve"));
    meeting();
    passTimer("2028-07-01T08:00", "2028-07-03T09:00");
    assertThat(reportTasks()).hasSize(3);
  }

  /** The responsible person fills the item's form. */
  void report(String code, Number result, Number budget, String problems) {
    Task task = reportTask(code);
    completeAs(task.getAssignee(), "esa-staff", task, withVariables("resultValue", result,
        "resultText", "ผลการดำเนินงานรายการ " + code, "budgetUsed", budget, "problems", problems,
        "suggestions", "ข้อเสนอแนะรายการ " + code));
  }

  /** Fills, sends and gets the report approved by the plan officer. */
  void reportAndApprove(String code, Number result, Number budget, String problems) {
    report(code, result, budget, problems);
    ProcessInstance review = childOf(code);
    Task submit = childTask(review);
    assertThat(submit).hasName("ส่งงาน: แบบรายงานผลการดำเนินงานตามนโยบายและยุทธศาสตร์การพัฒนาจังหวัด ข้อ " + code);
    assertThat((String) runtime.getVariable(review.getId(), "submissionNote"))
        .contains("ผลการดำเนินงาน " + StrategyInput.plain(new BigDecimal(result.toString())), "/api/strategy/2571/reports/" + code + ".pdf");
    completeAs(submit.getAssignee(), "esa-staff", submit, withVariables("confirmed", true));
    completeAs("planner", "plan-officer", childTask(review), withVariables("reviewDecision", "approve"));
  }

  // --- helpers

  void passTimer(String dueAt, String now) {
    Job job = timer();
    assertThat(job.getDuedate()).isEqualTo(EngineClock.at(dueAt));
    EngineClock.setTo(now);
    management.executeJob(job.getId());
  }

  Job timer() {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
  }

  Task mainTask() {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  List<Task> reportTasks() {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_ReportItem").list();
  }

  Task reportTask(String code) {
    return reportTasks().stream().filter(t -> code.equals(tasks.getVariable(t.getId(), "itemCode"))).findFirst().orElseThrow();
  }

  ProcessInstance onlyChild() {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
  }

  /** The reviewedSubmission instance of an item's report. */
  ProcessInstance childOf(String code) {
    List<ProcessInstance> matching = new ArrayList<>();
    for (ProcessInstance child : runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()) {
      if (("strategy-report:" + FY + ":" + code).equals(runtime.getVariable(child.getId(), "subjectRef"))) {
        matching.add(child);
      }
    }
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  Task childTask(ProcessInstance child) {
    return tasks.createTaskQuery().processInstanceId(child.getId()).singleResult();
  }

  void completeAs(String user, String group, Task task, Map<String, Object> variables) {
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  List<String> queued(Task task, String stage) {
    return jdbc.queryForList("select recipient from mail_outbox where dedup_key like ? order by recipient", String.class,
        "task:" + task.getId() + ":" + stage + ":%");
  }

  <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
    ResponseEntity<T> response = http.withBasicAuth(user, "demo").getForEntity(path, type);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response;
  }

  ResponseEntity<Map> put(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers), Map.class);
  }
}
