package th.planflow.annualreport;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.calendar.ThaiDates;
import th.planflow.document.DocumentService;
import th.planflow.office.OfficeProperties;
import th.planflow.web.ApiException;

/** The annual report as a PDF (cover, foreword, contents, sections, charts, photos, QR) and its publication. */
@Service
public class AnnualReportDocuments {

  static final String TEMPLATE = "annualreport/report";
  static final int QR_PIXELS = 600;

  private final AnnualReports reports;
  private final AnnualReportSections sections;
  private final AnnualReportPrefill prefill;
  private final DocumentService documents;
  private final OfficeProperties office;
  private final PlanflowClock clock;
  private final String publicBaseUrl;

  AnnualReportDocuments(AnnualReports reports, AnnualReportSections sections, AnnualReportPrefill prefill,
      DocumentService documents, OfficeProperties office, PlanflowClock clock,
      @Value("${planflow.public-base-url}") String publicBaseUrl) {
    this.reports = reports;
    this.sections = sections;
    this.prefill = prefill;
    this.documents = documents;
    this.office = office;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }

  public String publicUrl(int year) {
    return publicBaseUrl + "/public/annual-report/" + year;
  }

  public static String title(int year) {
    return "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. " + year;
  }

  /** One section of the report as the templates show it. */
  public record SectionView(String number, String code, String name, String quantity, String quality, String efficiency,
      String achievements, List<String> photos, List<String> captions, String status) {
  }

  public record Bar(String label, double percent, String value) {
  }

  Map<String, Object> model(int year, byte[] qrPng, boolean withPhotos) {
    Map<String, AnnualReports.Contribution> byCode = new HashMap<>();
    reports.contributions(year).forEach(c -> byCode.put(c.sectionCode(), c));
    List<SectionView> views = new ArrayList<>();
    int n = 1;
    int approved = 0;
    for (AnnualReports.Section s : sections.active()) {
      AnnualReports.Contribution c = byCode.get(s.code());
      List<String> photos = new ArrayList<>();
      List<String> captions = new ArrayList<>();
      if (withPhotos) {
        for (AnnualReports.Photo p : reports.photos(year, s.code())) {
          reports.photoData(year, p.id()).ifPresent(data -> {
            photos.add("data:" + p.contentType() + ";base64," + Base64.getEncoder().encodeToString(data));
            captions.add(p.caption() == null ? "" : p.caption());
          });
        }
      }
      String status = c == null ? "ยังไม่ส่ง" : switch (c.status()) {
        case SUBMITTED -> "รอตรวจสอบ";
        case RETURNED -> "ส่งกลับแก้ไข";
        case APPROVED -> "ตรวจสอบแล้ว";
      };
      if (c != null && c.status() == AnnualReports.ContributionStatus.APPROVED) {
        approved++;
      }
      views.add(new SectionView("2." + n++, s.code(), s.name(), c == null ? null : c.quantity(),
          c == null ? null : c.quality(), c == null ? null : c.efficiency(), c == null ? null : c.achievements(),
          photos, captions, status));
    }
    List<Bar> bars = prefill.facts(year).stream().filter(f -> f.percent() != null)
        .map(f -> new Bar(f.label(), Math.max(0, Math.min(100, f.percent())), String.format("%.1f", f.percent()))).toList();
    AnnualReports.Report report = reports.report(year).orElse(null);
    Map<String, Object> model = new HashMap<>();
    model.put("title", title(year));
    model.put("fiscalYear", year);
    model.put("office", office.name());
    model.put("period", ThaiDates.full(FiscalYear.of(year).firstDay()) + " ถึง " + ThaiDates.full(FiscalYear.of(year).lastDay()));
    model.put("foreword", report == null ? null : report.foreword());
    model.put("workingGroup", report == null ? null : report.workingGroup());
    model.put("sections", views);
    model.put("approvedCount", approved);
    model.put("sectionCount", views.size());
    model.put("bars", bars);
    model.put("facts", prefill.facts(year));
    model.put("publicUrl", publicUrl(year));
    model.put("qr", qrPng == null ? null : "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng));
    model.put("printedOn", ThaiDates.full(clock.today()));
    return model;
  }

  /** The draft as it would print now (for the planner and the director). */
  public byte[] preview(int year) {
    requireReport(year);
    return documents.pdf(TEMPLATE, model(year, QrCodes.png(publicUrl(year), QR_PIXELS), true));
  }

  /** Renders and keeps a new version; earlier versions stay. Returns the version number. */
  @Transactional
  public int publish(int year, String by) {
    requireReport(year);
    byte[] qr = QrCodes.png(publicUrl(year), QR_PIXELS);
    byte[] pdf = documents.pdf(TEMPLATE, model(year, qr, true));
    return reports.addVersion(year, pdf, qr, publicUrl(year), by, clock.now());
  }

  private void requireReport(int year) {
    if (reports.report(year).isEmpty()) {
      throw ApiException.notFound("ยังไม่มีรายงานผลการดำเนินงานประจำปีงบประมาณ " + year);
    }
  }
}
