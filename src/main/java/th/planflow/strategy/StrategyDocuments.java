package th.planflow.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.ThaiDates;
import th.planflow.document.DocumentService;
import th.planflow.document.XlsxCell;
import th.planflow.document.XlsxWriter;
import th.planflow.identity.Groups;
import th.planflow.office.OfficeProperties;
import th.planflow.strategy.ProvincialStrategy.ItemResult;
import th.planflow.strategy.StrategyRecords.Appointment;
import th.planflow.strategy.StrategyRecords.Plan;
import th.planflow.strategy.StrategyRecords.Report;
import th.planflow.strategy.StrategyRecords.Summary;
import th.planflow.web.ApiException;

/**
 * The duty's documents, made from its tables whenever they are asked for: the appointment order,
 * an item's report on the province's form, and the summary for the director (PDF and Excel).
 */
@Service
class StrategyDocuments {

  static final String APPOINTMENT_ORDER = "strategy/appointment-order";
  static final String REPORT_FORM = "strategy/report-form";
  static final String SUMMARY = "strategy/summary";

  private final ProvincialStrategy strategy;
  private final DocumentService documents;
  private final StaffDirectory staff;
  private final OfficeProperties office;

  StrategyDocuments(ProvincialStrategy strategy, DocumentService documents, StaffDirectory staff, OfficeProperties office) {
    this.strategy = strategy;
    this.documents = documents;
    this.staff = staff;
    this.office = office;
  }

  byte[] appointmentOrderPdf(FiscalYear year) {
    return documents.pdf(APPOINTMENT_ORDER, appointmentOrderModel(year));
  }

  Map<String, Object> appointmentOrderModel(FiscalYear year) {
    Appointment order = strategy.appointment(year).orElseThrow(() -> ApiException.notFound(
        "ยังไม่ได้จัดทำคำสั่งแต่งตั้งคณะทำงานของปีงบประมาณ " + year));
    Map<String, Object> model = base(year);
    model.put("orderNo", order.orderNo());
    model.put("orderDate", officialDate(order.orderDate()));
    model.put("approved", order.approved());
    model.put("members", strategy.members(year));
    model.put("items", strategy.results(year));
    model.put("reportMonth", "กรกฎาคม พ.ศ. " + year);
    model.put("director", staff.firstMemberOf(Groups.DIRECTOR).map(Person::nameTh).orElse(null));
    return model;
  }

  byte[] reportFormPdf(FiscalYear year, String itemCode) {
    ItemResult result = strategy.results(year).stream().filter(r -> r.item().code().equals(itemCode)).findFirst()
        .orElseThrow(() -> ApiException.notFound("ไม่พบรายการรหัส " + itemCode + " ของปีงบประมาณ " + year));
    if (result.report() == null) {
      throw ApiException.notFound("รายการ " + itemCode + " ยังไม่มีแบบรายงานผล");
    }
    Map<String, Object> model = base(year);
    model.put("result", result);
    model.put("row", row(result));
    model.put("reportedOn", officialDate(result.report().reportedAt()));
    return documents.pdf(REPORT_FORM, model);
  }

  byte[] summaryPdf(FiscalYear year) {
    return documents.pdf(SUMMARY, summaryModel(year));
  }

  Map<String, Object> summaryModel(FiscalYear year) {
    List<ItemResult> results = results(year);
    Map<String, Object> model = base(year);
    model.put("rows", results.stream().map(StrategyDocuments::row).toList());
    model.put("totals", Totals.of(results));
    Summary summary = strategy.summary(year).orElse(null);
    model.put("summary", summary);
    model.put("acknowledgedOn", summary == null || !summary.acknowledged() ? null
        : officialDate(summary.acknowledgedAt()));
    model.put("acknowledgedBy", summary == null || !summary.acknowledged() ? null : strategy.displayName(summary.acknowledgedBy()));
    model.put("summarizedBy", summary == null ? null : strategy.displayName(summary.summarizedBy()));
    return model;
  }

