package th.planflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static th.planflow.strategy.StrategyTestData.compact;
import static th.planflow.strategy.StrategyTestData.pdfText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;
import th.planflow.calendar.FiscalYear;
import th.planflow.strategy.ProvincialStrategy.AppointmentInput;
import th.planflow.strategy.ProvincialStrategy.ReportInput;
import th.planflow.strategy.StrategyInput.MemberInput;

/**
 * The duty's documents from a recorded fiscal year 2572, fetched as the office's people fetch them
 * and read back: the Thai text of the PDFs, the cells of the Excel summary, and who may have them.
 * The PDFs are also left in target/strategy-documents to look at.
 */
@PlanflowTest
class StrategyDocumentsTest {

  static final int FY = 2572;
  static final FiscalYear YEAR = FiscalYear.of(FY);
  static final Path OUT = Path.of("target", "strategy-documents");

  @Autowired
  TestRestTemplate http;

  /** A year as the process leaves it: order approved, one report approved and one late, summary acknowledged. */
  @BeforeAll
  static void recordAYear(@Autowired ProvincialStrategy strategy, @Autowired JdbcTemplate jdbc) throws IOException {
    StrategyTestData.delete(jdbc, FY);
    Files.createDirectories(OUT);
    try {
      EngineClock.setTo("2029-01-10T10:00");
      strategy.study(YEAR, "แผนพัฒนาจังหวัด พ.ศ. 2571-2575", """
          รหัส\tยุทธศาสตร์/ตัวชี้วัด\tค่าเป้าหมาย\tหน่วยนับ\tโครงการที่เกี่ยวข้อง
          1.1\tร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้\t95\tร้อยละ\tโครงการส่งเสริมการอ่านออกเขียนได้
          2.1\tจำนวนโรงเรียนที่ผ่านเกณฑ์สถานศึกษาปลอดภัย\t1,250\tโรงเรียน\t
          """, null, "planner");
      EngineClock.setTo("2029-03-09T10:00");
      strategy.appoint(YEAR, new AppointmentInput("7/2572", "2029-03-09",
          List.of(new MemberInput("director", "ประธานคณะทำงาน"), new MemberInput("นายสมปอง ยิ่งยืน", "ผู้แทนสำนักงานจังหวัด"),
              new MemberInput("planner", "คณะทำงานและเลขานุการ")),
          Map.of("1.1", "staff4", "2.1", "staff5")), "planner");
      strategy.approveAppointment(YEAR);
      EngineClock.setTo("2029-07-24T10:00");
      strategy.report(YEAR, "1.1", new ReportInput(97.5, "นักเรียนอ่านออกเขียนได้ 1,820 จาก 1,867 คน", 85000,
          "ครูย้ายระหว่างปี", "ควรจัดอบรมครูบรรจุใหม่"), "staff4", false);
      strategy.approveReport(YEAR, "1.1", false);
      EngineClock.setTo("2029-08-03T10:00");
      strategy.report(YEAR, "2.1", new ReportInput("1,100", "ผ่านเกณฑ์ 1,100 โรงเรียน", "0", null, null), "staff5", true);
      EngineClock.setTo("2029-09-14T10:00");
      strategy.summarize(YEAR, "บรรลุเป้าหมาย 1 จาก 2 รายการ", "การประเมินสถานศึกษาปลอดภัยยังไม่ครบทุกโรงเรียน",
          "เร่งประเมินให้ครบในภาคเรียนที่ 1", "planner");
      strategy.acknowledge(YEAR, true, "รับทราบ ให้ติดตามรายการ 2.1", "director");
    } finally {
      EngineClock.reset();
    }
  }

  @AfterAll
  static void removeTheYear(@Autowired JdbcTemplate jdbc) {
    StrategyTestData.delete(jdbc, FY);
  }

  byte[] fetch(String user, String path, String fileName) throws IOException {
    ResponseEntity<byte[]> response = http.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    Files.write(OUT.resolve(fileName), response.getBody());
    return response.getBody();
  }

