package th.planflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;

/**
 * The e-MES file and the director's summary, read back: Thai headers, values and order with Apache
 * POI; the PDF's text with PDFBox.
 */
@PlanflowTest
class KpiExportTest {

  static final int YEAR = 2584;

  @Autowired
  TestRestTemplate http;
  @Autowired
  KpiStore store;
  @Autowired
  KpiResults results;

  @BeforeEach
  void setUp() {
    EngineClock.setTo("2040-11-20T10:00");
    store.replaceKpis(YEAR, KpiTestData.KPIS, "planner", Instant.now());
    store.openRound(YEAR, KpiRound.Q4, List.of("staff1", "staff2", "staff3"), Instant.now());
    results.save(YEAR, KpiRound.Q4, "staff1", List.of(
        new KpiResults.Input("K-1.1", "100", "จัดกิจกรรมครบทุกโรงเรียน", "โรงเรียนขนาดเล็กขาดงบประมาณ", "ควรเพิ่มงบประมาณกิจกรรม"),
        new KpiResults.Input("K-2.1", 85.5, "ติดตามการอ่านรายเดือน", "นักเรียนย้ายเข้าระหว่างปี", null)));
    results.save(YEAR, KpiRound.Q4, "staff2", List.of(new KpiResults.Input("K-2.2", "50", null, null, null)));
    results.submit(YEAR, KpiRound.Q4, "staff1", "staff1");
    results.review(YEAR, KpiRound.Q4, "staff1", true, "planner", null);
    results.submit(YEAR, KpiRound.Q4, "staff2", "staff2");
    // staff2's result waits for review, staff3 never reported: neither counts as reported
    store.saveSummary(YEAR, "ตัวชี้วัดส่วนใหญ่บรรลุค่าเป้าหมาย", "การรายงานล่าช้าบางกลยุทธ์", "ควรกำกับติดตามรายเดือน",
        "planner", EngineClock.at("2040-11-19T15:00").toInstant());
    store.acknowledgeSummary(YEAR, "director", EngineClock.at("2040-11-20T09:00").toInstant(), "ให้เร่งรัดกลยุทธ์ที่ 1");
  }

  @AfterEach
  void tearDown() {
    store.deleteYear(YEAR);
    EngineClock.reset();
  }

  @Test
  void theEmesFileHasItsThaiHeadersAndEveryKpiInOrder() throws Exception {
    ResponseEntity<byte[]> response = http.withBasicAuth("planner", "demo")
        .getForEntity("/api/kpi/" + YEAR + "/rounds/Q4/emes.xlsx", byte[].class);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(
        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).isTrue();
    assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("e-MES ตัวชี้วัด ปี 2584 ไตรมาส 4.xlsx");

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
      Sheet sheet = workbook.getSheetAt(0);
      assertThat(values(sheet.getRow(0))).containsExactly("รหัสตัวชี้วัด", "ชื่อตัวชี้วัด", "ค่าเป้าหมาย", "หน่วยนับ",
          "ผลการดำเนินงาน", "ร้อยละ", "ผลการประเมิน", "ปัญหาอุปสรรค", "ข้อเสนอแนะ");
      assertThat(sheet.getLastRowNum()).isEqualTo(4);
      assertThat(values(sheet.getRow(1))).containsExactly("K-1.1", "ร้อยละของสถานศึกษาที่จัดกิจกรรมส่งเสริมคุณธรรม", 80.0,
          "ร้อยละ", 100.0, 125.0, "บรรลุ", "โรงเรียนขนาดเล็กขาดงบประมาณ", "ควรเพิ่มงบประมาณกิจกรรม");
      assertThat(values(sheet.getRow(2))).containsExactly("K-2.1", "ร้อยละของนักเรียนชั้น ป.1 ที่อ่านออกเขียนได้", 90.0,
          "ร้อยละ", 85.5, 95.0, "ไม่บรรลุ", "นักเรียนย้ายเข้าระหว่างปี", null);
      assertThat(values(sheet.getRow(3))).containsExactly("K-2.2", "ค่าเฉลี่ยผลการทดสอบ O-NET ป.6 วิชาภาษาไทย", 55.5,
          "คะแนน", null, null, "ยังไม่รายงาน", null, null);
      assertThat(values(sheet.getRow(4))).startsWith("K-1.2").contains("ยังไม่รายงาน");
      assertThat(sheet.getRow(1).getCell(5).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
    }
    assertThat(http.withBasicAuth("staff1", "demo").getForEntity("/api/kpi/" + YEAR + "/rounds/Q4/emes.xlsx", String.class)
        .getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void theSummaryPdfCountsPerStrategyAndListsProblemsAndSuggestions() throws Exception {
    ResponseEntity<byte[]> response = http.withBasicAuth("director", "demo")
        .getForEntity("/api/kpi/" + YEAR + "/summary.pdf", byte[].class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF)).isTrue();

    String text;
    try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
      text = new PDFTextStripper().getText(pdf);
    }
    // lines wrap anywhere in Thai text: compare without white space
    assertThat(text.replaceAll("\\s+", ""))
        .contains(noSpace("สรุปผลการดำเนินงานตัวชี้วัดตามแผนปฏิบัติราชการ สพฐ. ปีงบประมาณ 2584"))
        .contains(noSpace("ไตรมาสที่ 4 (สะสม 12 เดือน)"))
        .contains(noSpace("ข้อมูล ณ วันที่ 20 พฤศจิกายน 2583"))
        .contains(noSpace("กลยุทธ์ที่ 1 ความมั่นคง 2 1 0 1"))
        .contains(noSpace("กลยุทธ์ที่ 2 คุณภาพผู้เรียน 2 0 1 1"))
        .contains(noSpace("รวม 4 1 1 2"))
        .contains(noSpace("ไตรมาสที่ 4 (สะสม 12 เดือน) 1 1 2"))
        .contains(noSpace("ตัวชี้วัดส่วนใหญ่บรรลุค่าเป้าหมาย"))
        .contains(noSpace("K-1.1 ร้อยละของสถานศึกษาที่จัดกิจกรรมส่งเสริมคุณธรรม: โรงเรียนขนาดเล็กขาดงบประมาณ"))
        .contains(noSpace("K-2.1 ร้อยละของนักเรียนชั้น ป.1 ที่อ่านออกเขียนได้: นักเรียนย้ายเข้าระหว่างปี"))
        .contains(noSpace("ควรเพิ่มงบประมาณกิจกรรม"))
        .contains(noSpace("ตัวชี้วัดที่ยังไม่รายงานผล"))
        .contains(noSpace("อัตราการออกกลางคันของนักเรียน (ผู้รับผิดชอบ กมลวรรณ ศึกษานิเทศก์)"))
        .contains(noSpace("ผู้จัดทำ สมศรี วางแผนดี นักวิเคราะห์นโยบายและแผน 19 พฤศจิกายน 2583"))
        .contains(noSpace("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษารับทราบ เมื่อ 20 พฤศจิกายน 2583 (วิชัย บริหารเก่ง)"))
        .contains(noSpace("ข้อสั่งการ: ให้เร่งรัดกลยุทธ์ที่ 1"));
  }

