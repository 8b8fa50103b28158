package th.planflow.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.PlanflowTest;
import th.planflow.document.ImportSheets;
import th.planflow.document.XlsxWriter;
import th.planflow.office.OfficeProperties;
import th.planflow.office.SchoolFiles;
import th.planflow.web.UserInputException;

/** The year's OBEC policies from .xlsx or .csv: the JSON path's rules, all or nothing, Thai errors by row and column. */
@PlanflowTest
class PolicyImportTest {

  static final int YEAR = 2590;
  static final String PATH = "/api/policy/" + YEAR + "/policies/import";

  @Autowired
  TestRestTemplate http;
  @Autowired
  Policies policies;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ObjectMapper json;
  @Autowired
  OfficeProperties office;

  @AfterEach
  void removeYear() {
    jdbc.update("delete from policy where fiscal_year = ?", YEAR);
    jdbc.update("delete from policy_round where fiscal_year = ?", YEAR);
  }

  @Test
  void importsAnXlsxListInItsOrder() throws Exception {
    byte[] xlsx;
    try (XlsxWriter writer = new XlsxWriter()) {
      writer.sheet("นโยบาย", "รหัสนโยบาย", "ชื่อนโยบาย", "ตัวชี้วัด")
          .row("P10", "ความปลอดภัยของผู้เรียน", "ร้อยละของสถานศึกษาที่ปลอดภัย")
          .row("P02", "อ่านออก เขียนได้", null);
      xlsx = writer.toBytes();
    }
    ResponseEntity<String> response = SchoolFiles.upload(http, "planner", PATH, "policies.xlsx", xlsx);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    assertThat(json.readTree(response.getBody()).get("message").asText()).isEqualTo("บันทึกรายการนโยบายปีงบประมาณ " + YEAR + " จำนวน 2 รายการแล้ว");
    assertThat(policies.ofYear(YEAR)).containsExactly(new Policies.Policy("P10", "ความปลอดภัยของผู้เรียน", "ร้อยละของสถานศึกษาที่ปลอดภัย"),
        new Policies.Policy("P02", "อ่านออก เขียนได้", null));
  }

  @Test
  void anXlsxUnderATitleWithoutTheOptionalColumnImports() throws Exception {
    // the header names both required columns, not three: it is still the header, not the title above it
    byte[] xlsx = ImportSheets.xlsx("นโยบาย สพฐ. ปีงบประมาณ " + YEAR, java.util.List.of("รหัสนโยบาย", "ชื่อนโยบาย"),
        java.util.List.of(java.util.List.of("P01", "ความปลอดภัยของผู้เรียน")), 0,
        java.util.List.of("P02", "อ่านออก เขียนได้"));
    ResponseEntity<String> response = SchoolFiles.upload(http, "planner", PATH, "policies.xlsx", xlsx);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    assertThat(policies.ofYear(YEAR)).containsExactly(new Policies.Policy("P01", "ความปลอดภัยของผู้เรียน", null),
        new Policies.Policy("P02", "อ่านออก เขียนได้", null));
  }

  @Test
  void aBadCsvKeepsTheOldListAndListsEveryProblem() throws Exception {
    policies.replace(YEAR, java.util.List.of(new Policies.Policy("P01", "นโยบายเดิม", null)));
    String csv = "รหัสนโยบาย,ชื่อนโยบาย,ตัวชี้วัด\n"
        + "P01,ความปลอดภัย,\n"
        + "P01,ซ้ำ,\n"
        + ",ไม่มีรหัส,\n"
        + "P04,<b>แท็ก</b>,\n";
    ResponseEntity<String> response = SchoolFiles.upload(http, "planner", PATH, "policies.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("message").asText()).startsWith("นำเข้ารายการนโยบายไม่สำเร็จ ไม่มีรายการใดถูกบันทึก พบข้อผิดพลาด 3 รายการ");
    assertThat(body.get("errors")).extracting(e -> e.get("row").asInt() + " " + e.get("column").asText() + ": " + e.get("message").asText())
        .containsExactly("3 รหัสนโยบาย: รหัสนโยบาย P01 ซ้ำ", "4 รหัสนโยบาย: กรุณากรอกรหัสนโยบาย",
            "5 ชื่อนโยบาย: ชื่อนโยบาย ต้องเป็นข้อความธรรมดา ห้ามใส่แท็ก HTML");
    assertThat(policies.ofYear(YEAR)).containsExactly(new Policies.Policy("P01", "นโยบายเดิม", null));
  }

  @Test
  void aYearWithRoundsKeepsItsListFromFileAndJson() {
    policies.replace(YEAR, java.util.List.of(new Policies.Policy("P01", "นโยบายเดิม", null)));
    jdbc.update("insert into policy_round (office_code, fiscal_year, name_th, opens_on, due_on, audience, status, opened_at)"
        + " values (?, ?, 'รอบทดสอบ', current_date, current_date, 'SCHOOLS', 'OPEN', current_timestamp)", office.code(), YEAR);
    byte[] csv = "รหัสนโยบาย,ชื่อนโยบาย\nP09,นโยบายใหม่\n".getBytes(StandardCharsets.UTF_8);

    ResponseEntity<String> response = SchoolFiles.upload(http, "planner", PATH, "policies.csv", csv);

    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    assertThat(response.getBody()).contains("ปีงบประมาณ " + YEAR + " เปิดรอบรายงานนโยบายแล้ว 1 รอบ");
    assertThatThrownBy(() -> policies.replace(YEAR, java.util.List.of(new Policies.Policy("P09", "นโยบายใหม่", null))))
        .isInstanceOf(UserInputException.class).hasMessageContaining("นำเข้ารายการนโยบายใหม่ทั้งชุดไม่ได้");
    assertThat(policies.ofYear(YEAR)).containsExactly(new Policies.Policy("P01", "นโยบายเดิม", null));
  }

  @Test
  void onlyThePlanOfficerImports() {
    byte[] csv = "รหัสนโยบาย,ชื่อนโยบาย\nP01,ความปลอดภัย\n".getBytes(StandardCharsets.UTF_8);
    assertThat(SchoolFiles.upload(http, "school10010001", PATH, "p.csv", csv).getStatusCode().value()).isEqualTo(403);
    assertThat(SchoolFiles.upload(http, "head", PATH, "p.csv", csv).getStatusCode().value()).isEqualTo(403);
    assertThat(policies.ofYear(YEAR)).isEmpty();
    assertThat(http.withBasicAuth("planner", "demo").getForObject("/api/policy/policies-template.xlsx", byte[].class)).isNotEmpty();
  }
}
