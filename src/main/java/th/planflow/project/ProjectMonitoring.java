package th.planflow.project;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.identity.Groups;
import th.planflow.project.Projects.Project;
import th.planflow.project.Projects.ProjectStatus;
import th.planflow.project.Projects.Report;
import th.planflow.project.Projects.ReportStatus;
import th.planflow.review.FormInput;
import th.planflow.web.ApiException;
import th.planflow.web.UserInputException;

/**
 * The project duty's rules: the planner registers the year's projects and owners in October; each owner
 * enters the project (with its linkage to the 3-level plans) in December and its progress every quarter;
 * the planner reviews, marks what was entered in eMENSCR and closes each period, recording what was not
 * entered or reported. Knows nothing of the engine; the process's delegates and handlers call it.
 */
@Service
public class ProjectMonitoring {

  public static final String PROCESS_KEY = "projectMonitoring";
  public static final String ENTRY = "ENTRY";
  /** Closed by the process itself when its close date passed. */
  public static final String AUTO = "AUTO";
  static final Set<String> OWNER_GROUPS = Set.of(Groups.ESA_STAFF, Groups.PLAN_OFFICER, Groups.PLAN_HEAD,
      Groups.DIRECTOR, Groups.EXECUTIVE_BOARD);

  private final Projects projects;
  private final PlanItems planItems;
  private final IdentityService identity;
  private final PlanflowClock clock;

  public ProjectMonitoring(Projects projects, PlanItems planItems, IdentityService identity, PlanflowClock clock) {
    this.projects = projects;
    this.planItems = planItems;
    this.identity = identity;
    this.clock = clock;
  }

  public static String quarterPeriod(int quarter) {
    return "Q" + quarter;
  }

  // --- October: the planner registers the year's projects ---

  /** Registers a project with its owner and, optionally, the linkage the planner proposes. */
  @Transactional
  public Project register(Object fiscalYearInput, String nameInput, String ownerInput, Object links, String user) {
    FiscalYear year = FiscalYear.parse(fiscalYearInput);
    requireRegistrationOpen(year.buddhistYear());
    String name = FormInput.text(nameInput, "ชื่อโครงการ", 500, true);
    String owner = owner(ownerInput);
    List<PlanItems.PlanItem> items = proposedLinks(year.buddhistYear(), links);
    long id = projects.register(year.buddhistYear(), name, owner, user, clock.now());
    projects.setLinks(id, items);
    return project(id);
  }

  @Transactional
  public Project update(long id, String nameInput, String ownerInput, Object links) {
    Project project = project(id);
    requireRegistrationOpen(project.fiscalYear());
    String name = nameInput == null ? project.name() : FormInput.text(nameInput, "ชื่อโครงการ", 500, true);
    String owner = ownerInput == null ? project.owner() : owner(ownerInput);
    projects.rename(id, name, owner);
    if (links != null) {
      projects.setLinks(id, proposedLinks(project.fiscalYear(), links));
    }
    return project(id);
  }

  @Transactional
  public void delete(long id) {
    Project project = project(id);
    requireRegistrationOpen(project.fiscalYear());
    projects.delete(id);
  }

  private void requireRegistrationOpen(int fiscalYear) {
    if (projects.period(fiscalYear, ENTRY).isPresent()) {
      throw new UserInputException("ขั้นตอนนำเข้าข้อมูลโครงการของปีงบประมาณ " + fiscalYear
          + " เริ่มแล้ว ไม่สามารถเพิ่ม แก้ไข หรือลบรายการโครงการได้");
    }
  }

