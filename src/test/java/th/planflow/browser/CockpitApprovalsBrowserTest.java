package th.planflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;
import th.planflow.review.ReviewAudit;
import th.planflow.review.SchoolSubmission;

/**
 * Cockpit's "รออนุมัติ" tab in a real browser: the director sees a school's submission waiting for them,
 * is told in Thai that a return needs a reason, and approves or returns it; the engine has completed
 * the review task as the director.
 */
@PlanflowTest
class CockpitApprovalsBrowserTest {

  static final String COCKPIT = "/camunda/app/cockpit/default/";
  static final String SCHOOL_CODE = "10010005";
  static final String SCHOOL = "school" + SCHOOL_CODE;
  static final String SCHOOL_GROUP = "school-" + SCHOOL_CODE;

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired
  ProcessEngine engine;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  HistoryService history;
  @Autowired
  ReviewAudit audit;

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processDefinitionKey("reviewedSubmission")
        .variableValueEquals("stepKey", "cockpitBrowser").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test done"));
  }

  @Test
  void theDirectorApprovesFromTheCockpitDashboard() {
    String title = "รายงานผลการดำเนินงานตามนโยบาย " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = submittedForTheDirector(title);
    String reviewId = reviewTask(instance);
    String schoolName = identity.createGroupQuery().groupId(SCHOOL_GROUP).singleResult().getName();

    browser.login("director", "demo");
    browser.open(COCKPIT + "#/dashboard", "dashboard");
    By row = By.cssSelector(".planflow-approvals tr[data-task-id='" + reviewId + "']");
    assertThat(browser.visible(By.cssSelector(".planflow-approvals-title")).getText()).isEqualTo("รออนุมัติ");
    assertThat(browser.visible(row).getText()).contains(title, "ส่งงานและตรวจสอบอนุมัติ", "ปีงบประมาณ 2570",
        schoolName, "ส่งรายงานครบทุกนโยบาย");
    browser.screenshot("waiting");

    // a return without its reason is refused in Thai and changes nothing
    browser.click(By.cssSelector(".planflow-approvals tr[data-task-id='" + reviewId + "'] .planflow-return"));
    browser.waitForText("กรุณากรอกเหตุผลหรือสิ่งที่ต้องแก้ไข");
    browser.screenshot("reason-required");
    assertThat(tasks.createTaskQuery().taskId(reviewId).count()).isEqualTo(1);

    browser.click(By.cssSelector(".planflow-approvals tr[data-task-id='" + reviewId + "'] .planflow-approve"));
    browser.waitForText("อนุมัติเรียบร้อยแล้ว: " + title);
    browser.waitFor(d -> d.findElements(row).isEmpty());
    browser.screenshot("approved");

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getState())
        .isEqualTo("COMPLETED");
    assertThat(history.createHistoricTaskInstanceQuery().taskId(reviewId).singleResult().getEndTime()).isNotNull();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("reviewApproved").singleResult().getValue()).isEqualTo(true);
    assertThat(audit.ofProcessInstance(instance.getId())).extracting(r -> r.action(), r -> r.actor())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("SUBMIT", SCHOOL),
            org.assertj.core.groups.Tuple.tuple("APPROVE", "director"));
  }

  @Test
  void theDirectorReturnsFromTheProcessInstanceTab() {
    String title = "แผนปฏิบัติการประจำปี " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = submittedForTheDirector(title);
    String reviewId = reviewTask(instance);

    browser.login("director", "demo");
    browser.open(COCKPIT + "#/process-instance/" + instance.getId() + "/runtime", "process-instance");
    browser.click(By.xpath("//div[contains(@class,'ctn-tabbed')]//ul[contains(@class,'nav-tabs')]//a[normalize-space()='รออนุมัติ']"));
    By row = By.cssSelector(".planflow-approvals tr[data-task-id='" + reviewId + "']");
    assertThat(browser.visible(row).getText()).contains(title);
    // only this instance's approvals
    assertThat(browser.driver().findElements(By.cssSelector(".planflow-approvals tr[data-task-id]"))).hasSize(1);
    browser.screenshot("tab");

    browser.visible(By.cssSelector(".planflow-approvals tr[data-task-id='" + reviewId + "'] .planflow-approval-comment"))
        .sendKeys("กรุณาแนบหลักฐานการดำเนินงาน");
    browser.click(By.cssSelector(".planflow-approvals tr[data-task-id='" + reviewId + "'] .planflow-return"));
    browser.waitForText("ส่งกลับแก้ไขเรียบร้อยแล้ว: " + title);
    browser.waitForText("ไม่มีงานรออนุมัติของท่านในกระบวนงานนี้");
    browser.screenshot("returned");

    assertThat(tasks.createTaskQuery().taskId(reviewId).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Submit");
    assertThat(runtime.getVariable(instance.getId(), "returnComment")).isEqualTo("กรุณาแนบหลักฐานการดำเนินงาน");
  }

  ProcessInstance submittedForTheDirector(String title) {
    return SchoolSubmission.waitingForReview(engine, SCHOOL_CODE, title, "cockpitBrowser", "director", "ส่งรายงานครบทุกนโยบาย");
  }

  String reviewTask(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_Review").singleResult().getId();
  }
}
