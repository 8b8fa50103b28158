package th.planflow.office;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.PlanflowTest;
import th.planflow.document.ImportSheets;

/** The plan officer's school list import: .xlsx and .csv, all or nothing, Thai errors by row and column. */
@PlanflowTest
class SchoolImportTest {

  static final String X1 = "1040990001", X2 = "1040990002", X3 = "10409903";
  static final String PATH = "/api/schools/import";

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identity;
  @Autowired
  Schools schools;
  @Autowired
  ObjectMapper json;

  @AfterEach
  void removeImportedSchools() {
    SchoolFiles.remove(jdbc, identity, List.of(X1, X2, X3));
  }

  List<List<String>> goodRows() {
    return List.of(
        List.of(X1, "โรงเรียนบ้านทดสอบหนึ่ง", "อำเภอเมือง", "เครือข่ายเมือง 1", "เล็ก", "x1@school.example.ac.th", "นางสาวทดสอบ หนึ่ง"),
        List.of(X2, "โรงเรียนบ้านทดสอบสอง", "อำเภอน้ำพอง", "เครือข่ายน้ำพอง 2", "ขนาดใหญ่พิเศษ", "x2@school.example.ac.th", ""),
        // an 8-digit SMIS code, as the demo schools have
        List.of(X3, "โรงเรียนบ้านทดสอบสาม", "อำเภอน้ำพอง", "เครือข่ายน้ำพอง 2", "กลาง", "x3@school.example.ac.th", "นายสาม ทดสอบ"));
  }

  JsonNode body(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  int schoolCount() {
    return jdbc.queryForObject("select count(*) from school", Integer.class);
  }

  @Test
  void importsAnXlsxListWithAnAccountPerSchoolAndKeepsSchoolsNotInTheFile() throws Exception {
    int before = schoolCount();
    ResponseEntity<String> response = SchoolFiles.upload(http, "planner", PATH, "schools.xlsx", SchoolFiles.xlsx(goodRows()));

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.get("added").asInt()).isEqualTo(3);
    assertThat(body.get("updated").asInt()).isZero();
    assertThat(body.get("notInFile")).hasSize(before).as("the demo schools are kept, and listed");
    assertThat(body.get("message").asText()).contains("เพิ่มใหม่ 3 แห่ง", "ไม่อยู่ในไฟล์ " + before + " แห่ง", "ไม่ลบ");
    assertThat(schoolCount()).isEqualTo(before + 3);
    Schools.School x2 = schools.find(X2).orElseThrow();
    assertThat(x2).isEqualTo(new Schools.School(X2, "โรงเรียนบ้านทดสอบสอง", "อำเภอน้ำพอง", "เครือข่ายน้ำพอง 2",
        SchoolSize.EXTRA_LARGE, "x2@school.example.ac.th", null, null));
    // the account the school's tasks are offered to
    for (String code : List.of(X1, X2, X3)) {
      assertThat(identity.createUserQuery().userId("school" + code).memberOfGroup("school-" + code).count()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("school" + code).memberOfGroup("school").count()).isEqualTo(1);
    }
    assertThat(identity.createUserQuery().userId("school" + X1).singleResult().getEmail()).isEqualTo("x1@school.example.ac.th");
    assertThat(identity.createGroupQuery().groupId("school-" + X1).singleResult().getName()).isEqualTo("โรงเรียนบ้านทดสอบหนึ่ง");

    // the same codes again from .csv: updated by code, not duplicated
    List<List<String>> renamed = List.of(
        List.of(X1, "โรงเรียนบ้านทดสอบหนึ่งวิทยา", "อำเภอเมือง", "เครือข่ายเมือง 3", "ใหญ่", "new@school.example.ac.th", "นายใหม่ ทดสอบ"));
    JsonNode again = body(SchoolFiles.upload(http, "planner", PATH, "schools.csv", SchoolFiles.csv(renamed)));
    assertThat(again.get("added").asInt()).isZero();
    assertThat(again.get("updated").asInt()).isEqualTo(1);
    assertThat(schoolCount()).isEqualTo(before + 3);
    assertThat(schools.find(X1).orElseThrow()).extracting(Schools.School::name, Schools.School::network, Schools.School::size)
        .containsExactly("โรงเรียนบ้านทดสอบหนึ่งวิทยา", "เครือข่ายเมือง 3", SchoolSize.LARGE);
    assertThat(identity.createUserQuery().userId("school" + X1).singleResult().getEmail()).isEqualTo("new@school.example.ac.th");
    assertThat(identity.createGroupQuery().groupId("school-" + X1).singleResult().getName()).isEqualTo("โรงเรียนบ้านทดสอบหนึ่งวิทยา");
  }

