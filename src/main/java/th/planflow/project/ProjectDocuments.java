package th.planflow.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.document.DocumentService;
import th.planflow.document.XlsxCell;
import th.planflow.document.XlsxWriter;
import th.planflow.office.OfficeProperties;
import th.planflow.project.Projects.Project;
import th.planflow.project.Projects.ProjectStatus;
import th.planflow.project.Projects.Report;
import th.planflow.project.Projects.ReportStatus;

/** The export the planner keys into eMENSCR, and the October summary for the director (PDF and .xlsx). */
@Service
class ProjectDocuments {

  static final String SHEET_PROJECTS = "ข้อมูลโครงการ";
  static final String SHEET_LINKS = "ความเชื่อมโยงแผน ๓ ระดับ";
  static final String SHEET_PROGRESS = "ความก้าวหน้ารายไตรมาส";
  static final String SHEET_BUDGET = "การเบิกจ่ายงบประมาณ";

  private final Projects projects;
  private final ProjectMonitoring monitoring;
  private final DocumentService documents;
  private final IdentityService identity;
  private final OfficeProperties office;
  private final PlanflowClock clock;

  ProjectDocuments(Projects projects, ProjectMonitoring monitoring, DocumentService documents, IdentityService identity,
      OfficeProperties office, PlanflowClock clock) {
    this.projects = projects;
    this.monitoring = monitoring;
    this.documents = documents;
    this.identity = identity;
    this.office = office;
    this.clock = clock;
  }

