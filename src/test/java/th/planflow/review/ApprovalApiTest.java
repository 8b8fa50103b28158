package th.planflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;

/** "รออนุมัติ" outside Tasklist: the same review task, completed as the supervisor, with the same rules and audit. */
@PlanflowTest
class ApprovalApiTest {

  static final String SCHOOL_CODE = "10010003";
  static final String SCHOOL = "school" + SCHOOL_CODE;
  static final String SCHOOL_GROUP = "school-" + SCHOOL_CODE;
  static final String CALLER = "approvalApiTestDuty";

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  RepositoryService repository;
  @Autowired
  ReviewAudit audit;
  @Autowired
  TestRestTemplate http;

  String deployment;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    EngineClock.setTo("2027-04-01T09:00");
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    runtime.createProcessInstanceQuery().processDefinitionKey(CALLER).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    runtime.createProcessInstanceQuery().processDefinitionKey("reviewedSubmission").variableValueEquals("stepKey", "approvalApi")
        .list().forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
    if (deployment != null) {
      repository.deleteDeployment(deployment, true);
    }
    EngineClock.reset();
  }

  /** A school's submission waiting for the director's review. */
  ProcessInstance submittedForDirector(String note) {
    ProcessInstance instance = SchoolSubmission.waitingForReview(engine, SCHOOL_CODE,
        "รายงานผลการดำเนินงานตามนโยบาย รอบที่ 1", "approvalApi", "director", note);
    assertThat(instance).isWaitingAt("Task_Review");
    return instance;
  }

  List<Map<String, Object>> waiting(String user, String processInstanceId) {
    String url = "/api/approvals" + (processInstanceId == null ? "" : "?processInstanceId=" + processInstanceId);
    ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, "demo").exchange(url, HttpMethod.GET,
        null, new ParameterizedTypeReference<>() { });
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  ResponseEntity<Map> decide(String user, String taskId, String action, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").postForEntity("/api/approvals/" + taskId + "/" + action,
        new HttpEntity<>(json, headers), Map.class);
  }

  static List<Object> taskIds(List<Map<String, Object>> approvals) {
    return approvals.stream().map(a -> a.get("taskId")).toList();
  }

  @Test
  void aTaskClaimedByAColleagueStaysTheirs() {
    ProcessInstance instance = submittedForDirector("ส่งครบ");
    String reviewId = task(instance).getId();
    org.camunda.bpm.engine.identity.User deputy = identity.newUser("approvalApiDeputy");
    deputy.setFirstName("รองผู้อำนวยการ");
    deputy.setLastName("ทดสอบ");
    deputy.setPassword("demo");
    identity.saveUser(deputy);
    identity.createMembership("approvalApiDeputy", "director");
    try {
      tasks.claim(reviewId, "approvalApiDeputy");

      assertThat(taskIds(waiting("director", null))).doesNotContain(reviewId);
      ResponseEntity<Map> refused = decide("director", reviewId, "approve", "{}");
      assertThat(refused.getStatusCode().value()).isEqualTo(409);
      assertThat(refused.getBody().get("message").toString()).startsWith("งานนี้มีผู้รับไปพิจารณาแล้ว (รองผู้อำนวยการ ทดสอบ)");
      assertThat(instance).isWaitingAt("Task_Review");

      assertThat(decide("approvalApiDeputy", reviewId, "approve", "{}").getStatusCode().value()).isEqualTo(200);
      assertThat(instance).isEnded();
      // deciding it again, as after a race with a colleague: a Thai 404, not the engine's English
      ResponseEntity<Map> again = decide("director", reviewId, "return", "{\"comment\": \"ช้าไป\"}");
      assertThat(again.getStatusCode().value()).isEqualTo(404);
      assertThat(again.getBody()).containsEntry("message", Approvals.NOT_FOUND);
    } finally {
      identity.deleteUser("approvalApiDeputy");
    }
  }

  @Test
  void theDirectorSeesTheSubmissionsKeyFactsAndApprovesIt() {
    ProcessInstance instance = submittedForDirector("ส่งครบทุกนโยบาย");
    String reviewId = task(instance).getId();
    String schoolName = identity.createGroupQuery().groupId(SCHOOL_GROUP).singleResult().getName();

    Map<String, Object> approval = waiting("director", null).stream()
        .filter(a -> reviewId.equals(a.get("taskId"))).findFirst().orElseThrow();
    assertThat(approval)
        .containsEntry("taskName", "ตรวจสอบและพิจารณา: รายงานผลการดำเนินงานตามนโยบาย รอบที่ 1")
        .containsEntry("processName", "ส่งงานและตรวจสอบอนุมัติ")
        .containsEntry("processInstanceId", instance.getId())
        .containsEntry("fiscalYear", 2570)
        .containsEntry("subject", "รายงานผลการดำเนินงานตามนโยบาย รอบที่ 1")
        .containsEntry("detail", "ส่งครบทุกนโยบาย")
        .containsEntry("owner", schoolName)
        .containsEntry("submittedBy", schoolName + " ผู้ประสานงาน")
        .containsEntry("submittedAt", "1 เมษายน 2570")
        .containsEntry("due", "8 เมษายน 2570")
        .containsEntry("overdue", false);
    // segregation of duties: the plan officer and the head may read the task but not decide it
    assertThat(taskIds(waiting("planner", null))).doesNotContain(reviewId);
    assertThat(taskIds(waiting("head", null))).doesNotContain(reviewId);
    assertThat(waiting(SCHOOL, null)).isEmpty();

    ResponseEntity<Map> approved = decide("director", reviewId, "approve", "{}");

    assertThat(approved.getStatusCode().value()).isEqualTo(200);
    assertThat(approved.getBody()).containsEntry("approved", true).containsEntry("message", "อนุมัติเรียบร้อยแล้ว");
    assertThat(instance).hasPassed("Event_Approved").isEnded()
        .variables().containsEntry("reviewApproved", true).containsEntry("reviewDecision", "approve");
    List<ReviewAudit.TrailEntry> trail = audit.ofProcessInstance(instance.getId());
    assertThat(trail).extracting(row -> row.action()).containsExactly("SUBMIT", "APPROVE");
    assertThat(trail).extracting(row -> row.actor()).containsExactly(SCHOOL, "director");
    assertThat(taskIds(waiting("director", null))).doesNotContain(reviewId);
  }

  @Test
  void theDirectorReturnsItWithAReasonToTheSchool() {
    ProcessInstance instance = submittedForDirector("ฉบับร่าง");
    String reviewId = task(instance).getId();

    ResponseEntity<Map> returned = decide("director", reviewId, "return", "{\"comment\": \"กรุณาแนบหลักฐานรอบที่ 1\"}");

    assertThat(returned.getStatusCode().value()).isEqualTo(200);
    assertThat(returned.getBody()).containsEntry("approved", false).containsEntry("message", "ส่งกลับแก้ไขเรียบร้อยแล้ว");
    assertThat(instance).isWaitingAt("Task_Submit").variables()
        .containsEntry("reviewApproved", false).containsEntry("returnComment", "กรุณาแนบหลักฐานรอบที่ 1");
    assertThat(task(instance)).hasCandidateGroup(SCHOOL_GROUP);
    List<ReviewAudit.TrailEntry> trail = audit.ofProcessInstance(instance.getId());
    assertThat(trail).extracting(row -> row.action()).containsExactly("SUBMIT", "RETURN");
    assertThat(trail.get(1)).extracting(ReviewAudit.TrailEntry::actor, ReviewAudit.TrailEntry::comment)
        .containsExactly("director", "กรุณาแนบหลักฐานรอบที่ 1");
  }

  @Test
  void aReturnWithoutAReasonIsRefusedInThai() {
    ProcessInstance instance = submittedForDirector("ฉบับร่าง");
    String reviewId = task(instance).getId();

    for (String body : new String[] {"{}", "{\"comment\": \"   \"}"}) {
      ResponseEntity<Map> refused = decide("director", reviewId, "return", body);
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getBody()).containsEntry("message", "กรุณากรอกเหตุผลหรือสิ่งที่ต้องแก้ไข");
    }
    assertThat(instance).isWaitingAt("Task_Review");
    assertThat(audit.ofProcessInstance(instance.getId())).extracting(row -> row.action()).containsExactly("SUBMIT");
  }

  @Test
  void onlyTheReviewersGroupMayDecide() {
    ProcessInstance instance = submittedForDirector("ฉบับร่าง");
    String reviewId = task(instance).getId();

    // the planner and the head can read the task, the engine refuses their decision
    assertThat(decide("planner", reviewId, "approve", "{}").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> head = decide("head", reviewId, "approve", "{}");
    assertThat(head.getStatusCode().value()).isEqualTo(403);
    assertThat(head.getBody()).containsEntry("message", "ท่านไม่มีสิทธิ์ดำเนินการนี้");
    // a school cannot even see it
    ResponseEntity<Map> school = decide(SCHOOL, reviewId, "return", "{\"comment\": \"ไม่เห็นด้วย\"}");
    assertThat(school.getStatusCode().value()).isEqualTo(404);
    assertThat(school.getBody()).containsEntry("message", Approvals.NOT_FOUND);
    assertThat(instance).isWaitingAt("Task_Review");
    assertThat(audit.ofProcessInstance(instance.getId())).extracting(row -> row.action()).containsExactly("SUBMIT");
  }

  @Test
  void aTaskThatIsNotAnApprovalIsNotDecidedHere() {
    ProcessInstance instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "คำสั่งแต่งตั้งคณะทำงาน", "stepKey", "approvalApi", "due", "4",
        "submitterGroup", "director"));
    ResponseEntity<Map> refused = decide("director", task(instance).getId(), "approve", "{}");
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody()).containsEntry("message", Approvals.NOT_AN_APPROVAL);
    assertThat(instance).isWaitingAt("Task_Submit");
  }

  @Test
  void anOverdueApprovalIsMarked() {
    ProcessInstance instance = submittedForDirector("ฉบับร่าง");
    EngineClock.setTo("2027-04-09T09:00");
    Map<String, Object> approval = waiting("director", instance.getId()).get(0);
    assertThat(approval).containsEntry("due", "8 เมษายน 2570").containsEntry("overdue", true);
  }

  @Test
  void cockpitLoadsThePluginItsConfigNames() {
    TestRestTemplate director = http.withBasicAuth("director", "demo");
    String config = director.getForObject("/camunda/app/cockpit/scripts/config.js", String.class);
    assertThat(config).contains("customScripts: ['scripts/planflow-approvals']");
    // Cockpit imports "<app root>/app/cockpit/" + the name + ".js" as an ES module, which needs a JavaScript type
    ResponseEntity<String> plugin = director.getForEntity("/camunda/app/cockpit/scripts/planflow-approvals.js?bust=7.24.0",
        String.class);
    assertThat(plugin.getStatusCode().value()).isEqualTo(200);
    assertThat(plugin.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(plugin.getBody()).contains("export default [", "pluginPoint", "'cockpit.dashboard'",
        "'cockpit.processInstance.runtime.tab'", "const LABEL = 'รออนุมัติ'", "/api/approvals");
  }

  @Test
  void aProcessInstanceShowsTheApprovalsOfTheSubmissionsItCalled() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(CALLER).name("ทดสอบงานที่เรียกการตรวจสอบ")
        .camundaHistoryTimeToLive(1)
        .startEvent().callActivity("Call_Review").calledElement("reviewedSubmission")
        .camundaIn("fiscalYear", "fiscalYear").camundaIn("title", "title").camundaIn("stepKey", "stepKey")
        .camundaIn("due", "due").camundaIn("submitterGroup", "submitterGroup").camundaIn("reviewerGroup", "reviewerGroup")
        .endEvent().done();
    deployment = repository.createDeployment().addModelInstance(CALLER + ".bpmn", model).deploy().getId();
    ProcessInstance duty = runtime.startProcessInstanceByKey(CALLER, Map.of("fiscalYear", 2570, "title", "แผนปฏิบัติการ",
        "stepKey", "approvalApi", "due", "4", "submitterGroup", SCHOOL_GROUP, "reviewerGroup", "director"));
    ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(duty.getId()).singleResult();
    identity.setAuthentication(SCHOOL, List.of("school", SCHOOL_GROUP));
    try {
      tasks.complete(task(called).getId(), withVariables("confirmed", true));
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance other = submittedForDirector("อีกเรื่องหนึ่ง");

    List<Map<String, Object>> ofDuty = waiting("director", duty.getId());
    assertThat(taskIds(ofDuty)).containsExactly(task(called).getId());
    assertThat(ofDuty.get(0)).containsEntry("processName", "ทดสอบงานที่เรียกการตรวจสอบ")
        .containsEntry("rootProcessInstanceId", duty.getId()).containsEntry("processInstanceId", called.getId());
    assertThat(taskIds(waiting("director", called.getId()))).containsExactly(task(called).getId());
    assertThat(taskIds(waiting("director", other.getId()))).containsExactly(task(other).getId());
  }
}
