package th.planflow.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.policy.PolicyReporting;
import th.planflow.policy.PolicyRounds;
import th.planflow.project.ProjectMonitoring;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;

/** The director's and planner's dashboard: one fiscal year of all seven duties at a glance. */
@Controller
class DashboardController {

  record RoundRow(long id, String name, String dueOn, String status, int expected, int submitted, int approved,
      int late, int onTimePercent, int submittedPercent, int submittedLate, String onTimeWidth, String submittedLateWidth,
      List<PolicyRounds.Report> missing) {
  }

  record KpiRow(String round, String strategy, int total, int achieved, int notAchieved, int notReported,
      int achievedPercent) {
  }

  record ProjectRow(String period, String status, int expected, int submitted, int approved, int missing, int late,
      int enteredInEmenscr, int submittedPercent) {
  }

  /** Budget disbursement of the year's projects; amounts as the project exports write them. */
  record BudgetView(int projects, String budget, String disbursed, int disbursedPercent, List<QuarterBar> quarters,
      List<ProjectBar> perProject) {
  }

  /** Cumulative disbursement after a quarter's reports; reported is false for a quarter nobody reported yet. */
  record QuarterBar(String quarter, boolean reported, String disbursed, int percentOfBudget) {
  }

  record ProjectBar(String code, String name, String budget, String disbursed, int disbursedPercent, int progressPercent,
      boolean reported) {
  }

  private final th.planflow.kpi.KpiReports kpis;
  private final th.planflow.project.ProjectMonitoring projects;
  private final DashboardQueries queries;
  private final PolicyRounds rounds;
  private final PolicyReporting policy;
  private final PlanflowClock clock;

  DashboardController(DashboardQueries queries, PolicyRounds rounds, PolicyReporting policy, PlanflowClock clock,
      th.planflow.kpi.KpiReports kpis, th.planflow.project.ProjectMonitoring projects) {
    this.kpis = kpis;
    this.projects = projects;
    this.queries = queries;
    this.rounds = rounds;
    this.policy = policy;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  String page(@RequestParam(required = false) String fiscalYear, Model model) {
    model.addAllAttributes(data(fiscalYear));
    model.addAttribute("canOpenRound", th.planflow.web.CurrentUser.isMemberOf(th.planflow.identity.Groups.PLAN_OFFICER));
    return "dashboard";
  }

  @GetMapping("/api/dashboard")
  @ResponseBody
  Map<String, Object> json(@RequestParam(required = false) String fiscalYear) {
    return data(fiscalYear);
  }

  private Map<String, Object> data(String fiscalYearInput) {
    if (!CurrentUser.isPlanningOrSupervisor()) {
      throw ApiException.forbidden("แดชบอร์ดสำหรับกลุ่มนโยบายและแผนและผู้บริหารเท่านั้น");
    }
    FiscalYear year = fiscalYearInput == null || fiscalYearInput.isBlank()
        ? FiscalYear.containing(clock.today()) : FiscalYear.parse(fiscalYearInput);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("fiscalYear", year.buddhistYear());
    data.put("today", ThaiDates.full(clock.today()));
    data.put("duties", queries.duties(year.buddhistYear()));
    data.put("overdue", queries.overdueTasks());
    List<RoundRow> roundRows = new ArrayList<>();
    for (PolicyRounds.Round round : rounds.ofYear(year.buddhistYear())) {
      PolicyReporting.Progress p = policy.progress(round.id());
      roundRows.add(new RoundRow(round.id(), round.name(), ThaiDates.full(round.dueOn()),
          round.status() == PolicyRounds.RoundStatus.OPEN ? "เปิดรับรายงาน" : "ปิดรอบแล้ว", p.expected(), p.submitted(),
          p.approved(), p.late(), percent(p.onTime(), p.expected()), percent(p.submitted(), p.expected()), p.submittedLate(),
          p.onTimeWidth(), p.submittedLateWidth(), p.notSubmitted()));
    }
    data.put("policyRounds", roundRows);
    List<KpiRow> kpiRows = new ArrayList<>();
    for (th.planflow.kpi.KpiRound round : th.planflow.kpi.KpiRound.values()) {
      for (th.planflow.kpi.KpiReports.Count c : kpis.counts(year.buddhistYear(), round)) {
        if (c.total() > 0) {
          kpiRows.add(new KpiRow("ไตรมาส " + round.quarter(), c.strategy(), c.total(), c.achieved(), c.notAchieved(),
              c.notReported(), percent(c.achieved(), c.total())));
        }
      }
    }
    data.put("kpis", kpiRows);
    List<ProjectRow> projectRows = new ArrayList<>();
    for (String period : List.of(th.planflow.project.ProjectMonitoring.ENTRY, "Q1", "Q2", "Q3", "Q4")) {
      th.planflow.project.ProjectMonitoring.PeriodProgress p = projects.progress(year.buddhistYear(), period);
      if (p.expected() > 0) {
        projectRows.add(new ProjectRow(th.planflow.project.ProjectMonitoring.ENTRY.equals(period) ? "บันทึกข้อมูลโครงการ"
            : "ไตรมาส " + period.substring(1), p.status(), p.expected(), p.submitted(), p.approved(), p.missing(),
            p.late(), p.enteredInEmenscr(), percent(p.submitted(), p.expected())));
      }
    }
    data.put("projects", projectRows);
    data.put("budget", budget(projects.disbursement(year.buddhistYear())));
    return data;
  }

  private static BudgetView budget(ProjectMonitoring.Disbursement d) {
    List<QuarterBar> quarters = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      BigDecimal amount = d.disbursedByQuarter().get(q);
      quarters.add(new QuarterBar("ไตรมาส " + (q + 1), amount != null,
          amount == null ? "-" : ProjectMonitoring.baht(amount), percent(amount, d.budget())));
    }
    List<ProjectBar> perProject = d.projects().stream().map(p -> new ProjectBar(p.code(), p.name(),
        ProjectMonitoring.baht(p.budget()), ProjectMonitoring.baht(p.disbursed()),
        percent(p.disbursed(), p.budget()),
        p.progress() == null ? 0 : (int) Math.round(p.progress().doubleValue()), p.disbursed() != null)).toList();
    return new BudgetView(d.projects().size(), ProjectMonitoring.baht(d.budget()),
        ProjectMonitoring.baht(d.disbursed()), percent(d.disbursed(), d.budget()),
        quarters, perProject);
  }

  private static int percent(BigDecimal part, BigDecimal whole) {
    return part == null || whole == null || whole.signum() == 0 ? 0
        : (int) Math.round(100.0 * part.doubleValue() / whole.doubleValue());
  }

  private static int percent(int part, int whole) {
    return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
  }
}
