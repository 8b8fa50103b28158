package th.planflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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
  @Autowired
  AuthorizationService authorizations;

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
  void aLoggedInPageCallsTheJsonApiWithItsSessionAndAnonymousRestIsAskedForBasic() throws Exception {
    ResponseEntity<String> anonymous = http.getForEntity("/api/calendar/overrides?fiscalYear=2570", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Basic realm=\"Planflow\"");

    // a browser: keeps its session cookie, follows no redirect by itself
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
        .cookieHandler(new java.net.CookieManager()).followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    String root = http.getRootUri();
    String loginPage = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/login")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(token.find()).as("the login form carries its CSRF token").isTrue();
    java.net.http.HttpResponse<String> loggedIn = browser.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(root + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=planner&password=demo&_csrf=" + token.group(1)))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));

    java.net.http.HttpResponse<String> api = browser.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(root + "/api/calendar/overrides?fiscalYear=2570")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).startsWith("[");
  }

  @Test
  void webappsNeedALoginAndHideTheEndOfLifeBanner() {
    // an anonymous visitor is sent to the Thai login page
    String anonymous = http.getForObject("/camunda/app/tasklist/default/", String.class);
    assertThat(anonymous).contains("เข้าสู่ระบบ Planflow").doesNotContain("cam-tasklist");
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
    assertThat(http.getForObject("/actuator/env", String.class)).doesNotContain("propertySources");
    org.springframework.http.HttpHeaders browser = new org.springframework.http.HttpHeaders();
    browser.setAccept(java.util.List.of(org.springframework.http.MediaType.TEXT_HTML));
    String missing = http.withBasicAuth("planner", "demo").exchange("/no-such-page",
        org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(browser), String.class).getBody();
    assertThat(missing).contains("ไม่พบหน้าที่ต้องการ");
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
  void aReviewWithoutDecisionIsRefusedWithAThaiMessageThroughRest() {
    String instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "รายงานนโยบาย", "stepKey", "restValidation", "due", "4",
        "submitterGroup", "school-10010007")).getId();
    try {
      String submitId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
      org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
      headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
      ResponseEntity<Map> unconfirmed = http.withBasicAuth("school10010007", "demo").postForEntity(
          "/engine-rest/task/" + submitId + "/submit-form",
          new org.springframework.http.HttpEntity<>("{\"variables\": {}}", headers), Map.class);
      assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(unconfirmed.getBody()).containsEntry("message", "กรุณายืนยันว่าข้อมูลที่ส่งครบถ้วนและถูกต้องก่อนส่งงาน");

      ResponseEntity<Map> submitted = http.withBasicAuth("school10010007", "demo").postForEntity(
          "/engine-rest/task/" + submitId + "/submit-form",
          new org.springframework.http.HttpEntity<>("{\"variables\": {\"confirmed\": {\"value\": true}}}", headers), Map.class);
      assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

      String reviewId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
      ResponseEntity<Map> noDecision = http.withBasicAuth("planner", "demo").postForEntity(
          "/engine-rest/task/" + reviewId + "/submit-form",
          new org.springframework.http.HttpEntity<>("{\"variables\": {\"reviewComment\": {\"value\": \"ดี\"}}}", headers), Map.class);
      assertThat(noDecision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(noDecision.getBody()).containsEntry("message", "กรุณาเลือกผลการพิจารณา: อนุมัติ หรือ ส่งกลับแก้ไข");
      assertThat(tasks.createTaskQuery().taskId(reviewId).count()).isEqualTo(1);

      // a second completion of the same submission is refused, nothing runs twice
      ResponseEntity<Map> duplicate = http.withBasicAuth("school10010007", "demo").postForEntity(
          "/engine-rest/task/" + submitId + "/submit-form",
          new org.springframework.http.HttpEntity<>("{\"variables\": {\"confirmed\": {\"value\": true}}}", headers), Map.class);
      assertThat(duplicate.getStatusCode().is2xxSuccessful()).isFalse();
    } finally {
      runtime.deleteProcessInstance(instance, "test done");
    }
  }

  @Test
  void thePlannerCannotDecideInTheDirectorsPlace() {
    String instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "คำสั่งแต่งตั้งคณะทำงาน", "stepKey", "segregationTest", "due", "4",
        "submitterGroup", "plan-officer", "reviewerGroup", "director")).getId();
    try {
      org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
      headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
      String submitId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
      assertThat(http.withBasicAuth("planner", "demo").postForEntity("/engine-rest/task/" + submitId + "/submit-form",
          new org.springframework.http.HttpEntity<>("{\"variables\": {\"confirmed\": {\"value\": true}}}", headers), String.class)
          .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
      String reviewId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
      String approve = "{\"variables\": {\"reviewDecision\": {\"value\": \"approve\"}}}";
      assertThat(http.withBasicAuth("planner", "demo").postForEntity("/engine-rest/task/" + reviewId + "/submit-form",
          new org.springframework.http.HttpEntity<>(approve, headers), String.class).getStatusCode().is2xxSuccessful()).isFalse();
      assertThat(http.withBasicAuth("planner", "demo").postForEntity("/engine-rest/task/" + reviewId + "/claim",
          new org.springframework.http.HttpEntity<>("{\"userId\": \"planner\"}", headers), String.class)
          .getStatusCode().is2xxSuccessful()).isFalse();
      assertThat(http.withBasicAuth("planner", "demo").getForEntity("/engine-rest/task/" + reviewId, String.class)
          .getStatusCode()).isEqualTo(HttpStatus.OK); // the planner still follows it
      assertThat(http.withBasicAuth("director", "demo").postForEntity("/engine-rest/task/" + reviewId + "/submit-form",
          new org.springframework.http.HttpEntity<>(approve, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    } finally {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
        runtime.deleteProcessInstance(instance, "test done");
      }
    }
  }

  @Test
  void supervisorsWatchEveryProcessInCockpitReadOnly() {
    String instance = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", "รายงานนโยบาย", "stepKey", "cockpitReadOnly", "due", "4",
        "submitterGroup", "school-10010008")).getId();
    String taskId = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    try {
      for (String supervisor : new String[] {"director", "head"}) {
        TestRestTemplate as = http.withBasicAuth(supervisor, "demo");
        // reads what Cockpit shows: instances, their variables, history and tasks
        assertThat(as.getForObject("/engine-rest/process-instance?processDefinitionKey=reviewedSubmission", String.class))
            .contains(instance);
        assertThat(as.getForEntity("/engine-rest/process-instance/" + instance + "/variables", String.class).getBody())
            .contains("school-10010008");
        assertThat(as.getForObject("/engine-rest/history/process-instance?processInstanceId=" + instance, String.class))
            .contains(instance);
        assertThat(as.getForObject("/engine-rest/history/task?processInstanceId=" + instance, String.class)).contains(taskId);
        assertThat(as.getForObject("/engine-rest/history/variable-instance?processInstanceId=" + instance, String.class))
            .contains("school-10010008");
        assertThat(as.getForObject("/engine-rest/task?processInstanceId=" + instance, String.class)).contains(taskId);
        // changes nothing
        assertThat(as.exchange("/engine-rest/process-instance/" + instance, org.springframework.http.HttpMethod.DELETE,
            null, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as.exchange("/engine-rest/process-instance/" + instance + "/suspended", org.springframework.http.HttpMethod.PUT,
            new org.springframework.http.HttpEntity<>("{\"suspended\": true}", headers), String.class).getStatusCode().value())
            .isEqualTo(403);
        assertThat(as.postForEntity("/engine-rest/process-instance/" + instance + "/modification",
            new org.springframework.http.HttpEntity<>("{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_Submit\"}]}",
                headers), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as.postForEntity("/engine-rest/process-instance/" + instance + "/variables",
            new org.springframework.http.HttpEntity<>("{\"modifications\": {\"title\": {\"value\": \"x\"}}}", headers),
            String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as.postForEntity("/engine-rest/task/" + taskId + "/complete",
            new org.springframework.http.HttpEntity<>("{}", headers), String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(as.postForEntity("/engine-rest/process-instance/delete",
            new org.springframework.http.HttpEntity<>("{\"processInstanceIds\": [\"" + instance + "\"]}", headers),
            String.class).getStatusCode().value()).isEqualTo(403);
        // Cockpit and Tasklist, not Admin
        // the webapps learn the user's applications on opening one, within the session that page starts
        String session = as.getForEntity("/camunda/app/welcome/default/", String.class).getHeaders()
            .getFirst(org.springframework.http.HttpHeaders.SET_COOKIE).split(";")[0];
        org.springframework.http.HttpHeaders withSession = new org.springframework.http.HttpHeaders();
        withSession.add(org.springframework.http.HttpHeaders.COOKIE, session);
        String apps = as.exchange("/camunda/api/admin/auth/user/default", org.springframework.http.HttpMethod.GET,
            new org.springframework.http.HttpEntity<>(withSession), String.class).getBody();
        assertThat(apps).contains("\"cockpit\"", "\"tasklist\"").doesNotContain("\"admin\"");
        List<String> groups = List.of("director".equals(supervisor) ? Groups.DIRECTOR : Groups.PLAN_HEAD);
        assertThat(authorizations.isUserAuthorized(supervisor, groups, Permissions.ACCESS, Resources.APPLICATION, "admin"))
            .isFalse();
        for (Permission administrative : new Permission[] {Permissions.UPDATE, Permissions.DELETE, Permissions.UPDATE_INSTANCE,
            Permissions.DELETE_INSTANCE, Permissions.MIGRATE_INSTANCE, org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.SUSPEND_INSTANCE,
            Permissions.UPDATE_TASK,
            Permissions.TASK_WORK, Permissions.TASK_ASSIGN}) {
          assertThat(authorizations.isUserAuthorized(supervisor, groups, administrative, Resources.PROCESS_DEFINITION,
              "reviewedSubmission")).as("%s %s", supervisor, administrative).isFalse();
        }
        assertThat(authorizations.isUserAuthorized(supervisor, groups, Permissions.CREATE, Resources.BATCH)).isFalse();
        assertThat(authorizations.isUserAuthorized(supervisor, groups, Permissions.UPDATE, Resources.PROCESS_INSTANCE,
            instance)).isFalse();
      }
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isEqualTo(1);
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
      // a school still reads only its own tasks
      assertThat(http.withBasicAuth("school10010009", "demo").getForObject("/engine-rest/task", String.class))
          .doesNotContain(taskId);
      assertThat(http.withBasicAuth("school10010009", "demo")
          .getForObject("/engine-rest/process-instance?processDefinitionKey=reviewedSubmission", String.class))
          .doesNotContain(instance);
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