  private List<PlanItems.PlanItem> proposedLinks(int fiscalYear, Object links) {
    List<String> problems = new ArrayList<>();
    Map<Integer, List<String>> byLevel = new LinkedHashMap<>();
    List<String> codes = ProjectInputs.codes(links);
    for (String code : codes) {
      int level = planItems.find(code).map(PlanItems.PlanItem::level).orElse(0);
      if (level == 0) {
        problems.add("ไม่พบรหัส " + code + " ในรายการแผน ๓ ระดับ");
      } else {
        byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(code);
      }
    }
    List<String> levelProblems = new ArrayList<>();
    List<PlanItems.PlanItem> items = planItems.resolveLinks(fiscalYear, byLevel, levelProblems);
    // a proposal may leave a level for the owner to fill in
    levelProblems.stream().filter(p -> !p.startsWith("ยังไม่ได้ระบุ")).forEach(problems::add);
    if (!problems.isEmpty()) {
      throw new UserInputException("ความเชื่อมโยงกับแผน ๓ ระดับไม่ถูกต้อง: " + String.join("; ", problems));
    }
    return items;
  }

  private String owner(Object input) {
    String owner = FormInput.text(input, "ผู้รับผิดชอบโครงการ (ชื่อผู้ใช้)", 64, true);
    if (identity.createUserQuery().userId(owner).count() == 0) {
      throw new UserInputException("ไม่พบผู้ใช้ '" + owner + "' ในระบบ");
    }
    boolean staff = identity.createGroupQuery().groupMember(owner).list().stream().map(Group::getId)
        .anyMatch(OWNER_GROUPS::contains);
    if (!staff) {
      throw new UserInputException("ผู้รับผิดชอบโครงการต้องเป็นบุคลากรในสำนักงานเขตพื้นที่การศึกษา ('" + owner + "' ไม่ใช่)");
    }
    return owner;
  }

  // --- December: each owner enters the project; the planner checks completeness ---

  public void openEntry(int fiscalYear) {
    projects.openPeriod(fiscalYear, ENTRY, clock.now());
  }

  public List<Long> toEnter(int fiscalYear) {
    return Projects.ids(projects.ofYear(fiscalYear, ProjectStatus.REGISTERED, ProjectStatus.RETURNED));
  }

  /** Checks and keeps an owner's December submission; refuses it whole, listing every problem. */
  public void submitEntry(long projectId, Map<String, ?> fields, boolean late) {
    Project project = project(projectId);
    if (project.status() != ProjectStatus.REGISTERED && project.status() != ProjectStatus.RETURNED) {
      throw new UserInputException("ข้อมูลโครงการ " + project.code() + " " + project.status().thai()
          + " แก้ไขได้เมื่อผู้ตรวจสอบส่งกลับเท่านั้น");
    }
    List<String> problems = new ArrayList<>();
    Map<Integer, List<String>> codes = new LinkedHashMap<>();
    Projects.Entry entry = ProjectInputs.entry(fields, FiscalYear.of(project.fiscalYear()), codes, problems);
    List<PlanItems.PlanItem> links = planItems.resolveLinks(project.fiscalYear(), codes, problems);
    if (!problems.isEmpty()) {
      throw ProjectInputs.refusal("ยังส่งข้อมูลโครงการไม่ได้ กรุณาแก้ไข:", problems);
    }
    projects.saveDetails(projectId, entry);
    projects.setLinks(projectId, links);
    projects.markSubmitted(projectId, clock.now(), late);
  }

  public void reviewedEntry(long projectId, boolean approved, String comment, String reviewer) {
    if (approved) {
      projects.markApproved(projectId, reviewer, clock.now());
    } else {
      projects.markReturned(projectId, comment);
    }
  }

  /** The planner may close the entry step only when nothing waits for review. */
  public void checkEntryCanClose(int fiscalYear) {
    List<Project> waiting = projects.ofYear(fiscalYear, ProjectStatus.SUBMITTED);
    if (!waiting.isEmpty()) {
      throw new UserInputException("ยังมีข้อมูลโครงการที่รอการตรวจสอบ " + waiting.size() + " โครงการ: "
          + names(waiting) + " กรุณาอนุมัติหรือส่งกลับแก้ไขก่อนปิดขั้นตอน");
    }
  }

  /** Closes the entry step: what was not entered is recorded as such and is not reported on. */
  public int closeEntry(int fiscalYear, String closedBy) {
    int notEntered = projects.markNotEntered(fiscalYear);
    projects.closePeriod(fiscalYear, ENTRY, closedBy == null ? AUTO : closedBy, clock.now());
    return notEntered;
  }

