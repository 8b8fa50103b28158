package th.planflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;
import th.planflow.policy.PolicyReporting;
import th.planflow.policy.PolicyRounds;

/**
 * A school's report page in a real browser: from the list of its rounds to a draft, a refused send that
 * keeps what was typed, and the send that hands the report to the planner's review.
 */
@PlanflowTest
class PolicyReportBrowserTest {

  static final String SCHOOL = "10010005";

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired
  PolicyReporting reporting;
  @Autowired
  PolicyRounds rounds;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  th.planflow.calendar.PlanflowClock clock;

  long roundId;

  @BeforeEach
  void openRound() {
    PolicyRounds.Round round = reporting.open(new PolicyReporting.OpenRound(2570, "รอบทดสอบหน้ารายงานของโรงเรียน", null,
        clock.today().plusDays(30), "SCHOOLS", List.of("P01", "P02")), "planner");
    roundId = round.id();
    List<Job> jobs;
    while (!(jobs = management.createJobQuery().processInstanceId(round.processInstanceId()).executable().list()).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("policyRound:" + roundId + "%").list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "browser test done"));
  }

  WebElement field(String name) {
    return browser.driver().findElement(By.name(name));
  }

  @Test
  void aSchoolDraftsItsReportThenSendsIt() {
    browser.login("school" + SCHOOL, "demo");
    browser.open("/policy/report", "school-report-list");
    assertThat(browser.bodyText()).contains("รอบทดสอบหน้ารายงานของโรงเรียน", "ยังไม่ส่ง");
    browser.click(By.cssSelector("a[href*='/policy/rounds/" + roundId + "/report']"));
    browser.visible(By.name("result.P01"));

    // a draft of one policy: kept, not sent
    field("result.P01").sendKeys("ติดตั้งกล้องวงจรปิดครบทุกอาคารเรียน");
    field("problems.P01").sendKeys("งบประมาณซ่อมบำรุงไม่เพียงพอ");
    browser.click(By.cssSelector("button[value=save]"));
    browser.waitForText("บันทึกร่างแล้ว");
    assertThat(field("result.P01").getAttribute("value")).isEqualTo("ติดตั้งกล้องวงจรปิดครบทุกอาคารเรียน");
    assertThat(rounds.report(roundId, SCHOOL).orElseThrow().status()).isEqualTo(PolicyRounds.ReportStatus.PENDING);

    // sent without the confirmation: the server refuses in Thai and the typed text is still there
    field("result.P02").sendKeys("นักเรียนอ่านออกเขียนได้ร้อยละ 96");
    browser.click(By.cssSelector("button[value=submit]"));
    browser.waitForText("กรุณายืนยันว่าข้อมูลที่ส่งครบถ้วนและถูกต้อง");
    browser.screenshot("school-report-refused");
    assertThat(field("result.P02").getAttribute("value")).isEqualTo("นักเรียนอ่านออกเขียนได้ร้อยละ 96");
    assertThat(rounds.results(roundId, SCHOOL)).extracting(PolicyRounds.Result::policyCode).containsExactly("P01");

    browser.click(By.name("confirmed"));
    browser.click(By.cssSelector("button[value=submit]"));
    browser.waitForText("ส่งรายงานเรียบร้อยแล้ว");
    browser.screenshot("school-report-sent");
    assertThat(browser.bodyText()).contains("ส่งแล้ว รอตรวจสอบ");
    assertThat(field("result.P02").isEnabled()).isFalse();
    PolicyRounds.Report report = rounds.report(roundId, SCHOOL).orElseThrow();
    assertThat(report.status()).isEqualTo(PolicyRounds.ReportStatus.SUBMITTED);
    assertThat(tasks.createTaskQuery().processInstanceId(report.processInstanceId()).taskDefinitionKey("Task_Review")
        .count()).isEqualTo(1);
    assertThat(rounds.results(roundId, SCHOOL)).extracting(PolicyRounds.Result::result)
        .containsExactly("ติดตั้งกล้องวงจรปิดครบทุกอาคารเรียน", "นักเรียนอ่านออกเขียนได้ร้อยละ 96");
  }

  @Test
  void thePlannerOpensARoundWithBuddhistEraDates() {
    browser.login("planner", "demo");
    browser.open("/policy/rounds/new?fiscalYear=2570", "planner-new-round");
    field("name").sendKeys("รอบทดสอบเปิดจากหน้าเว็บ");
    field("dueOn").clear();
    browser.script("arguments[0].removeAttribute('pattern')", field("dueOn")); // the server's own check
    field("dueOn").sendKeys("2027-01-31");
    browser.click(By.cssSelector("form.report-form button[type=submit]"));
    browser.waitForText("ต้องเป็นวันที่แบบ วว/ดด/ปปปป (พ.ศ.)");
    browser.screenshot("planner-new-round-refused");
    assertThat(field("name").getAttribute("value")).isEqualTo("รอบทดสอบเปิดจากหน้าเว็บ");

    field("dueOn").clear();
    field("dueOn").sendKeys("31/01/2570");
    browser.click(By.cssSelector("form.report-form button[type=submit]"));
    browser.waitForText("เปิดรอบการรายงานแล้ว");
    browser.screenshot("planner-round-opened");
    long opened = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/policy/rounds/(\\d+).*", "$1"));
    try {
      PolicyRounds.Round round = reporting.round(opened);
      assertThat(round.name()).isEqualTo("รอบทดสอบเปิดจากหน้าเว็บ");
      assertThat(round.dueOn()).isEqualTo(java.time.LocalDate.of(2027, 1, 31));
      assertThat(browser.bodyText()).contains("ครบกำหนด 31 มกราคม 2570");
    } finally {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey("policyRound:" + opened).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "browser test done"));
    }
  }

  @Test
  void aSchoolCannotOpenARound() {
    browser.login("school" + SCHOOL, "demo");
    browser.open("/policy/rounds/new", "school-new-round-refused");
    assertThat(browser.bodyText()).contains("เฉพาะนักวิเคราะห์นโยบายและแผนเท่านั้น");
  }
}
