package th.planflow.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;
import th.planflow.calendar.DueDateOverrides;
import th.planflow.calendar.FiscalCalendar;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.Holidays;
import th.planflow.calendar.StepDue;

/** The plan officer moves due dates and keeps the office's holidays; open tasks follow. */
@PlanflowTest
class CalendarApiTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  DueDateOverrides overrides;
  @Autowired
  Holidays holidays;
  @Autowired
  FiscalCalendar calendar;

  @AfterEach
  void cleanUp() {
    overrides.delete("reviewedSubmission", "calendarApiStep", 2570);
    holidays.delete(java.time.LocalDate.of(2027, 6, 30));
    EngineClock.reset();
  }

  ResponseEntity<Map> put(String user, String path, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(json, headers), Map.class);
  }

  @Test
  void anOverrideMovesTheOpenTaskAndItsReminders() {
    EngineClock.setTo("2027-04-01T09:00");
    String instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of("fiscalYear", 2570,
        "title", "รายงาน", "stepKey", "calendarApiStep", "due", "4", "submitterGroup", "school-10010008")).getId();
    // the same step of the next year and another step of this year keep their dates
    String nextYear = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of("fiscalYear", 2571,
        "title", "รายงาน", "stepKey", "calendarApiStep", "due", "4", "submitterGroup", "school-10010008")).getId();
    String otherStep = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of("fiscalYear", 2570,
        "title", "รายงาน", "stepKey", "calendarApiStepX", "due", "4", "submitterGroup", "school-10010008")).getId();
    try {
      ResponseEntity<Map> moved = put("planner", "/api/calendar/overrides",
          "{\"processKey\": \"reviewedSubmission\", \"stepKey\": \"calendarApiStep\", \"fiscalYear\": 2570,"
              + " \"dueDate\": \"2027-05-14\", \"note\": \"สพฐ. เลื่อนกำหนด\"}");
      assertThat(moved.getStatusCode().value()).isEqualTo(200);
      assertThat(moved.getBody()).containsEntry("tasksMoved", 1);
      assertThat((String) moved.getBody().get("message")).contains("14 พฤษภาคม 2570");

      Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
      assertThat(task.getDueDate()).isEqualTo(EngineClock.at("2027-05-14T16:30"));
      assertThat(task.getFollowUpDate()).isEqualTo(EngineClock.at("2027-05-07T08:00"));

      assertThat(tasks.createTaskQuery().processInstanceId(nextYear).singleResult().getDueDate())
          .isEqualTo(EngineClock.at("2028-04-28T16:30"));
      assertThat(tasks.createTaskQuery().processInstanceId(otherStep).singleResult().getDueDate())
          .isEqualTo(EngineClock.at("2027-04-30T16:30"));

      String listed = http.withBasicAuth("head", "demo").getForObject("/api/calendar/overrides?fiscalYear=2570", String.class);
      assertThat(listed).contains("calendarApiStep", "2027-05-14", "planner");
    } finally {
      runtime.deleteProcessInstance(instance, "test done");
      runtime.deleteProcessInstance(nextYear, "test done");
      runtime.deleteProcessInstance(otherStep, "test done");
    }
  }

  @Test
  void aStepExpressionRulesOutKeysItsLiteralPartsCannotGive() {
    assertThat(DeadlineTaskListenerFactory.literalPartsFit("${reviewInputs.stepKey(execution)}-review", "kpiQ1-review")).isTrue();
    assertThat(DeadlineTaskListenerFactory.literalPartsFit("${reviewInputs.stepKey(execution)}-review", "kpiQ1")).isFalse();
    assertThat(DeadlineTaskListenerFactory.literalPartsFit("${reviewInputs.stepKey(execution)}", "policyRound-7")).isTrue();
    assertThat(DeadlineTaskListenerFactory.literalPartsFit("projectFollowUpQ${quarter}", "projectFollowUpQ3")).isTrue();
    assertThat(DeadlineTaskListenerFactory.literalPartsFit("projectFollowUpQ${quarter}", "strategyReport")).isFalse();
    assertThat(DeadlineTaskListenerFactory.literalPartsFit("a${x}b", "ab")).isTrue(); // an expression may give ""
    assertThat(DeadlineTaskListenerFactory.literalPartsFit("a${x}b", "b")).isFalse();
    assertThat(DeadlineTaskListenerFactory.literalPartsFit("strategyReport", "strategyReport")).isTrue();
  }

  @Test
  void badOverridesAreRefusedInThai() {
    assertThat(put("head", "/api/calendar/overrides", "{\"processKey\": \"kpiReporting\", \"stepKey\": \"x\","
        + " \"fiscalYear\": 2570, \"dueDate\": \"2027-05-14\"}").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> noDate = put("planner", "/api/calendar/overrides",
        "{\"processKey\": \"kpiReporting\", \"stepKey\": \"x\", \"fiscalYear\": 2570}");
    assertThat(noDate.getStatusCode().value()).isEqualTo(400);
    assertThat((String) noDate.getBody().get("message")).contains("กรุณาระบุวันครบกำหนด");
    ResponseEntity<Map> outside = put("planner", "/api/calendar/overrides",
        "{\"processKey\": \"kpiReporting\", \"stepKey\": \"x\", \"fiscalYear\": 2570, \"dueDate\": \"2030-01-01\"}");
    assertThat(outside.getStatusCode().value()).isEqualTo(400);
    assertThat((String) outside.getBody().get("message")).contains("ปีงบประมาณ 2570");
    ResponseEntity<Map> badYear = put("planner", "/api/calendar/overrides",
        "{\"processKey\": \"kpiReporting\", \"stepKey\": \"x\", \"fiscalYear\": \"พ.ศ.\", \"dueDate\": \"2027-05-14\"}");
    assertThat(badYear.getStatusCode().value()).isEqualTo(400);
    assertThat(overrides.ofYear(2570)).noneMatch(o -> o.stepKey().equals("x"));
  }

  @Test
  void anOfficeHolidayMovesTheDueDate() {
    FiscalYear fy = FiscalYear.of(2570);
    assertThat(calendar.dueDate("kpiReporting", "y", fy, StepDue.parse("6"))).isEqualTo(java.time.LocalDate.of(2027, 6, 30));

    ResponseEntity<Map> saved = put("planner", "/api/calendar/holidays", "{\"date\": \"2027-06-30\", \"name\": \"วันหยุดพิเศษของสำนักงาน\"}");
    assertThat(saved.getStatusCode().value()).isEqualTo(200);
    assertThat(calendar.dueDate("kpiReporting", "y", fy, StepDue.parse("6"))).isEqualTo(java.time.LocalDate.of(2027, 6, 29));

    assertThat(put("planner", "/api/calendar/holidays", "{\"date\": \"2027-06-30\", \"name\": \"<b>หยุด</b>\"}")
        .getStatusCode().value()).isEqualTo(400);
    List<?> listed = http.withBasicAuth("planner", "demo").getForObject("/api/calendar/holidays?fiscalYear=2570", List.class);
    assertThat(listed.toString()).contains("วันหยุดพิเศษของสำนักงาน", "30 มิถุนายน 2570", "วันสงกรานต์");
  }
}
