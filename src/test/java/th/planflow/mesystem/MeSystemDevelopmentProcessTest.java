package th.planflow.mesystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import th.planflow.EngineClock;
import th.planflow.FullProcessCoverage;
import th.planflow.PlanflowTest;

/**
 * Duty 7 through its REST API: the studies, the framework returned by the director and approved, the
 * questionnaire answered through one-time links (with the bad inputs), reminders, closing by the timer with a
 * respondent missing or early by the planner, the statistics and the research report.
 */
@PlanflowTest
@FullProcessCoverage("meSystemDevelopment")
class MeSystemDevelopmentProcessTest {

  static final int YEAR = 2572;

  static final String SURVEY = """
      {"title": "แบบสอบถามความต้องการระบบการติดตาม ประเมินผล และรายงานผลการดำเนินงาน",
       "intro": "โปรดตอบตามความเป็นจริง", "closesOn": "2029-08-31",
       "items": [
         {"section": "ตอนที่ 1 สภาพการติดตาม", "kind": "LIKERT", "text": "การรายงานผลมีความรวดเร็ว"},
         {"section": "ตอนที่ 1 สภาพการติดตาม", "kind": "LIKERT", "text": "ข้อมูลถูกนำไปใช้ตัดสินใจ"},
         {"section": "ตอนที่ 2 ความต้องการ", "kind": "LIKERT", "text": "ต้องการระบบรายงานออนไลน์"},
         {"section": "ตอนที่ 3 ข้อมูลทั่วไป", "kind": "CHOICE", "text": "ตำแหน่ง", "choices": ["ครู", "ผู้บริหาร", "บุคลากรทางการศึกษา"]},
         {"section": "ตอนที่ 4 ข้อเสนอแนะ", "kind": "OPEN", "text": "ข้อเสนอแนะอื่น ๆ"}
       ]}""";

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
  MeSurveys surveys;
  @Autowired
  MeStudyNotes notes;

  String instanceId;