  @Test
  void aBadFileSavesNothingAndListsEveryProblemByRowAndColumn() throws Exception {
    int before = schoolCount();
    List<List<String>> rows = List.of(
        List.of(X1, "โรงเรียนดี", "อำเภอเมือง", "เครือข่ายเมือง 1", "เล็ก", "x1@school.example.ac.th", ""),
        List.of("12345", "รหัสสั้น", "อำเภอเมือง", "เครือข่ายเมือง 1", "เล็ก", "a@school.example.ac.th", ""),
        List.of(X1, "รหัสซ้ำ", "อำเภอเมือง", "เครือข่ายเมือง 1", "เล็ก", "b@school.example.ac.th", ""),
        List.of(X2, "", "อำเภอเมือง", "", "จิ๋ว", "not-an-email", ""));

    for (String name : List.of("bad.csv", "bad.xlsx")) {
      byte[] file = name.endsWith(".csv") ? SchoolFiles.csv(rows) : SchoolFiles.xlsx(rows);
      ResponseEntity<String> response = SchoolFiles.upload(http, "planner", PATH, name, file);

      assertThat(response.getStatusCode().value()).isEqualTo(400);
      JsonNode body = body(response);
      assertThat(body.get("message").asText())
          .startsWith("นำเข้ารายชื่อสถานศึกษาไม่สำเร็จ ไม่มีรายการใดถูกบันทึก พบข้อผิดพลาด 6 รายการ: แถวที่ 3 คอลัมน์ รหัสโรงเรียน:");
      assertThat(body.get("errors")).extracting(e -> e.get("row").asInt() + " " + e.get("column").asText() + ": "
          + e.get("message").asText()).containsExactly(
          "3 รหัสโรงเรียน: รหัสโรงเรียน '12345' ไม่ถูกต้อง (ใช้รหัสโรงเรียนของ สพฐ. ตัวเลข 10 หลัก หรือรหัส SMIS 8 หลัก)",
          "4 รหัสโรงเรียน: รหัสโรงเรียน " + X1 + " ซ้ำกับแถวที่ 2",
          "5 ชื่อโรงเรียน: ไม่มีชื่อโรงเรียน",
          "5 เครือข่าย: ไม่มีเครือข่าย",
          "5 ขนาดโรงเรียน: ขนาดโรงเรียน 'จิ๋ว' ไม่ถูกต้อง (ใช้ เล็ก, กลาง, ใหญ่ หรือ ใหญ่พิเศษ ตามเกณฑ์ สพฐ.)",
          "5 อีเมล: อีเมล 'not-an-email' ไม่ถูกต้อง");
    }
    assertThat(schoolCount()).as("nothing of the bad file, not even its good first row").isEqualTo(before);
    assertThat(identity.createUserQuery().userId("school" + X1).count()).isZero();
  }

  @Test
  void anXlsxUnderATitleWithEmptyFormattedRowsBeyondTheCapImports() throws Exception {
    List<List<String>> rows = goodRows();
    // the optional columns left out; 5,100 formatted empty rows between the data, more than the cap of 5,000
    byte[] xlsx = ImportSheets.xlsx("ทะเบียนสถานศึกษา", SchoolFiles.HEADERS.subList(0, 6),
        rows.subList(0, 2).stream().map(r -> r.subList(0, 6)).toList(), SchoolImport.MAX_ROWS + 100,
        rows.get(2).subList(0, 6));
    ResponseEntity<String> response = SchoolFiles.upload(http, "planner", PATH, "schools.xlsx", xlsx);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    assertThat(body(response).get("added").asInt()).isEqualTo(3);
    assertThat(schools.find(X3)).isPresent();
  }

