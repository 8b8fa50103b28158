package th.planflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.FullProcessCoverage;
import th.planflow.PlanflowTest;
import th.planflow.deadline.DeadlineSweep;
import th.planflow.process.ProcessRuns;
import th.planflow.review.ReviewAudit;
import th.planflow.web.UserInputException;

/**
 * Every path of kpiReporting: the year with every owner approved, a return and resubmission, a late
 * owner reminded then escalated, and rounds closed without an owner who never reports. The year is
 * FY 2581 (Oct 2037 - Sep 2038), which no other test and no demo data uses.
 */
@PlanflowTest
@FullProcessCoverage("kpiReporting")
class KpiReportingProcessTest {

  static final int YEAR = 2581;
  static final String PLANNER = "planner";

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
  KpiStore store;
  @Autowired
  KpiResults results;
  @Autowired
  KpiImporter importer;
  @Autowired
  DeadlineSweep sweep;
  @Autowired
  ReviewAudit audit;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate http;
  @Autowired
  KpiReports reports;
  @Autowired
  ProcessRuns runs;
  @Autowired
  org.camunda.bpm.engine.HistoryService history;

  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    EngineClock.setTo("2038-03-02T09:00");
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    runtime.createProcessInstanceQuery().processInstanceBusinessKey("kpiReporting:" + YEAR).list()
        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test done"));
    if (instance != null) {
      runs.forget(instance.getId()); // an ended year keeps its run; the next test starts the year again
    }
    store.deleteYear(YEAR);
    EngineClock.reset();
  }

  // ---- the paths

  @Test
  void shouldRunTheYearWithEveryOwnerApproved() {
    startAndReachTheRounds();

    for (KpiRound round : KpiRound.values()) {
      openRound(round);
      assertThat(ownerTasks(round)).extracting(Task::getAssignee)
          .as("one task per owner with KPIs; staff4 is in the working group but owns none")
          .containsExactlyInAnyOrder("staff1", "staff2", "staff3");
      report(round, "staff1", Map.of("K-1.1", "85", "K-2.1", "80.5"));
      report(round, "staff2", Map.of("K-2.2", "56"));
      report(round, "staff3", Map.of("K-1.2", "0.4"));
      for (String owner : List.of("staff1", "staff2", "staff3")) {
        review(ownerTask(round, owner), "approve", null);
      }
      assertThat(instance).hasPassed("Task_CloseRound" + round).isWaitingAt("Task_EnterEmes" + round);
      assertThat(store.round(YEAR, round).orElseThrow().missingOwners()).isEmpty();
      enterEmes(round);
    }

    assertThat(instance).isWaitingAt("Task_PrepareSummary");
    assertThat(task(instance).getDueDate()).isEqualTo(EngineClock.at("2038-11-30T16:30"));
    assertThat(instance).hasNotPassed("Event_RoundQ2Closes", "Event_RoundQ3Closes", "Event_RoundQ4Closes");
    summarise();
    assertThat(instance).hasPassed("Event_SummaryAcknowledged").isEnded();

    Map<String, KpiResult> q4 = store.results(YEAR, KpiRound.Q4);
    assertThat(q4.get("K-1.1").status()).isEqualTo(ResultStatus.APPROVED);
    assertThat(q4.get("K-1.1").approvedBy()).isEqualTo(PLANNER);
    assertThat(q4.get("K-1.1").percentOfTarget()).isEqualByComparingTo("106.25");
    assertThat(q4.get("K-2.1").achieved()).isFalse();
    assertThat(q4.get("K-1.2").achieved()).as("lower is better: 0.4 against 0.5").isTrue();
    assertThat(q4.get("K-1.2").percentOfTarget()).isEqualByComparingTo("125.00");
    assertThat(store.enteredInEmes(YEAR, KpiRound.Q4)).containsOnlyKeys("K-1.1", "K-2.1", "K-2.2", "K-1.2");
    KpiStore.Summary summary = store.summary(YEAR).orElseThrow();
    assertThat(summary.acknowledgedBy()).isEqualTo("director");
    assertThat(summary.directorComment()).isEqualTo("เร่งรัดตัวชี้วัดการอ่านออกเขียนได้");
    assertThat(store.appointment(YEAR).orElseThrow().approvedBy()).isEqualTo("director");
    assertThat(store.appointment(YEAR).orElseThrow().orderNo()).isEqualTo("15/2581");
    assertThat(store.meeting(YEAR).orElseThrow().attendees()).contains("staff1");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list())
        .extracting(v -> v.getName()).as("the forms' texts went to the kpi tables; the process keeps ids and decisions")
        .contains("fiscalYear", "owner", "summaryAcknowledged")
        .doesNotContain("meetingDate", "meetingAttendees", "meetingMinutes", "emesEnteredAll", "summaryOverview",
            "summaryProblems", "summarySuggestions", "directorComment");

    byte[] emes = http.withBasicAuth(PLANNER, "demo")
        .getForObject("/api/kpi/" + YEAR + "/rounds/Q4/emes.xlsx", byte[].class);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(emes))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("ผลการประเมิน");
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("K-1.1");
      assertThat(sheet.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(85.0);
      assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("ไม่บรรลุ");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldReturnResultsWithACommentAndApproveTheResubmission() {
    startAndReachTheRounds();
    openRound(KpiRound.Q2);
    report(KpiRound.Q2, "staff1", Map.of("K-1.1", "85", "K-2.1", "80"));
    String submission = ownerTask(KpiRound.Q2, "staff1").getProcessInstanceId();

    review(ownerTask(KpiRound.Q2, "staff1"), "return", "ผลของ K-2.1 ไม่ตรงกับรายงานของโรงเรียน กรุณาตรวจสอบ");

    Task again = ownerTask(KpiRound.Q2, "staff1");
    assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_Submit");
    assertThat(again.getAssignee()).isEqualTo("staff1");
    KpiResult returned = store.result(YEAR, KpiRound.Q2, "K-2.1").orElseThrow();
    assertThat(returned.status()).isEqualTo(ResultStatus.RETURNED);
    assertThat(returned.reviewComment()).isEqualTo("ผลของ K-2.1 ไม่ตรงกับรายงานของโรงเรียน กรุณาตรวจสอบ");

    as("staff1", () -> results.save(YEAR, KpiRound.Q2, "staff1",
        List.of(new KpiResults.Input("K-2.1", "91", "ตรวจสอบกับโรงเรียนแล้ว", null, null))));
    submit(again, "staff1");
    assertThat(store.result(YEAR, KpiRound.Q2, "K-2.1").orElseThrow().status()).isEqualTo(ResultStatus.SUBMITTED);
    review(ownerTask(KpiRound.Q2, "staff1"), "approve", null);

    KpiResult approved = store.result(YEAR, KpiRound.Q2, "K-2.1").orElseThrow();
    assertThat(approved.status()).isEqualTo(ResultStatus.APPROVED);
    assertThat(approved.achieved()).isTrue();
    assertThat(approved.reviewComment()).isNull();
    ProcessInstance child = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .variableValueEquals("submitter", "staff1").list().stream().findFirst().orElse(null);
    assertThat(child).as("staff1's review is done").isNull();
    assertThat(audit.ofProcessInstance(submission)).extracting(row -> row.action())
        .containsExactly("SUBMIT", "RETURN", "SUBMIT", "APPROVE");
    assertThat(audit.ofProcessInstance(submission)).extracting(row -> row.stepKey()).containsOnly("kpiRoundQ2");
  }

  @Test
  void shouldRemindALateOwnerThenEscalateToTheHeadOfTheGroup() {
    startAndReachTheRounds();
    openRound(KpiRound.Q2);
    Task late = ownerTask(KpiRound.Q2, "staff2");
    assertThat(late.getDueDate()).isEqualTo(EngineClock.at("2038-04-30T16:30"));
    assertThat(late.getName()).isEqualTo("ส่งงาน: รายงานผลการดำเนินงานตัวชี้วัดตามแผนปฏิบัติราชการ สพฐ. ไตรมาสที่ 2 (สะสม 6 เดือน) ปีงบประมาณ 2581");
    assertThat(tasks.createTaskQuery().taskId(late.getId()).initializeFormKeys().singleResult().getCamundaFormRef().getKey())
        .as("the owner's own submit form, which links to their page").isEqualTo("kpiReportingOwnerSubmit");
    assertThat(runtime.getVariable(late.getProcessInstanceId(), "kpiRound")).isEqualTo("Q2");

    EngineClock.setTo("2038-04-23T09:00");
    sweep.sweep();
    assertThat(queued(late, "reminder-7")).containsExactly("staff2@esa1001.planflow.test");

    EngineClock.setTo("2038-05-01T09:00");
    Job due = management.createJobQuery().processInstanceId(late.getProcessInstanceId()).activityId("Event_SubmissionDue")
        .singleResult();
    management.executeJob(due.getId());
    sweep.sweep();
    assertThat(queued(late, "overdue")).containsExactly("staff2@esa1001.planflow.test");

    EngineClock.setTo("2038-05-03T09:00");
    sweep.sweep();
    assertThat(tasks.getIdentityLinksForTask(late.getId())).extracting(IdentityLink::getGroupId).contains("plan-head");
    assertThat(queued(late, "escalation")).contains("head@esa1001.planflow.test", "staff2@esa1001.planflow.test");

    report(KpiRound.Q2, "staff2", Map.of("K-2.2", "50"));
    review(ownerTask(KpiRound.Q2, "staff2"), "approve", null);
    assertThat(audit.ofProcessInstance(late.getProcessInstanceId())).extracting(row -> row.action())
        .containsExactly("MISSED_DEADLINE", "SUBMIT", "APPROVE");
    assertThat(audit.ofProcessInstance(late.getProcessInstanceId())).extracting(row -> row.late())
        .containsExactly(true, true, false);
    assertThat(store.result(YEAR, KpiRound.Q2, "K-2.2").orElseThrow().status()).isEqualTo(ResultStatus.APPROVED);
  }

  @Test
  void shouldCloseEachRoundWithoutAnOwnerWhoNeverReports() {
    startAndReachTheRounds();
    String[] closes = {"2038-05-14T16:30", "2038-08-13T16:30", "2038-11-15T16:30"};
    for (KpiRound round : KpiRound.values()) {
      openRound(round);
      report(round, "staff1", Map.of("K-1.1", "85", "K-2.1", "95"));
      report(round, "staff2", Map.of("K-2.2", "56"));
      review(ownerTask(round, "staff1"), "approve", null);
      review(ownerTask(round, "staff2"), "approve", null);
      assertThat(instance).isWaitingAt("Call_Report" + round);

      Job close = timer("Event_Round" + round + "Closes");
      assertThat(close.getDuedate()).isEqualTo(EngineClock.at(closes[round.ordinal()]));
      EngineClock.setTo(closes[round.ordinal()].substring(0, 10) + "T17:00");
      management.executeJob(close.getId());

      assertThat(instance).hasPassed("Event_Round" + round + "Closes", "Task_CloseRound" + round)
          .isWaitingAt("Task_EnterEmes" + round);
      assertThat(ownerTasks(round)).isEmpty();
      assertThat(store.round(YEAR, round).orElseThrow().missingOwners()).containsExactly("staff3");
      enterEmes(round);
    }
    assertThat(store.enteredInEmes(YEAR, KpiRound.Q4)).doesNotContainKey("K-1.2");
    List<KpiReports.Count> counts = reports.counts(YEAR, KpiRound.Q4);
    assertThat(counts.get(counts.size() - 1)).isEqualTo(new KpiReports.Count("รวม", 4, 3, 0, 1));
    summarise();
    assertThat(instance).isEnded();
  }

  // ---- refusals along the way

  @Test
  void shouldRefuseStepsWhoseWorkIsNotDone() {
    instance = runtime.startProcessInstanceByKey("kpiReporting", Map.of("fiscalYear", YEAR));
    assertThat(instance).isWaitingAt("Task_StudyKpis");
    assertThat(task(instance)).hasCandidateGroup("plan-officer");
    assertThat(task(instance).getDueDate()).isEqualTo(EngineClock.at("2038-03-31T16:30"));
    assertThatThrownBy(() -> complete(task(instance), PLANNER, Map.of()))
        .satisfies(e -> assertThat(UserInputException.in(e))
            .hasMessage("ยังไม่ได้นำเข้ารายการตัวชี้วัดของปีงบประมาณ 2581 กรุณานำเข้าไฟล์ .xlsx หรือ .csv ก่อนส่งงาน"));

    importer.importFile(YEAR, "kpi.csv", KpiTestData.csv(), PLANNER);
    complete(task(instance), PLANNER, Map.of());
    assertThat(instance).isWaitingAt("Call_AppointWorkingGroup");
    store.setOwner(YEAR, "K-1.2", "head");
    Task appoint = childTask();
    assertThatThrownBy(() -> complete(appoint, PLANNER, Map.of("confirmed", true)))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("กรุณากรอกเลขที่คำสั่งแต่งตั้ง"));
    assertThatThrownBy(() -> complete(appoint, PLANNER, Map.of("confirmed", true, "appointmentOrderNo", "15/2581")))
        .hasMessageContaining("ผู้รับผิดชอบของตัวชี้วัดต่อไปนี้ไม่อยู่ในกลุ่มบุคลากรในสำนักงานเขตแล้ว")
        .hasMessageContaining("K-1.2 (head)");
    store.setOwner(YEAR, "K-1.2", "staff3");
    assertThatThrownBy(() -> complete(appoint, PLANNER, Map.of("confirmed", true, "appointmentOrderNo", "15/2581",
        "appointmentOrderDate", "2038-03-20")))
        .hasMessageContaining("วันที่ของคำสั่งแต่งตั้งต้องไม่เป็นวันในอนาคต");
    complete(appoint, PLANNER, Map.of("confirmed", true, "appointmentOrderNo", "15/2581", "appointmentOrderDate", "2038-03-01"));
    assertThat(store.appointment(YEAR).orElseThrow().orderDate()).isEqualTo(java.time.LocalDate.of(2038, 3, 1));
    complete(childTask(), "director", Map.of("reviewDecision", "approve"));

    assertThat(instance).isWaitingAt("Task_BriefingMeeting");
    EngineClock.setTo("2038-04-05T09:00");
    assertThatThrownBy(() -> complete(task(instance), PLANNER, Map.of("meetingAttendees", "staff1", "meetingMinutes", "ชี้แจง")))
        .hasMessageContaining("กรุณาระบุวันที่ประชุม");
    assertThatThrownBy(() -> complete(task(instance), PLANNER, Map.of("meetingDate", "2038-04-20",
        "meetingAttendees", "staff1", "meetingMinutes", "ชี้แจง")))
        .hasMessageContaining("ต้องไม่เป็นวันในอนาคต");
    assertThatThrownBy(() -> complete(task(instance), PLANNER, Map.of("meetingDate", "2038-04-02",
        "meetingAttendees", "staff1", "meetingMinutes", "<b>ชี้แจง</b>")))
        .hasMessageContaining("ห้ามใส่แท็ก HTML");
    briefing();

    openRound(KpiRound.Q2);
    as("staff1", () -> results.save(YEAR, KpiRound.Q2, "staff1",
        List.of(new KpiResults.Input("K-1.1", "85", null, null, null))));
    assertThatThrownBy(() -> submit(ownerTask(KpiRound.Q2, "staff1"), "staff1"))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage(
            "ยังไม่ได้กรอกผลการดำเนินงานของตัวชี้วัด K-2.1 กรุณากรอกผลให้ครบทุกตัวชี้วัดที่รับผิดชอบก่อนส่งงาน"));
    // what Tasklist gets through the engine REST API
    ResponseEntity<String> viaTasklist = http.withBasicAuth("staff1", "demo").postForEntity(
        "/engine-rest/task/" + ownerTask(KpiRound.Q2, "staff1").getId() + "/complete",
        Map.of("variables", Map.of("confirmed", Map.of("value", true, "type", "Boolean"))), String.class);
    assertThat(viaTasklist.getStatusCode().value()).isEqualTo(400);
    assertThat(viaTasklist.getBody()).contains("ยังไม่ได้กรอกผลการดำเนินงานของตัวชี้วัด K-2.1");
    assertThat(store.result(YEAR, KpiRound.Q2, "K-1.1").orElseThrow().status()).isEqualTo(ResultStatus.DRAFT);

    report(KpiRound.Q2, "staff1", Map.of("K-2.1", "90"));
    report(KpiRound.Q2, "staff2", Map.of("K-2.2", "60"));
    report(KpiRound.Q2, "staff3", Map.of("K-1.2", "1"));
    for (String owner : List.of("staff1", "staff2", "staff3")) {
      review(ownerTask(KpiRound.Q2, owner), "approve", null);
    }
    assertThatThrownBy(() -> complete(task(instance), PLANNER, Map.of()))
        .satisfies(e -> assertThat(UserInputException.in(e).getMessage())
            .startsWith("ยังไม่ได้บันทึกผลของตัวชี้วัด K-1.1, K-2.1, K-2.2, K-1.2 ในระบบ e-MES"));
    results.markEnteredInEmes(YEAR, KpiRound.Q2, List.of("K-1.1", "K-2.1", "K-2.2", "K-1.2"), null, PLANNER);
    complete(task(instance), PLANNER, Map.of());
    assertThat(instance).isWaitingAt("Event_RoundQ3Opens");
  }

  @Test
  void theSummaryNeedsAnOverviewAndTheDirectorsAcknowledgement() {
    startAndReachTheRounds();
    for (KpiRound round : KpiRound.values()) {
      openRound(round);
      for (String owner : List.of("staff1", "staff2", "staff3")) {
        report(round, owner, store.kpisOf(YEAR, owner).stream()
            .collect(java.util.stream.Collectors.toMap(Kpi::code, k -> k.target().toPlainString())));
        review(ownerTask(round, owner), "approve", null);
      }
      enterEmes(round);
    }
    EngineClock.setTo("2038-11-20T09:00");
    assertThatThrownBy(() -> complete(task(instance), PLANNER, Map.of("summaryProblems", "ไม่มี")))
        .hasMessageContaining("กรุณากรอกสรุปผลการดำเนินงานในภาพรวม");
    complete(task(instance), PLANNER, Map.of("summaryOverview", "บรรลุทุกตัวชี้วัด"));
    assertThat(task(instance)).hasCandidateGroup("director");
    assertThatThrownBy(() -> complete(task(instance), "director", Map.of("directorComment", "ดีมาก")))
        .hasMessageContaining("กรุณาทำเครื่องหมายรับทราบ");
    complete(task(instance), "director", Map.of("summaryAcknowledged", true));
    assertThat(instance).isEnded();
    assertThat(store.summary(YEAR).orElseThrow().acknowledgedBy()).isEqualTo("director");
  }

  // ---- steps

  void startAndReachTheRounds() {
    instance = runtime.startProcessInstanceByKey("kpiReporting", Map.of("fiscalYear", YEAR));
    assertThat(instance).isStarted().isWaitingAt("Task_StudyKpis");
    identity.setAuthentication(PLANNER, List.of("plan-officer"));
    try {
      importer.importFile(YEAR, "kpi.csv", KpiTestData.csv(), PLANNER);
    } finally {
      identity.clearAuthentication();
    }
    complete(task(instance), PLANNER, Map.of());

    assertThat(instance).isWaitingAt("Call_AppointWorkingGroup");
    store.replaceWorkingGroup(YEAR, List.of(new KpiStore.WorkingGroupMember("head", "ประธานคณะทำงาน"),
        new KpiStore.WorkingGroupMember("staff4", "คณะทำงาน"), new KpiStore.WorkingGroupMember(PLANNER, "เลขานุการ")));
    Task appoint = childTask();
    assertThat(appoint).hasCandidateGroup("plan-officer");
    assertThat(appoint.getDueDate()).isEqualTo(EngineClock.at("2038-03-31T16:30"));
    assertThat(tasks.createTaskQuery().taskId(appoint.getId()).initializeFormKeys().singleResult().getCamundaFormRef().getKey())
        .isEqualTo("kpiReportingAppointmentSubmit");
    complete(appoint, PLANNER, withVariables("confirmed", true, "appointmentOrderNo", "15/2581",
        "submissionNote", "แต่งตั้งตามกรอบภารกิจงาน"));
    Task approve = childTask();
    assertThat(approve).hasCandidateGroup("director");
    complete(approve, "director", withVariables("reviewDecision", "approve"));

    assertThat(instance).hasPassed("Call_AppointWorkingGroup").isWaitingAt("Task_BriefingMeeting");
    assertThat(task(instance).getDueDate()).isEqualTo(EngineClock.at("2038-04-30T16:30"));
    EngineClock.setTo("2038-04-05T09:00");
    briefing();
  }

  void briefing() {
    complete(task(instance), PLANNER, Map.of("meetingDate", "2038-04-02",
        "meetingAttendees", "นายประเสริฐ นำทาง (head)\nstaff1\nstaff2\nstaff3", "meetingMinutes", "ชี้แจงวิธีการรายงานผลผ่านระบบ e-MES"));
    assertThat(instance).isWaitingAt("Event_RoundQ2Opens");
  }

  /** Moves the clock to the round's month and fires its timer. */
  void openRound(KpiRound round) {
    String opens = switch (round) {
      case Q2 -> "2038-04-01T08:00";
      case Q3 -> "2038-07-01T08:00";
      case Q4 -> "2038-10-01T08:00";
    };
    assertThat(instance).isWaitingAt("Event_Round" + round + "Opens");
    Job timer = timer("Event_Round" + round + "Opens");
    assertThat(timer.getDuedate()).isEqualTo(EngineClock.at(opens));
    if (round != KpiRound.Q2) {
      EngineClock.setTo(opens.substring(0, 10) + "T09:00");
    }
    management.executeJob(timer.getId());
    assertThat(instance).hasPassed("Task_OpenRound" + round).isWaitingAt("Call_Report" + round);
  }

  /** The owner fills their results and submits. */
  void report(KpiRound round, String owner, Map<String, String> actuals) {
    List<KpiResults.Input> inputs = actuals.entrySet().stream()
        .map(e -> new KpiResults.Input(e.getKey(), e.getValue(), "ดำเนินการตามแผน", "งบประมาณล่าช้า (" + e.getKey() + ")",
            "ควรจัดสรรงบประมาณให้เร็วขึ้น"))
        .toList();
    as(owner, () -> results.save(YEAR, round, owner, inputs));
    submit(ownerTask(round, owner), owner);
  }

  void submit(Task task, String owner) {
    complete(task, owner, withVariables("confirmed", true, "submissionNote", "กรอกผลครบแล้ว"));
  }

  void review(Task task, String decision, String comment) {
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Review");
    assertThat(task).hasCandidateGroup("plan-officer");
    complete(task, PLANNER, comment == null ? withVariables("reviewDecision", decision)
        : withVariables("reviewDecision", decision, "reviewComment", comment));
  }

  void enterEmes(KpiRound round) {
    assertThat(instance).isWaitingAt("Task_EnterEmes" + round);
    complete(task(instance), PLANNER, Map.of("emesEnteredAll", true));
    assertThat(results.notYetInEmes(YEAR, round)).isEmpty();
  }

  void summarise() {
    EngineClock.setTo("2038-11-25T09:00");
    complete(task(instance), PLANNER, Map.of("summaryOverview", "ผลการดำเนินงานส่วนใหญ่บรรลุค่าเป้าหมาย",
        "summaryProblems", "การจัดสรรงบประมาณล่าช้า", "summarySuggestions", "ควรติดตามรายไตรมาสอย่างใกล้ชิด"));
    assertThat(instance).isWaitingAt("Task_AcknowledgeSummary");
    assertThat(task(instance)).hasCandidateGroup("director");
    complete(task(instance), "director", Map.of("summaryAcknowledged", true,
        "directorComment", "เร่งรัดตัวชี้วัดการอ่านออกเขียนได้"));
  }

  // ---- helpers

  Job timer(String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
  }

  Task childTask() {
    return tasks.createTaskQuery().processDefinitionKey("reviewedSubmission")
        .processVariableValueEquals("subjectRef", "kpi-appointment:" + YEAR).singleResult();
  }

  List<Task> ownerTasks(KpiRound round) {
    return tasks.createTaskQuery().processDefinitionKey("reviewedSubmission")
        .processVariableValueLike("subjectRef", "kpi-owner:" + YEAR + ":" + round + ":%").list();
  }

  Task ownerTask(KpiRound round, String owner) {
    return tasks.createTaskQuery().processDefinitionKey("reviewedSubmission")
        .processVariableValueEquals("subjectRef", "kpi-owner:" + YEAR + ":" + round + ":" + owner).singleResult();
  }

  List<String> queued(Task task, String stage) {
    return jdbc.queryForList("select recipient from mail_outbox where dedup_key like ? order by recipient", String.class,
        "task:" + task.getId() + ":" + stage + ":%");
  }

  void complete(Task task, String user, Map<String, Object> variables) {
    List<String> groups = switch (user) {
      case PLANNER -> List.of("plan-officer");
      case "director" -> List.of("director");
      default -> List.of("esa-staff");
    };
    identity.setAuthentication(user, groups);
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  void as(String user, Runnable work) {
    identity.setAuthentication(user, List.of("esa-staff"));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
