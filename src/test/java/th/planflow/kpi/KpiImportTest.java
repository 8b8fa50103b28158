package th.planflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import th.planflow.PlanflowTest;
import th.planflow.document.ImportException.Problem;
import th.planflow.document.ImportSheets;

/** The plan officer's KPI list import: .xlsx and .csv, all or nothing, Thai errors with row numbers. */
@PlanflowTest
class KpiImportTest {

  static final int YEAR = 2582;
  static final String HEADER = "รหัสตัวชี้วัด,ชื่อตัวชี้วัด,กลยุทธ์,ค่าเป้าหมาย,หน่วยนับ,ทิศทาง,ผู้รับผิดชอบ\n";

  @Autowired
  TestRestTemplate http;
  @Autowired
  KpiStore store;
  @Autowired
  KpiImporter importer;
  @Autowired
  ObjectMapper json;

  @AfterEach
  void tearDown() {
    store.deleteYear(YEAR);
  }

  ResponseEntity<String> upload(String user, String fileName, byte[] bytes) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo")
        .postForEntity("/api/kpi/" + YEAR + "/kpis/import", new HttpEntity<>(form, headers), String.class);
  }

  JsonNode body(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  @Test
  void importsACsvWithByteOrderMarkThroughTheApi() throws Exception {
    ResponseEntity<String> response = upload("planner", "ตัวชี้วัด 2582.csv", KpiTestData.csv());

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(body(response).get("message").asText()).isEqualTo("นำเข้ารายการตัวชี้วัดของปีงบประมาณ 2582 แล้ว 4 รายการ");
    assertThat(store.kpis(YEAR)).containsExactlyElementsOf(KpiTestData.KPIS);

    JsonNode list = json.readTree(http.withBasicAuth("staff1", "demo").getForObject("/api/kpi/" + YEAR + "/kpis", String.class));
    assertThat(list).hasSize(4);
    assertThat(list.get(1).get("name").asText()).isEqualTo("ร้อยละของนักเรียนชั้น ป.1 ที่อ่านออกเขียนได้");
  }

  @Test
  void importsACsvWithoutByteOrderMarkWithQuotesLineBreaksAndThaiDigits() {
    String csv = HEADER
        + "A-1,\"ร้อยละของโรงเรียนที่จัดกิจกรรม \"\"วันภาษาไทย\"\"\nและประเมินผล\",กลยุทธ์ที่ 2,๘๕,ร้อยละ,,staff1\r\n"
        + ",,,,,,\n"
        + "A-2,จำนวนครูที่ไม่ครบชั้น,กลยุทธ์ที่ 4,\"1,200\",คน,น้อยกว่าดี,staff2\n";
    List<Kpi> kpis = importer.importFile(YEAR, "list.CSV", csv.getBytes(StandardCharsets.UTF_8), "planner");

    assertThat(kpis).extracting(Kpi::code).containsExactly("A-1", "A-2");
    assertThat(kpis.get(0).name()).isEqualTo("ร้อยละของโรงเรียนที่จัดกิจกรรม \"วันภาษาไทย\" และประเมินผล");
    assertThat(kpis.get(0).target()).isEqualByComparingTo("85");
    assertThat(kpis.get(0).direction()).isEqualTo(Direction.HIGHER);
    assertThat(kpis.get(1).target()).isEqualByComparingTo("1200");
    assertThat(kpis.get(1).direction()).isEqualTo(Direction.LOWER);
  }

  @Test
  void importsAnXlsxWithColumnsInAnyOrderAndNumericCells() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("ตัวชี้วัด");
      sheet.createRow(0).createCell(0).setCellValue("รายการตัวชี้วัดตามแผนปฏิบัติราชการ สพฐ."); // a title row
      Row header = sheet.createRow(2);
      String[] headers = {"ผู้รับผิดชอบ (ชื่อผู้ใช้)", "รหัสตัวชี้วัด", "ชื่อตัวชี้วัด", "กลยุทธ์", "หน่วยนับ", "ค่าเป้าหมาย", "หมายเหตุ"};
      for (int c = 0; c < headers.length; c++) {
        header.createCell(c).setCellValue(headers[c]);
      }
      Object[][] rows = {
          {"staff3", "2.1", "ร้อยละของนักเรียน ป.1 อ่านออกเขียนได้", "กลยุทธ์ที่ 2", "ร้อยละ", 90.0, "ใหม่"},
          {"staff4", "2.2", "ค่าเฉลี่ย O-NET ป.6", "กลยุทธ์ที่ 2", "คะแนน", 52.75, null}};
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(3 + r);
        for (int c = 0; c < rows[r].length; c++) {
          if (rows[r][c] instanceof Double d) {
            row.createCell(c).setCellValue(d);
          } else if (rows[r][c] != null) {
            row.createCell(c).setCellValue((String) rows[r][c]);
          }
        }
      }
      workbook.write(out);
      xlsx = out.toByteArray();
    }

    ResponseEntity<String> response = upload("planner", "kpi.xlsx", xlsx);

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(store.kpis(YEAR)).containsExactly(
        new Kpi("2.1", 1, "ร้อยละของนักเรียน ป.1 อ่านออกเขียนได้", "กลยุทธ์ที่ 2", new BigDecimal("90"), "ร้อยละ", Direction.HIGHER, "staff3"),
        new Kpi("2.2", 2, "ค่าเฉลี่ย O-NET ป.6", "กลยุทธ์ที่ 2", new BigDecimal("52.75"), "คะแนน", Direction.HIGHER, "staff4"));
  }

  @Test
  void emptyFormattedRowsDoNotCountTowardTheRowCap() {
    // 1,100 rows Excel keeps for their formatting: more physical rows than the cap allows, two rows of data
    List<String> headers = List.of(HEADER.trim().split(","));
    byte[] xlsx = ImportSheets.xlsx("รายการตัวชี้วัด ปีงบประมาณ " + YEAR, headers,
        List.of(List.of("B-1", "ร้อยละของนักเรียนที่อ่านออกเขียนได้", "กลยุทธ์ที่ 2", "85", "ร้อยละ", "", "staff1")),
        KpiImportFile.MAX_ROWS + 100, List.of("B-2", "จำนวนครูที่ไม่ครบชั้น", "กลยุทธ์ที่ 4", "12", "คน", "น้อยกว่าดี", "staff2"));

    List<Kpi> kpis = importer.importFile(YEAR, "kpi.xlsx", xlsx, "planner");

    assertThat(kpis).extracting(Kpi::code).containsExactly("B-1", "B-2");
  }

  @Test
  void refusesTheWholeFileWithEveryBadRowListedAndKeepsTheOldList() throws Exception {
    importer.importFile(YEAR, "kpi.csv", KpiTestData.csv(), "planner");
    String csv = HEADER
        + "B-1,ตัวชี้วัดที่ถูกต้อง,กลยุทธ์ที่ 1,80,ร้อยละ,มากกว่าดี,staff1\n"
        + ",ไม่มีรหัส,กลยุทธ์ที่ 1,80,ร้อยละ,,staff1\n"
        + "B-1,รหัสซ้ำ,กลยุทธ์ที่ 1,80,ร้อยละ,,staff1\n"
        + "B-3,เป้าหมายไม่ใช่ตัวเลข,กลยุทธ์ที่ 1,แปดสิบ,ร้อยละ,,staff1\n"
        + "B-4,ผู้รับผิดชอบไม่มีในระบบ,กลยุทธ์ที่ 1,80,ร้อยละ,,staff99\n"
        + "B-5,ผู้รับผิดชอบไม่ใช่บุคลากรเขต,กลยุทธ์ที่ 1,80,ร้อยละ,ปานกลาง,planner\n";

    ResponseEntity<String> response = upload("planner", "bad.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode body = body(response);
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("message").asText()).startsWith("นำเข้ารายการตัวชี้วัดไม่สำเร็จ ไม่มีรายการใดถูกบันทึก พบข้อผิดพลาด 6 รายการ: แถวที่ 3: ไม่มีรหัสตัวชี้วัด");
    assertThat(body.get("errors")).extracting(e -> e.get("row").asInt() + " " + e.get("message").asText()).containsExactly(
        "3 ไม่มีรหัสตัวชี้วัด",
        "4 รหัสตัวชี้วัด 'B-1' ซ้ำกับแถวที่ 2",
        "5 ค่าเป้าหมาย 'แปดสิบ' ไม่ใช่ตัวเลข",
        "6 ไม่พบผู้รับผิดชอบ 'staff99' ในกลุ่มบุคลากรในสำนักงานเขต (esa-staff) กรุณาใช้ชื่อผู้ใช้ในระบบ เช่น staff1",
        "7 ทิศทาง 'ปานกลาง' ไม่ถูกต้อง (ใช้ มากกว่าดี หรือ น้อยกว่าดี)",
        "7 ไม่พบผู้รับผิดชอบ 'planner' ในกลุ่มบุคลากรในสำนักงานเขต (esa-staff) กรุณาใช้ชื่อผู้ใช้ในระบบ เช่น staff1");
    assertThat(store.kpis(YEAR)).as("nothing of the bad file, the old list intact").containsExactlyElementsOf(KpiTestData.KPIS);
  }

  @Test
  void explainsFilesItCannotRead() {
    assertThat(problems("kpi.csv", "รหัสตัวชี้วัด,ชื่อตัวชี้วัด\nA,ก\n".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(new Problem(1, "ไม่พบหัวคอลัมน์ กลยุทธ์, ค่าเป้าหมาย, หน่วยนับ, ผู้รับผิดชอบ (หัวคอลัมน์ที่ต้องมี:"
            + " รหัสตัวชี้วัด, ชื่อตัวชี้วัด, กลยุทธ์, ค่าเป้าหมาย, หน่วยนับ, ผู้รับผิดชอบ; ทิศทาง ใส่หรือไม่ก็ได้)"));
    assertThat(problems("kpi.csv", (HEADER + "A,ตัวชี้วัด,กลยุทธ์,80,ร้อยละ,,staff1\n").getBytes(Charset.forName("TIS-620"))))
        .containsExactly(new Problem(0, "ไฟล์ CSV ต้องเข้ารหัสแบบ UTF-8 (ใน Excel เลือกบันทึกเป็น \"CSV UTF-8\")"));
    assertThat(problems("kpi.csv", HEADER.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(new Problem(0, "ไม่มีรายการตัวชี้วัดในไฟล์ (มีแต่หัวคอลัมน์)"));
    assertThat(problems("kpi.xls", new byte[] {1, 2, 3}))
        .containsExactly(new Problem(0, "ไฟล์ Excel รุ่นเก่า (.xls) ใช้ไม่ได้ กรุณาบันทึกเป็น .xlsx หรือ .csv (UTF-8)"));
    assertThat(problems("kpi.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(new Problem(0, "อ่านไฟล์ Excel ไม่ได้ กรุณาตรวจสอบว่าเป็นไฟล์ .xlsx ที่ถูกต้อง"));
    assertThat(problems("kpi.pdf", "%PDF-1.7".getBytes(StandardCharsets.UTF_8)))
        .containsExactly(new Problem(0, "รองรับเฉพาะไฟล์ .xlsx และ .csv (ได้รับ 'kpi.pdf')"));
    assertThat(problems("kpi.csv", (HEADER + "\"A,ตัวชี้วัด\n").getBytes(StandardCharsets.UTF_8)))
        .containsExactly(new Problem(0, "ไฟล์ CSV ไม่ถูกต้อง: เครื่องหมายคำพูด (\") ที่เปิดในบรรทัดที่ 2 ไม่ได้ปิด"));
    assertThat(store.countKpis(YEAR)).isZero();
  }

  @Test
  void onlyThePlanOfficerImports() throws Exception {
    ResponseEntity<String> response = upload("staff1", "kpi.csv", KpiTestData.csv());

    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(body(response).get("message").asText()).isEqualTo("เฉพาะนักวิเคราะห์นโยบายและแผนเท่านั้น");
    assertThat(upload("school10010001", "kpi.csv", KpiTestData.csv()).getStatusCode().value()).isEqualTo(403);
    assertThat(store.countKpis(YEAR)).isZero();
  }

  @Test
  void refusesANewListOnceOwnersHaveReported() {
    importer.importFile(YEAR, "kpi.csv", KpiTestData.csv(), "planner");
    store.saveFigures(YEAR, KpiRound.Q2, "K-1.1", BigDecimal.TEN, null, null, null, null, null, "staff1",
        java.time.Instant.now());

    assertThatThrownBy(() -> importer.importFile(YEAR, "kpi.csv", KpiTestData.csv(), "planner"))
        .hasMessageContaining("มีผลการดำเนินงานที่ผู้รับผิดชอบรายงานแล้ว");
  }

  @Test
  void theTemplateHasTheHeadersTheImportReads() throws Exception {
    byte[] template = http.withBasicAuth("planner", "demo").getForObject("/api/kpi/import-template.xlsx", byte[].class);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Row header = workbook.getSheetAt(0).getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("รหัสตัวชี้วัด");
      assertThat(header.getCell(6).getStringCellValue()).isEqualTo("ผู้รับผิดชอบ");
    }
    assertThat(importer.importFile(YEAR, "แบบฟอร์ม.xlsx", template, "planner")).hasSize(2);
  }

  List<Problem> problems(String fileName, byte[] bytes) {
    try {
      importer.importFile(YEAR, fileName, bytes, "planner");
    } catch (KpiImportException e) {
      return e.problems();
    }
    throw new AssertionError("the file was imported");
  }
}