  byte[] summaryXlsx(FiscalYear year) {
    List<ItemResult> results = results(year);
    Summary summary = strategy.summary(year).orElse(null);
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet sheet = xlsx.sheet("ผลการดำเนินงาน ปี " + year, "รหัส", "ยุทธศาสตร์/ตัวชี้วัด", "ค่าเป้าหมาย",
          "หน่วยนับ", "ผลการดำเนินงาน", "ร้อยละของค่าเป้าหมาย", "ผลการประเมิน", "งบประมาณที่ใช้ (บาท)", "ปัญหา/อุปสรรค",
          "ข้อเสนอแนะ", "ผู้รับผิดชอบ", "วันที่รายงาน", "รายงานล่าช้า");
      for (ItemResult r : results) {
        Report report = r.report();
        BigDecimal percent = r.percentOfTarget();
        sheet.row(r.item().code(), r.item().nameTh(), XlsxCell.number(r.item().target()), r.item().unitTh(),
            report == null ? null : XlsxCell.number(report.resultValue()),
            percent == null ? null : XlsxCell.percent(percent.doubleValue() / 100),
            r.achievedText(),
            report == null ? null : XlsxCell.number(report.budgetUsed()),
            report == null ? null : report.problemsTh(),
            report == null ? null : report.suggestionsTh(),
            r.responsibleName(),
            report == null ? null : XlsxCell.date(bangkokDate(report.reportedAt())),
            report == null ? null : report.late() ? "ล่าช้า" : "ตรงเวลา");
      }
      XlsxWriter.Sheet overall = xlsx.sheet("สรุปภาพรวม", "หัวข้อ", "รายละเอียด");
      overall.row("ปีงบประมาณ", String.valueOf(year));
      overall.row("แผนพัฒนาจังหวัด", planName(year));
      Totals totals = Totals.of(results);
      overall.row("จำนวนรายการ", totals.items());
      overall.row("รายงานแล้ว", totals.reported());
      overall.row("บรรลุเป้าหมาย", totals.achieved());
      overall.row("รายงานล่าช้า", totals.late());
      overall.row("งบประมาณที่ใช้รวม (บาท)", XlsxCell.number(totals.budget()));
      overall.row("สรุปผลการดำเนินงานในภาพรวม", summary == null ? null : summary.overallTh());
      overall.row("ปัญหา/อุปสรรคการดำเนินงาน", summary == null ? null : summary.problemsTh());
      overall.row("ข้อเสนอแนะ", summary == null ? null : summary.suggestionsTh());
      return xlsx.toBytes();
    }
  }

  private List<ItemResult> results(FiscalYear year) {
    List<ItemResult> results = strategy.results(year);
    if (results.isEmpty()) {
      throw ApiException.notFound("ยังไม่มีรายการยุทธศาสตร์/ตัวชี้วัดของปีงบประมาณ " + year);
    }
    return results;
  }

  /** The year in figures: items, reported, reached their target, reported late, budget used. */
  record Totals(int items, long reported, long achieved, long late, BigDecimal budget) {

    static Totals of(List<ItemResult> results) {
      List<Report> reports = results.stream().map(ItemResult::report).filter(Objects::nonNull).toList();
      return new Totals(results.size(), reports.size(),
          results.stream().filter(r -> Boolean.TRUE.equals(r.achieved())).count(),
          reports.stream().filter(Report::late).count(),
          reports.stream().map(Report::budgetUsed).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public String budgetText() {
      return StrategyInput.money(budget);
    }
  }

  private Map<String, Object> base(FiscalYear year) {
    Map<String, Object> model = new HashMap<>();
    model.put("fiscalYear", year.buddhistYear());
    model.put("officeName", office.name());
    model.put("planName", planName(year));
    return model;
  }

  private String planName(FiscalYear year) {
    return strategy.plan(year).map(Plan::nameTh).orElse("แผนพัฒนาจังหวัด");
  }

  /** One item's figures as the documents print them. */
  record Row(String code, String name, String projects, String target, String result, String percent, String achieved,
      String budget, String resultText, String problems, String suggestions, String responsible, String timeliness) {
  }

  static Row row(ItemResult r) {
    StrategyItem item = r.item();
    Report report = r.report();
    BigDecimal percent = r.percentOfTarget();
    return new Row(item.code(), item.nameTh(), item.projectsTh(), item.targetText(),
        report == null ? "-" : StrategyInput.plain(report.resultValue()) + " " + item.unitTh(),
        percent == null ? "-" : StrategyInput.plain(percent),
        r.achievedText(),
        report == null ? "-" : StrategyInput.money(report.budgetUsed()),
        report == null ? null : report.resultTh(),
        report == null ? null : report.problemsTh(),
        report == null ? null : report.suggestionsTh(),
        r.responsibleName(),
        report == null ? "-" : report.late() ? "ล่าช้า" : "ตรงเวลา");
  }

  static String officialDate(Instant instant) {
    return officialDate(bangkokDate(instant));
  }

  private static LocalDate bangkokDate(Instant instant) {
    return instant.atZone(ThaiDates.BANGKOK).toLocalDate();
  }

  /** "10 มีนาคม พ.ศ. 2571": dates in official documents. */
  static String officialDate(LocalDate date) {
    return date.getDayOfMonth() + " " + ThaiDates.monthName(date.getMonthValue()) + " พ.ศ. "
        + ThaiDates.toBuddhistYear(date.getYear());
  }
}