  /** Marks every approved project of the year as entered in eMENSCR (the planner's bulk confirmation). */
  public int markAllEntered(int fiscalYear, String user) {
    int marked = 0;
    for (Project p : projects.ofYear(fiscalYear, ProjectStatus.APPROVED)) {
      if (p.emenscrEnteredAt() == null) {
        projects.markEmenscr(p.id(), true, user, clock.now());
        marked++;
      }
    }
    return marked;
  }

  // --- each quarter: progress per project ---

  /** Opens a quarter: one report to expect from every project that was entered. */
  public void openQuarter(int fiscalYear, int quarter) {
    projects.openPeriod(fiscalYear, quarterPeriod(quarter), clock.now());
    for (Project p : projects.ofYear(fiscalYear, ProjectStatus.APPROVED, ProjectStatus.SUBMITTED)) {
      projects.createPending(p.id(), quarter);
    }
  }

  public List<Long> toReport(int fiscalYear, int quarter) {
    List<Long> ids = new ArrayList<>();
    for (Project p : projects.ofYear(fiscalYear)) {
      projects.report(p.id(), quarter).filter(r -> r.status() == ReportStatus.PENDING || r.status() == ReportStatus.RETURNED)
          .ifPresent(r -> ids.add(p.id()));
    }
    return ids;
  }

  /** The last progress reported before a quarter, for the "lower than last quarter" rule. */
  public ProjectInputs.Previous previous(long projectId, int quarter) {
    return projects.reports(projectId).stream()
        .filter(r -> r.quarter() < quarter && r.status().reported() && r.progress() != null)
        .max(Comparator.comparingInt(Report::quarter))
        .map(r -> new ProjectInputs.Previous(r.quarter(), r.progress(), r.disbursed())).orElse(null);
  }

  /** Checks and keeps an owner's quarterly report; refuses it whole, listing every problem. */
  public void submitProgress(long projectId, int quarter, Map<String, ?> fields, String user, boolean late) {
    Project project = project(projectId);
    Report report = projects.report(projectId, quarter)
        .orElseThrow(() -> new UserInputException("ไม่มีรอบรายงานไตรมาสที่ " + quarter + " ของโครงการ " + project.code()));
    if (report.status() != ReportStatus.PENDING && report.status() != ReportStatus.RETURNED) {
      throw new UserInputException("รายงานไตรมาสที่ " + quarter + " ของโครงการ " + project.code() + " "
          + report.status().thai() + " แก้ไขได้เมื่อผู้ตรวจสอบส่งกลับเท่านั้น");
    }
    List<String> problems = new ArrayList<>();
    Projects.Progress progress = ProjectInputs.progress(fields, project.budget(), previous(projectId, quarter), problems);
    if (!problems.isEmpty()) {
      throw ProjectInputs.refusal("ยังส่งรายงานความก้าวหน้าไม่ได้ กรุณาแก้ไข:", problems);
    }
    projects.saveReport(projectId, quarter, progress, user, clock.now(), late);
  }

  public void reviewedProgress(long projectId, int quarter, boolean approved, String comment, String reviewer) {
    if (approved) {
      projects.approveReport(projectId, quarter, reviewer, clock.now());
    } else {
      projects.returnReport(projectId, quarter, comment);
    }
  }

  public void checkQuarterCanClose(int fiscalYear, int quarter) {
    List<Project> waiting = new ArrayList<>();
    for (Project p : projects.ofYear(fiscalYear)) {
      projects.report(p.id(), quarter).filter(r -> r.status() == ReportStatus.SUBMITTED).ifPresent(r -> waiting.add(p));
    }
    if (!waiting.isEmpty()) {
      throw new UserInputException("ยังมีรายงานไตรมาสที่ " + quarter + " ที่รอการตรวจสอบ " + waiting.size() + " โครงการ: "
          + names(waiting) + " กรุณาอนุมัติหรือส่งกลับแก้ไขก่อนปิดรอบ");
    }
  }

