package th.planflow.kpi;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import th.planflow.calendar.FiscalYear;
import th.planflow.document.XlsxWriter;
import th.planflow.identity.Groups;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;
import th.planflow.web.Downloads;

/**
 * The KPI API: the plan officer imports the year's list, names the working group and owners, marks
 * e-MES entry and downloads the e-MES file and the summary; each owner fills the results of their own
 * KPIs and attaches evidence. Errors come back as {"status", "message"} in Thai.
 */
@RestController
class KpiController {

  record ResultsRequest(List<KpiResults.Input> results) {
  }

  record OwnerRequest(String owner) {
  }

  record WorkingGroupRequest(List<KpiStore.WorkingGroupMember> members) {
  }

  record EmesRequest(List<String> kpiCodes, LocalDate enteredOn) {
  }

  record ResultView(String kpiCode, String name, String strategy, BigDecimal target, String unit, String direction,
      String owner, BigDecimal actualValue, BigDecimal percentOfTarget, Boolean achieved, String evaluation,
      String narrative, String problems, String suggestions, String status, String statusThai, String reviewComment,
      String submittedBy, Instant submittedAt, String approvedBy, Instant approvedAt, LocalDate enteredInEmes,
      List<KpiStore.Evidence> evidence) {
  }

  private final KpiImporter importer;
  private final KpiStore store;
  private final KpiResults results;
  private final KpiEvidence evidence;
  private final KpiAppointment appointment;
  private final KpiReports reports;

  KpiController(KpiImporter importer, KpiStore store, KpiResults results, KpiEvidence evidence,
      KpiAppointment appointment, KpiReports reports) {
    this.importer = importer;
    this.store = store;
    this.results = results;
    this.evidence = evidence;
    this.appointment = appointment;
    this.reports = reports;
  }

  // ---- the KPI list