  @Test
  void theAppointmentOrderReadsAsAnOfficialOrder() throws IOException {
    String text = pdfText(fetch("staff4", "/api/strategy/2572/appointment-order.pdf", "appointment-order.pdf"));
    assertThat(text).contains("คำสั่งสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1", "ที่ 7/2572",
        "สั่ง ณ วันที่ 9 มีนาคม พ.ศ. 2572", "(วิชัย บริหารเก่ง)").doesNotContain("ร่าง");
    assertThat(compact(text)).contains(compact(
        "เรื่อง แต่งตั้งคณะทำงานและผู้รับผิดชอบการประสานการติดตาม ประเมินนโยบายและยุทธศาสตร์การพัฒนาจังหวัด"
            + " ประจำปีงบประมาณ พ.ศ. 2572",
        "ตามแผนพัฒนาจังหวัด พ.ศ. 2571-2575",
        "1. วิชัย บริหารเก่ง ประธานคณะทำงาน",
        "2. นายสมปอง ยิ่งยืน ผู้แทนสำนักงานจังหวัด",
        "3. สมศรี วางแผนดี คณะทำงานและเลขานุการ",
        "1 1.1 ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้ 95 ร้อยละ สมชาย ศึกษานิเทศก์",
        "2 2.1 จำนวนโรงเรียนที่ผ่านเกณฑ์สถานศึกษาปลอดภัย 1,250 โรงเรียน พิมพ์ชนก ศึกษานิเทศก์",
        "ภายในเดือนกรกฎาคม พ.ศ. 2572",
        "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1"));
  }

  @Test
  void anItemsReportComesOnTheProvincesForm() throws IOException {
    String text = pdfText(fetch("planner", "/api/strategy/2572/reports/1.1.pdf", "report-1.1.pdf"));
    assertThat(compact(text)).contains(compact(
        "แบบรายงานผลการดำเนินงานตามนโยบายและยุทธศาสตร์การพัฒนาจังหวัด ประจำปีงบประมาณ พ.ศ. 2572",
        "ยุทธศาสตร์/ตัวชี้วัด 1.1 ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้",
        "ค่าเป้าหมาย 95 ร้อยละ", "ผลการดำเนินงาน 97.5 ร้อยละ", "ร้อยละของค่าเป้าหมาย 102.63",
        "ผลการประเมิน บรรลุเป้าหมาย", "งบประมาณที่ใช้ (บาท) 85,000.00",
        "รายละเอียดผลการดำเนินงาน นักเรียนอ่านออกเขียนได้ 1,820 จาก 1,867 คน",
        "ปัญหา/อุปสรรค ครูย้ายระหว่างปี", "ข้อเสนอแนะ ควรจัดอบรมครูบรรจุใหม่",
        "วันที่รายงาน 24 กรกฎาคม พ.ศ. 2572 (ตรงเวลา)", "สถานะ ผ่านการตรวจสอบแล้ว"));
    assertThat(compact(pdfText(fetch("staff5", "/api/strategy/2572/reports/2.1.pdf", "report-2.1.pdf")))).contains(compact(
        "ผลการดำเนินงาน 1,100 โรงเรียน", "ผลการประเมิน ไม่บรรลุเป้าหมาย", "วันที่รายงาน 3 สิงหาคม พ.ศ. 2572 (ล่าช้า)",
        "สถานะ รอนักวิเคราะห์นโยบายและแผนตรวจสอบ"));
  }

  @Test
  void theSummaryForTheDirectorHasResultsProblemsAndTheAcknowledgement() throws IOException {
    String text = pdfText(fetch("director", "/api/strategy/2572/summary.pdf", "summary.pdf"));
    assertThat(compact(text)).contains(compact(
        "สรุปผลการดำเนินงานตามนโยบายและยุทธศาสตร์การพัฒนาจังหวัด ประจำปีงบประมาณ พ.ศ. 2572",
        "แผนพัฒนาจังหวัด พ.ศ. 2571-2575",
        "1.1 ร้อยละของนักเรียนชั้นประถมศึกษาปีที่ 3 ที่อ่านออกเขียนได้ 95 ร้อยละ 97.5 ร้อยละ 102.63 บรรลุเป้าหมาย 85,000.00"
            + " สมชาย ศึกษานิเทศก์ ตรงเวลา",
        "2.1 จำนวนโรงเรียนที่ผ่านเกณฑ์สถานศึกษาปลอดภัย 1,250 โรงเรียน 1,100 โรงเรียน 88 ไม่บรรลุเป้าหมาย 0.00"
            + " พิมพ์ชนก ศึกษานิเทศก์ ล่าช้า",
        "รวม 2 รายการ รายงานแล้ว 2 รายการ บรรลุเป้าหมาย 1 รายการ รายงานล่าช้า 1 รายการ งบประมาณที่ใช้รวม 85,000.00 บาท",
        "๒. สรุปผลการดำเนินงานในภาพรวม บรรลุเป้าหมาย 1 จาก 2 รายการ",
        "๓. ปัญหา/อุปสรรคการดำเนินงาน การประเมินสถานศึกษาปลอดภัยยังไม่ครบทุกโรงเรียน",
        "1.1 ครูย้ายระหว่างปี ควรจัดอบรมครูบรรจุใหม่",
        "๔. ข้อเสนอแนะ เร่งประเมินให้ครบในภาคเรียนที่ 1",
        "(สมศรี วางแผนดี) นักวิเคราะห์นโยบายและแผน",
        "(วิชัย บริหารเก่ง) รับทราบเมื่อ 14 กันยายน พ.ศ. 2572 ข้อสั่งการ: รับทราบ ให้ติดตามรายการ 2.1"));
  }

