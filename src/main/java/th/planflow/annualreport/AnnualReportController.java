package th.planflow.annualreport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.identity.Groups;
import th.planflow.review.FormInput;
import th.planflow.web.ApiException;
import th.planflow.web.CurrentUser;

/** The API of the annual report: sections, photos, the executives' feedback, preview and republishing. */
@RestController
class AnnualReportController {

  /** Largest photo accepted, in bytes. */
  static final int PHOTO_MAX_BYTES = 2 * 1024 * 1024;
  static final int PHOTOS_PER_SECTION = 10;

  private final AnnualReports reports;
  private final AnnualReportSections sections;
  private final AnnualReportDocuments documents;
  private final PlanflowClock clock;

  AnnualReportController(AnnualReports reports, AnnualReportSections sections, AnnualReportDocuments documents,
      PlanflowClock clock) {
    this.reports = reports;
    this.sections = sections;
    this.documents = documents;
    this.clock = clock;
  }

  @GetMapping("/api/annual-report/sections")
  List<AnnualReports.Section> sections() {
    return reports.sections(false);
  }

  @PutMapping("/api/annual-report/sections")
  Map<String, Object> replaceSections(@RequestBody List<AnnualReportSections.SectionInput> rows) {
    CurrentUser.requirePlanOfficer();
    sections.replace(rows);
    return Map.of("message", "บันทึกกลุ่มงานของรายงานประจำปี " + rows.size() + " กลุ่มแล้ว");
  }

  @GetMapping("/api/annual-report/{fiscalYear}")
  Map<String, Object> report(@PathVariable String fiscalYear) {
    requireReader();
    int year = year(fiscalYear);
    AnnualReports.Report report = reports.report(year)
        .orElseThrow(() -> ApiException.notFound("ยังไม่มีรายงานผลการดำเนินงานประจำปีงบประมาณ " + year));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fiscalYear", year);
    body.put("status", report.status());
    body.put("workingGroup", report.workingGroup());
    body.put("foreword", report.foreword());
    body.put("contributions", reports.contributions(year));
    body.put("feedback", reports.feedback(year));
    body.put("versions", reports.versions(year));
    body.put("publicUrl", documents.publicUrl(year));
    return body;
  }

