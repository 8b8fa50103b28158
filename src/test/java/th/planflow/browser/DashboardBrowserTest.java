package th.planflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.PlanflowTest;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.policy.PolicyRounds;
import th.planflow.project.ProjectMonitoring;
import th.planflow.project.Projects;

/**
 * The director's dashboard in a real browser shows what the database holds (counted here with SQL, not
 * with the dashboard's own queries), with bars for the eye, and fits a phone.
 */
@PlanflowTest
class DashboardBrowserTest {

  /** A fiscal year of its own, so no other test's projects are counted. */
  static final int YEAR = 2581;
  static final String ROUND = "รอบทดสอบแดชบอร์ดในเบราว์เซอร์";

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired
  ProjectMonitoring monitoring;
  @Autowired
  Projects projects;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  PlanflowClock clock;
  @Autowired
  PolicyRounds rounds;

  ProcessInstance late;

  @AfterEach
  void cleanUp() {
    if (late != null) {
      runtime.deleteProcessInstance(late.getId(), "test done");
    }
  }

  @Test
  void directorSeesTheFiguresOfTheDatabase() {
    seedProjects();
    seedRound();
    String overdueName = overdueTask();

    browser.login("director", "demo");
    // the director lands on the dashboard
    assertThat(browser.driver().getCurrentUrl()).endsWith("/dashboard");
    browser.screenshot("landing");
    browser.open("/dashboard?fiscalYear=" + YEAR, "dashboard");

    assertThat(browser.driver().getTitle()).isEqualTo("แดชบอร์ด ปีงบประมาณ " + YEAR);
    assertThat(browser.driver().findElements(By.cssSelector(".cards article.card h3")).subList(0, 7))
        .extracting(WebElement::getText).doesNotContain("");

    // completeness and timeliness of the policy round, counted from its rows
    long round = rounds.ofYear(YEAR).get(0).id();
    int expected = count("select count(*) from policy_report where round_id = ?", round);
    int in = count("select count(*) from policy_report where round_id = ? and status in ('SUBMITTED', 'APPROVED')", round);
    int onTime = count("select count(*) from policy_report where round_id = ?"
        + " and status in ('SUBMITTED', 'APPROVED') and not late", round);
    int approved = count("select count(*) from policy_report where round_id = ? and status = 'APPROVED'", round);
    assertThat(browser.bodyText()).contains(ROUND, in + " / " + expected + " แห่ง ส่งแล้ว (" + percent(in, expected)
        + "%) · ตรงเวลา " + percent(onTime, expected) + "% · อนุมัติแล้ว " + approved, "ยังไม่ส่ง " + (expected - in) + " แห่ง");

    // budget disbursement, counted from the tables
    BigDecimal budget = jdbc.queryForObject("select sum(budget) from project where fiscal_year = ?"
        + " and status in ('SUBMITTED', 'APPROVED')", BigDecimal.class, YEAR);
    BigDecimal disbursed = disbursedUpTo(4);
    int entered = jdbc.queryForObject("select count(*) from project where fiscal_year = ?"
        + " and status in ('SUBMITTED', 'APPROVED')", Integer.class, YEAR);
    assertThat(figure("budget-total")).isEqualTo("งบประมาณรวม " + baht(budget) + " บาท (" + entered + " โครงการ)");
    assertThat(figure("budget-disbursed")).isEqualTo("เบิกจ่ายสะสม " + baht(disbursed) + " บาท");
    assertThat(figure("budget-percent")).isEqualTo("เบิกจ่ายแล้ว " + percent(disbursed, budget) + "%");
    List<String> columns = browser.driver().findElements(By.cssSelector(".columns .column .value")).stream()
        .map(WebElement::getText).toList();
    assertThat(columns).containsExactly(percent(disbursedUpTo(1), budget) + "%", percent(disbursedUpTo(2), budget) + "%",
        "-", "-");

    // reporting completeness of the project entry step: every registered project is expected
    int registered = jdbc.queryForObject("select count(*) from project where fiscal_year = ?", Integer.class, YEAR);
    WebElement entryRow = browser.visible(By.xpath("//tr[td[1][normalize-space(.)='บันทึกข้อมูลโครงการ']]"));
    assertThat(entryRow.findElements(By.tagName("td")).subList(1, 3)).extracting(WebElement::getText)
        .containsExactly(String.valueOf(registered), String.valueOf(entered));

    // overdue tasks: as many as the engine's task table holds, the one made late here among them
    int overdue = jdbc.queryForObject("select count(*) from act_ru_task where due_date_ < ? and suspension_state_ = 1",
        Integer.class, Date.from(clock.now()));
    assertThat(browser.bodyText()).contains("งานที่เลยกำหนด (" + overdue + ")");
    WebElement lateRow = browser.visible(By.xpath("//tr[td[1][normalize-space(.)='" + overdueName + "']]"));
    assertThat(lateRow.findElements(By.tagName("td")).get(4).getText()).isEqualTo("3");
    browser.screenshot("figures");
  }

