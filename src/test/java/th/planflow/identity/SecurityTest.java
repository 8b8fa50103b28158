package th.planflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import th.planflow.PlanflowTest;

/** One login for everything; only health, the login page and static assets are open. */
@PlanflowTest
class SecurityTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;

  @Test
  void restAndApiNeedALogin() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/calendar/overrides?fiscalYear=2570", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("staff9", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("nobody", "demo").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.withBasicAuth("planner", "demo").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(http.withBasicAuth("planner", "demo").getForEntity("/api/calendar/overrides?fiscalYear=2570", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void webappsNeedALoginAndHideTheEndOfLifeBanner() {
    ResponseEntity<String> anonymous = http.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(anonymous.getStatusCode().is2xxSuccessful()).isFalse();
    ResponseEntity<String> css = http.withBasicAuth("planner", "demo")
        .getForEntity("/camunda/app/tasklist/styles/user-styles.css", String.class);
    assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(css.getBody()).contains(".ce-eol-banner", "display: none");
  }

  @Test
  void healthLoginPageAndAssetsAreOpen() {
    ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(health.getBody()).contains("\"db\"", "\"mailOutbox\"", "backlog");
    ResponseEntity<String> login = http.getForEntity("/login", String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(login.getBody()).contains("เข้าสู่ระบบ", "ชื่อผู้ใช้", "รหัสผ่าน");
    assertThat(http.getForEntity("/css/planflow.css", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().is2xxSuccessful()).isFalse();
  }

  @Test
  void aSchoolReadsOnlyItsOwnTasks() {
    String instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "รายงานนโยบาย", "stepKey", "securityTest", "due", "4",
        "submitterGroup", "school-10010004")).getId();
    String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    try {
      ResponseEntity<String> own = http.withBasicAuth("school10010004", "demo").getForEntity("/engine-rest/task/" + taskId, String.class);
      assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(own.getBody()).contains("ส่งงาน: รายงานนโยบาย");

      ResponseEntity<String> other = http.withBasicAuth("school10010005", "demo").getForEntity("/engine-rest/task/" + taskId, String.class);
      assertThat(other.getStatusCode().value()).isIn(403, 404);
      String list = http.withBasicAuth("school10010005", "demo").getForObject("/engine-rest/task", String.class);
      assertThat(list).doesNotContain(taskId);
    } finally {
      runtime.deleteProcessInstance(instance, "test done");
    }
  }

  @Test
  void tasklistHasTheThaiFiltersForEverybody() {
    String filters = http.withBasicAuth("school10010006", "demo").getForObject("/engine-rest/filter", String.class);
    assertThat(filters).contains("งานของฉัน", "งานของกลุ่มฉัน", "งานเลยกำหนด", "ครบกำหนดภายใน 7 วัน");
  }
}