  /** A photo for a group's section: the raw JPEG or PNG as the request body, checked by its first bytes. */
  @PostMapping("/api/annual-report/{fiscalYear}/sections/{code}/photos")
  ResponseEntity<Map<String, Object>> addPhoto(@PathVariable String fiscalYear, @PathVariable String code,
      @RequestParam(required = false) String caption, @RequestBody(required = false) byte[] body) {
    int year = year(fiscalYear);
    AnnualReports.Section section = sections.get(code);
    requireContributor(section);
    requireDraft(year);
    if (body == null || body.length == 0) {
      throw ApiException.badRequest("ไม่พบไฟล์รูปภาพ กรุณาเลือกไฟล์ JPEG หรือ PNG");
    }
    if (body.length > PHOTO_MAX_BYTES) {
      throw ApiException.badRequest("ไฟล์รูปภาพมีขนาด " + String.format("%.1f", body.length / 1048576.0)
          + " MB เกินกำหนด (ไม่เกิน 2 MB) กรุณาย่อขนาดรูปภาพก่อน");
    }
    String type = imageType(body);
    if (type == null) {
      throw ApiException.badRequest("รับเฉพาะไฟล์รูปภาพ JPEG หรือ PNG เท่านั้น ไฟล์นี้ไม่ใช่รูปภาพชนิดดังกล่าว");
    }
    if (reports.photoCount(year, code) >= PHOTOS_PER_SECTION) {
      throw ApiException.badRequest("แนบรูปภาพได้ไม่เกิน " + PHOTOS_PER_SECTION + " รูปต่อกลุ่มงาน");
    }
    String text = FormInput.text(caption, "คำบรรยายภาพ", 300, false);
    long id = reports.addPhoto(year, code, text, type, body, CurrentUser.id(), clock.now());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id,
        "message", "แนบรูปภาพของ" + section.name() + " แล้ว"));
  }

  @GetMapping("/api/annual-report/{fiscalYear}/sections/{code}/photos")
  List<AnnualReports.Photo> photos(@PathVariable String fiscalYear, @PathVariable String code) {
    requireContributorOrReader(sections.get(code));
    return reports.photos(year(fiscalYear), code);
  }

  @GetMapping("/api/annual-report/{fiscalYear}/photos/{id}")
  ResponseEntity<byte[]> photo(@PathVariable String fiscalYear, @PathVariable long id) {
    int year = year(fiscalYear);
    AnnualReports.Photo photo = reports.photos(year, null).stream().filter(p -> p.id() == id).findFirst()
        .orElseThrow(() -> ApiException.notFound("ไม่พบรูปภาพ"));
    requireContributorOrReader(sections.get(photo.sectionCode()));
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, photo.contentType())
        .body(reports.photoData(year, id).orElseThrow());
  }

  @DeleteMapping("/api/annual-report/{fiscalYear}/photos/{id}")
  Map<String, Object> deletePhoto(@PathVariable String fiscalYear, @PathVariable long id) {
    int year = year(fiscalYear);
    AnnualReports.Photo photo = reports.photos(year, null).stream().filter(p -> p.id() == id).findFirst()
        .orElseThrow(() -> ApiException.notFound("ไม่พบรูปภาพ"));
    requireContributor(sections.get(photo.sectionCode()));
    requireDraft(year);
    reports.deletePhoto(year, id);
    return Map.of("message", "ลบรูปภาพแล้ว");
  }

  @GetMapping("/api/annual-report/{fiscalYear}/feedback")
  List<AnnualReports.Feedback> feedback(@PathVariable String fiscalYear) {
    requireReader();
    return reports.feedback(year(fiscalYear));
  }

  /** The planner records what was done with a piece of feedback (the revision needs every one handled). */
  @PutMapping("/api/annual-report/{fiscalYear}/feedback/{id}")
  Map<String, Object> handle(@PathVariable String fiscalYear, @PathVariable long id,
      @RequestBody(required = false) Map<String, Object> body) {
    CurrentUser.requirePlanOfficer();
    String handling = FormInput.text(body == null ? null : body.get("handling"), "การดำเนินการตามข้อเสนอแนะ", 4000, true);
    if (!reports.markHandled(year(fiscalYear), id, handling, CurrentUser.id(), clock.now())) {
      throw ApiException.notFound("ไม่พบข้อเสนอแนะลำดับที่ " + id);
    }
    return Map.of("message", "บันทึกการดำเนินการตามข้อเสนอแนะแล้ว");
  }

  @GetMapping("/api/annual-report/{fiscalYear}/preview.pdf")
  ResponseEntity<byte[]> preview(@PathVariable String fiscalYear) {
    requireReader();
    int year = year(fiscalYear);
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "application/pdf")
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"annual-report-" + year + "-draft.pdf\"")
        .body(documents.preview(year));
  }

  /** A corrected edition after publication: a new version; the earlier ones stay downloadable. */
  @PostMapping("/api/annual-report/{fiscalYear}/republish")
  Map<String, Object> republish(@PathVariable String fiscalYear) {
    if (!CurrentUser.isMemberOf(Groups.DIRECTOR)) {
      throw ApiException.forbidden("เฉพาะผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาเท่านั้นที่อนุมัติการเผยแพร่ได้");
    }
    int year = year(fiscalYear);
    if (reports.versions(year).isEmpty()) {
      throw new ApiException(HttpStatus.CONFLICT, "รายงานปีงบประมาณ " + year
          + " ยังไม่เคยได้รับอนุมัติให้เผยแพร่ กรุณาอนุมัติผ่านขั้นตอนการจัดพิมพ์และเผยแพร่ก่อน");
    }
    int version = documents.publish(year, CurrentUser.id());
    return Map.of("version", version, "message", "เผยแพร่รายงานฉบับที่ " + version + " แล้ว ฉบับก่อนหน้ายังคงดาวน์โหลดได้");
  }

  /** "image/jpeg" or "image/png" by the file's magic bytes, else null. */
  static String imageType(byte[] data) {
    if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (data.length >= png.length) {
      for (int i = 0; i < png.length; i++) {
        if (data[i] != png[i]) {
          return null;
        }
      }
      return "image/png";
    }
    return null;
  }

  private void requireDraft(int year) {
    AnnualReports.Report report = reports.report(year)
        .orElseThrow(() -> ApiException.notFound("ยังไม่มีรายงานผลการดำเนินงานประจำปีงบประมาณ " + year));
    if (report.published()) {
      throw new ApiException(HttpStatus.CONFLICT, "รายงานปีงบประมาณ " + year + " เผยแพร่แล้ว แก้ไขรูปภาพไม่ได้");
    }
  }

  private static int year(String value) {
    return FiscalYear.parse(value).buddhistYear();
  }

  private static void requireContributor(AnnualReports.Section section) {
    if (!CurrentUser.id().equals(section.contributor()) && !CurrentUser.isMemberOf(Groups.PLAN_OFFICER)) {
      throw ApiException.forbidden("เฉพาะผู้รับผิดชอบของ" + section.name() + "และนักวิเคราะห์นโยบายและแผนเท่านั้น");
    }
  }

  private static void requireContributorOrReader(AnnualReports.Section section) {
    if (!CurrentUser.id().equals(section.contributor())) {
      requireReader();
    }
  }


  private static void requireReader() {
    if (!CurrentUser.isPlanningOrSupervisor() && !CurrentUser.isMemberOf(Groups.EXECUTIVE_BOARD)) {
      throw ApiException.forbidden("เฉพาะกลุ่มนโยบายและแผน ผู้บริหาร และทีมบริหารองค์การเท่านั้น");
    }
  }
}