  @Test
  void dashboardFitsAPhone() {
    seedProjects();
    seedRound();
    browser.login("director", "demo");
    browser.phone(390, 844);
    browser.open("/dashboard?fiscalYear=" + YEAR, "phone");
    // nothing wider than the screen: wide tables scroll inside their own box
    assertThat(browser.viewportWidth()).isEqualTo(390);
    assertThat(browser.scrollWidth()).isLessThanOrEqualTo(390);
    browser.open("/dashboard", "phone-this-year");
    assertThat(browser.scrollWidth()).isLessThanOrEqualTo(390);

    // every Planflow page's bar logs out: the session ends, the dashboard asks for a login again
    browser.click(By.xpath("//header//button[normalize-space(.)='ออกจากระบบ']"));
    browser.waitForText("ออกจากระบบเรียบร้อยแล้ว");
    browser.open("/dashboard", "after-logout");
    assertThat(browser.driver().getCurrentUrl()).contains("/login");
  }

  /** A round of the schools' policy reports: three in, one of them late, one approved; one returned. */
  private void seedRound() {
    if (!rounds.ofYear(YEAR).isEmpty()) {
      return;
    }
    long id = rounds.create(YEAR, ROUND, FiscalYear.of(YEAR).firstDay(), FiscalYear.of(YEAR).quarterEnd(2),
        PolicyRounds.Audience.SCHOOLS, List.of(), "planner", clock.now());
    jdbc.update("update policy_report set status = 'SUBMITTED', submitted_at = ? where round_id = ? and reporter in (?, ?)",
        Date.from(clock.now()), id, "10010001", "10010002");
    jdbc.update("update policy_report set status = 'APPROVED', submitted_at = ?, late = true where round_id = ?"
        + " and reporter = ?", Date.from(clock.now()), id, "10010003");
    // sent on time, then returned: neither submitted nor on time
    jdbc.update("update policy_report set status = 'RETURNED', submitted_at = ? where round_id = ? and reporter = ?",
        Date.from(clock.now()), id, "10010004");
  }

  /** Three projects: two with data and quarterly reports, one never entered (not in the budget). */
  private void seedProjects() {
    if (!projects.ofYear(YEAR).isEmpty()) {
      return;
    }
    long reading = project("โครงการทดสอบแดชบอร์ด อ่านคล่อง", "350000.00", true);
    long safety = project("โครงการทดสอบแดชบอร์ด โรงเรียนปลอดภัย", "125000.50", true);
    project("โครงการทดสอบแดชบอร์ด ยังไม่กรอกข้อมูล", "90000.00", false);
    monitoring.openQuarter(YEAR, 1);
    monitoring.openQuarter(YEAR, 2);
    report(reading, 1, "30", "87500.00");
    report(safety, 1, "25", "20000.25");
    report(reading, 2, "55", "175000.00");
  }

  private long project(String name, String budget, boolean entered) {
    long id = projects.register(YEAR, name, "staff1", "planner", clock.now());
    projects.saveDetails(id, new Projects.Entry(name, "เหตุผล", "วัตถุประสงค์", "ผลผลิต", "ผลลัพธ์",
        new BigDecimal(budget), Projects.BudgetSource.GOVERNMENT, FiscalYear.of(YEAR).firstDay(),
        FiscalYear.of(YEAR).lastDay()));
    if (entered) {
      jdbc.update("update project set status = 'APPROVED' where id = ?", id);
    }
    return id;
  }

  private void report(long projectId, int quarter, String progress, String disbursed) {
    projects.saveReport(projectId, quarter, new Projects.Progress(new BigDecimal(progress), new BigDecimal(disbursed),
        "กิจกรรม", "ผลผลิต", "ผลลัพธ์", null, null, null), "staff1", clock.now(), false);
  }

  /** Sum over entered projects of the cumulative disbursement in each one's latest report up to the quarter. */
  private BigDecimal disbursedUpTo(int quarter) {
    BigDecimal sum = jdbc.queryForObject("select coalesce(sum(r.disbursed), 0) from project_report r"
        + " join project p on p.id = r.project_id where p.fiscal_year = ? and p.status in ('SUBMITTED', 'APPROVED')"
        + " and r.status in ('SUBMITTED', 'APPROVED') and r.quarter = (select max(x.quarter) from project_report x"
        + " where x.project_id = r.project_id and x.quarter <= ? and x.status in ('SUBMITTED', 'APPROVED'))",
        BigDecimal.class, YEAR, quarter);
    return sum;
  }

  private String overdueTask() {
    String title = "งานทดสอบเลยกำหนด " + UUID.randomUUID().toString().substring(0, 8);
    late = runtime.startProcessInstanceByKey("reviewedSubmission", Map.of(
        "fiscalYear", 2570, "title", title, "stepKey", "browser", "due", "4",
        "submitterGroup", "school-10010005", "subjectRef", "browser:10010005"));
    Task task = tasks.createTaskQuery().processInstanceId(late.getId()).singleResult();
    task.setDueDate(Date.from(clock.now().minus(3, ChronoUnit.DAYS)));
    tasks.saveTask(task);
    return task.getName();
  }

  private int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }

  private static long percent(int part, int whole) {
    return Math.round(100.0 * part / whole);
  }

  private String figure(String name) {
    return browser.visible(By.cssSelector("[data-figure=" + name + "]")).getText();
  }

  private static String baht(BigDecimal amount) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
  }

  private static long percent(BigDecimal part, BigDecimal whole) {
    return Math.round(100.0 * part.doubleValue() / whole.doubleValue());
  }
}
