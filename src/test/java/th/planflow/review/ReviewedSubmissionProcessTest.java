package th.planflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
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
import th.planflow.EngineClock;
import th.planflow.FullProcessCoverage;
import th.planflow.PlanflowTest;
import th.planflow.web.UserInputException;

@PlanflowTest
@FullProcessCoverage("reviewedSubmission")
class ReviewedSubmissionProcessTest {

  static final String SCHOOL = "school10010001";
  static final String SCHOOL_GROUP = "school-10010001";

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
  ReviewAudit audit;
  @Autowired
  org.springframework.boot.test.web.client.TestRestTemplate http;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    EngineClock.setTo("2027-04-01T09:00");
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    EngineClock.reset();
  }

  ProcessInstance startForSchool(String step) {
    return runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "รายงานผลการดำเนินงานตามนโยบาย รอบที่ 1", "stepKey", step, "due", "4",
        "submitterGroup", SCHOOL_GROUP, "subjectRef", "policy:" + SCHOOL));
  }

  void submitAsSchool(ProcessInstance instance, Map<String, Object> variables) {
    identity.setAuthentication(SCHOOL, List.of("school", SCHOOL_GROUP));
    try {
      tasks.complete(task(instance).getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  void reviewAsPlanner(ProcessInstance instance, Map<String, Object> variables) {
    identity.setAuthentication("planner", List.of("plan-officer"));
    try {
      tasks.complete(task(instance).getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void shouldApproveOnFirstReview() {
    ProcessInstance instance = startForSchool("reviewApprove");

    assertThat(instance).isWaitingAt("Task_Submit");
    Task submit = task(instance);
    assertThat(submit).hasCandidateGroup(SCHOOL_GROUP).hasName("ส่งงาน: รายงานผลการดำเนินงานตามนโยบาย รอบที่ 1");
    assertThat(submit.getDueDate()).isEqualTo(EngineClock.at("2027-04-30T16:30"));
    assertThat(submit.getFollowUpDate()).isEqualTo(EngineClock.at("2027-04-23T08:00"));

    submitAsSchool(instance, withVariables("confirmed", true, "submissionNote", "ส่งรายงานครบทุกนโยบาย"));

    assertThat(instance).isWaitingAt("Task_Review");
    assertThat(task(instance)).hasCandidateGroup("plan-officer");
    assertThat(task(instance).getDueDate()).isEqualTo(EngineClock.at("2027-04-08T16:30"));

    reviewAsPlanner(instance, withVariables("reviewDecision", "approve"));

    assertThat(instance).hasPassed("Event_Approved").isEnded()
        .variables().containsEntry("reviewApproved", true)
        // on time: nothing stored (a calling duty's out-mapping gets false), and no defaults stored either
        .doesNotContainKeys("submissionLate", "submissionDue", "reviewerGroup", "submitForm");
    List<ReviewAudit.TrailEntry> trail = audit.ofProcessInstance(instance.getId());
    assertThat(trail).extracting(row -> row.action())
        .containsExactly("SUBMIT", "APPROVE");
    assertThat(trail).extracting(row -> row.actor())
        .containsExactly(SCHOOL, "planner");
    String viaApi = http.withBasicAuth("director", "demo")
        .getForObject("/api/reviews/audit?processInstanceId=" + instance.getId(), String.class);
    assertThat(viaApi).contains("SUBMIT", "APPROVE", SCHOOL, "planner")
        .contains("\"action\":\"APPROVE\"", "\"actor\":\"planner\"", "\"actedAtThai\":\"");
    assertThat(http.withBasicAuth("school10010009", "demo")
        .getForEntity("/api/reviews/audit?processInstanceId=" + instance.getId(), String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void shouldReturnWithCommentThenApproveTheResubmission() {
    ProcessInstance instance = startForSchool("reviewReturn");
    submitAsSchool(instance, withVariables("confirmed", true));

    reviewAsPlanner(instance, withVariables("reviewDecision", "return", "reviewComment", "กรุณาแนบหลักฐานนโยบายที่ 3"));

    assertThat(instance).hasPassed("Task_Review").isWaitingAt("Task_Submit")
        .variables().containsEntry("returnComment", "กรุณาแนบหลักฐานนโยบายที่ 3").containsEntry("reviewApproved", false);
    // the returned work is due a week later (8 April 2027 is a Thursday)
    assertThat(task(instance).getDueDate()).isEqualTo(EngineClock.at("2027-04-08T16:30"));

    submitAsSchool(instance, withVariables("confirmed", true, "submissionNote", "แนบหลักฐานแล้ว"));
    reviewAsPlanner(instance, withVariables("reviewDecision", "approve", "reviewComment", "ครบถ้วน"));

    assertThat(instance).isEnded();
    assertThat(audit.ofProcessInstance(instance.getId()))
        .extracting(row -> row.action())
        .containsExactly("SUBMIT", "RETURN", "SUBMIT", "APPROVE");
  }

  @Test
  void shouldRefuseAReviewWithoutDecisionAndKeepNothing() {
    ProcessInstance instance = startForSchool("reviewNoDecision");
    submitAsSchool(instance, withVariables("confirmed", true));
    String reviewId = task(instance).getId();

    assertThatThrownBy(() -> reviewAsPlanner(instance, withVariables("reviewComment", "ยังไม่ตัดสิน")))
        .satisfies(e -> assertThat(UserInputException.in(e)).hasMessage("กรุณาเลือกผลการพิจารณา: อนุมัติ หรือ ส่งกลับแก้ไข"));
    assertThatThrownBy(() -> reviewAsPlanner(instance, withVariables("reviewDecision", "maybe")))
        .hasMessageContaining("กรุณาเลือกผลการพิจารณา");

    assertThat(instance).isWaitingAt("Task_Review");
    assertThat(task(instance).getId()).isEqualTo(reviewId);
    assertThat(runtime.getVariable(instance.getId(), "reviewComment")).isNull();
  }

  @Test
  void shouldRefuseAReturnWithoutReasonOrWithHtml() {
    ProcessInstance instance = startForSchool("reviewReturnNoReason");
    submitAsSchool(instance, withVariables("confirmed", true));

    assertThatThrownBy(() -> reviewAsPlanner(instance, withVariables("reviewDecision", "return")))
        .hasMessageContaining("กรุณากรอกเหตุผลหรือสิ่งที่ต้องแก้ไข");
    assertThatThrownBy(() -> reviewAsPlanner(instance, withVariables("reviewDecision", "return", "reviewComment", "  ")))
        .hasMessageContaining("กรุณากรอก");
    assertThatThrownBy(() -> reviewAsPlanner(instance, withVariables("reviewDecision", "return",
        "reviewComment", "<script>alert(1)</script>")))
        .hasMessageContaining("ห้ามใส่แท็ก HTML");
    assertThatThrownBy(() -> reviewAsPlanner(instance, withVariables("reviewDecision", "return", "reviewComment", "ก".repeat(4001))))
        .hasMessageContaining("ยาวเกิน 4000 ตัวอักษร");

    assertThat(instance).isWaitingAt("Task_Review");
  }

  @Test
  void shouldRefuseAnUnconfirmedSubmission() {
    ProcessInstance instance = startForSchool("reviewUnconfirmed");

    assertThatThrownBy(() -> submitAsSchool(instance, withVariables("submissionNote", "ยังไม่ครบ")))
        .hasMessageContaining("กรุณายืนยันว่าข้อมูลที่ส่งครบถ้วน");

    assertThat(instance).isWaitingAt("Task_Submit");
  }

  @Test
  void shouldRecordAMissedDeadlineAndALateSubmission() {
    ProcessInstance instance = startForSchool("reviewMissed");
    Job dueTimer = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(dueTimer.getDuedate()).isEqualTo(EngineClock.at("2027-04-30T16:30"));

    EngineClock.setTo("2027-05-01T09:00");
    management.executeJob(dueTimer.getId());

    assertThat(instance).hasPassed("Task_RecordMissedDeadline", "Event_MissedRecorded").isWaitingAt("Task_Submit")
        .variables().containsEntry("submissionLate", true);

    submitAsSchool(instance, withVariables("confirmed", true));
    reviewAsPlanner(instance, withVariables("reviewDecision", "approve"));

    assertThat(instance).isEnded();
    assertThat(audit.ofProcessInstance(instance.getId()))
        .extracting(row -> row.action())
        .containsExactly("MISSED_DEADLINE", "SUBMIT", "APPROVE");
    assertThat(audit.ofProcessInstance(instance.getId()))
        .extracting(row -> row.late())
        .containsExactly(true, true, false);
  }

  @Test
  void shouldRefuseACallWithoutSubmitter() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "รายงาน", "stepKey", "x", "due", "4")))
        .isInstanceOf(UserInputException.class).hasMessageContaining("ต้องระบุผู้ส่งงาน");
  }

  @Test
  void shouldShowTheGenericFormUnlessTheCallerNamesItsOwn() {
    ProcessInstance generic = startForSchool("reviewGenericForm");
    assertThat(engine.getFormService().getTaskFormData(task(generic).getId()).getCamundaFormRef().getKey())
        .isEqualTo("reviewedSubmissionSubmit");

    ProcessInstance own = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "รายงาน", "stepKey", "reviewOwnForm", "due", "4",
        "submitterGroup", SCHOOL_GROUP, "submitForm", "dutyStart"));
    assertThat(engine.getFormService().getTaskFormData(task(own).getId()).getCamundaFormRef().getKey())
        .isEqualTo("dutyStart");
    runtime.deleteProcessInstance(generic.getId(), "test done");
    runtime.deleteProcessInstance(own.getId(), "test done");
  }

  @Test
  void shouldRefuseAnUnknownSubmissionHandler() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "รายงาน", "stepKey", "x", "due", "4", "submitter", "staff1",
        "submissionHandler", "noSuchHandler")))
        .isInstanceOf(UserInputException.class).hasMessageContaining("ไม่พบ submissionHandler 'noSuchHandler'");
  }

  @Test
  void anotherSchoolCannotSeeOrCompleteTheTask() {
    ProcessInstance instance = startForSchool("reviewOtherSchool");
    String taskId = task(instance).getId();

    identity.setAuthentication("school10010002", List.of("school", "school-10010002"));
    try {
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
      assertThatThrownBy(() -> tasks.complete(taskId, Map.of("confirmed", true)))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
  }
}