  @Test
  void theSummaryWorkbookHasThaiHeadersAndTypedCells() throws IOException {
    byte[] xlsx = fetch("director", "/api/strategy/2572/summary.xlsx", "summary.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet results = workbook.getSheet("ผลการดำเนินงาน ปี 2572");
      Row header = results.getRow(0);
      assertThat(header.getCell(1).getStringCellValue()).isEqualTo("ยุทธศาสตร์/ตัวชี้วัด");
      assertThat(header.getCell(7).getStringCellValue()).isEqualTo("งบประมาณที่ใช้ (บาท)");
      Row first = results.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo("1.1");
      assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(95.0);
      assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(97.5);
      assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(1.0263);
      assertThat(first.getCell(6).getStringCellValue()).isEqualTo("บรรลุเป้าหมาย");
      assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(85000.0);
      assertThat(first.getCell(10).getStringCellValue()).isEqualTo("สมชาย ศึกษานิเทศก์");
      assertThat(first.getCell(11).getStringCellValue()).isEqualTo("24 กรกฎาคม 2572");
      assertThat(results.getRow(2).getCell(12).getStringCellValue()).isEqualTo("ล่าช้า");
      Sheet overall = workbook.getSheet("สรุปภาพรวม");
      assertThat(overall.getRow(9).getCell(0).getStringCellValue()).isEqualTo("ปัญหา/อุปสรรคการดำเนินงาน");
      assertThat(overall.getRow(9).getCell(1).getStringCellValue()).isEqualTo("การประเมินสถานศึกษาปลอดภัยยังไม่ครบทุกโรงเรียน");
    }
  }

  @Test
  void theOverviewListsItemsOwnersAndReports() {
    ResponseEntity<Map> response = http.withBasicAuth("head", "demo").getForEntity("/api/strategy/2572", Map.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).containsEntry("planName", "แผนพัฒนาจังหวัด พ.ศ. 2571-2575")
        .containsEntry("summaryAcknowledged", true);
    assertThat((List<Map<String, Object>>) response.getBody().get("items"))
        .extracting(item -> item.get("responsibleName")).containsExactly("สมชาย ศึกษานิเทศก์", "พิมพ์ชนก ศึกษานิเทศก์");
  }

  @Test
  void onlyTheOfficeReadsTheDutysData() {
    assertThat(http.getForEntity("/api/strategy/2572/summary.pdf", String.class).getStatusCode().value()).isEqualTo(401);
    ResponseEntity<Map> school = http.withBasicAuth("school10010001", "demo").getForEntity("/api/strategy/2572/summary.pdf", Map.class);
    assertThat(school.getStatusCode().value()).isEqualTo(403);
    assertThat(school.getBody().get("message")).isEqualTo("ข้อมูลนี้สำหรับบุคลากรในสำนักงานเขตพื้นที่การศึกษาเท่านั้น");
  }

  @Test
  void aYearWithoutDataOrABadYearGetsAThaiAnswer() {
    ResponseEntity<Map> missing = http.withBasicAuth("planner", "demo").getForEntity("/api/strategy/2573/appointment-order.pdf", Map.class);
    assertThat(missing.getStatusCode().value()).isEqualTo(404);
    assertThat(missing.getBody().get("message")).isEqualTo("ยังไม่ได้จัดทำคำสั่งแต่งตั้งคณะทำงานของปีงบประมาณ 2573");
    ResponseEntity<Map> bad = http.withBasicAuth("planner", "demo").getForEntity("/api/strategy/abc/summary.pdf", Map.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody().get("message")).isEqualTo("ปีงบประมาณต้องเป็นตัวเลข พ.ศ. 4 หลัก เช่น 2570");
  }
}
