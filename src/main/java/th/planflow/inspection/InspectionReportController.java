package th.planflow.inspection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.calendar.FiscalYear;
import th.planflow.document.XlsxWriter;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;

/** The inspection report of a fiscal year (PDF, Excel) and the recommendation tracker, for the planners and supervisors. */
@RestController
class InspectionReportController {

  private final InspectionReport report;
  private final InspectionService service;

  InspectionReportController(InspectionReport report, InspectionService service) {
    this.report = report;
    this.service = service;
  }

  @GetMapping("/api/inspection/{fiscalYear}/report.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String fiscalYear) {
    int year = checkedYear(fiscalYear);
    return file(report.pdf(year), MediaType.APPLICATION_PDF, "inspection-report-" + year + ".pdf");
  }

  @GetMapping("/api/inspection/{fiscalYear}/report.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String fiscalYear) {
    int year = checkedYear(fiscalYear);
    return file(report.xlsx(year), MediaType.parseMediaType(XlsxWriter.CONTENT_TYPE), "inspection-report-" + year + ".xlsx");
  }

  /** Every recommendation of the year with its status and history. */
  @GetMapping("/api/inspection/{fiscalYear}/recommendations")
  List<Map<String, Object>> recommendations(@PathVariable String fiscalYear) {
    int year = checkedYear(fiscalYear);
    return service.recommendations(year).stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("seq", r.seq());
      row.put("recommendation", r.text());
      row.put("analysis", r.analysis());
      row.put("unitCode", r.unitCode());
      row.put("unitName", service.unitName(r.unitCode()));
      row.put("status", r.status().name());
      row.put("statusThai", r.status().thai());
      row.put("decisionReason", r.decisionReason());
      row.put("actions", r.actions());
      row.put("evidence", r.evidence());
      row.put("completionDate", r.completionDate());
      row.put("history", service.history(r.id()).stream().map(e -> {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", e.event().name());
        event.put("eventThai", e.event().thai());
        event.put("status", e.status().name());
        event.put("actor", e.actor());
        event.put("comment", e.comment());
        event.put("at", e.at());
        return event;
      }).toList());
      return row;
    }).toList();
  }

  private int checkedYear(String fiscalYear) {
    if (!CurrentUser.isPlanningOrSupervisor()) {
      throw ApiException.forbidden("ท่านไม่มีสิทธิ์ดูรายงานการตรวจราชการ");
    }
    int year = FiscalYear.parse(fiscalYear).buddhistYear();
    if (!report.hasData(year)) {
      throw ApiException.notFound("ยังไม่มีข้อมูลการตรวจราชการของปีงบประมาณ " + year);
    }
    return year;
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .body(body);
  }
}