  @Test
  void theSummaryWorkbookHasTheSameCounts() throws Exception {
    byte[] xlsx = http.withBasicAuth("head", "demo").getForObject("/api/kpi/" + YEAR + "/summary.xlsx", byte[].class);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet counts = workbook.getSheet("สรุปรายกลยุทธ์");
      assertThat(values(counts.getRow(0))).containsExactly("กลยุทธ์", "จำนวนตัวชี้วัด", "บรรลุ", "ไม่บรรลุ", "ยังไม่รายงาน");
      assertThat(values(counts.getRow(1))).containsExactly("กลยุทธ์ที่ 1 ความมั่นคง", 2.0, 1.0, 0.0, 1.0);
      assertThat(values(counts.getRow(3))).containsExactly("รวม", 4.0, 1.0, 1.0, 2.0);
      Sheet details = workbook.getSheet("ผลรายตัวชี้วัด");
      assertThat(values(details.getRow(1))).contains("K-1.1", "บรรลุ", "อรุณี ศึกษานิเทศก์", "โรงเรียนขนาดเล็กขาดงบประมาณ");
      assertThat(values(workbook.getSheet("สรุปภาพรวม").getRow(4))).containsExactly("ข้อสั่งการ/ความเห็นของผู้อำนวยการ",
          "ให้เร่งรัดกลยุทธ์ที่ 1");
    }
  }

  @Test
  void computesPercentOfTargetFromTheDirection() {
    assertThat(KpiScoring.percentOfTarget(Direction.HIGHER, new BigDecimal("80"), new BigDecimal("100"))).isEqualByComparingTo("125.00");
    assertThat(KpiScoring.percentOfTarget(Direction.LOWER, new BigDecimal("0.5"), new BigDecimal("1"))).isEqualByComparingTo("50.00");
    assertThat(KpiScoring.percentOfTarget(Direction.LOWER, BigDecimal.ZERO, BigDecimal.ZERO)).isEqualByComparingTo("100");
    assertThat(KpiScoring.percentOfTarget(Direction.LOWER, BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    assertThat(KpiScoring.achieved(Direction.LOWER, new BigDecimal("0.5"), new BigDecimal("0.5"))).isTrue();
    assertThat(KpiScoring.achieved(Direction.HIGHER, new BigDecimal("90"), new BigDecimal("89.99"))).isFalse();
  }

  static String noSpace(String text) {
    return text.replaceAll("\\s+", "");
  }

  static List<Object> values(Row row) {
    List<Object> values = new ArrayList<>();
    int width = row.getSheet().getRow(0).getLastCellNum();
    for (int c = 0; c < width; c++) {
      Cell cell = row.getCell(c);
      values.add(cell == null ? null : cell.getCellType() == CellType.NUMERIC ? cell.getNumericCellValue() : cell.getStringCellValue());
    }
    return values;
  }
}
