package th.planflow.annualreport;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import th.planflow.calendar.ThaiDates;
import th.planflow.office.OfficeProperties;

/**
 * The public page of a published annual report and its PDF, open without login (/public/**). A draft, or
 * a year without a report, is 404 with a Thai page.
 */
@Controller
class AnnualReportPublicController {

  private final AnnualReports reports;
  private final AnnualReportDocuments documents;
  private final OfficeProperties office;

  AnnualReportPublicController(AnnualReports reports, AnnualReportDocuments documents, OfficeProperties office) {
    this.reports = reports;
    this.documents = documents;
    this.office = office;
  }

  public record VersionLink(int version, String publishedOn, String href) {
  }

  @GetMapping("/public/annual-report/{fiscalYear}")
  String page(@PathVariable String fiscalYear, Model model, HttpServletResponse response) {
    Optional<Integer> year = publishedYear(fiscalYear);
    model.addAttribute("office", office.name());
    if (year.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("fiscalYear", fiscalYear);
      return "annualreport/not-found";
    }
    int y = year.get();
    List<AnnualReports.Version> versions = reports.versions(y);
    AnnualReports.Version latest = versions.get(0);
    model.addAllAttributes(documents.model(y, null, false));
    model.addAttribute("qr", "data:image/png;base64,"
        + Base64.getEncoder().encodeToString(reports.versionQr(y, latest.version()).orElseThrow()));
    model.addAttribute("latest", latest.version());
    model.addAttribute("publishedOn", ThaiDates.full(latest.publishedAt().atZone(ThaiDates.BANGKOK).toLocalDate()));
    model.addAttribute("pdfHref", "/public/annual-report/" + y + "/report.pdf");
    model.addAttribute("earlier", versions.stream().skip(1).map(v -> new VersionLink(v.version(),
        ThaiDates.full(v.publishedAt().atZone(ThaiDates.BANGKOK).toLocalDate()),
        "/public/annual-report/" + y + "/report.pdf?version=" + v.version())).toList());
    return "annualreport/public";
  }

  @GetMapping("/public/annual-report/{fiscalYear}/report.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String fiscalYear, @RequestParam(required = false) Integer version) {
    Optional<Integer> year = publishedYear(fiscalYear);
    if (year.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).header(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
          .body("ไม่พบรายงานที่เผยแพร่".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    int y = year.get();
    int v = version != null ? version : reports.versions(y).get(0).version();
    return reports.versionPdf(y, v)
        .map(pdf -> ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/pdf")
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"annual-report-" + y + "-v" + v + ".pdf\"")
            .body(pdf))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .header(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8")
            .body(("ไม่พบรายงานฉบับที่ " + v).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** The year when its report has at least one published version. */
  private Optional<Integer> publishedYear(String value) {
    if (value == null || !value.matches("\\d{4}")) {
      return Optional.empty();
    }
    int year = Integer.parseInt(value);
    return reports.versions(year).isEmpty() ? Optional.empty() : Optional.of(year);
  }
}
