package th.planflow.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import th.planflow.PlanflowTest;
import th.planflow.document.XlsxWriter;

/**
 * The 3-level plans as editable reference data: what is shipped, the planner's add / retire /
 * reactivate, and the import for the next plan period (.xlsx and .csv, all or nothing, Thai problems by
 * row number).
 */
@PlanflowTest
class PlanItemsTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlanItems items;

  ProjectApi api;

  @BeforeEach
  void setUp() {
    api = new ProjectApi(http);
  }

  @AfterEach
  void cleanUp() {
    jdbc.update("delete from plan_item where code like 'T-%'");
    jdbc.update("delete from plan_item_retired where code like 'T-%' or code = 'NS05'");
  }

  List<Map<String, Object>> list(String query) {
    return api.list("staff1", "/api/plan-items" + query);
  }

  static List<Object> codes(List<Map<String, Object>> list) {
    return list.stream().map(m -> m.get("code")).toList();
  }

  ResponseEntity<Map> upload(String user, String fileName, byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").postForEntity("/api/plan-items/import", new HttpEntity<>(body, headers), Map.class);
  }

  static byte[] xlsx(List<? extends List<?>> rows) {
    try (XlsxWriter writer = new XlsxWriter()) {
      XlsxWriter.Sheet sheet = writer.sheet("รายการแผน", PlanItemFile.HEADERS);
      rows.forEach(sheet::row);
      return writer.toBytes();
    }
  }

  int testItems() {
    return jdbc.queryForObject("select count(*) from plan_item where code like 'T-%'", Integer.class);
  }

  @Test
  void theThreeLevelsAreShippedWithTheNationalStrategyAndItsTargets() {
    List<Map<String, Object>> all = list("");
    List<Map<String, Object>> strategies = all.stream().filter(m -> m.get("level").equals(1)).toList();
    assertThat(codes(strategies)).containsExactly("NS01", "NS02", "NS03", "NS04", "NS05", "NS06");
    assertThat(strategies).extracting(m -> m.get("name")).containsExactly("ยุทธศาสตร์ที่ 1 ด้านความมั่นคง",
        "ยุทธศาสตร์ที่ 2 ด้านการสร้างความสามารถในการแข่งขัน", "ยุทธศาสตร์ที่ 3 ด้านการพัฒนาและเสริมสร้างศักยภาพทรัพยากรมนุษย์",
        "ยุทธศาสตร์ที่ 4 ด้านการสร้างโอกาสและความเสมอภาคทางสังคม",
        "ยุทธศาสตร์ที่ 5 ด้านการสร้างการเติบโตบนคุณภาพชีวิตที่เป็นมิตรต่อสิ่งแวดล้อม",
        "ยุทธศาสตร์ที่ 6 ด้านการปรับสมดุลและพัฒนาระบบการบริหารจัดการภาครัฐ");
    assertThat(strategies).allSatisfy(m -> assertThat((String) m.get("target")).isNotBlank());
    assertThat(all.stream().filter(m -> m.get("level").equals(2)).map(m -> m.get("kind")).distinct().toList())
        .containsExactly("MASTER_PLAN", "REFORM_PLAN", "NESD_PLAN", "SECURITY_PLAN");
    assertThat(all.stream().filter(m -> m.get("code").equals("MP12-01")).findFirst().orElseThrow())
        .containsEntry("parentCode", "MP12").containsEntry("kindName", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ");
    // the 13th NESD plan ends with FY 2570; the next year links to the master plans and what is imported
    assertThat(codes(list("?fiscalYear=2570"))).contains("ND13-12", "OB03-1", "ESA-S3");
    assertThat(codes(list("?fiscalYear=2571"))).contains("NS03", "MP12-01", "RF-ED05", "OB03-1")
        .doesNotContain("ND13-12", "SEC-02", "ESA-S3");
  }

  @Test
  void thePlannerAddsRetiresAndReactivatesItemsWithoutACodeChange() {
    ResponseEntity<Map> added = api.post("planner", "/api/plan-items", "{\"level\": 3, \"kind\": \"OFFICE_ACTION_PLAN\","
        + " \"code\": \"T-S5\", \"name\": \"กลยุทธ์ที่ 5 ส่งเสริมการมีส่วนร่วมของชุมชน\", \"firstYear\": 2571, \"lastYear\": 2571}");
    assertThat(added.getStatusCode().value()).isEqualTo(201);
    assertThat(codes(list("?fiscalYear=2571"))).contains("T-S5");
    assertThat(codes(list("?fiscalYear=2572"))).doesNotContain("T-S5");
    assertThat(api.post("planner", "/api/plan-items", "{\"level\": 3, \"kind\": \"แผนปฏิบัติการของสำนักงานเขตพื้นที่การศึกษา\","
        + " \"code\": \"T-S5\", \"name\": \"กลยุทธ์ที่ 5 ส่งเสริมการมีส่วนร่วม\"}").getBody()).containsEntry("updated", 1);
    assertThat(items.find("T-S5").orElseThrow().name()).isEqualTo("กลยุทธ์ที่ 5 ส่งเสริมการมีส่วนร่วม");

    ResponseEntity<Map> bad = api.post("planner", "/api/plan-items", "{\"level\": 1, \"kind\": \"MASTER_PLAN\","
        + " \"code\": \"T 1\", \"name\": \"<b>x</b>\", \"firstYear\": 2027}");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(ProjectApi.message(bad)).startsWith("บันทึกรายการแผนไม่สำเร็จ:")
        .contains("แผนแม่บทภายใต้ยุทธศาสตร์ชาติ อยู่ในแผนระดับที่ 2 ไม่ใช่แผนระดับที่ 1", "รหัส 'T 1' ใช้ได้เฉพาะ",
            "ห้ามใส่แท็ก HTML", "ปีงบประมาณเริ่มต้น ต้องเป็นปี พ.ศ. เช่น 2571 (ได้รับ 2027)");
    assertThat(ProjectApi.message(api.post("planner", "/api/plan-items", "{\"level\": 1, \"kind\": \"NATIONAL_STRATEGY\","
        + " \"code\": \"ns01\", \"name\": \"แก้ชื่อ\"}"))).contains("เป็นรายการแผนระดับชาติที่มีอยู่แล้ว แก้ไขไม่ได้");
    assertThat(api.post("staff1", "/api/plan-items", "{}").getStatusCode().value()).isEqualTo(403);

    // a national item retired for this office: gone from the choices, refused as a link, back when reactivated
    ResponseEntity<Map> retired = api.post("planner", "/api/plan-items/NS05/retire", "{\"reason\": \"ไม่มีโครงการด้านนี้ในปีนี้\"}");
    assertThat(retired.getStatusCode().value()).isEqualTo(200);
    assertThat(codes(list("?fiscalYear=2571"))).doesNotContain("NS05");
    assertThat(list("?includeRetired=true")).filteredOn(m -> m.get("code").equals("NS05"))
        .singleElement().satisfies(m -> assertThat(m).containsEntry("retired", true));
    List<String> problems = new ArrayList<>();
    items.resolveLinks(2571, Map.of(1, List.of("NS05"), 2, List.of("MP12"), 3, List.of("OB03")), problems);
    assertThat(problems).containsExactly("รายการ NS05 ยุทธศาสตร์ที่ 5 ด้านการสร้างการเติบโตบนคุณภาพชีวิตที่เป็นมิตรต่อสิ่งแวดล้อม เลิกใช้แล้ว");
    assertThat(ProjectApi.message(api.post("planner", "/api/plan-items/NS05/retire", "{}"))).contains("เลิกใช้แล้ว");
    assertThat(api.post("planner", "/api/plan-items/NOPE/retire", "{}").getStatusCode().value()).isEqualTo(404);
    assertThat(api.post("planner", "/api/plan-items/NS05/reactivate", "{}").getStatusCode().value()).isEqualTo(200);
    assertThat(codes(list("?fiscalYear=2571"))).contains("NS05");
  }

  @Test
  void anXlsxForTheNextPlanPeriodIsImportedAllOrNothing() throws Exception {
    byte[] bad = xlsx(List.of(
        List.of(2, "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "T-ND14", "", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 14", "", 2571, 2575),
        List.of(4, "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "T-ND14-01", "T-ND14", "หมุดหมายที่ 1", "", 2571, 2575),
        List.of(2, "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "T-ND14", "", "ซ้ำ", "", 2571, 2575),
        List.of(2, "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "T-ND14-02", "T-NONE", "หมุดหมายที่ 2", "", 2575, 2571),
        List.of(1, "ยุทธศาสตร์ชาติ", "NS01", "", "ยุทธศาสตร์ที่ 1", "", "", ""),
        List.of(3, "แผนลับ", "T-X", "", "", "", "สองห้าเจ็ดหนึ่ง", "")));
    ResponseEntity<Map> refused = upload("planner", "plan-2571.xlsx", bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(ProjectApi.message(refused)).startsWith("นำเข้าไม่สำเร็จ ไม่มีการบันทึกข้อมูล:").contains(
        "แถวที่ 3: ระดับแผนต้องเป็น 1, 2 หรือ 3",
        "แถวที่ 4: รหัส T-ND14 ซ้ำกับแถวที่ 2",
        "แถวที่ 5: ไม่พบรหัสรายการหลัก T-NONE",
        "แถวที่ 5: ปีงบประมาณเริ่มต้น (2575) ต้องไม่หลังปีงบประมาณสิ้นสุด (2571)",
        "แถวที่ 6: รหัส NS01 เป็นรายการแผนระดับชาติที่มีอยู่แล้ว",
        "แถวที่ 7: ไม่รู้จักประเภทแผน 'แผนลับ'", "แถวที่ 7: กรุณากรอกชื่อรายการ",
        "แถวที่ 7: ปีงบประมาณเริ่มต้น ต้องเป็นตัวเลขปี พ.ศ.");
    assertThat(testItems()).isZero();

    byte[] good = xlsx(List.of(
        List.of(2, "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "T-ND14", "", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ ฉบับที่ 14", "", 2571, 2575),
        List.of(2, "NESD_PLAN", "T-ND14-01", "T-ND14", "หมุดหมายที่ 1 (ตัวอย่าง)", "เป้าหมายของหมุดหมาย", 2571, 2575),
        List.of(3, "แผนปฏิบัติการของสำนักงานเขตพื้นที่การศึกษา", "T-S1", "", "กลยุทธ์ที่ 1 ของปีงบประมาณ 2571", "", 2571, 2571)));
    ResponseEntity<Map> imported = upload("planner", "plan-2571.xlsx", good);
    assertThat(imported.getBody()).as(ProjectApi.message(imported)).containsEntry("added", 3).containsEntry("updated", 0);
    assertThat(items.find("T-ND14-01").orElseThrow()).satisfies(i -> {
      assertThat(i.parentCode()).isEqualTo("T-ND14");
      assertThat(i.kind()).isEqualTo(PlanKind.NESD_PLAN);
      assertThat(i.target()).isEqualTo("เป้าหมายของหมุดหมาย");
      assertThat(i.usableIn(2571)).isTrue();
      assertThat(i.usableIn(2576)).isFalse();
    });
    assertThat(upload("planner", "plan-2571.xlsx", good).getBody()).containsEntry("added", 0).containsEntry("updated", 3);
    assertThat(upload("head", "plan-2571.xlsx", good).getStatusCode().value()).isEqualTo(403);
    assertThat(ProjectApi.message(upload("planner", "plan.xls", good))).contains("รองรับเฉพาะไฟล์ .xlsx หรือ .csv");
    assertThat(ProjectApi.message(upload("planner", "plan.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))))
        .contains("อ่านไฟล์ .xlsx ไม่ได้");

    // the export is the import's layout, so next year's list starts from this one
    byte[] export = api.bytes("planner", "/api/plan-items/export.xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export))) {
      List<List<String>> rows = ProjectApi.rows(book.getSheetAt(0));
      assertThat(rows.get(0)).containsExactlyElementsOf(PlanItemFile.HEADERS);
      assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("1", "ยุทธศาสตร์ชาติ", "NS01"));
      assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("2", "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ", "T-ND14-01", "T-ND14"));
    }
    assertThat(PlanItemFile.read("again.xlsx", export)).hasSizeGreaterThan(40);
  }

  @Test
  void aCsvInUtf8IsImportedWithQuotedCells() {
    String csv = "\uFEFFระดับ,ประเภทแผน,รหัส,รหัสรายการหลัก,ชื่อรายการ,เป้าหมาย,ปีงบประมาณเริ่มต้น,ปีงบประมาณสิ้นสุด\r\n"
        + "3,แผนปฏิบัติการของสำนักงานเขตพื้นที่การศึกษา,T-C1,,\"กลยุทธ์ที่ 1 พัฒนาคุณภาพผู้เรียน, ครู และบุคลากร\","
        + "\"ผู้เรียนมีคุณภาพ\nตามมาตรฐาน\",2571,2571\r\n"
        + "3,OFFICE_ACTION_PLAN,T-C1-1,T-C1,\"มาตรการ \"\"อ่านออก เขียนได้\"\"\",,2571,\r\n";
    ResponseEntity<Map> imported = upload("planner", "office-plan.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.getBody()).as(ProjectApi.message(imported)).containsEntry("added", 2);
    assertThat(items.find("T-C1").orElseThrow().name()).isEqualTo("กลยุทธ์ที่ 1 พัฒนาคุณภาพผู้เรียน, ครู และบุคลากร");
    assertThat(items.find("T-C1").orElseThrow().target()).isEqualTo("ผู้เรียนมีคุณภาพ\nตามมาตรฐาน");
    assertThat(items.find("T-C1-1").orElseThrow().name()).isEqualTo("มาตรการ \"อ่านออก เขียนได้\"");

    assertThat(ProjectApi.message(upload("planner", "tis.csv", csv.getBytes(Charset.forName("TIS-620")))))
        .contains("ต้องบันทึกเป็น UTF-8");
    assertThat(ProjectApi.message(upload("planner", "x.csv", "รหัส,ชื่อ\nT-1,ก\n".getBytes(StandardCharsets.UTF_8))))
        .contains("แถวที่ 1: ไม่พบคอลัมน์ ระดับ, ประเภทแผน, ชื่อรายการ");
    assertThat(ProjectApi.message(upload("planner", "x.csv",
        (csv.substring(0, csv.indexOf("\r\n") + 2) + "3,OFFICE_ACTION_PLAN,T-C9,,\"ไม่ปิด\n").getBytes(StandardCharsets.UTF_8))))
        .contains("แถวที่ 2: เครื่องหมายคำพูด (\") ไม่ได้ปิด");
  }

  @Test
  void theFileReaderKeepsRowNumbersAndSkipsEmptyRows() {
    List<PlanItems.Row> rows = PlanItemFile.read("a.csv", ("ระดับ,ประเภทแผน,รหัส,ชื่อรายการ,หมายเหตุ\n\n"
        + "1,ยุทธศาสตร์ชาติ,T-A,ยุทธศาสตร์ทดสอบ,ไม่นำเข้า\n,,,\n2,แผนแม่บทภายใต้ยุทธศาสตร์ชาติ,T-B,แผนทดสอบ").getBytes(StandardCharsets.UTF_8));
    Map<Integer, String> byRow = new LinkedHashMap<>();
    rows.forEach(r -> byRow.put(r.number(), r.input().code()));
    assertThat(byRow).containsExactly(Map.entry(3, "T-A"), Map.entry(5, "T-B"));
    assertThat(rows.get(0).input().parentCode()).isNull();
    assertThat(items.save(rows, "planner", Instant.now())).isEqualTo(new PlanItems.ImportResult(2, 0));
  }
}