  /** Closes a quarter: reports not in are recorded as not reported. Returns how many. */
  public int closeQuarter(int fiscalYear, int quarter, String closedBy) {
    int missing = projects.markNotReported(fiscalYear, quarter);
    projects.closePeriod(fiscalYear, quarterPeriod(quarter), closedBy == null ? AUTO : closedBy, clock.now());
    return missing;
  }

  public int markAllReportsEntered(int fiscalYear, int quarter, String user) {
    int marked = 0;
    for (Project p : projects.ofYear(fiscalYear)) {
      var report = projects.report(p.id(), quarter);
      if (report.isPresent() && report.get().status() == ReportStatus.APPROVED && report.get().emenscrEnteredAt() == null) {
        projects.markReportEmenscr(p.id(), quarter, true, user, clock.now());
        marked++;
      }
    }
    return marked;
  }

  /** The planner records that a project (quarter null) or a quarter's report was entered in eMENSCR. */
  @Transactional
  public void markEmenscr(long projectId, Integer quarter, boolean entered, String user) {
    Project project = project(projectId);
    if (quarter == null) {
      if (project.status() != ProjectStatus.APPROVED) {
        throw new UserInputException("บันทึกการนำเข้า eMENSCR ได้เมื่อข้อมูลโครงการผ่านการตรวจสอบแล้วเท่านั้น (สถานะ: "
            + project.status().thai() + ")");
      }
      projects.markEmenscr(projectId, entered, user, clock.now());
      return;
    }
    if (quarter < 1 || quarter > 4) {
      throw new UserInputException("ไตรมาสต้องเป็น 1 ถึง 4");
    }
    Report report = projects.report(projectId, quarter)
        .orElseThrow(() -> new UserInputException("โครงการ " + project.code() + " ยังไม่มีรายงานไตรมาสที่ " + quarter));
    if (report.status() != ReportStatus.APPROVED) {
      throw new UserInputException("บันทึกการรายงานใน eMENSCR ได้เมื่อรายงานไตรมาสที่ " + quarter
          + " ผ่านการตรวจสอบแล้วเท่านั้น (สถานะ: " + report.status().thai() + ")");
    }
    projects.markReportEmenscr(projectId, quarter, entered, user, clock.now());
  }

  // --- views ---

  public Project project(long id) {
    return projects.find(id).orElseThrow(() -> ApiException.notFound("ไม่พบโครงการรหัส " + id));
  }

  public record Outstanding(long id, String code, String name, String owner, String status) {
  }

  public record PeriodProgress(String period, String status, int expected, int submitted, int approved, int returned,
      int missing, int late, int enteredInEmenscr, List<Outstanding> outstanding) {
  }

  /** Live completeness of the entry step (ENTRY) or a quarter (Q1..Q4). */
  public PeriodProgress progress(int fiscalYear, String period) {
    String status = projects.period(fiscalYear, period).map(p -> p.status().name()).orElse("NOT_OPEN");
    int expected = 0, submitted = 0, approved = 0, returned = 0, missing = 0, late = 0, entered = 0;
    List<Outstanding> outstanding = new ArrayList<>();
    if (ENTRY.equals(period)) {
      for (Project p : projects.ofYear(fiscalYear)) {
        expected++;
        switch (p.status()) {
          case SUBMITTED -> submitted++;
          case APPROVED -> { submitted++; approved++; }
          case RETURNED -> returned++;
          case NOT_ENTERED -> missing++;
          default -> { }
        }
        if (p.late()) {
          late++;
        }
        if (p.emenscrEnteredAt() != null) {
          entered++;
        }
        if (p.status() != ProjectStatus.SUBMITTED && p.status() != ProjectStatus.APPROVED) {
          outstanding.add(new Outstanding(p.id(), p.code(), p.name(), p.owner(), p.status().thai()));
        }
      }
    } else {
      int quarter = quarterOf(period);
      for (Project p : projects.ofYear(fiscalYear)) {
        var found = projects.report(p.id(), quarter);
        if (found.isEmpty()) {
          continue;
        }
        Report r = found.get();
        expected++;
        switch (r.status()) {
          case SUBMITTED -> submitted++;
          case APPROVED -> { submitted++; approved++; }
          case RETURNED -> returned++;
          case NOT_REPORTED -> missing++;
          default -> { }
        }
        if (r.late()) {
          late++;
        }
        if (r.emenscrEnteredAt() != null) {
          entered++;
        }
        if (!r.status().reported()) {
          outstanding.add(new Outstanding(p.id(), p.code(), p.name(), p.owner(), r.status().thai()));
        }
      }
    }
    return new PeriodProgress(period, status, expected, submitted, approved, returned, missing, late, entered, outstanding);
  }

