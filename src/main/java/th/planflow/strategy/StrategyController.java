package th.planflow.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.calendar.FiscalYear;
import th.planflow.document.PdfRendererUnavailableException;
import th.planflow.document.XlsxWriter;
import th.planflow.identity.Groups;
import th.planflow.strategy.ProvincialStrategy.AppointmentInput;
import th.planflow.strategy.ProvincialStrategy.ItemResult;
import th.planflow.strategy.ProvincialStrategy.ReportInput;
import th.planflow.strategy.StrategyInput.MemberInput;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;

/**
 * The duty's data and documents for the office's people (not schools): an overview of the year,
 * the PDFs and the Excel summary, and the two corrections a returned review asks for: the
 * appointment (plan officer) and an item's report (its responsible person).
 */
@RestController
@RequestMapping("/api/strategy/{fiscalYear}")
class StrategyController {

  /** Who may read the duty's data: the office, not the schools. */
  static final List<String> READERS = List.of(Groups.PLAN_OFFICER, Groups.PLAN_HEAD, Groups.DIRECTOR,
      Groups.EXECUTIVE_BOARD, Groups.ESA_STAFF, Groups.ADMIN);

  private final ProvincialStrategy strategy;
  private final StrategyDocuments documents;

  StrategyController(ProvincialStrategy strategy, StrategyDocuments documents) {
    this.strategy = strategy;
    this.documents = documents;
  }

  @GetMapping
  Map<String, Object> overview(@PathVariable String fiscalYear) {
    FiscalYear year = readable(fiscalYear);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", year.buddhistYear());
    body.put("planName", strategy.plan(year).map(StrategyRecords.Plan::nameTh).orElse(null));
    body.put("items", strategy.results(year).stream().map(StrategyController::itemJson).toList());
    body.put("appointment", strategy.appointment(year).map(a -> Map.of("orderNumber", a.orderNo(),
        "orderDate", a.orderDate().toString(), "status", a.status().name())).orElse(null));
    body.put("workingGroup", strategy.members(year).stream().map(m -> {
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("userId", m.person().userId());
      member.put("name", m.person().nameTh());
      member.put("role", m.roleTh());
      return member;
    }).toList());
    body.put("summaryAcknowledged", strategy.summary(year).map(StrategyRecords.Summary::acknowledged).orElse(false));
    return body;
  }

  private static Map<String, Object> itemJson(ItemResult r) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("code", r.item().code());
    item.put("name", r.item().nameTh());
    item.put("target", r.item().target());
    item.put("unit", r.item().unitTh());
    item.put("projects", r.item().projectsTh());
    item.put("responsibleUserId", r.item().responsibleUserId());
    item.put("responsibleName", r.responsibleName());
    if (r.report() != null) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("resultValue", r.report().resultValue());
      report.put("budgetUsed", r.report().budgetUsed());
      report.put("status", r.report().status().name());
      report.put("late", r.report().late());
      report.put("achieved", r.achieved());
      item.put("report", report);
    }
    return item;
  }

  /** The appointment as the form takes it, e.g. to correct it after the director returned the order. */
  record AppointmentRequest(Object orderNumber, Object orderDate, List<MemberInput> workingGroup,
      Map<String, String> responsible) {
  }

  @PutMapping("/appointment")
  Map<String, Object> appoint(@PathVariable String fiscalYear, @RequestBody AppointmentRequest request) {
    FiscalYear year = FiscalYear.parse(fiscalYear);
    if (!CurrentUser.isMemberOf(Groups.PLAN_OFFICER) && !CurrentUser.isMemberOf(Groups.ADMIN)) {
      throw ApiException.forbidden("เฉพาะนักวิเคราะห์นโยบายและแผนเท่านั้นที่แก้ไขคำสั่งแต่งตั้งได้");
    }
    strategy.appoint(year, new AppointmentInput(request.orderNumber(), request.orderDate(), request.workingGroup(),
        request.responsible()), CurrentUser.id());
    return Map.of("message", "บันทึกคำสั่งแต่งตั้งคณะทำงานปีงบประมาณ " + year + " แล้ว");
  }

  /** An item's report, e.g. corrected after the plan officer returned it. */
  record ReportRequest(Object resultValue, Object resultText, Object budgetUsed, Object problems, Object suggestions) {
  }

  @PutMapping("/reports/{itemCode}")
  Map<String, Object> correctReport(@PathVariable String fiscalYear, @PathVariable String itemCode,
      @RequestBody ReportRequest request) {
    FiscalYear year = FiscalYear.parse(fiscalYear);
    StrategyItem item = strategy.item(year, itemCode);
    boolean owner = CurrentUser.id() != null && CurrentUser.id().equals(item.responsibleUserId());
    if (!owner && !CurrentUser.isMemberOf(Groups.PLAN_OFFICER)) {
      throw ApiException.forbidden("เฉพาะผู้รับผิดชอบรายการ " + itemCode + " เท่านั้นที่แก้ไขแบบรายงานนี้ได้");
    }
    strategy.correctReport(year, itemCode, new ReportInput(request.resultValue(), request.resultText(),
        request.budgetUsed(), request.problems(), request.suggestions()), CurrentUser.id());
    return Map.of("message", "บันทึกการแก้ไขแบบรายงานผลรายการ " + itemCode + " แล้ว");
  }

  @GetMapping("/appointment-order.pdf")
  ResponseEntity<byte[]> appointmentOrder(@PathVariable String fiscalYear) {
    FiscalYear year = readable(fiscalYear);
    return pdf(() -> documents.appointmentOrderPdf(year), "appointment-order-" + year + ".pdf");
  }

  @GetMapping("/reports/{itemCode}.pdf")
  ResponseEntity<byte[]> reportForm(@PathVariable String fiscalYear, @PathVariable String itemCode) {
    FiscalYear year = readable(fiscalYear);
    return pdf(() -> documents.reportFormPdf(year, itemCode), "report-" + year + "-" + itemCode + ".pdf");
  }

  @GetMapping("/summary.pdf")
  ResponseEntity<byte[]> summaryPdf(@PathVariable String fiscalYear) {
    FiscalYear year = readable(fiscalYear);
    return pdf(() -> documents.summaryPdf(year), "strategy-summary-" + year + ".pdf");
  }

  @GetMapping("/summary.xlsx")
  ResponseEntity<byte[]> summaryXlsx(@PathVariable String fiscalYear) {
    FiscalYear year = readable(fiscalYear);
    return file(documents.summaryXlsx(year), MediaType.parseMediaType(XlsxWriter.CONTENT_TYPE),
        "strategy-summary-" + year + ".xlsx");
  }

  private static FiscalYear readable(String fiscalYear) {
    FiscalYear year = FiscalYear.parse(fiscalYear);
    if (READERS.stream().noneMatch(CurrentUser::isMemberOf)) {
      throw ApiException.forbidden("ข้อมูลนี้สำหรับบุคลากรในสำนักงานเขตพื้นที่การศึกษาเท่านั้น");
    }
    return year;
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
        .body(bytes);
  }

  private static ResponseEntity<byte[]> pdf(Supplier<byte[]> document, String name) {
    try {
      return file(document.get(), MediaType.APPLICATION_PDF, name);
    } catch (PdfRendererUnavailableException e) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "ระบบสร้างเอกสาร PDF ยังไม่พร้อมใช้งาน กรุณาแจ้งผู้ดูแลระบบ");
    }
  }
}
