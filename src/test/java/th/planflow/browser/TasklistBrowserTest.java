package th.planflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;

/**
 * Tasklist in a real browser: Thai labels and filters, a Camunda Form filled and submitted, Thai
 * messages for bad input, and a school seeing only its own work.
 */
@PlanflowTest
class TasklistBrowserTest {

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String OWN_SCHOOL = "10010003";
  static final String OTHER_SCHOOL = "10010004";

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identity;
  @Autowired
  HistoryService history;

  static JsonNode thai;

  /** Started here; whatever is left running is removed so no other test counts these tasks. */
  final List<String> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    for (String id : started) {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "browser test done");
      }
    }
  }

  @BeforeAll
  static void readTranslation() throws IOException {
    try (InputStream in = TasklistBrowserTest.class.getResourceAsStream(
        "/META-INF/resources/webjars/camunda/app/tasklist/locales/th.json")) {
      thai = new ObjectMapper().readTree(in).get("labels");
    }
  }

  static String label(String key) {
    return thai.get(key).asText();
  }

  @Test
  void plannerSeesThaiTasklistAndApprovesThroughTheForm() {
    String title = "รายงานทดสอบเบราว์เซอร์ " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = submittedForReview(OWN_SCHOOL, title);

    browser.login("planner", "demo");
    openTasklist("tasklist");

    // the foundation's Thai filters and the Thai translation of Tasklist itself
    String page = browser.bodyText();
    assertThat(page).contains("งานของฉัน", "งานของกลุ่มฉัน", "งานเลยกำหนด", "ครบกำหนดภายใน 7 วัน");
    assertThat(page).contains(label("FILTERS"));
    openTask("งานของกลุ่มฉัน", "ตรวจสอบและพิจารณา: " + title);
    browser.screenshot("task");
    claim();
    browser.screenshot("form");

    chooseRadio("อนุมัติ");
    browser.screenshot("filled");
    complete();
    // Tasklist closes a completed task and drops it from the list
    browser.waitForText(label("SELECT_TASK_IN_LIST"));
    assertThat(browser.bodyText()).doesNotContain(title);
    browser.screenshot("completed");

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getState())
        .isEqualTo("COMPLETED");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("reviewDecision").singleResult().getValue()).isEqualTo("approve");
  }

  @Test
  void plannerSeesThaiMessagesForBadInput() {
    String title = "รายงานทดสอบข้อความผิดพลาด " + UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance instance = submittedForReview(OWN_SCHOOL, title);

    browser.login("planner", "demo");
    openTasklist("tasklist");
    openTask("งานของกลุ่มฉัน", "ตรวจสอบและพิจารณา: " + title);
    claim();

    // a return needs a reason: the form itself says so before anything is sent
    chooseRadio("ส่งกลับแก้ไข");
    complete();
    // form-js's own "Field is required." comes out in Thai (tasklist/scripts/form-messages-th.js)
    assertThat(browser.visible(By.cssSelector(".fjs-form-field-error")).getText()).isEqualTo("กรุณาระบุข้อมูลในช่องนี้");
    assertThat(browser.bodyText()).doesNotContain("Field is required");
    browser.screenshot("required");

    // the server refuses HTML in the reason with a Thai message, which Tasklist shows
    browser.visible(By.cssSelector("textarea[id$=Field_ReviewComment]")).sendKeys(
        "<b>กรุณาแก้ไข</b>");
    complete();
    browser.waitForText("ห้ามใส่แท็ก HTML");
    browser.screenshot("server-message");
    // the plain Thai message, not the engine's wrapped "ENGINE-03051 … TaskListener" text
    assertThat(browser.visible(By.cssSelector(".page-notifications .alert-danger")).getText())
        .contains(label("COMPLETE_ERROR") + " :\nเหตุผลหรือสิ่งที่ต้องแก้ไข ต้องเป็นข้อความธรรมดา ห้ามใส่แท็ก HTML")
        .doesNotContain("ENGINE-");
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Review");
  }

  @Test
  void schoolSeesOnlyItsOwnTask() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    ProcessInstance own = startedForSchool(OWN_SCHOOL, "รายงานของโรงเรียนเอง " + suffix);
    ProcessInstance other = startedForSchool(OTHER_SCHOOL, "รายงานของโรงเรียนอื่น " + suffix);

    browser.login("school" + OWN_SCHOOL, "demo");
    // schools land on Tasklist
    browser.waitFor(d -> d.getCurrentUrl().contains(TASKLIST));
    openTasklist("tasklist");
    openTask("งานของกลุ่มฉัน", "ส่งงาน: รายงานของโรงเรียนเอง " + suffix);
    browser.screenshot("own-task");
    assertThat(browser.bodyText()).doesNotContain("รายงานของโรงเรียนอื่น " + suffix);

    // not even by its address
    String otherTask = tasks.createTaskQuery().processInstanceId(other.getId()).singleResult().getId();
    browser.open(TASKLIST + "#/?task=" + otherTask, "other-task");
    browser.waitForText(label("TASK_NOT_EXIST"));
    browser.waitForText("ไม่พบงานนี้ อาจดำเนินการเสร็จไปแล้ว หรือท่านไม่มีสิทธิ์เปิดงานนี้");
    browser.screenshot("other-task");
    assertThat(browser.bodyText()).doesNotContain("รายงานของโรงเรียนอื่น " + suffix).doesNotContain("No matching task");
    closeNotifications();

    // the school's form works for the school: the confirmation is required, then the work goes to review
    openTask("งานของกลุ่มฉัน", "ส่งงาน: รายงานของโรงเรียนเอง " + suffix);
    claim();
    complete();
    assertThat(browser.visible(By.cssSelector(".fjs-form-field-error")).getText()).isEqualTo("กรุณาระบุข้อมูลในช่องนี้");
    browser.screenshot("confirm-required");
    browser.click(By.cssSelector("input[type=checkbox][id$=Field_Confirmed]"));
    complete();
    browser.waitForText(label("SELECT_TASK_IN_LIST"));
    browser.screenshot("submitted");
    assertThat(tasks.createTaskQuery().processInstanceId(own.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_Review");
  }

  private ProcessInstance startedForSchool(String school, String title) {
    ProcessInstance instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", title, "stepKey", "browser", "due", "4",
        "submitterGroup", "school-" + school, "subjectRef", "browser:" + school));
    started.add(instance.getId());
    return instance;
  }

  private ProcessInstance submittedForReview(String school, String title) {
    ProcessInstance instance = startedForSchool(school, title);
    identity.setAuthentication("school" + school, List.of("school", "school-" + school));
    try {
      Task submit = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
      tasks.complete(submit.getId(), Map.of("confirmed", true, "submissionNote", "ส่งรายงานครบแล้ว"));
    } finally {
      identity.clearAuthentication();
    }
    return instance;
  }

  private void openTasklist(String step) {
    browser.open(TASKLIST, step);
    browser.visible(By.cssSelector(".task-filters"));
    browser.waitForText("งานของฉัน");
    browser.screenshot(step);
  }

  private void openTask(String filter, String taskName) {
    browser.click(By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='" + filter + "']"));
    browser.click(By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space(.)='" + taskName + "']"));
    browser.visible(By.xpath("//*[contains(@class,'task-details')]//*[contains(normalize-space(.),'" + taskName + "')]"));
  }

  private void claim() {
    browser.click(By.xpath("//button[normalize-space(.)='" + label("CLAIM_TASK") + "']"));
    browser.visible(By.cssSelector(".fjs-container"));
  }

  private void chooseRadio(String option) {
    browser.click(By.xpath("//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='" + option + "']"));
  }

  /** Tasklist's messages sit over the form's buttons at the bottom right until closed. */
  private void closeNotifications() {
    for (WebElement close : browser.driver().findElements(By.cssSelector(".page-notifications .close[ng-click^=removeNotification]"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
  }

  private void complete() {
    closeNotifications();
    browser.click(By.xpath("//button[normalize-space(.)='" + label("COMPLETE") + "']"));
  }
}
