package th.planflow.project;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.document.XlsxWriter;
import th.planflow.web.CurrentUser;
import th.planflow.web.Downloads;
import th.planflow.web.UserInputException;

/** The 3-level plans: everyone in the office reads them; the planner adds, retires and imports items. */
@RestController
class PlanItemController {

  private final PlanItems items;
  private final PlanflowClock clock;

  PlanItemController(PlanItems items, PlanflowClock clock) {
    this.items = items;
    this.clock = clock;
  }

  @GetMapping("/api/plan-items")
  List<Map<String, Object>> list(@RequestParam(required = false) String fiscalYear,
      @RequestParam(defaultValue = "false") boolean includeRetired) {
    Integer year = fiscalYear == null ? null : FiscalYear.parse(fiscalYear).buddhistYear();
    return items.all(includeRetired).stream()
        .filter(i -> year == null || includeRetired || i.usableIn(year))
        .map(PlanItemController::view).toList();
  }

  static Map<String, Object> view(PlanItems.PlanItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", i.code());
    m.put("level", i.level());
    m.put("levelName", PlanKind.levelName(i.level()));
    m.put("kind", i.kind().name());
    m.put("kindName", i.kind().thaiName());
    m.put("parentCode", i.parentCode());
    m.put("name", i.name());
    m.put("target", i.target());
    m.put("firstYear", i.firstYear());
    m.put("lastYear", i.lastYear());
    m.put("national", i.national());
    m.put("retired", i.retired());
    return m;
  }

  @PostMapping("/api/plan-items")
  ResponseEntity<Map<String, Object>> add(@RequestBody PlanItems.ItemInput input) {
    CurrentUser.requirePlanOfficer();
    PlanItems.ImportResult result = items.add(input, CurrentUser.id(), clock.now());
    return ResponseEntity.status(result.added() > 0 ? 201 : 200).body(Map.of("added", result.added(), "updated",
        result.updated(), "message", (result.added() > 0 ? "เพิ่ม" : "แก้ไข") + "รายการแผน " + input.code().trim() + " แล้ว"));
  }

  @PostMapping("/api/plan-items/{code}/retire")
  Map<String, Object> retire(@PathVariable String code, @RequestBody(required = false) Map<String, String> body) {
    CurrentUser.requirePlanOfficer();
    PlanItems.PlanItem item = items.retire(code, body == null ? null : body.get("reason"), CurrentUser.id(), clock.now());
    return Map.of("item", view(item), "message", "เลิกใช้รายการ " + item.code() + " แล้ว โครงการที่เชื่อมโยงไว้เดิมยังคงอยู่"
        + " แต่โครงการใหม่จะเลือกรายการนี้ไม่ได้");
  }

  @PostMapping("/api/plan-items/{code}/reactivate")
  Map<String, Object> reactivate(@PathVariable String code) {
    CurrentUser.requirePlanOfficer();
    PlanItems.PlanItem item = items.reactivate(code);
    return Map.of("item", view(item), "message", "นำรายการ " + item.code() + " กลับมาใช้แล้ว");
  }

  /** An .xlsx or .csv file with the columns of {@link PlanItemFile#HEADERS}, all or nothing. */
  @PostMapping("/api/plan-items/import")
  Map<String, Object> importFile(@RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
    CurrentUser.requirePlanOfficer();
    if (file == null || file.isEmpty()) {
      throw new UserInputException("กรุณาเลือกไฟล์รายการแผน (.xlsx หรือ .csv)");
    }
    List<PlanItems.Row> rows = PlanItemFile.read(file.getOriginalFilename(), file.getBytes());
    PlanItems.ImportResult result = items.save(rows, CurrentUser.id(), clock.now());
    return Map.of("added", result.added(), "updated", result.updated(), "message",
        "นำเข้ารายการแผนสำเร็จ เพิ่มใหม่ " + result.added() + " รายการ แก้ไข " + result.updated() + " รายการ");
  }

  /** The office's items in the import layout: a template to edit and import for the next plan period. */
  @GetMapping("/api/plan-items/export.xlsx")
  ResponseEntity<byte[]> export() {
    CurrentUser.requirePlanningOrSupervisor();
    try (XlsxWriter xlsx = new XlsxWriter()) {
      XlsxWriter.Sheet sheet = xlsx.sheet("รายการแผน ๓ ระดับ", PlanItemFile.HEADERS);
      for (PlanItems.PlanItem i : items.all(false)) {
        sheet.row(i.level(), i.kind().thaiName(), i.code(), i.parentCode(), i.name(), i.target(), i.firstYear(), i.lastYear());
      }
      return Downloads.attachment(xlsx.toBytes(), "รายการแผน 3 ระดับ.xlsx", XlsxWriter.CONTENT_TYPE);
    }
  }


}