  @PostMapping(path = "/api/kpi/{fiscalYear}/kpis/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> importKpis(@PathVariable String fiscalYear,
      @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    CurrentUser.requirePlanOfficer();
    int year = year(fiscalYear);
    if (file == null || file.isEmpty()) {
      throw new KpiImportException("กรุณาแนบไฟล์รายการตัวชี้วัด (.xlsx หรือ .csv) ในช่อง file");
    }
    List<Kpi> kpis = importer.importFile(year, file.getOriginalFilename(), file.getBytes(), CurrentUser.id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", HttpStatus.CREATED.value());
    body.put("message", "นำเข้ารายการตัวชี้วัดของปีงบประมาณ " + year + " แล้ว " + kpis.size() + " รายการ");
    body.put("imported", kpis.size());
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  @GetMapping("/api/kpi/import-template.xlsx")
  ResponseEntity<byte[]> importTemplate() {
    return Downloads.attachment(KpiReports.importTemplate(), "แบบฟอร์มนำเข้าตัวชี้วัด.xlsx", XlsxWriter.CONTENT_TYPE);
  }

  @GetMapping("/api/kpi/{fiscalYear}/kpis")
  List<Kpi> kpis(@PathVariable String fiscalYear) {
    requireStaffOrSupervisor();
    return store.kpis(year(fiscalYear));
  }

  @PutMapping("/api/kpi/{fiscalYear}/kpis/{code}/owner")
  Map<String, Object> changeOwner(@PathVariable String fiscalYear, @PathVariable String code, @RequestBody OwnerRequest request) {
    CurrentUser.requirePlanOfficer();
    appointment.changeOwner(year(fiscalYear), code, request.owner());
    return Map.of("message", "กำหนดผู้รับผิดชอบตัวชี้วัด " + code + " เป็น " + request.owner() + " แล้ว");
  }

  // ---- working group

  @GetMapping("/api/kpi/{fiscalYear}/working-group")
  Map<String, Object> workingGroup(@PathVariable String fiscalYear) {
    requireStaffOrSupervisor();
    int year = year(fiscalYear);
    Map<String, Object> body = new LinkedHashMap<>();
    store.appointment(year).ifPresent(a -> body.put("appointment", a));
    body.put("members", appointment.members(year));
    return body;
  }

  @PutMapping("/api/kpi/{fiscalYear}/working-group")
  Map<String, Object> saveWorkingGroup(@PathVariable String fiscalYear, @RequestBody WorkingGroupRequest request) {
    CurrentUser.requirePlanOfficer();
    int year = year(fiscalYear);
    appointment.saveWorkingGroup(year, request.members());
    return Map.of("message", "บันทึกคณะทำงานแล้ว", "members", appointment.members(year));
  }

  // ---- results of a round

  @GetMapping("/api/kpi/{fiscalYear}/rounds/{round}/results")
  List<ResultView> results(@PathVariable String fiscalYear, @PathVariable String round) {
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    List<KpiResults.Row> rows;
    if (isSupervisor()) {
      rows = results.rows(year, r);
    } else if (CurrentUser.isMemberOf(Groups.ESA_STAFF)) {
      rows = results.rowsOf(year, r, CurrentUser.id());
    } else {
      throw ApiException.forbidden("ท่านไม่มีสิทธิ์ดูผลการดำเนินงานตัวชี้วัด");
    }
    List<KpiStore.Evidence> files = store.evidence(year, r);
    return rows.stream().map(row -> view(row, files)).toList();
  }

  @PutMapping("/api/kpi/{fiscalYear}/rounds/{round}/results")
  Map<String, Object> saveResults(@PathVariable String fiscalYear, @PathVariable String round,
      @RequestBody ResultsRequest request) {
    requireOwner();
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    results.save(year, r, CurrentUser.id(), request.results());
    List<String> missing = results.missing(year, r, CurrentUser.id());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", missing.isEmpty() ? "บันทึกผลแล้ว กรอกครบทุกตัวชี้วัดแล้ว ส่งงานใน Tasklist ได้"
        : "บันทึกผลแล้ว ยังไม่ได้กรอกผลของตัวชี้วัด " + String.join(", ", missing));
    body.put("missing", missing);
    return body;
  }

  @PostMapping(path = "/api/kpi/{fiscalYear}/rounds/{round}/results/{code}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<KpiStore.Evidence> addEvidence(@PathVariable String fiscalYear, @PathVariable String round,
      @PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    requireOwner();
    if (file == null) {
      throw ApiException.badRequest("กรุณาแนบไฟล์หลักฐานในช่อง file");
    }
    KpiStore.Evidence saved = evidence.add(year(fiscalYear), KpiRound.parse(round), CurrentUser.id(), code,
        file.getOriginalFilename(), file.getBytes());
    return ResponseEntity.status(HttpStatus.CREATED).body(saved);
  }

  @GetMapping("/api/kpi/{fiscalYear}/rounds/{round}/results/{code}/evidence/{id}")
  ResponseEntity<byte[]> evidenceFile(@PathVariable String fiscalYear, @PathVariable String round,
      @PathVariable String code, @PathVariable long id) {
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    KpiStore.Evidence file = store.evidence(year, r, id).filter(e -> e.kpiCode().equals(code))
        .orElseThrow(() -> ApiException.notFound("ไม่พบไฟล์หลักฐาน"));
    boolean owner = store.kpi(year, code).map(k -> k.owner().equals(CurrentUser.id())).orElse(false);
    if (!owner && !isSupervisor()) {
      throw ApiException.forbidden("ท่านไม่มีสิทธิ์เปิดไฟล์หลักฐานนี้");
    }
    return Downloads.attachment(store.evidenceContent(file.id()), file.fileName(), file.contentType());
  }

  @DeleteMapping("/api/kpi/{fiscalYear}/rounds/{round}/results/{code}/evidence/{id}")
  Map<String, Object> deleteEvidence(@PathVariable String fiscalYear, @PathVariable String round,
      @PathVariable String code, @PathVariable long id) {
    requireOwner();
    evidence.delete(year(fiscalYear), KpiRound.parse(round), CurrentUser.id(), code, id);
    return Map.of("message", "ลบไฟล์หลักฐานแล้ว");
  }

  // ---- e-MES

  @PutMapping("/api/kpi/{fiscalYear}/rounds/{round}/emes")
  Map<String, Object> markEnteredInEmes(@PathVariable String fiscalYear, @PathVariable String round,
      @RequestBody EmesRequest request) {
    CurrentUser.requirePlanOfficer();
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    results.markEnteredInEmes(year, r, request.kpiCodes(), request.enteredOn(), CurrentUser.id());
    List<String> open = results.notYetInEmes(year, r);
    return Map.of("message", open.isEmpty() ? "บันทึกแล้ว ผลที่อนุมัติแล้วลงระบบ e-MES ครบทุกตัวชี้วัด"
        : "บันทึกแล้ว ยังไม่ได้ลงระบบ e-MES: " + String.join(", ", open), "notYetInEmes", open);
  }

  @DeleteMapping("/api/kpi/{fiscalYear}/rounds/{round}/emes/{code}")
  Map<String, Object> unmarkEnteredInEmes(@PathVariable String fiscalYear, @PathVariable String round,
      @PathVariable String code) {
    CurrentUser.requirePlanOfficer();
    results.unmarkEnteredInEmes(year(fiscalYear), KpiRound.parse(round), code);
    return Map.of("message", "ยกเลิกเครื่องหมายบันทึกในระบบ e-MES ของตัวชี้วัด " + code + " แล้ว");
  }

  @GetMapping("/api/kpi/{fiscalYear}/rounds/{round}/emes.xlsx")
  ResponseEntity<byte[]> emesXlsx(@PathVariable String fiscalYear, @PathVariable String round) {
    requireSupervisor();
    int year = year(fiscalYear);
    KpiRound r = KpiRound.parse(round);
    return Downloads.attachment(reports.emesXlsx(year, r), "e-MES ตัวชี้วัด ปี " + year + " ไตรมาส " + r.quarter() + ".xlsx",
        XlsxWriter.CONTENT_TYPE);
  }

  // ---- summary

  @GetMapping("/api/kpi/{fiscalYear}/summary.pdf")
  ResponseEntity<byte[]> summaryPdf(@PathVariable String fiscalYear, @RequestParam(defaultValue = "Q4") String round) {
    requireSupervisor();
    int year = year(fiscalYear);
    return Downloads.attachment(reports.summaryPdf(year, KpiRound.parse(round)), "สรุปผลตัวชี้วัด ปี " + year + ".pdf",
        MediaType.APPLICATION_PDF_VALUE);
  }

  @GetMapping("/api/kpi/{fiscalYear}/summary.xlsx")
  ResponseEntity<byte[]> summaryXlsx(@PathVariable String fiscalYear, @RequestParam(defaultValue = "Q4") String round) {
    requireSupervisor();
    int year = year(fiscalYear);
    return Downloads.attachment(reports.summaryXlsx(year, KpiRound.parse(round)), "สรุปผลตัวชี้วัด ปี " + year + ".xlsx",
        XlsxWriter.CONTENT_TYPE);
  }

  // ---- helpers

  private static ResultView view(KpiResults.Row row, List<KpiStore.Evidence> files) {
    Kpi k = row.kpi();
    KpiResult r = row.result();
    return new ResultView(k.code(), k.name(), k.strategy(), k.target(), k.unit(), k.direction().thai(), k.owner(),
        r == null ? null : r.actual(), r == null ? null : r.percentOfTarget(), r == null ? null : r.achieved(),
        KpiReports.evaluation(row), r == null ? null : r.narrative(), r == null ? null : r.problems(),
        r == null ? null : r.suggestions(), r == null ? null : r.status().name(),
        r == null ? "ยังไม่กรอก" : r.status().thai(), r == null ? null : r.reviewComment(),
        r == null ? null : r.submittedBy(), r == null ? null : r.submittedAt(), r == null ? null : r.approvedBy(),
        r == null ? null : r.approvedAt(), row.enteredInEmes(),
        files.stream().filter(f -> f.kpiCode().equals(k.code())).toList());
  }


  private static int year(String fiscalYear) {
    return FiscalYear.parse(fiscalYear).buddhistYear();
  }

  private static boolean isSupervisor() {
    return CurrentUser.isPlanningOrSupervisor();
  }


  private static void requireSupervisor() {
    if (!isSupervisor()) {
      throw ApiException.forbidden("เฉพาะนักวิเคราะห์นโยบายและแผน ผู้อำนวยการกลุ่มนโยบายและแผน และผู้อำนวยการ สพป. เท่านั้น");
    }
  }

  private static void requireStaffOrSupervisor() {
    if (!isSupervisor() && !CurrentUser.isMemberOf(Groups.ESA_STAFF)) {
      throw ApiException.forbidden("ท่านไม่มีสิทธิ์ดูรายการตัวชี้วัด");
    }
  }

  private static void requireOwner() {
    if (!CurrentUser.isMemberOf(Groups.ESA_STAFF)) {
      throw ApiException.forbidden("เฉพาะผู้รับผิดชอบตัวชี้วัด (บุคลากรในสำนักงานเขต) เท่านั้น");
    }
  }
}
