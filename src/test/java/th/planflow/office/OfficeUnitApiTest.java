package th.planflow.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import th.planflow.PlanflowTest;

/** The office's units: demo data, reading, and the plan officer's edits. */
@PlanflowTest
class OfficeUnitApiTest {

  static final String CODE = "qa-unit";

  @Autowired
  TestRestTemplate http;
  @Autowired
  OfficeUnitRepository units;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void removeTheTestUnit() {
    jdbc.update("delete from office_unit where code = ?", CODE);
  }

  ResponseEntity<Map> put(String user, String code, String json) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo").exchange("/api/office-units/" + code, HttpMethod.PUT,
        new HttpEntity<>(json, headers), Map.class);
  }

  @Test
  void theDemoOfficeHasItsUnitsHeadedByStaff() {
    assertThat(units.findActive()).hasSize(10);
    assertThat(units.find("policy-plan")).get().extracting(OfficeUnit::nameTh, OfficeUnit::headUserId)
        .containsExactly("กลุ่มนโยบายและแผน", "staff2");
    assertThat(units.findByCodeOrName("นโยบายและแผน")).get().extracting(OfficeUnit::code).isEqualTo("policy-plan");
    assertThat(units.findByCodeOrName("หน่วย ตรวจสอบภายใน")).get().extracting(OfficeUnit::code).isEqualTo("internal-audit");
    assertThat(units.findByCodeOrName("Legal")).get().extracting(OfficeUnit::headUserId).isEqualTo("staff9");
    assertThat(units.findByCodeOrName("กลุ่มที่ไม่มี")).isEmpty();

    String list = http.withBasicAuth("staff1", "demo").getForObject("/api/office-units", String.class);
    assertThat(list).contains("\"code\":\"policy-plan\"", "\"headUserId\":\"staff2\"", "กลุ่มกฎหมายและคดี");
  }

  @Test
  void thePlanOfficerAddsAndChangesAUnit() {
    ResponseEntity<Map> created = put("planner", CODE, "{\"nameTh\": \"กลุ่มทดสอบ\", \"headUserId\": \"staff1\", \"sortOrder\": 20}");
    assertThat(created.getStatusCode().value()).isEqualTo(200);
    assertThat(units.find(CODE)).get().extracting(OfficeUnit::nameTh, OfficeUnit::headUserId, OfficeUnit::active)
        .containsExactly("กลุ่มทดสอบ", "staff1", true);

    put("planner", CODE, "{\"nameTh\": \"กลุ่มทดสอบระบบ\", \"active\": false}");
    assertThat(units.find(CODE)).get().extracting(OfficeUnit::nameTh, OfficeUnit::headUserId, OfficeUnit::active)
        .containsExactly("กลุ่มทดสอบระบบ", null, false);
    assertThat(units.findByCodeOrName(CODE)).isEmpty(); // inactive units are not offered
  }

  @Test
  void badInputAndOtherUsersAreRefusedInThai() {
    ResponseEntity<Map> unknownHead = put("planner", CODE, "{\"nameTh\": \"กลุ่มทดสอบ\", \"headUserId\": \"nobody\"}");
    assertThat(unknownHead.getStatusCode().value()).isEqualTo(400);
    assertThat(unknownHead.getBody()).containsEntry("message", "ไม่พบผู้ใช้ 'nobody' ในระบบ กรุณาตรวจสอบชื่อผู้ใช้ของหัวหน้ากลุ่มงาน");
    assertThat(put("planner", CODE, "{\"headUserId\": \"staff1\"}").getBody()).containsEntry("message", "กรุณากรอกชื่อกลุ่มงาน");
    assertThat(put("planner", "Bad-Code", "{\"nameTh\": \"ก\"}").getBody().get("message").toString()).startsWith("รหัสกลุ่มงาน");
    assertThat(put("planner", CODE, "{\"nameTh\": \"ก\", \"sortOrder\": \"x\"}").getBody())
        .containsEntry("message", "ลำดับการแสดงต้องเป็นจำนวนเต็ม");
    assertThat(put("staff1", CODE, "{\"nameTh\": \"ก\"}").getStatusCode().value()).isEqualTo(403);
    assertThat(units.find(CODE)).isEmpty();
  }
}