  @Test
  void aFileWithoutTheRequiredColumnsIsRefused() throws Exception {
    byte[] csv = "รหัสโรงเรียน,ชื่อโรงเรียน,อำเภอ\n1040990001,โรงเรียนทดสอบ,อำเภอเมือง\n".getBytes(StandardCharsets.UTF_8);
    JsonNode body = body(SchoolFiles.upload(http, "planner", PATH, "schools.csv", csv));
    assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("ไม่พบหัวคอลัมน์ เครือข่าย, ขนาดโรงเรียน, อีเมล"
        + " (หัวคอลัมน์ที่ต้องมี: รหัสโรงเรียน, ชื่อโรงเรียน, อำเภอ, เครือข่าย, ขนาดโรงเรียน, อีเมล; ผู้ประสานงาน, โทรศัพท์ ใส่หรือไม่ก็ได้)");
  }

  @Test
  void onlyThePlanOfficerImports() throws Exception {
    int before = schoolCount();
    for (String user : List.of("school10010001", "staff1", "director")) {
      ResponseEntity<String> response = SchoolFiles.upload(http, user, PATH, "schools.csv", SchoolFiles.csv(goodRows()));
      assertThat(response.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(body(response).get("message").asText()).isEqualTo("เฉพาะนักวิเคราะห์นโยบายและแผนเท่านั้น");
    }
    assertThat(schoolCount()).isEqualTo(before);
    assertThat(http.withBasicAuth("school10010001", "demo").getForEntity("/api/schools", String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void thePageImportsAndShowsTheErrorsAsATable() {
    // the page's form carries the CSRF token of the session it was rendered in
    ResponseEntity<String> form = http.withBasicAuth("planner", "demo").getForEntity("/schools", String.class);
    String cookie = form.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.getBody());
    assertThat(token.find()).isTrue();
    Function<byte[], String> post = bytes -> SchoolFiles.upload(http, "planner", "/schools/import", "schools.csv", bytes,
        token.group(1), cookie).getBody();

    String refused = post.apply(SchoolFiles.csv(List.of(List.of("12345", "โรงเรียนรหัสสั้น", "อำเภอเมือง", "เครือข่ายเมือง 1",
        "เล็ก", "a@school.example.ac.th", ""))));
    assertThat(refused).contains("นำเข้าไม่สำเร็จ ไม่มีรายการใดถูกบันทึก พบข้อผิดพลาด 1 รายการ", "<td>รหัสโรงเรียน</td>",
        "รหัสโรงเรียน &#39;12345&#39; ไม่ถูกต้อง");
    String imported = post.apply(SchoolFiles.csv(goodRows()));
    assertThat(imported).contains("เพิ่มใหม่ 3 แห่ง", "โรงเรียนบ้านทดสอบสาม", "เครือข่ายน้ำพอง 2", "ขนาดกลาง");
  }

  @Test
  void theTemplateHasTheHeadersTheImportReadsAndThePageListsTheSchools() throws Exception {
    var download = http.withBasicAuth("planner", "demo").getForEntity("/api/schools/import-template.xlsx", byte[].class);
    assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("แบบฟอร์มนำเข้าข้อมูลสถานศึกษา.xlsx");
    byte[] template = download.getBody();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("รหัสโรงเรียน");
      assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("1040100101");
    }
    String page = http.withBasicAuth("planner", "demo").getForObject("/schools", String.class);
    assertThat(page).contains("รายชื่อสถานศึกษาในสังกัด (12 แห่ง)", "10010001", "ขนาด", "เครือข่าย", "/schools/import");
  }
}