  @BeforeEach
  void start() {
    AbstractAssertions.init(engine);
    EngineClock.setTo("2029-03-01T09:00");
    ResponseEntity<Map> started = post("planner", "/api/processes/meSystemDevelopment/start", "{\"fiscalYear\": " + YEAR + "}");
    assertThat(started.getStatusCode().value()).isEqualTo(201);
    instanceId = (String) started.getBody().get("processInstanceId");
  }

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processInstanceId(instanceId).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    jdbc.update("delete from mail_outbox where dedup_key like 'me-survey-%'");
    surveys.deleteYear(YEAR);
    notes.deleteYear(YEAR);
    EngineClock.reset();
  }

  @Test
  void shouldDevelopTheSystemWithAQuestionnaireClosedOnItsDate() throws Exception {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    assertThat(instance).isWaitingAt("Task_StudyCurrentState").hasBusinessKey("meSystemDevelopment:" + YEAR);

    // facts Planflow holds, for the study of the current state
    Map<String, Object> facts = get("planner", "/api/me-system/" + YEAR + "/facts");
    assertThat((List<Map<String, Object>>) facts.get("tasks"))
        .anySatisfy(t -> assertThat(t).containsEntry("processKey", "meSystemDevelopment").containsEntry("open", 1));
    assertThat(facts).containsKey("policyRounds");
    assertThat(send(HttpMethod.GET, "staff1", "/api/me-system/" + YEAR + "/facts", null).getStatusCode().value()).isEqualTo(403);

    ResponseEntity<Map> empty = submitForm("planner", task().getId(), "{\"currentStateFindings\": {\"value\": \"  \"}}");
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody().get("message")).isEqualTo("กรุณากรอกผลการศึกษาสภาพการดำเนินงาน");
    assertThat(submitForm("planner", task().getId(),
        "{\"currentStateFindings\": {\"value\": \"รายงานผ่านหลายช่องทาง ส่งล่าช้า\"}}").getStatusCode().value()).isEqualTo(204);
    assertThat(notes.find(YEAR, MeStudyNotes.CURRENT_STATE)).get().extracting(MeStudyNotes.Note::notes, MeStudyNotes.Note::recordedBy)
        .containsExactly("รายงานผ่านหลายช่องทาง ส่งล่าช้า", "planner");
    assertThat(runtime.getVariable(instanceId, "currentStateFindings")).isNull();

    assertThat(instance).isWaitingAt("Task_StudyKnowledge");
    assertThat(submitForm("planner", task().getId(), "{\"knowledgeNotes\": {\"value\": \"ระบบ e-MES และ eMENSCR\"},"
        + " \"knowledgeReferences\": {\"value\": \"คู่มือ สพฐ.\"}}").getStatusCode().value()).isEqualTo(204);

    // the framework: returned by the director, revised, approved
    assertThat(instance).isWaitingAt("Call_Framework");
    assertThat(submitForm("planner", task().getId(), "{\"frameworkText\": {\"value\": \"กรอบแนวคิดฉบับแรก\"},"
        + " \"confirmed\": {\"value\": true}}").getStatusCode().value()).isEqualTo(204);
    assertThat(submitForm("director", task().getId(), "{\"reviewDecision\": {\"value\": \"return\"},"
        + " \"reviewComment\": {\"value\": \"เพิ่มองค์ประกอบด้านการรายงาน\"}}").getStatusCode().value()).isEqualTo(204);
    Task resubmit = task();
    assertThat(resubmit.getName()).startsWith("ส่งงาน: กรอบแนวคิด");
    assertThat(submitForm("planner", resubmit.getId(), "{\"frameworkText\": {\"value\": \"กรอบแนวคิดฉบับแก้ไข\"},"
        + " \"confirmed\": {\"value\": true}}").getStatusCode().value()).isEqualTo(204);
    assertThat(submitForm("director", task().getId(), "{\"reviewDecision\": {\"value\": \"approve\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(notes.find(YEAR, MeStudyNotes.FRAMEWORK)).get().extracting(MeStudyNotes.Note::notes)
        .isEqualTo("กรอบแนวคิดฉบับแก้ไข");
    assertThat(runtime.getVariable(instanceId, "frameworkApproved")).isEqualTo(true);

    // the questionnaire
    assertThat(instance).isWaitingAt("Task_PrepareQuestionnaire");
    EngineClock.setTo("2029-08-01T09:00");
    Task prepare = task();
    ResponseEntity<Map> notYet = submitForm("planner", prepare.getId(), "{\"questionnaireReady\": {\"value\": true}}");
    assertThat(notYet.getStatusCode().value()).isEqualTo(400);
    assertThat(notYet.getBody().get("message")).asString().contains("ยังไม่ได้สร้างแบบสอบถามงานวิจัย");
    ResponseEntity<Map> bad = put("planner", "/api/me-system/" + YEAR + "/survey", """
        {"title": "ทดสอบ", "closesOn": "2029-08-31", "items": [
          {"section": "ตอนที่ 1", "kind": "SCALE", "text": "ข้อหนึ่ง"},
          {"section": "ตอนที่ 1", "kind": "CHOICE", "text": "ข้อสอง", "choices": ["ก"]},
          {"section": "", "kind": "OPEN", "text": "ข้อสาม"}]}""");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("message")).asString().contains("ข้อ 1: ชนิดของข้อคำถามต้องเป็น LIKERT",
        "ข้อ 2: ข้อเลือกตอบต้องมีตัวเลือกอย่างน้อย 2 ตัวเลือก", "กรุณากรอกข้อ 3: ตอน");
    assertThat(surveys.find(YEAR)).isEmpty();
    assertThat(put("head", "/api/me-system/" + YEAR + "/survey", SURVEY).getStatusCode().value()).isEqualTo(403);
    assertThat(put("planner", "/api/me-system/" + YEAR + "/survey", SURVEY).getStatusCode().value()).isEqualTo(200);

    List<String> schools = jdbc.queryForList("select code from school order by code", String.class).subList(0, 2);
    ResponseEntity<Map> unknown = put("planner", "/api/me-system/" + YEAR + "/survey/respondents",
        "{\"staff\": [\"staff1\", \"nobody\"], \"schools\": [\"X999\"]}");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody().get("message")).asString().contains("ไม่พบผู้ใช้ 'nobody'", "ไม่พบสถานศึกษารหัส 'X999'");
    assertThat(put("planner", "/api/me-system/" + YEAR + "/survey/respondents", "{\"staff\": [\"staff1\", \"staff2\"],"
        + " \"schools\": [\"" + schools.get(0) + "\", \"" + schools.get(1) + "\"]}").getStatusCode().value()).isEqualTo(200);

    assertThat(submitForm("planner", prepare.getId(), "{\"questionnaireReady\": {\"value\": true}}").getStatusCode().value())
        .isEqualTo(204);
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedup_key like 'me-survey-invite:%'", Integer.class))
        .isEqualTo(4);
    assertThat(put("planner", "/api/me-system/" + YEAR + "/survey", SURVEY).getBody().get("message"))
        .asString().contains("ส่งแบบสอบถามให้ผู้ตอบแล้ว");
    assertThat(instance).isWaitingAt("Task_FollowUpResponses");
    assertThat(task().getDueDate()).isEqualTo(EngineClock.at("2029-08-31T16:30"));
    Job closing = management.createJobQuery().processInstanceId(instanceId).activityId("Event_SurveyClosed").singleResult();
    assertThat(closing.getDuedate()).isEqualTo(EngineClock.at("2029-09-01T00:00"));

    String staff1 = token("STAFF", "staff1");
    String staff2 = token("STAFF", "staff2");
    String school1 = token("SCHOOL", schools.get(0));
    String school2 = token("SCHOOL", schools.get(1));

    // the HTML form: a missing required answer is refused, nothing is stored; then answered; a second time is refused
    ResponseEntity<String> page = http.getForEntity("/public/survey/" + staff1, String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("แบบสอบถามความต้องการระบบการติดตาม", "ตอนที่ 2 ความต้องการ", "น้อยที่สุด");
    ResponseEntity<String> missing = postForm(staff1, Map.of("q2", "4", "q3", "5", "q4", "ครู"));
    assertThat(missing.getStatusCode().value()).isEqualTo(400);
    assertThat(missing.getBody()).contains("ข้อ 1: กรุณาตอบข้อนี้");
    assertThat(answerCount()).isZero();
    ResponseEntity<String> answered = postForm(staff1, Map.of("q1", "5", "q2", "4", "q3", "5", "q4", "ครู", "q5", "ควรมีแดชบอร์ด"));
    assertThat(answered.getStatusCode().value()).isEqualTo(200);
    assertThat(answered.getBody()).contains("บันทึกคำตอบแล้ว");
    ResponseEntity<String> twice = postForm(staff1, Map.of("q1", "1", "q2", "1", "q3", "1", "q4", "ครู"));
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    assertThat(twice.getBody()).contains("ลิงก์นี้ได้ใช้ตอบแบบสอบถามไปแล้ว");
    assertThat(http.getForEntity("/public/survey/" + staff1, String.class).getStatusCode().value()).isEqualTo(409);
    assertThat(http.getForEntity("/public/survey/not-a-token", String.class).getStatusCode().value()).isEqualTo(404);
    assertThat(answerCount()).isEqualTo(5);

    // JSON: a Likert answer out of range, an unknown choice -> 400 with the item; then answered; twice -> 409
    ResponseEntity<Map> outOfRange = postJson(staff2, "{\"answers\": {\"1\": 6, \"2\": 4, \"3\": 3, \"4\": \"นักเรียน\"}}");
    assertThat(outOfRange.getStatusCode().value()).isEqualTo(400);
    assertThat(outOfRange.getBody().get("message")).asString()
        .contains("ข้อ 1: ระดับความคิดเห็นต้องเป็นตัวเลข 1 ถึง 5 (ได้รับ '6')", "ข้อ 4: ไม่มีตัวเลือก 'นักเรียน' ในข้อนี้");
    assertThat(postJson(staff2, "{\"answers\": {\"1\": 4, \"2\": 4, \"3\": 3, \"4\": \"ผู้บริหาร\"}}").getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<Map> again = postJson(staff2, "{\"answers\": {\"1\": 4, \"2\": 4, \"3\": 3, \"4\": \"ผู้บริหาร\"}}");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("message")).asString().contains("ลิงก์นี้ได้ใช้ตอบแบบสอบถามไปแล้ว");
    assertThat(postJson(school1, "{\"answers\": {\"1\": 3, \"2\": 2, \"3\": 4, \"4\": \"ครู\", \"5\": \"ลดงานเอกสาร\"}}")
        .getStatusCode().value()).isEqualTo(200);
    assertThat(answerCount()).isEqualTo(5 + 4 + 5);

    // the daily reminder: only the one who has not answered, once a day
    EngineClock.setTo("2029-08-02T09:00");
    Job reminder = management.createJobQuery().processInstanceId(instanceId).activityId("Event_ReminderDue").singleResult();
    management.executeJob(reminder.getId());
    assertThat(instance).hasPassed("Task_RemindRespondents", "Event_Reminded").isWaitingAt("Task_FollowUpResponses");
    assertThat(jdbc.queryForList("select dedup_key from mail_outbox where dedup_key like 'me-survey-reminder:%'", String.class))
        .containsExactly("me-survey-reminder:" + school2 + ":2029-08-02");
    assertThat(post("planner", "/api/me-system/" + YEAR + "/survey/remind", "{}").getBody()).containsEntry("reminded", 0);
    Map<String, Object> progress = get("planner", "/api/me-system/" + YEAR + "/survey/progress");
    assertThat(progress).containsEntry("invited", 4).containsEntry("responded", 3).containsEntry("responseRate", "75.00");

    // closed by the timer with one respondent missing: the link has expired
    EngineClock.setTo("2029-09-01T00:05");
    management.executeJob(management.createJobQuery().processInstanceId(instanceId).activityId("Event_SurveyClosed")
        .singleResult().getId());
    assertThat(instance).hasPassed("Event_SurveyClosed", "Task_CloseSurvey").isWaitingAt("Task_ResearchReport");
    assertThat(surveys.require(YEAR).status()).isEqualTo(MeSurveys.Status.CLOSED);
    ResponseEntity<String> expired = http.getForEntity("/public/survey/" + school2, String.class);
    assertThat(expired.getStatusCode().value()).isEqualTo(410);
    assertThat(expired.getBody()).contains("ลิงก์นี้หมดอายุแล้ว");
    ResponseEntity<Map> expiredJson = postJson(school2, "{\"answers\": {\"1\": 3, \"2\": 3, \"3\": 3, \"4\": \"ครู\"}}");
    assertThat(expiredJson.getStatusCode().value()).isEqualTo(410);
    assertThat(answerCount()).isEqualTo(14);

    // the statistics (worked out by hand in MeSystemDevelopmentProcessTest#statisticsByHand)
    Map<String, Object> analysis = get("director", "/api/me-system/" + YEAR + "/survey/analysis");
    assertThat(analysis).containsEntry("invited", 4).containsEntry("responded", 3);
    assertThat(((Number) analysis.get("responseRate")).doubleValue()).isEqualTo(75.0);
    List<Map<String, Object>> sections = (List<Map<String, Object>>) analysis.get("likert");
    Map<String, Object> section1 = (Map<String, Object>) sections.get(0).get("stats");
    assertThat(((Number) section1.get("n")).intValue()).isEqualTo(6);
    assertThat(((Number) section1.get("mean")).doubleValue()).isCloseTo(22.0 / 6, within(1e-9));
    Map<String, Object> item2 = (Map<String, Object>) ((List<Map<String, Object>>) sections.get(0).get("items")).get(1).get("stats");
    assertThat(((Number) item2.get("mean")).doubleValue()).isCloseTo(10.0 / 3, within(1e-9));
    assertThat(((Number) item2.get("sd")).doubleValue()).isCloseTo(Math.sqrt(4.0 / 3), within(1e-9));
    assertThat(((Number) analysis.get("alpha")).doubleValue()).isCloseTo(1.5 * (1 - (10.0 / 3) / (19.0 / 3)), within(1e-9));
    List<Map<String, Object>> choices = (List<Map<String, Object>>) ((List<Map<String, Object>>) analysis.get("choices")).get(0).get("frequencies");
    assertThat(choices).extracting(c -> c.get("count")).containsExactly(2, 1, 0);
    assertThat((List<Map<String, Object>>) analysis.get("open")).singleElement()
        .satisfies(o -> assertThat((List<String>) o.get("answers")).containsExactlyInAnyOrder("ควรมีแดชบอร์ด", "ลดงานเอกสาร"));

    byte[] pdf = http.withBasicAuth("director", "demo").getForObject("/api/me-system/" + YEAR + "/report.pdf", byte[].class);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setWordSeparator("");
      String text = stripper.getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("รายงานการวิจัยและพัฒนาระบบการติดตาม", "กรอบแนวคิดฉบับแก้ไข", "3.67", "0.71", "ร้อยละ 75.00");
    }
    ResponseEntity<byte[]> xlsx = http.withBasicAuth("planner", "demo").getForEntity("/api/me-system/" + YEAR + "/report.xlsx", byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getBody()).startsWith((byte) 'P', (byte) 'K');

    ResponseEntity<Map> noFindings = submitForm("planner", task().getId(), "{}");
    assertThat(noFindings.getStatusCode().value()).isEqualTo(400);
    assertThat(noFindings.getBody().get("message")).isEqualTo("กรุณากรอกสรุปผลการวิจัยและข้อเสนอแนะ");
    assertThat(submitForm("planner", task().getId(), "{\"researchFindings\": {\"value\": \"ควรพัฒนาระบบรายงานออนไลน์\"}}")
        .getStatusCode().value()).isEqualTo(204);
    assertThat(instance).hasPassed("Task_ResearchReport", "Event_Developed").isEnded();
  }

  /*
   * statisticsByHand — answers of the three respondents to the Likert items:
   *   staff1 5 4 5 (total 14), staff2 4 4 3 (11), school1 3 2 4 (9)
   * section 1 (items 1, 2) pooled: 5 4 3 4 4 2 -> n 6, sum 22, mean 3.67 (มาก)
   * item 2: 4 4 2 -> mean 10/3; deviations 2/3 2/3 -4/3 -> squares 4/9+4/9+16/9 = 24/9; s² = 12/9 = 4/3
   * item variances: item 1 (5 4 3) 1, item 2 4/3, item 3 (5 3 4) 1 -> sum 10/3
   * totals 14 11 9: mean 34/3; deviations 8/3 -1/3 -7/3 -> 64/9+1/9+49/9 = 114/9; s² = 57/9 = 19/3
   * alpha = 3/2 × (1 − (10/3)/(19/3)) = 3/2 × 9/19 = 27/38 = 0.7105 -> "0.71"
   */

  @Test
  void shouldCloseTheQuestionnaireEarlyWhenThePlannerConfirms() {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
    submitForm("planner", task().getId(), "{\"currentStateFindings\": {\"value\": \"สภาพปัจจุบัน\"}}");
    submitForm("planner", task().getId(), "{\"knowledgeNotes\": {\"value\": \"องค์ความรู้\"}}");
    submitForm("planner", task().getId(), "{\"frameworkText\": {\"value\": \"กรอบแนวคิด\"}, \"confirmed\": {\"value\": true}}");
    submitForm("director", task().getId(), "{\"reviewDecision\": {\"value\": \"approve\"}}");
    assertThat(instance).isWaitingAt("Task_PrepareQuestionnaire");
    EngineClock.setTo("2029-08-01T09:00");
    put("planner", "/api/me-system/" + YEAR + "/survey", SURVEY);
    ResponseEntity<Map> none = submitForm("planner", task().getId(), "{\"questionnaireReady\": {\"value\": true}}");
    assertThat(none.getBody().get("message")).isEqualTo("ยังไม่ได้เลือกผู้ตอบแบบสอบถาม กรุณาเลือกบุคลากรหรือสถานศึกษาก่อนส่ง");
    int schools = jdbc.queryForObject("select count(*) from school", Integer.class);
    assertThat(put("planner", "/api/me-system/" + YEAR + "/survey/respondents", "{\"allSchools\": true}").getBody())
        .containsEntry("respondents", schools);
    // chosen again while not yet sent: only staff3 now
    assertThat(put("planner", "/api/me-system/" + YEAR + "/survey/respondents", "{\"staff\": [\"staff3\"]}").getBody())
        .containsEntry("respondents", 1);
    assertThat(submitForm("planner", task().getId(), "{\"questionnaireReady\": {\"value\": true}}").getStatusCode().value())
        .isEqualTo(204);
    String token = token("STAFF", "staff3");
    assertThat(postJson(token, "{\"answers\": {\"1\": 5, \"2\": 5, \"3\": 5, \"4\": \"ครู\"}}").getStatusCode().value()).isEqualTo(200);

    ResponseEntity<Map> unconfirmed = submitForm("planner", task().getId(), "{}");
    assertThat(unconfirmed.getStatusCode().value()).isEqualTo(400);
    assertThat(unconfirmed.getBody().get("message")).isEqualTo("กรุณายืนยันการปิดรับแบบสอบถามก่อนกำหนดก่อนบันทึก");
    assertThat(submitForm("planner", task().getId(), "{\"closeSurvey\": {\"value\": true}}").getStatusCode().value())
        .isEqualTo(204);
    assertThat(instance).hasPassed("Task_CloseSurvey").hasNotPassed("Event_SurveyClosed").isWaitingAt("Task_ResearchReport");
    assertThat(management.createJobQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(surveys.require(YEAR).status()).isEqualTo(MeSurveys.Status.CLOSED);
    assertThat(http.getForEntity("/public/survey/" + token, String.class).getStatusCode().value()).isEqualTo(409);
  }

  // ------------------------------------------------------------------ helpers

  Task task() {
    Task own = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    if (own != null) {
      return own;
    }
    return tasks.createTaskQuery().processInstanceId(
        runtime.createProcessInstanceQuery().superProcessInstanceId(instanceId).singleResult().getId()).singleResult();
  }

  String token(String kind, String respondent) {
    return jdbc.queryForObject("select r.token from me_survey_respondent r join me_survey s on s.id = r.survey_id"
        + " where s.fiscal_year = ? and r.kind = ? and r.respondent = ?", String.class, YEAR, kind, respondent);
  }

  int answerCount() {
    return jdbc.queryForObject("select count(*) from me_survey_answer a join me_survey_respondent r on r.token = a.token"
        + " join me_survey s on s.id = r.survey_id where s.fiscal_year = ?", Integer.class, YEAR);
  }

  ResponseEntity<String> postForm(String token, Map<String, String> fields) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    return http.postForEntity("/public/survey/" + token, new HttpEntity<>(form, headers), String.class);
  }

  ResponseEntity<Map> postJson(String token, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange("/public/survey/" + token, HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
  }

  ResponseEntity<Map> send(HttpMethod method, String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(json, headers), Map.class);
  }

  ResponseEntity<Map> post(String user, String path, String json) {
    return send(HttpMethod.POST, user, path, json);
  }

  ResponseEntity<Map> put(String user, String path, String json) {
    return send(HttpMethod.PUT, user, path, json);
  }

  Map<String, Object> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForObject(path, Map.class);
  }

  ResponseEntity<Map> submitForm(String user, String taskId, String variablesJson) {
    return post(user, "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\": " + variablesJson + "}");
  }
}
