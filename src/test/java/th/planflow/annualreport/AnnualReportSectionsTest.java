package th.planflow.annualreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import th.planflow.PlanflowTest;

/** The report's sections (groups of the office) are reference data the plan officer edits; photo types by magic bytes. */
@PlanflowTest
class AnnualReportSectionsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  AnnualReports reports;

  AnnualReportApi api;
  List<AnnualReports.Section> before;

  @BeforeEach
  void remember() {
    api = new AnnualReportApi(http);
    before = reports.sections(false);
  }

  @AfterEach
  void restore() {
    reports.replaceSections(before);
  }

  @Test
  void thePlanOfficerEditsTheSectionsAndBadRowsAreRefusedWhole() {
    assertThat(before).hasSize(10);
    ResponseEntity<Map> bad = api.put("planner", "/api/annual-report/sections",
        "[{\"code\": \"PLAN\", \"name\": \"กลุ่มนโยบายและแผน\", \"contributor\": \"staff2\"},"
            + " {\"code\": \"PLAN\", \"name\": \"ซ้ำ\"}, {\"code\": \"X\", \"name\": \"\"}, {\"code\": \"Y\", \"name\": \"ก\", \"contributor\": \"nobody\"}]");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("message")).asString().contains("แถวที่ 2: รหัสกลุ่มงาน PLAN ซ้ำ", "แถวที่ 3: กรุณากรอกชื่อกลุ่มงาน",
        "แถวที่ 4: ไม่พบผู้ใช้ nobody");
    assertThat(reports.sections(false)).isEqualTo(before);
    assertThat(api.put("head", "/api/annual-report/sections", "[]").getStatusCode().value()).isEqualTo(403);

    assertThat(api.put("planner", "/api/annual-report/sections",
        "[{\"code\": \"PLAN\", \"name\": \"กลุ่มนโยบายและแผน\", \"contributor\": \"staff2\"},"
            + " {\"code\": \"LEGAL\", \"name\": \"กลุ่มกฎหมายและคดี\", \"active\": false}]").getStatusCode().value()).isEqualTo(200);
    assertThat(reports.sections(true)).extracting(AnnualReports.Section::code).containsExactly("PLAN");
    assertThat(reports.sections(false)).extracting(AnnualReports.Section::sortOrder).containsExactly(10, 20);
  }

  @Test
  void photosAreRecognisedByTheirFirstBytes() {
    assertThat(AnnualReportController.imageType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
    assertThat(AnnualReportController.imageType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}))
        .isEqualTo("image/png");
    assertThat(AnnualReportController.imageType("GIF89a....".getBytes())).isNull();
    assertThat(AnnualReportController.imageType("<svg/>".getBytes())).isNull();
    assertThat(AnnualReportController.imageType(new byte[] {(byte) 0xFF})).isNull();
  }
}