  /** Projects with data (submitted or checked), the way eMENSCR asks for them: one sheet per part. */
  byte[] emenscrExport(int fiscalYear) {
    List<Project> entered = projects.ofYear(fiscalYear, ProjectStatus.SUBMITTED, ProjectStatus.APPROVED);
    Map<String, String> owners = ownerNames(entered);
    Map<Long, List<Report>> reports = reportsByProject(fiscalYear);
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet info = xlsx.sheet(SHEET_PROJECTS, "ลำดับ", "รหัสโครงการ", "ชื่อโครงการ/กิจกรรม", "หน่วยงานรับผิดชอบ",
          "ผู้รับผิดชอบโครงการ", "หลักการและเหตุผล", "วัตถุประสงค์", "เป้าหมายเชิงผลผลิต (Output)",
          "เป้าหมายเชิงผลลัพธ์ (Outcome)", "งบประมาณ (บาท)", "แหล่งงบประมาณ", "วันเริ่มต้น", "วันสิ้นสุด",
          "สถานะการตรวจสอบ", "นำเข้าระบบ eMENSCR แล้ว");
      int n = 0;
      for (Project p : entered) {
        info.row(++n, p.code(), p.name(), office.name(), owners.getOrDefault(p.owner(), p.owner()), p.rationale(),
            p.objectives(), p.outputTarget(), p.outcomeTarget(), XlsxCell.number(ProjectMonitoring.zero(p.budget()).doubleValue()),
            p.budgetSource() == null ? null : p.budgetSource().thai(), p.startsOn(), p.endsOn(), p.status().thai(),
            p.emenscrEnteredAt() == null ? "ยังไม่ได้นำเข้า" : "นำเข้าแล้ว");
      }
      XlsxWriter.Sheet links = xlsx.sheet(SHEET_LINKS, "รหัสโครงการ", "ชื่อโครงการ/กิจกรรม", "ระดับแผน", "ประเภทแผน",
          "รหัสรายการแผน", "ชื่อรายการแผน", "รหัสรายการหลัก");
      Map<Long, Project> byId = new HashMap<>();
      entered.forEach(p -> byId.put(p.id(), p));
      for (Projects.Link link : projects.links(fiscalYear, null)) {
        Project p = byId.get(link.projectId());
        if (p == null) {
          continue;
        }
        PlanItems.PlanItem item = link.item();
        links.row(p.code(), p.name(), "ระดับที่ " + item.level(), item.kind().thaiName(), item.code(), item.name(),
            item.parentCode());
      }
      XlsxWriter.Sheet progress = xlsx.sheet(SHEET_PROGRESS, "รหัสโครงการ", "ชื่อโครงการ/กิจกรรม", "ไตรมาส",
          "สถานะรายงาน", "ความก้าวหน้า (ร้อยละ)", "กิจกรรมที่ดำเนินการแล้ว", "ผลผลิตเทียบกับเป้าหมาย",
          "ผลลัพธ์เทียบกับเป้าหมาย", "ปัญหา/อุปสรรค", "แนวทางการดำเนินงานต่อไป", "เหตุผลที่ความก้าวหน้าลดลง",
          "วันที่ส่งรายงาน", "การส่งรายงาน", "บันทึกในระบบ eMENSCR แล้ว");
      XlsxWriter.Sheet budget = xlsx.sheet(SHEET_BUDGET, "รหัสโครงการ", "ชื่อโครงการ/กิจกรรม", "แหล่งงบประมาณ",
          "งบประมาณ (บาท)", "เบิกจ่ายสะสม ไตรมาสที่ 1 (บาท)", "เบิกจ่ายสะสม ไตรมาสที่ 2 (บาท)",
          "เบิกจ่ายสะสม ไตรมาสที่ 3 (บาท)", "เบิกจ่ายสะสม ไตรมาสที่ 4 (บาท)", "เบิกจ่ายสะสมล่าสุด (บาท)",
          "ร้อยละการเบิกจ่าย", "งบประมาณคงเหลือ (บาท)");
      for (Project p : entered) {
        Object[] quarters = new Object[4];
        for (Report r : reports.getOrDefault(p.id(), List.of())) {
          boolean in = r.status().reported();
          progress.row(p.code(), p.name(), r.quarter(), r.status().thai(),
              in ? XlsxCell.number(r.progress().doubleValue()) : XlsxCell.blank(), in ? r.activities() : null,
              in ? r.outputResult() : null, in ? r.outcomeResult() : null, in ? r.problems() : null,
              in ? r.nextSteps() : null, in ? r.dropReason() : null,
              r.submittedAt() == null || !in ? XlsxCell.blank() : XlsxCell.date(bangkok(r.submittedAt())),
              !in ? "-" : r.late() ? "ไม่ตรงเวลา" : "ตรงเวลา", r.emenscrEnteredAt() == null ? "ยังไม่ได้บันทึก" : "บันทึกแล้ว");
          if (in) {
            quarters[r.quarter() - 1] = XlsxCell.number(r.disbursed().doubleValue());
          }
        }
        Optional<Report> latest = ProjectMonitoring.latestReported(reports.getOrDefault(p.id(), List.of()), 4);
        BigDecimal disbursed = latest.map(Report::disbursed).orElse(null);
        budget.row(p.code(), p.name(), p.budgetSource() == null ? null : p.budgetSource().thai(),
            XlsxCell.number(ProjectMonitoring.zero(p.budget()).doubleValue()), quarters[0], quarters[1], quarters[2], quarters[3],
            disbursed == null ? XlsxCell.blank() : XlsxCell.number(disbursed.doubleValue()),
            disbursed == null || ProjectMonitoring.zero(p.budget()).signum() == 0 ? XlsxCell.blank()
                : XlsxCell.percent(disbursed.divide(p.budget(), 4, RoundingMode.HALF_UP).doubleValue()),
            XlsxCell.number(ProjectMonitoring.zero(p.budget()).subtract(ProjectMonitoring.zero(disbursed)).doubleValue()));
      }
      return xlsx.toBytes();
    }
  }

  record ProjectRow(String code, String name, String owner, String budget, String disbursed, String disbursedPercent,
      String progress, List<String> quarters, String status) {
  }

  record QuarterRow(int quarter, int expected, int reported, int onTime, int notReported, String completeness,
      String status) {
  }

  record ProblemRow(String project, int quarter, String problems, String nextSteps) {
  }

  Map<String, Object> summaryModel(int fiscalYear) {
    List<Project> all = projects.ofYear(fiscalYear);
    Map<String, String> owners = ownerNames(all);
    Map<Long, List<Report>> reports = reportsByProject(fiscalYear);
    List<ProjectRow> rows = new ArrayList<>();
    List<ProblemRow> problems = new ArrayList<>();
    int entered = 0;
    for (Project p : all) {
      List<Report> own = reports.getOrDefault(p.id(), List.of());
      Optional<Report> latest = ProjectMonitoring.latestReported(own, 4);
      List<String> quarters = new ArrayList<>();
      for (int q = 1; q <= 4; q++) {
        int quarter = q;
        quarters.add(own.stream().filter(r -> r.quarter() == quarter).findFirst()
            .map(r -> r.status().reported() ? (r.late() ? "ส่งล่าช้า" : "ส่งแล้ว") : r.status().thai()).orElse("-"));
      }
      boolean isEntered = p.status() == ProjectStatus.SUBMITTED || p.status() == ProjectStatus.APPROVED;
      if (isEntered) {
        entered++;
      }
      BigDecimal disbursed = latest.map(Report::disbursed).orElse(null);
      rows.add(new ProjectRow(p.code(), p.name(), owners.getOrDefault(p.owner(), p.owner()),
          p.budget() == null ? "-" : ProjectInputs.baht(p.budget()),
          disbursed == null ? "-" : ProjectInputs.baht(disbursed), percent(disbursed, p.budget()),
          latest.map(r -> ProjectInputs.plain(r.progress())).orElse("-"), quarters, p.status().thai()));
      for (Report r : own) {
        if (r.status().reported() && r.problems() != null) {
          problems.add(new ProblemRow(p.code() + " " + p.name(), r.quarter(), r.problems(), r.nextSteps()));
        }
      }
    }
    List<QuarterRow> quarterRows = new ArrayList<>();
    for (int q = 1; q <= 4; q++) {
      int expected = 0, reported = 0, onTime = 0, missing = 0;
      for (List<Report> own : reports.values()) {
        for (Report r : own) {
          if (r.quarter() != q) {
            continue;
          }
          expected++;
          if (r.status().reported()) {
            reported++;
            if (!r.late()) {
              onTime++;
            }
          } else if (r.status() == ReportStatus.NOT_REPORTED) {
            missing++;
          }
        }
      }
      String period = projects.period(fiscalYear, ProjectMonitoring.quarterPeriod(q))
          .map(p -> p.status() == Projects.PeriodStatus.OPEN ? "เปิดรับรายงาน" : "ปิดรอบแล้ว").orElse("ยังไม่เปิด");
      quarterRows.add(new QuarterRow(q, expected, reported, onTime, missing,
          expected == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * reported / expected), period));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("title", "สรุปผลการดำเนินงานโครงการ/กิจกรรม ผ่านระบบติดตามและประเมินผลแห่งชาติ (eMENSCR) ปีงบประมาณ " + fiscalYear);
    model.put("office", office.name());
    model.put("fiscalYear", fiscalYear);
    model.put("printedOn", ThaiDates.full(clock.today()));
    model.put("projectCount", all.size());
    model.put("enteredCount", entered);
    model.put("notEnteredCount", (int) all.stream().filter(p -> p.status() == ProjectStatus.NOT_ENTERED).count());
    // the same totals as the dashboard's
    ProjectMonitoring.Disbursement disbursement = monitoring.disbursement(fiscalYear);
    model.put("totalBudget", ProjectInputs.baht(disbursement.budget()));
    model.put("totalDisbursed", ProjectInputs.baht(disbursement.disbursed()));
    model.put("totalPercent", percent(disbursement.disbursed(), disbursement.budget()));
    model.put("projects", rows);
    model.put("quarters", quarterRows);
    model.put("problems", problems);
    model.put("briefing", projects.briefing(fiscalYear).map(b -> "ประชุมชี้แจงผู้รับผิดชอบโครงการเมื่อ "
        + ThaiDates.full(b.meetingDate()) + " ผู้เข้าร่วม " + b.attendeeCount() + " คน").orElse("ยังไม่ได้บันทึกการประชุมชี้แจง"));
    Optional<Projects.Summary> summary = projects.summary(fiscalYear);
    model.put("overview", summary.map(Projects.Summary::overview).orElse(null));
    model.put("plannerProblems", summary.map(Projects.Summary::problems).orElse(null));
    model.put("suggestions", summary.map(Projects.Summary::suggestions).orElse(null));
    return model;
  }

  byte[] summaryPdf(int fiscalYear) {
    return documents.pdf("project/summary", summaryModel(fiscalYear));
  }

  @SuppressWarnings("unchecked")
  byte[] summaryXlsx(int fiscalYear) {
    Map<String, Object> model = summaryModel(fiscalYear);
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet perProject = xlsx.sheet("สรุปรายโครงการ", "รหัสโครงการ", "ชื่อโครงการ/กิจกรรม", "ผู้รับผิดชอบ",
          "สถานะข้อมูลโครงการ", "งบประมาณ (บาท)", "เบิกจ่ายสะสม (บาท)", "ร้อยละการเบิกจ่าย", "ความก้าวหน้าล่าสุด (ร้อยละ)",
          "ไตรมาสที่ 1", "ไตรมาสที่ 2", "ไตรมาสที่ 3", "ไตรมาสที่ 4");
      for (ProjectRow r : (List<ProjectRow>) model.get("projects")) {
        perProject.row(r.code(), r.name(), r.owner(), r.status(), r.budget(), r.disbursed(), r.disbursedPercent(),
            r.progress(), r.quarters().get(0), r.quarters().get(1), r.quarters().get(2), r.quarters().get(3));
      }
      XlsxWriter.Sheet perQuarter = xlsx.sheet("ความครบถ้วนรายไตรมาส", "ไตรมาส", "สถานะรอบรายงาน", "โครงการที่ต้องรายงาน",
          "รายงานแล้ว", "รายงานตรงเวลา", "ไม่ได้รายงาน", "ร้อยละความครบถ้วน");
      for (QuarterRow q : (List<QuarterRow>) model.get("quarters")) {
        perQuarter.row(q.quarter(), q.status(), q.expected(), q.reported(), q.onTime(), q.notReported(), q.completeness());
      }
      XlsxWriter.Sheet issues = xlsx.sheet("ปัญหาอุปสรรค", "โครงการ/กิจกรรม", "ไตรมาส", "ปัญหา/อุปสรรค",
          "แนวทางการดำเนินงานต่อไป");
      for (ProblemRow p : (List<ProblemRow>) model.get("problems")) {
        issues.row(p.project(), p.quarter(), p.problems(), p.nextSteps());
      }
      return xlsx.toBytes();
    }
  }

  private Map<Long, List<Report>> reportsByProject(int fiscalYear) {
    Map<Long, List<Report>> byProject = new LinkedHashMap<>();
    for (Report r : projects.reportsOfYear(fiscalYear)) {
      byProject.computeIfAbsent(r.projectId(), id -> new ArrayList<>()).add(r);
    }
    return byProject;
  }

  private Map<String, String> ownerNames(List<Project> list) {
    Map<String, String> names = new HashMap<>();
    String[] ids = list.stream().map(Project::owner).distinct().toArray(String[]::new);
    if (ids.length > 0) {
      for (User u : identity.createUserQuery().userIdIn(ids).list()) {
        names.put(u.getId(), (nullToEmpty(u.getFirstName()) + " " + nullToEmpty(u.getLastName())).trim());
      }
    }
    return names;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  static String percent(BigDecimal part, BigDecimal whole) {
    if (part == null || whole == null || whole.signum() == 0) {
      return "-";
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).toPlainString();
  }

  private static LocalDate bangkok(java.time.Instant instant) {
    return instant.atZone(ThaiDates.BANGKOK).toLocalDate();
  }
}
