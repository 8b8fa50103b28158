package th.planflow.office;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import th.planflow.document.ImportException;
import th.planflow.document.XlsxWriter;
import th.planflow.identity.Groups;
import th.planflow.web.CurrentUser;
import th.planflow.web.Downloads;

/** The schools of the office: the plan officer imports them from a file (API and a page), staff read them. */
@Controller
class SchoolController {

  private final Schools schools;
  private final SchoolImport importer;

  SchoolController(Schools schools, SchoolImport importer) {
    this.schools = schools;
    this.importer = importer;
  }

  @GetMapping("/api/schools")
  @ResponseBody
  List<Schools.School> list() {
    CurrentUser.requirePlanningOrSupervisor();
    return schools.all();
  }

  @PostMapping(path = "/api/schools/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseBody
  ResponseEntity<Map<String, Object>> importSchools(@RequestParam(name = "file", required = false) MultipartFile file)
      throws IOException {
    SchoolImport.Result result = importer.importFile(requirePlanOfficer(file), file.getBytes());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", HttpStatus.OK.value());
    body.put("message", message(result));
    body.put("added", result.added());
    body.put("updated", result.updated());
    body.put("notInFile", result.notInFile().stream().map(s -> Map.of("code", s.code(), "name", s.name())).toList());
    return ResponseEntity.ok(body);
  }

  @GetMapping("/api/schools/import-template.xlsx")
  ResponseEntity<byte[]> template() {
    return Downloads.attachment(SchoolImport.template(), "แบบฟอร์มนำเข้าข้อมูลสถานศึกษา.xlsx", XlsxWriter.CONTENT_TYPE);
  }

  @GetMapping("/schools")
  String page(Model model) {
    CurrentUser.requirePlanningOrSupervisor();
    model.addAttribute("schools", schools.all());
    model.addAttribute("canImport", CurrentUser.isMemberOf(Groups.PLAN_OFFICER));
    return "office/schools";
  }

  @PostMapping(path = "/schools/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String importPage(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
    try {
      model.addAttribute("message", message(importer.importFile(requirePlanOfficer(file), file.getBytes())));
    } catch (ImportException e) {
      model.addAttribute("error", e);
    }
    return page(model);
  }

  static String message(SchoolImport.Result result) {
    return "นำเข้ารายชื่อสถานศึกษาแล้ว เพิ่มใหม่ " + result.added() + " แห่ง ปรับปรุง " + result.updated() + " แห่ง"
        + (result.notInFile().isEmpty() ? ""
            : " มีสถานศึกษาในระบบที่ไม่อยู่ในไฟล์ " + result.notInFile().size()
                + " แห่ง ระบบยังคงไว้ตามเดิม (ไม่ลบ เพราะอาจมีรายงานค้างอยู่) กรุณาตรวจสอบ");
  }

  /** @return the file's name, once the caller may import and a file came */
  private static String requirePlanOfficer(MultipartFile file) {
    CurrentUser.requirePlanOfficer();
    if (file == null || file.isEmpty()) {
      throw new ImportException(SchoolImport.ITEMS, "กรุณาแนบไฟล์รายชื่อสถานศึกษา (.xlsx หรือ .csv) ในช่อง file");
    }
    return file.getOriginalFilename();
  }
}
