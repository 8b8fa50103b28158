package th.planflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
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
import th.planflow.PlanflowTest;

/**
 * Starting a duty per fiscal year. The duty processes come with their own issues; this test deploys a
 * one-task process under a duty's key to exercise the start rules themselves.
 */
@PlanflowTest
class ProcessStartTest {

  static final String KEY = "meSystemDevelopment";

  @Autowired
  TestRestTemplate http;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  YearlyAutoStart autoStart;

  String deployment;

  @BeforeEach
  void deployAProcessUnderADutyKey() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("ทดสอบการเริ่มกระบวนงาน")
        .camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Wait").name("รอ").camundaCandidateGroups("plan-officer").endEvent().done();
    deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processDefinitionKey(KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    repository.deleteDeployment(deployment, true);
    jdbc.update("delete from process_run where process_key = ?", KEY);
    EngineClock.reset();
  }

  ResponseEntity<Map> start(String user, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/api/processes/" + KEY + "/start", new HttpEntity<>(json, headers), Map.class);
  }

  @Test
  void startsOncePerFiscalYear() {
    ResponseEntity<Map> first = start("planner", "{\"fiscalYear\": 2570}");
    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(first.getBody()).containsEntry("businessKey", KEY + ":2570").containsEntry("fiscalYear", 2570);
    assertThat(runtime.getVariable((String) first.getBody().get("processInstanceId"), "fiscalYear")).isEqualTo(2570);

    ResponseEntity<Map> again = start("planner", "{\"fiscalYear\": 2570}");
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat((String) again.getBody().get("message")).contains("ปีงบประมาณ 2570", "เริ่มดำเนินการไปแล้ว");

    assertThat(start("planner", "{\"fiscalYear\": \"2571\"}").getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void badFiscalYearsGetThaiMessages() {
    assertThat(start("planner", "{}").getBody().get("message")).asString().contains("กรุณาระบุปีงบประมาณ");
    assertThat(start("planner", "{\"fiscalYear\": \"สองพัน\"}").getBody().get("message")).asString().contains("ต้องเป็นตัวเลข");
    for (String json : new String[] {"{\"fiscalYear\": 1999}", "{\"fiscalYear\": 9999}", "{\"fiscalYear\": \"abc\"}", "{}", "not json"}) {
      ResponseEntity<Map> response = start("planner", json);
      assertThat(response.getStatusCode().value()).as(json).isEqualTo(400);
      assertThat((String) response.getBody().get("message")).as(json).matches(".*[\\u0E00-\\u0E7F].*");
    }
  }

  @Test
  void onlyThePlanOfficerStarts() {
    assertThat(start("head", "{\"fiscalYear\": 2570}").getStatusCode().value()).isEqualTo(403);
    assertThat(start("planner", "{\"fiscalYear\": 2570}").getStatusCode().value()).isEqualTo(201);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(http.postForEntity("/api/processes/" + KEY + "/start", new HttpEntity<>("{\"fiscalYear\": 2570}", headers), Map.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void unknownProcessIsNotFound() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map> response = http.withBasicAuth("planner", "demo")
        .postForEntity("/api/processes/noSuchDuty/start", new HttpEntity<>("{\"fiscalYear\": 2570}", headers), Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void aStartThroughTheEngineRestIsGuardedToo() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"variables\": {\"fiscalYear\": {\"value\": 2570, \"type\": \"Integer\"}}, \"businessKey\": \"whatever\"}";
    ResponseEntity<Map> first = http.withBasicAuth("planner", "demo")
        .postForEntity("/engine-rest/process-definition/key/" + KEY + "/start", new HttpEntity<>(body, headers), Map.class);
    assertThat(first.getStatusCode().value()).isEqualTo(200);
    assertThat(first.getBody()).containsEntry("businessKey", KEY + ":2570");
    ResponseEntity<Map> second = http.withBasicAuth("planner", "demo")
        .postForEntity("/engine-rest/process-definition/key/" + KEY + "/start", new HttpEntity<>(body, headers), Map.class);
    assertThat(second.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat((String) second.getBody().get("message")).contains("เริ่มดำเนินการไปแล้ว");
  }

  @Test
  void startsItselfOnItsFirstMonth() {
    java.util.Set<String> before = new java.util.HashSet<>();
    runtime.createProcessInstanceQuery().list().forEach(pi -> before.add(pi.getId()));
    try {
      EngineClock.setTo("2027-02-10T06:15");
      autoStart.startDueDuties();
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(KEY + ":2570").count()).isZero();

      EngineClock.setTo("2027-03-01T06:15");
      autoStart.startDueDuties();
      autoStart.startDueDuties();
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(KEY + ":2570").count()).isEqualTo(1);
    } finally {
      // the other duties that begin in February or March started too: leave nothing behind
      runtime.createProcessInstanceQuery().list().stream().filter(pi -> !before.contains(pi.getId()))
          .filter(pi -> pi.getId().equals(pi.getRootProcessInstanceId()))
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    }
  }
}