  /** One project's budget and, from its latest report, cumulative disbursement and progress (null before any). */
  public record ProjectBudget(String code, String name, BigDecimal budget, BigDecimal disbursed, BigDecimal progress) {
  }

  /**
   * Budget disbursement of the projects with data (submitted or approved): their total budget, what they had
   * disbursed by their latest report, and the same total as it stood after each quarter's reports (null for a
   * quarter nobody has reported yet). The dashboard and the project summary (PDF, .xlsx) both read this.
   */
  public record Disbursement(BigDecimal budget, BigDecimal disbursed, List<BigDecimal> disbursedByQuarter,
      List<ProjectBudget> projects) {
  }

  public Disbursement disbursement(int fiscalYear) {
    Map<Long, List<Report>> reports = new LinkedHashMap<>();
    for (Report r : projects.reportsOfYear(fiscalYear)) {
      reports.computeIfAbsent(r.projectId(), id -> new ArrayList<>()).add(r);
    }
    BigDecimal budget = BigDecimal.ZERO;
    BigDecimal[] byQuarter = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    boolean[] reportedIn = new boolean[4];
    List<ProjectBudget> rows = new ArrayList<>();
    for (Project p : projects.ofYear(fiscalYear, ProjectStatus.SUBMITTED, ProjectStatus.APPROVED)) {
      List<Report> own = reports.getOrDefault(p.id(), List.of());
      budget = budget.add(zero(p.budget()));
      for (int q = 1; q <= 4; q++) {
        int quarter = q;
        byQuarter[q - 1] = byQuarter[q - 1].add(latestReported(own, q).map(r -> zero(r.disbursed())).orElse(BigDecimal.ZERO));
        reportedIn[q - 1] |= own.stream().anyMatch(r -> r.status().reported() && r.quarter() == quarter);
      }
      Report latest = latestReported(own, 4).orElse(null);
      rows.add(new ProjectBudget(p.code(), p.name(), p.budget(), latest == null ? null : latest.disbursed(),
          latest == null ? null : latest.progress()));
    }
    List<BigDecimal> quarters = new ArrayList<>();
    for (int q = 0; q < 4; q++) {
      quarters.add(reportedIn[q] ? byQuarter[q] : null);
    }
    return new Disbursement(budget, byQuarter[3], quarters, rows);
  }

  /** Baht the way the project exports write it ("1,250,000.00"), for pages outside this package. */
  public static String baht(BigDecimal amount) {
    return ProjectInputs.baht(amount);
  }

  /** The latest quarter up to {@code lastQuarter} with a report in (progress and disbursement are cumulative). */
  static Optional<Report> latestReported(List<Report> reports, int lastQuarter) {
    return reports.stream().filter(r -> r.status().reported() && r.quarter() <= lastQuarter)
        .reduce((a, b) -> b.quarter() > a.quarter() ? b : a);
  }

  static BigDecimal zero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }

  static int quarterOf(String period) {
    if (period == null || !period.matches("Q[1-4]")) {
      throw new UserInputException("ช่วงการรายงานต้องเป็น ENTRY หรือ Q1 ถึง Q4");
    }
    return period.charAt(1) - '0';
  }

  private static String names(List<Project> list) {
    return String.join(", ", list.stream().map(p -> p.code() + " " + p.name()).toList());
  }
}
