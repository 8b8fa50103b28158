package th.planflow.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.FullProcessCoverage;
import th.planflow.PlanflowTest;
import th.planflow.deadline.DeadlineSweep;
import th.planflow.project.Projects.ProjectStatus;
import th.planflow.project.Projects.ReportStatus;

/**
 * Duty 5 through its REST APIs and Tasklist's form submissions, the way the planner and the project
 * owners work: the year from the October study to the director's summary (returns, refusals,
 * eMENSCR flags, the export read back), a project with no Q4 report when the quarter closes by itself,
 * a project never entered, and a late report reminded, escalated and marked late. The second run of
 * mvn verify runs every path again on PostgreSQL.
 */
@PlanflowTest
@FullProcessCoverage("projectMonitoring")
class ProjectMonitoringProcessTest {

  static final String KEY = "projectMonitoring";

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
  @Autowired
  Projects projects;
  @Autowired
  DeadlineSweep sweep;

  ProjectApi api;
  ProcessInstance instance;
  int year;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    api = new ProjectApi(http);
  }

  @AfterEach
  void cleanUp() {
    if (instance != null) {
      runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    }
    projects.deleteYear(year);
    EngineClock.reset();
  }

  // --- the calendar of a fiscal year: FY N runs 1 Oct (N-544) to 30 Sep (N-543) ---

  String oct(int day) {
    return (year - 544) + "-10-" + String.format("%02d", day);
  }

  /** A date of the calendar year in which the fiscal year ends (January to September), or its October. */
  String inYear(String monthDay) {
    return (year - 543) + "-" + monthDay;
  }

  // --- the steps as the planner and the owners do them ---

  void start(int fiscalYear) {
    year = fiscalYear;
    EngineClock.setTo(oct(1) + "T09:00");
    ResponseEntity<Map> started = api.post("planner", "/api/processes/" + KEY + "/start", "{\"fiscalYear\": " + year + "}");
    assertThat(started.getStatusCode().value()).isEqualTo(201);
    instance = runtime.createProcessInstanceQuery().processInstanceId((String) started.getBody().get("processInstanceId"))
        .singleResult();
  }

  long register(String name, String owner, String linksJson) {
    ResponseEntity<Map> created = api.post("planner", "/api/projects", "{\"fiscalYear\": " + year + ", \"name\": \"" + name
        + "\", \"owner\": \"" + owner + "\"" + (linksJson == null ? "" : ", \"links\": " + linksJson) + "}");
    assertThat(created.getStatusCode().value()).as(ProjectApi.message(created)).isEqualTo(201);
    return ((Number) created.getBody().get("id")).longValue();
  }

  Task plannerTask(String activityId) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
  }

  Task task(String subjectRef, String activityId) {
    return tasks.createTaskQuery().processVariableValueEquals("subjectRef", subjectRef).taskDefinitionKey(activityId)
        .singleResult();
  }

  static String entry(long id) {
    return "project-entry:" + id;
  }

  static String report(long id, int quarter) {
    return "project-report:" + id + ":" + quarter;
  }

  Job timer(String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers().singleResult();
  }

  void fire(String activityId, String at) {
    EngineClock.setTo(at);
    management.executeJob(timer(activityId).getId());
  }

  void studyAndBrief() {
    assertThat(api.submitForm("planner", plannerTask("Task_StudyProjects").getId(),
        "{\"linkageStudied\": {\"value\": true}}").getStatusCode().value()).isEqualTo(204);
    fire("Event_BriefingMonth", oct(1).replace("-10-01", "-11-01") + "T09:00");
    assertThat(api.submitForm("planner", plannerTask("Task_BriefOwners").getId(), briefing(oct(1).replace("-10-01", "-11-01")))
        .getStatusCode().value()).isEqualTo(204);
    fire("Event_EntryMonth", oct(1).replace("-10-01", "-12-01") + "T09:00");
  }

  static String briefing(String date) {
    return "{\"meetingDate\": {\"value\": \"" + date + "\"}, \"briefingMinutes\": {\"value\": \"ชี้แจงการนำเข้าข้อมูลโครงการและการรายงานรายไตรมาสในระบบ eMENSCR\"},"
        + " \"attendees\": {\"value\": \"นางอรุณี ศึกษานิเทศก์\\nนายธนพล ศึกษานิเทศก์\\nนางสาวกมลวรรณ ศึกษานิเทศก์\"}}";
  }

  /** The owner's December form, complete and valid, with {@code overrides} replacing fields. */
  String entryForm(String name, String extra) {
    return "{\"projectName\": {\"value\": \"" + name + "\"},"
        + " \"rationale\": {\"value\": \"ผลการประเมินการอ่านของนักเรียนชั้น ป.1 ยังต่ำกว่าค่าเฉลี่ยระดับประเทศ\"},"
        + " \"objectives\": {\"value\": \"เพื่อพัฒนาทักษะการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3\"},"
        + " \"outputTarget\": {\"value\": \"ครูภาษาไทย 240 คน ได้รับการพัฒนา\"},"
        + " \"outcomeTarget\": {\"value\": \"นักเรียนชั้น ป.1 อ่านออกเขียนได้ ร้อยละ 90\"},"
        + " \"budget\": {\"value\": 350000}, \"budgetSource\": {\"value\": \"GOVERNMENT\"},"
        + " \"startDate\": {\"value\": \"" + oct(1).replace("-10-01", "-11-01") + "\"}, \"endDate\": {\"value\": \"" + inYear("09-30") + "\"},"
        + " \"linkLevel1\": {\"value\": \"NS03\"}, \"linkLevel2\": {\"value\": \"MP12-01, RF-ED05\"}, \"linkLevel3\": {\"value\": \"OB03-1\"},"
        + extra + " \"confirmed\": {\"value\": true}}";
  }

  void enterAndApprove(long id, String owner, String name) {
    assertThat(api.submitForm(owner, task(entry(id), "Task_Submit").getId(), entryForm(name, "")).getStatusCode().value())
        .isEqualTo(204);
    approve(entry(id));
  }

  void approve(String subjectRef) {
    assertThat(api.submitForm("planner", task(subjectRef, "Task_Review").getId(),
        "{\"reviewDecision\": {\"value\": \"approve\"}}").getStatusCode().value()).isEqualTo(204);
  }

  void closeEntry() {
    assertThat(api.submitForm("planner", plannerTask("Task_CheckCompleteness").getId(),
        "{\"closeEntry\": {\"value\": true}}").getStatusCode().value()).isEqualTo(204);
  }

  static final String[] QUARTER_OPENS = {null, "01-02T09:00", "04-03T09:00", "07-03T09:00", "10-02T09:00"};

  void openQuarter(int quarter) {
    fire("Event_QuarterMonth", inYear(QUARTER_OPENS[quarter]));
  }

  static String progressForm(String progress, String disbursed, String extra) {
    return "{\"progressPercent\": {\"value\": " + progress + "}, \"disbursed\": {\"value\": " + disbursed + "},"
        + " \"activitiesDone\": {\"value\": \"อบรมครูภาษาไทยแล้ว 2 รุ่น\"},"
        + " \"outputResult\": {\"value\": \"ครูได้รับการพัฒนา 160 จาก 240 คน\"},"
        + " \"outcomeResult\": {\"value\": \"อยู่ระหว่างการประเมินการอ่าน\"}," + extra
        + " \"confirmed\": {\"value\": true}}";
  }

  void reportAndApprove(long id, String owner, int quarter, String progress, String disbursed) {
    ResponseEntity<Map> sent = api.submitForm(owner, task(report(id, quarter), "Task_Submit").getId(),
        progressForm(progress, disbursed, ""));
    assertThat(sent.getStatusCode().value()).as(ProjectApi.message(sent)).isEqualTo(204);
    approve(report(id, quarter));
  }

  void closeQuarter() {
    assertThat(api.submitForm("planner", plannerTask("Task_FollowUpQuarter").getId(),
        "{\"closeQuarter\": {\"value\": true}, \"allEnteredInEmenscr\": {\"value\": true}}").getStatusCode().value())
        .isEqualTo(204);
  }

  /** Two projects entered and approved, quarters before {@code quarter} reported and closed, {@code quarter} open. */
  long[] runToQuarter(int fiscalYear, int quarter) {
    start(fiscalYear);
    long first = register("โครงการพัฒนาการอ่านออกเขียนได้", "staff1", "[\"NS03\"]");
    long second = register("โครงการสถานศึกษาปลอดภัย", "staff2", null);
    studyAndBrief();
    enterAndApprove(first, "staff1", "โครงการพัฒนาการอ่านออกเขียนได้");
    enterAndApprove(second, "staff2", "โครงการสถานศึกษาปลอดภัย");
    closeEntry();
    for (int q = 1; q < quarter; q++) {
      openQuarter(q);
      reportAndApprove(first, "staff1", q, String.valueOf(20 * q), String.valueOf(50000 * q));
      reportAndApprove(second, "staff2", q, String.valueOf(25 * q), String.valueOf(40000 * q));
      closeQuarter();
    }
    openQuarter(quarter);
    return new long[] {first, second};
  }

  // --- the paths ---

  @Test
  void shouldRunTheYearFromTheStudyToTheDirectorsSummary() throws Exception {
    start(2571);
    assertThat(instance).isWaitingAt("Task_StudyProjects").hasBusinessKey(KEY + ":2571");
    assertThat(plannerTask("Task_StudyProjects").getDueDate()).isEqualTo(EngineClock.at("2027-10-29T16:30"));

    // October: nothing registered yet, the study cannot be recorded
    ResponseEntity<Map> early = api.submitForm("planner", plannerTask("Task_StudyProjects").getId(),
        "{\"linkageStudied\": {\"value\": true}}");
    assertThat(early.getStatusCode().value()).isEqualTo(400);
    assertThat(ProjectApi.message(early)).contains("ยังไม่มีโครงการ/กิจกรรมของปีงบประมาณ 2571");

    // registering: owners must be office staff, linkage proposals must exist and be in force
    assertThat(ProjectApi.message(api.post("planner", "/api/projects",
        "{\"fiscalYear\": 2571, \"name\": \"โครงการทดสอบ\", \"owner\": \"school10010001\"}")))
        .contains("ผู้รับผิดชอบโครงการต้องเป็นบุคลากรในสำนักงานเขตพื้นที่การศึกษา");
    assertThat(ProjectApi.message(api.post("planner", "/api/projects",
        "{\"fiscalYear\": 2571, \"name\": \"โครงการทดสอบ\", \"owner\": \"nobody\"}"))).contains("ไม่พบผู้ใช้ 'nobody'");
    assertThat(ProjectApi.message(api.post("planner", "/api/projects",
        "{\"fiscalYear\": 2571, \"name\": \"โครงการทดสอบ\", \"owner\": \"staff1\", \"links\": [\"ND13-12\", \"XX99\"]}")))
        .contains("ND13-12 ใช้ได้ในปีงบประมาณ 2566-2570 เท่านั้น", "ไม่พบรหัส XX99");
    assertThat(api.post("head", "/api/projects", "{\"fiscalYear\": 2571, \"name\": \"x\", \"owner\": \"staff1\"}")
        .getStatusCode().value()).isEqualTo(403);
    long reading = register("โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3", "staff1", "[\"NS03\", \"MP12-01\"]");
    long safety = register("โครงการสถานศึกษาปลอดภัย", "staff3", null);
    long merged = register("โครงการที่ยุบรวมกับโครงการอื่น", "staff4", null);
    assertThat(api.put("planner", "/api/projects/" + safety, "{\"owner\": \"staff2\", \"links\": \"NS01 OB01-1\"}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(api.send(HttpMethod.DELETE, "planner", "/api/projects/" + merged, null).getStatusCode().value()).isEqualTo(200);
    assertThat(api.post("staff1", "/api/projects/" + reading + "/submit", "{}").getStatusCode().value())
        .as("nothing to submit before December").isEqualTo(409);
    assertThat(api.list("staff1", "/api/projects?fiscalYear=2571")).extracting(p -> p.get("id"))
        .containsExactly((int) reading);
    assertThat(api.list("head", "/api/projects?fiscalYear=2571")).hasSize(2);
    assertThat(http.withBasicAuth("staff1", "demo").getForEntity("/api/projects/" + safety, String.class)
        .getStatusCode().value()).isEqualTo(403);

    assertThat(api.submitForm("planner", plannerTask("Task_StudyProjects").getId(),
        "{\"linkageStudied\": {\"value\": true}, \"studyNotes\": {\"value\": \"ทุกโครงการสอดคล้องกับยุทธศาสตร์ชาติด้านที่ 3 หรือ 4\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(instance).isWaitingAt("Event_BriefingMonth");
    assertThat(timer("Event_BriefingMonth").getDuedate()).isEqualTo(EngineClock.at("2027-11-01T08:00"));

    // November: the briefing, recorded with its date, minutes and attendees
    fire("Event_BriefingMonth", "2027-11-01T09:00");
    Task briefingTask = plannerTask("Task_BriefOwners");
    assertThat(briefingTask.getDueDate()).isEqualTo(EngineClock.at("2027-11-30T16:30"));
    ResponseEntity<Map> future = api.submitForm("planner", briefingTask.getId(),
        "{\"meetingDate\": {\"value\": \"2027-11-20\"}, \"attendees\": {\"value\": \"\"}}");
    assertThat(ProjectApi.message(future)).contains("ต้องไม่เป็นวันในอนาคต", "กรุณากรอกสรุปการประชุม",
        "กรุณากรอกรายชื่อผู้เข้าร่วมประชุม");
    EngineClock.setTo("2027-11-15T14:00");
    assertThat(api.submitForm("planner", briefingTask.getId(), briefing("2027-11-12")).getStatusCode().value()).isEqualTo(204);
    assertThat(api.get("director", "/api/projects/year/2571/briefing")).containsEntry("attendeeCount", 3)
        .containsEntry("meetingDate", "2027-11-12");

    // December: one submission per project, to its owner
    assertThat(timer("Event_EntryMonth").getDuedate()).isEqualTo(EngineClock.at("2027-12-01T08:00"));
    fire("Event_EntryMonth", "2027-12-01T09:00");
    assertThat(instance).isWaitingAt("Call_EnterProject", "Task_CheckCompleteness");
    assertThat(ProjectApi.message(api.post("planner", "/api/projects",
        "{\"fiscalYear\": 2571, \"name\": \"โครงการเพิ่มเติม\", \"owner\": \"staff3\"}"))).contains("เริ่มแล้ว");
    Task readingEntry = task(entry(reading), "Task_Submit");
    assertThat(readingEntry.getAssignee()).isEqualTo("staff1");
    assertThat(readingEntry.getName()).isEqualTo("ส่งงาน: ข้อมูลโครงการ/กิจกรรมเพื่อนำเข้าระบบ eMENSCR: "
        + "โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3");
    assertThat(readingEntry.getDueDate()).isEqualTo(EngineClock.at("2027-12-30T16:30")); // 31 Dec is a holiday
    // the owner's form starts from what the planner registered, with the items to choose from
    Map<String, Object> form = api.get("staff1", "/engine-rest/task/" + readingEntry.getId() + "/form-variables");
    assertThat(value(form, "projectName")).isEqualTo("โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3");
    assertThat(value(form, "linkLevel1")).isEqualTo("NS03");
    assertThat(value(form, "linkLevel2")).isEqualTo("MP12-01");
    assertThat((String) value(form, "planChoicesLevel1")).contains("NS06  ยุทธศาสตร์ที่ 6 ด้านการปรับสมดุล");
    assertThat((String) value(form, "planChoicesLevel2")).contains("MP12-01", "RF-ED05").doesNotContain("ND13");
    assertThat((String) value(form, "planChoicesLevel3")).contains("OB03-1");

    // only the owner works on the project's task
    assertThat(api.submitForm("staff2", readingEntry.getId(), entryForm("โครงการของคนอื่น", "")).getStatusCode()
        .is2xxSuccessful()).isFalse();

    // the owner's form: every problem at once, nothing kept
    ResponseEntity<Map> empty = api.submitForm("staff1", readingEntry.getId(),
        "{\"linkLevel1\": {\"value\": \"\"}, \"linkLevel2\": {\"value\": \"MP12\"}, \"linkLevel3\": {\"value\": \"\"},"
            + " \"confirmed\": {\"value\": true}}");
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(ProjectApi.message(empty)).startsWith("ยังส่งข้อมูลโครงการไม่ได้ กรุณาแก้ไข:")
        .contains("กรุณากรอกหลักการและเหตุผล", "กรุณากรอกงบประมาณ (บาท)", "กรุณาเลือกแหล่งงบประมาณ",
            "กรุณาระบุวันเริ่มต้นโครงการ", "ยังไม่ได้ระบุความเชื่อมโยงกับแผนระดับที่ 1 อย่างน้อย 1 รายการ",
            "ยังไม่ได้ระบุความเชื่อมโยงกับแผนระดับที่ 3 อย่างน้อย 1 รายการ");
    ResponseEntity<Map> wrong = api.submitForm("staff1", readingEntry.getId(), entryForm("โครงการพัฒนาการอ่าน",
        " \"budget\": {\"value\": -5}, \"endDate\": {\"value\": \"2027-10-01\"}, \"linkLevel1\": {\"value\": \"MP12-01\"},"));
    assertThat(ProjectApi.message(wrong)).contains("งบประมาณ ต้องไม่ติดลบ", "วันสิ้นสุดโครงการ (1 ตุลาคม 2570) ต้องไม่ก่อนวันเริ่มต้น",
        "รหัส MP12-01 เป็นรายการของแผนระดับที่ 2 ไม่ใช่แผนระดับที่ 1");
    Projects.Project untouched = projects.find(reading).orElseThrow();
    assertThat(untouched.status()).isEqualTo(ProjectStatus.REGISTERED);
    assertThat(untouched.rationale()).isNull();
    assertThat(projects.links(null, reading)).extracting(l -> l.item().code()).containsExactly("NS03", "MP12-01");

    assertThat(api.submitForm("staff1", readingEntry.getId(), entryForm("โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3", ""))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(projects.find(reading).orElseThrow().status()).isEqualTo(ProjectStatus.SUBMITTED);
    assertThat(projects.links(null, reading)).extracting(l -> l.item().code())
        .containsExactly("NS03", "MP12-01", "RF-ED05", "OB03-1");

    // the other owner uses the JSON API; only for a project of their own
    String safetyJson = "{\"projectName\": \"โครงการสถานศึกษาปลอดภัย (MOE Safety Center)\","
        + " \"rationale\": \"สถานศึกษาต้องมีระบบป้องกันและรายงานเหตุภัยคุกคาม\", \"objectives\": \"เพื่อพัฒนาระบบดูแลความปลอดภัย\","
        + " \"outputTarget\": \"สถานศึกษาทุกแห่งมีแผนเผชิญเหตุ\", \"outcomeTarget\": \"ไม่มีเหตุที่ไม่ได้รับการช่วยเหลือภายใน 24 ชั่วโมง\","
        + " \"budget\": \"150,000.00\", \"budgetSource\": \"งบประมาณแผ่นดิน\", \"startDate\": \"2027-12-01\", \"endDate\": \"2028-09-30\","
        + " \"linkLevel1\": [\"NS01\"], \"linkLevel2\": [\"MP01\", \"SEC-03\", \"MP11-03\"], \"linkLevel3\": [\"OB01-1\"]}";
    assertThat(api.post("staff2", "/api/projects/" + reading + "/submit", safetyJson).getStatusCode().value()).isEqualTo(403);
    assertThat(api.post("staff2", "/api/projects/" + safety + "/submit",
        safetyJson.replace("\"150,000.00\"", "\"15O,000\"")).getBody().get("message")).asString()
        .contains("งบประมาณ (บาท) ต้องเป็นตัวเลข", "รายการ SEC-03 ใช้ได้ในปีงบประมาณ 2566-2570 เท่านั้น");
    ResponseEntity<Map> viaApi = api.post("staff2", "/api/projects/" + safety + "/submit",
        safetyJson.replace("\"SEC-03\", ", ""));
    assertThat(viaApi.getStatusCode().value()).as(ProjectApi.message(viaApi)).isEqualTo(200);

    // the planner cannot close while submissions wait; returns one, it is corrected and resubmitted
    ResponseEntity<Map> tooSoon = api.submitForm("planner", plannerTask("Task_CheckCompleteness").getId(),
        "{\"closeEntry\": {\"value\": true}}");
    assertThat(ProjectApi.message(tooSoon)).contains("ยังมีข้อมูลโครงการที่รอการตรวจสอบ 2 โครงการ");
    assertThat(api.submitForm("planner", task(entry(safety), "Task_Review").getId(),
        "{\"reviewDecision\": {\"value\": \"return\"}, \"reviewComment\": {\"value\": \"กรุณาระบุจำนวนสถานศึกษาเป้าหมายเป็นตัวเลข\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(projects.find(safety).orElseThrow().status()).isEqualTo(ProjectStatus.RETURNED);
    assertThat(api.get("staff2", "/api/projects/" + safety)).containsEntry("returnComment",
        "กรุณาระบุจำนวนสถานศึกษาเป้าหมายเป็นตัวเลข");
    assertThat(api.post("staff2", "/api/projects/" + safety + "/submit",
        "{\"outputTarget\": \"สถานศึกษา 132 แห่ง มีแผนเผชิญเหตุ\", \"budget\": 160000}").getStatusCode().value()).isEqualTo(200);
    assertThat(projects.find(safety).orElseThrow().budget()).isEqualByComparingTo("160000");
    approve(entry(reading));
    approve(entry(safety));
    assertThat(instance).hasPassed("Event_AllProjectsEntered").isWaitingAt("Task_CheckCompleteness");
    assertThat(api.get("planner", "/api/projects/year/2571/progress?period=ENTRY"))
        .containsEntry("expected", 2).containsEntry("approved", 2).containsEntry("returned", 0);

    // entered in eMENSCR: one by one, or all at once when closing
    assertThat(ProjectApi.message(api.put("planner", "/api/projects/" + reading + "/emenscr", "{\"quarter\": 1}")))
        .contains("ยังไม่มีรายงานไตรมาสที่ 1");
    assertThat(api.put("staff1", "/api/projects/" + reading + "/emenscr", "{}").getStatusCode().value()).isEqualTo(403);
    assertThat(api.put("planner", "/api/projects/" + reading + "/emenscr", "{\"entered\": true}").getStatusCode().value())
        .isEqualTo(200);
    assertThat(api.submitForm("planner", plannerTask("Task_CheckCompleteness").getId(),
        "{\"closeEntry\": {\"value\": true}, \"allEnteredInEmenscr\": {\"value\": true}}").getStatusCode().value())
        .isEqualTo(204);
    assertThat(projects.find(safety).orElseThrow().emenscrEnteredAt()).isNotNull();
    assertThat(instance).hasPassed("Event_EntryClosed", "Task_CloseEntry", "Task_NextQuarter").isWaitingAt("Event_QuarterMonth");
    assertThat(projects.period(2571, "ENTRY").orElseThrow().closedBy()).isEqualTo("planner");
    assertThat(timer("Event_QuarterMonth").getDuedate()).isEqualTo(EngineClock.at("2028-01-01T08:00"));

    // Q1: numbers are checked on the server, all problems at once, nothing kept
    openQuarter(1);
    assertThat(instance).isWaitingAt("Call_ReportProgress", "Task_FollowUpQuarter");
    assertThat(plannerTask("Task_FollowUpQuarter").getName())
        .isEqualTo("กำกับ ติดตาม ตรวจสอบรายงานความก้าวหน้า และปิดรอบรายงานไตรมาสที่ 1");
    assertThat(timer("Event_QuarterDeadline").getDuedate()).isEqualTo(EngineClock.at("2028-04-01T08:00"));
    Task q1 = task(report(reading, 1), "Task_Submit");
    assertThat(q1.getDueDate()).isEqualTo(EngineClock.at("2028-01-31T16:30"));
    ResponseEntity<Map> badNumbers = api.submitForm("staff1", q1.getId(), progressForm("120", "400000.505", ""));
    assertThat(badNumbers.getStatusCode().value()).isEqualTo(400);
    assertThat(ProjectApi.message(badNumbers)).contains("ความก้าวหน้าของโครงการต้องอยู่ระหว่างร้อยละ 0 ถึง 100 (กรอก 120)",
        "มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง");
    assertThat(ProjectApi.message(api.submitForm("staff1", q1.getId(), progressForm("30", "400000", ""))))
        .contains("ผลการเบิกจ่ายสะสม (400,000.00 บาท) ต้องไม่เกินงบประมาณของโครงการ (350,000.00 บาท)");
    assertThat(projects.report(reading, 1).orElseThrow().status()).isEqualTo(ReportStatus.PENDING);
    assertThat(projects.report(reading, 1).orElseThrow().progress()).isNull();
    assertThat(api.submitForm("staff1", q1.getId(), progressForm("30", "100000", "")).getStatusCode().value()).isEqualTo(204);
    assertThat(api.post("staff2", "/api/projects/" + safety + "/quarters/1/submit", "{\"progressPercent\": 25,"
        + " \"disbursed\": 40000.5, \"activitiesDone\": \"ประชุมคณะทำงานและสำรวจความเสี่ยง\","
        + " \"outputResult\": \"สถานศึกษา 40 แห่ง จัดทำแผนเผชิญเหตุแล้ว\", \"problems\": \"สถานศึกษาขนาดเล็กขาดบุคลากร\"}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(ProjectApi.message(api.submitForm("planner", plannerTask("Task_FollowUpQuarter").getId(),
        "{\"closeQuarter\": {\"value\": true}}"))).contains("ยังมีรายงานไตรมาสที่ 1 ที่รอการตรวจสอบ 2 โครงการ");
    approve(report(reading, 1));
    approve(report(safety, 1));
    assertThat(instance).hasPassed("Event_AllReported");
    closeQuarter();
    assertThat(instance).hasPassed("Event_QuarterClosedByPlanner", "Task_CloseQuarter", "Gateway_AllQuarters")
        .isWaitingAt("Event_QuarterMonth");
    assertThat(projects.report(safety, 1).orElseThrow().emenscrEnteredAt()).isNotNull();

    // Q2: progress lower than Q1 needs a reason
    openQuarter(2);
    Task q2 = task(report(reading, 2), "Task_Submit");
    assertThat(q2.getDueDate()).isEqualTo(EngineClock.at("2028-04-28T16:30")); // 30 April is a Sunday
    ResponseEntity<Map> dropped = api.submitForm("staff1", q2.getId(), progressForm("20", "150000", ""));
    assertThat(ProjectApi.message(dropped)).contains("ความก้าวหน้าร้อยละ 20 ต่ำกว่าไตรมาสที่ 1 (ร้อยละ 30) กรุณาระบุเหตุผลที่ความก้าวหน้าลดลง");
    assertThat(api.submitForm("staff1", q2.getId(), progressForm("20", "150000",
        " \"progressDropReason\": {\"value\": \"ทบทวนแผนใหม่ ตัดกิจกรรมอบรมรุ่นที่ 3 ที่ยกเลิกไป\"},")).getStatusCode().value())
        .isEqualTo(204);
    reportAndApprove(safety, "staff2", 2, "55", "90000");
    approve(report(reading, 2));
    closeQuarter();

    // Q3 and Q4
    openQuarter(3);
    reportAndApprove(reading, "staff1", 3, "70", "260000");
    reportAndApprove(safety, "staff2", 3, "80", "130000");
    closeQuarter();
    openQuarter(4);
    assertThat(task(report(reading, 4), "Task_Submit").getDueDate()).isEqualTo(EngineClock.at("2028-10-31T16:30"));
    reportAndApprove(reading, "staff1", 4, "100", "348500.25");
    reportAndApprove(safety, "staff2", 4, "100", "160000");

    // the export for eMENSCR, read back
    byte[] xlsx = api.bytes("planner", "/api/projects/year/2571/emenscr.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(4);
      assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
          .containsExactly("ข้อมูลโครงการ", "ความเชื่อมโยงแผน ๓ ระดับ", "ความก้าวหน้ารายไตรมาส", "การเบิกจ่ายงบประมาณ");
      List<List<String>> info = ProjectApi.rows(book.getSheetAt(0));
      assertThat(info.get(0)).startsWith("ลำดับ", "รหัสโครงการ", "ชื่อโครงการ/กิจกรรม", "หน่วยงานรับผิดชอบ", "ผู้รับผิดชอบโครงการ");
      assertThat(info).hasSize(3);
      assertThat(info.get(1)).startsWith("1", "2571-01", "โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3");
      assertThat(info.get(1)).contains("อรุณี ศึกษานิเทศก์", "350000", "งบประมาณแผ่นดิน", "1 พฤศจิกายน 2570", "30 กันยายน 2571",
          "นำเข้าแล้ว");
      List<List<String>> links = ProjectApi.rows(book.getSheetAt(1));
      assertThat(links.get(0)).containsExactly("รหัสโครงการ", "ชื่อโครงการ/กิจกรรม", "ระดับแผน", "ประเภทแผน", "รหัสรายการแผน",
          "ชื่อรายการแผน", "รหัสรายการหลัก");
      assertThat(links.stream().filter(r -> r.get(0).equals("2571-01")).map(r -> r.get(2) + " " + r.get(4)).toList())
          .containsExactly("ระดับที่ 1 NS03", "ระดับที่ 2 MP12-01", "ระดับที่ 2 RF-ED05", "ระดับที่ 3 OB03-1");
      assertThat(links.get(1)).contains("ยุทธศาสตร์ชาติ", "ยุทธศาสตร์ที่ 3 ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์");
      List<List<String>> progress = ProjectApi.rows(book.getSheetAt(2));
      assertThat(progress).hasSize(9);
      assertThat(progress.get(2)).startsWith("2571-01", "โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3", "2", "รายงานแล้ว", "20");
      assertThat(progress.get(2)).contains("ทบทวนแผนใหม่ ตัดกิจกรรมอบรมรุ่นที่ 3 ที่ยกเลิกไป", "ตรงเวลา");
      assertThat(progress.get(4)).contains("รายงานแล้ว", "ยังไม่ได้บันทึก");
      List<List<String>> budget = ProjectApi.rows(book.getSheetAt(3));
      assertThat(budget.get(1)).containsExactly("2571-01", "โครงการพัฒนาการอ่านออกเขียนได้ของนักเรียนชั้น ป.1-3", "งบประมาณแผ่นดิน",
          "350000", "100000", "150000", "260000", "348500.25", "348500.25", "0.9957", "1499.75");
      assertThat(budget.get(2)).startsWith("2571-02", "โครงการสถานศึกษาปลอดภัย (MOE Safety Center)", "งบประมาณแผ่นดิน", "160000",
          "40000.5");
    }
    closeQuarter();
    assertThat(instance).hasPassed("Gateway_AllQuarters").isWaitingAt("Call_Summary");

    // October: the summary to the director, PDF from the rows
    Task summary = tasks.createTaskQuery().processVariableValueEquals("subjectRef", "project-summary:2571")
        .taskDefinitionKey("Task_Submit").singleResult();
    assertThat(summary.getName()).isEqualTo("ส่งงาน: สรุปผลการดำเนินงานโครงการ/กิจกรรม (eMENSCR) ในภาพรวม ปีงบประมาณ 2571");
    assertThat(summary.getDueDate()).isEqualTo(EngineClock.at("2028-10-31T16:30"));
    assertThat(ProjectApi.message(api.submitForm("planner", summary.getId(), "{\"confirmed\": {\"value\": true}}")))
        .contains("กรุณากรอกสรุปผลการดำเนินงานในภาพรวม", "กรุณากรอกปัญหา/อุปสรรคการดำเนินงาน");
    assertThat(api.submitForm("planner", summary.getId(), "{\"summaryOverview\": {\"value\": \"ทั้ง 2 โครงการดำเนินการแล้วเสร็จ เบิกจ่ายร้อยละ 99.7\"},"
        + " \"summaryProblems\": {\"value\": \"สถานศึกษาขนาดเล็กขาดบุคลากรผู้รับผิดชอบงานความปลอดภัย\"},"
        + " \"confirmed\": {\"value\": true}}").getStatusCode().value()).isEqualTo(204);
    byte[] pdf = api.bytes("director", "/api/projects/year/2571/summary.pdf");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setWordSeparator("");
      // Thai has no spaces between words, so lines may break anywhere: compare without white space
      String text = stripper.getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("สรุปผลการดำเนินงานโครงการ/กิจกรรมผ่านระบบติดตามและประเมินผลแห่งชาติ(eMENSCR)ปีงบประมาณ2571",
          "ความครบถ้วนของการรายงานรายไตรมาส", "โครงการสถานศึกษาปลอดภัย", "สถานศึกษาขนาดเล็กขาดบุคลากร",
          "ทั้ง2โครงการดำเนินการแล้วเสร็จ");
    }
    assertThat(http.withBasicAuth("staff1", "demo").getForEntity("/api/projects/year/2571/summary.pdf", String.class)
        .getStatusCode().value()).isEqualTo(403);
    Task approval = tasks.createTaskQuery().processVariableValueEquals("subjectRef", "project-summary:2571")
        .taskDefinitionKey("Task_Review").singleResult();
    assertThat(approval).hasCandidateGroup("director");
    assertThat(api.submitForm("director", approval.getId(), "{\"reviewDecision\": {\"value\": \"approve\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(projects.summary(2571).orElseThrow().status()).isEqualTo("APPROVED");
    assertThat(instance).hasPassed("Call_Summary", "Event_Reported").isEnded();
  }

  @Test
  void aProjectWithNoQ4ReportIsRecordedAsNotReportedWhenTheQuarterClosesByItself() throws Exception {
    long[] ids = runToQuarter(2572, 4);
    reportAndApprove(ids[0], "staff1", 4, "100", "200000");
    assertThat(task(report(ids[1], 4), "Task_Submit")).isNotNull();

    // the planner never closes the quarter: it closes itself on 1 November, when the summary is due
    Job deadline = timer("Event_QuarterDeadline");
    assertThat(deadline.getDuedate()).isEqualTo(EngineClock.at("2029-11-01T08:00"));
    fire("Event_QuarterDeadline", "2029-11-01T09:00");

    assertThat(instance).hasPassed("Event_QuarterDeadline", "Task_CloseQuarter").isWaitingAt("Call_Summary");
    assertThat(task(report(ids[1], 4), "Task_Submit")).isNull();
    assertThat(plannerTask("Task_FollowUpQuarter")).isNull();
    assertThat(projects.report(ids[1], 4).orElseThrow().status()).isEqualTo(ReportStatus.NOT_REPORTED);
    assertThat(projects.report(ids[0], 4).orElseThrow().status()).isEqualTo(ReportStatus.APPROVED);
    assertThat(projects.period(2572, "Q4").orElseThrow().closedBy()).isEqualTo(ProjectMonitoring.AUTO);
    assertThat(api.get("planner", "/api/projects/year/2572/progress?period=Q4")).containsEntry("expected", 2)
        .containsEntry("submitted", 1).containsEntry("missing", 1);

    byte[] xlsx = api.bytes("planner", "/api/projects/year/2572/emenscr.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<List<String>> progress = ProjectApi.rows(book.getSheet("ความก้าวหน้ารายไตรมาส"));
      assertThat(progress.stream().filter(r -> r.get(2).equals("4")).map(r -> r.get(0) + " " + r.get(3)).toList())
          .containsExactly("2572-01 รายงานแล้ว", "2572-02 ไม่ได้รายงาน");
      List<List<String>> budget = ProjectApi.rows(book.getSheet("การเบิกจ่ายงบประมาณ"));
      assertThat(budget.get(2).subList(4, 9)).containsExactly("40000", "80000", "120000", "", "120000");
    }
    byte[] summary = api.bytes("director", "/api/projects/year/2572/summary.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(summary))) {
      List<List<String>> quarters = ProjectApi.rows(book.getSheet("ความครบถ้วนรายไตรมาส"));
      assertThat(quarters.get(4)).containsExactly("4", "ปิดรอบแล้ว", "2", "1", "1", "1", "50.0");
      assertThat(ProjectApi.rows(book.getSheet("สรุปรายโครงการ")).get(2)).endsWith("ส่งแล้ว", "ส่งแล้ว", "ส่งแล้ว", "ไม่ได้รายงาน");
    }
  }

  @Test
  void aProjectNotEnteredByJanuaryIsLeftOutOfTheQuarterlyReports() {
    start(2573);
    long entered = register("โครงการนิเทศ ติดตาม และประเมินผลการจัดการศึกษา", "staff8", null);
    long forgotten = register("โครงการโรงเรียนปลอดขยะ", "staff5", null);
    studyAndBrief();
    enterAndApprove(entered, "staff8", "โครงการนิเทศ ติดตาม และประเมินผลการจัดการศึกษา");
    Map<String, Object> entryProgress = api.get("planner", "/api/projects/year/2573/progress?period=ENTRY");
    assertThat(entryProgress).containsEntry("approved", 1);
    assertThat((List<?>) entryProgress.get("outstanding")).hasSize(1);

    // nobody closes the December step: it closes itself when January begins
    Job deadline = timer("Event_EntryDeadline");
    assertThat(deadline.getDuedate()).isEqualTo(EngineClock.at("2030-01-01T08:00"));
    fire("Event_EntryDeadline", "2030-01-01T08:30");
    assertThat(instance).hasPassed("Event_EntryDeadline", "Task_CloseEntry").hasNotPassed("Event_EntryClosed")
        .isWaitingAt("Event_QuarterMonth");
    assertThat(task(entry(forgotten), "Task_Submit")).isNull();
    assertThat(projects.find(forgotten).orElseThrow().status()).isEqualTo(ProjectStatus.NOT_ENTERED);
    assertThat(projects.period(2573, "ENTRY").orElseThrow().closedBy()).isEqualTo(ProjectMonitoring.AUTO);

    openQuarter(1);
    assertThat(task(report(entered, 1), "Task_Submit")).isNotNull();
    assertThat(projects.report(forgotten, 1)).isEmpty();
    assertThat(api.get("planner", "/api/projects/year/2573/progress?period=Q1")).containsEntry("expected", 1);
  }

  @Test
  void aLateQuarterlyReportIsRemindedEscalatedAndMarkedLate() throws Exception {
    long[] ids = runToQuarter(2574, 1);
    Task late = task(report(ids[0], 1), "Task_Submit");
    assertThat(late.getDueDate()).isEqualTo(EngineClock.at("2031-01-31T16:30"));
    reportAndApprove(ids[1], "staff2", 1, "25", "40000");

    EngineClock.setTo("2031-01-24T09:00");
    sweep.sweep();
    assertThat(queued(late, "reminder-7")).containsExactly("staff1@esa1001.planflow.test");

    // the due date passes: recorded by the submission's own timer, the owner is told, then the head
    EngineClock.setTo("2031-02-01T09:00");
    Job missed = management.createJobQuery().processInstanceId(late.getProcessInstanceId()).timers().singleResult();
    management.executeJob(missed.getId());
    sweep.sweep();
    assertThat(queued(late, "overdue")).containsExactly("staff1@esa1001.planflow.test");
    EngineClock.setTo("2031-02-03T09:00");
    sweep.sweep();
    assertThat(tasks.getIdentityLinksForTask(late.getId())).extracting(IdentityLink::getGroupId).contains("plan-head");
    assertThat(queued(late, "escalation")).contains("head@esa1001.planflow.test", "staff1@esa1001.planflow.test");

    // submitted late: accepted, marked late, and so in the export
    ResponseEntity<Map> sent = api.submitForm("staff1", late.getId(), progressForm("15", "30000", ""));
    assertThat(sent.getStatusCode().value()).isEqualTo(204);
    assertThat(projects.report(ids[0], 1).orElseThrow().late()).isTrue();
    assertThat(projects.report(ids[1], 1).orElseThrow().late()).isFalse();
    approve(report(ids[0], 1));
    assertThat(api.get("planner", "/api/projects/year/2574/progress?period=Q1")).containsEntry("late", 1)
        .containsEntry("approved", 2);
    byte[] xlsx = api.bytes("planner", "/api/projects/year/2574/emenscr.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      List<List<String>> progress = ProjectApi.rows(book.getSheet("ความก้าวหน้ารายไตรมาส"));
      assertThat(progress.get(1)).contains("2574-01", "ไม่ตรงเวลา");
      assertThat(progress.get(2)).contains("2574-02", "ตรงเวลา");
    }
  }

  static Object value(Map<String, Object> formVariables, String name) {
    return ((Map<?, ?>) formVariables.get(name)).get("value");
  }

  List<String> queued(Task task, String stage) {
    return jdbc.queryForList("select recipient from mail_outbox where dedup_key like ? order by recipient", String.class,
        "task:" + task.getId() + ":" + stage + ":%");
  }
}
