package th.planflow.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import th.planflow.EngineClock;
import th.planflow.PlanflowTest;

/** Owners fill their own results and evidence; the plan officer sees all and marks e-MES entry. */
@PlanflowTest
class KpiResultsApiTest {

  static final int YEAR = 2583;
  static final String RESULTS = "/api/kpi/" + YEAR + "/rounds/Q3/results";
  static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  @Autowired
  TestRestTemplate http;
  @Autowired
  KpiStore store;
  @Autowired
  ObjectMapper json;

  @BeforeEach
  void setUp() {
    EngineClock.setTo("2039-07-10T09:00");
    store.replaceKpis(YEAR, KpiTestData.KPIS, "planner", Instant.now());
    store.openRound(YEAR, KpiRound.Q3, List.of("staff1", "staff2", "staff3"), Instant.now());
  }

  @AfterEach
  void tearDown() {
    store.deleteYear(YEAR);
    EngineClock.reset();
  }

  ResponseEntity<String> put(String user, String path, Object body) {
    return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), String.class);
  }

  ResponseEntity<String> upload(String user, String code, String fileName, byte[] bytes) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new ByteArrayResource(bytes) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo").postForEntity(RESULTS + "/" + code + "/evidence",
        new HttpEntity<>(form, headers), String.class);
  }

  JsonNode read(ResponseEntity<String> response) throws Exception {
    return json.readTree(response.getBody());
  }

  static Map<String, Object> result(String code, Object actual) {
    return Map.of("kpiCode", code, "actualValue", actual, "narrative", "ดำเนินการครบทุกโรงเรียน",
        "problems", "ครูย้ายระหว่างปี", "suggestions", "ควรมีครูพี่เลี้ยง");
  }

  @Test
  void anOwnerSavesTheirResultsAndSeesOnlyTheirKpis() throws Exception {
    ResponseEntity<String> saved = put("staff1", RESULTS, Map.of("results", List.of(result("K-1.1", 72))));

    assertThat(saved.getStatusCode().value()).isEqualTo(200);
    assertThat(read(saved).get("message").asText()).isEqualTo("บันทึกผลแล้ว ยังไม่ได้กรอกผลของตัวชี้วัด K-2.1");
    assertThat(put("staff1", RESULTS, Map.of("results", List.of(result("K-2.1", "90.00")))).getBody())
        .contains("กรอกครบทุกตัวชี้วัดแล้ว");

    JsonNode mine = read(http.withBasicAuth("staff1", "demo").getForEntity(RESULTS, String.class));
    assertThat(mine).extracting(r -> r.get("kpiCode").asText()).containsExactly("K-1.1", "K-2.1");
    assertThat(mine.get(0).get("percentOfTarget").decimalValue()).isEqualByComparingTo("90.00");
    assertThat(mine.get(0).get("achieved").asBoolean()).isFalse();
    assertThat(mine.get(0).get("statusThai").asText()).isEqualTo("ร่าง");
    assertThat(mine.get(0).get("evaluation").asText()).as("not approved yet").isEqualTo("ยังไม่รายงาน");
    assertThat(mine.get(1).get("achieved").asBoolean()).isTrue();

    JsonNode all = read(http.withBasicAuth("planner", "demo").getForEntity(RESULTS, String.class));
    assertThat(all).hasSize(4);
    assertThat(http.withBasicAuth("school10010001", "demo").getForEntity(RESULTS, String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void refusesAnotherOwnersKpiAndBadFiguresWithThaiMessages() throws Exception {
    ResponseEntity<String> other = put("staff2", RESULTS, Map.of("results", List.of(result("K-1.1", 10))));
    assertThat(other.getStatusCode().value()).isEqualTo(400);
    assertThat(read(other).get("message").asText()).isEqualTo("ตัวชี้วัด K-1.1 ไม่ได้อยู่ในความรับผิดชอบของท่าน");

    assertThat(read(put("staff2", RESULTS, Map.of("results", List.of(result("K-2.2", "ห้าสิบ"))))).get("message").asText())
        .isEqualTo("ผลการดำเนินงานของตัวชี้วัด K-2.2 ต้องเป็นตัวเลข (ได้รับ 'ห้าสิบ')");
    assertThat(read(put("staff2", RESULTS, Map.of("results", List.of(Map.of("kpiCode", "K-2.2", "actualValue", 50,
        "narrative", "<script>x</script>"))))).get("message").asText()).contains("ห้ามใส่แท็ก HTML");
    assertThat(read(put("staff2", "/api/kpi/" + YEAR + "/rounds/Q4/results", Map.of("results", List.of(result("K-2.2", 50)))))
        .get("message").asText()).isEqualTo("รอบการรายงานไตรมาสที่ 4 (สะสม 12 เดือน) ปีงบประมาณ 2583 ยังไม่เปิด");
    assertThat(read(put("staff2", "/api/kpi/" + YEAR + "/rounds/Q1/results", Map.of("results", List.of())))
        .get("message").asText()).isEqualTo("รอบการรายงานต้องเป็น Q2, Q3 หรือ Q4 (ไตรมาสที่ 2, 3 หรือ 4) ไม่ใช่ 'Q1'");
    assertThat(put("planner", RESULTS, Map.of("results", List.of(result("K-1.1", 10)))).getStatusCode().value()).isEqualTo(403);
    assertThat(store.results(YEAR, KpiRound.Q3)).as("nothing of the refused requests").isEmpty();

    put("staff2", RESULTS, Map.of("results", List.of(result("K-2.2", 50))));
    store.markSubmitted(YEAR, KpiRound.Q3, List.of("K-2.2"), "staff2", Instant.now());
    assertThat(read(put("staff2", RESULTS, Map.of("results", List.of(result("K-2.2", 50))))).get("message").asText())
        .isEqualTo("ผลของตัวชี้วัด K-2.2 ส่งแล้ว รอตรวจสอบ จึงแก้ไขไม่ได้ (แก้ไขได้เมื่อผู้ตรวจสอบส่งกลับ)");
  }

  @Test
  void evidenceIsAPdfOrImageOfAtMostFiveMegabytes() throws Exception {
    ResponseEntity<String> pdf = upload("staff2", "K-2.2", "C:\\เอกสาร\\รายงานผล O-NET.pdf", PDF);
    assertThat(pdf.getStatusCode().value()).isEqualTo(201);
    JsonNode saved = read(pdf);
    assertThat(saved.get("fileName").asText()).isEqualTo("รายงานผล O-NET.pdf");
    assertThat(saved.get("contentType").asText()).isEqualTo("application/pdf");
    ResponseEntity<String> png = upload("staff2", "K-2.2", "ภาพกิจกรรม", PNG);
    assertThat(read(png).get("fileName").asText()).isEqualTo("ภาพกิจกรรม.png");

    ResponseEntity<String> exe = upload("staff2", "K-2.2", "report.pdf", "MZ this is not a pdf".getBytes());
    assertThat(exe.getStatusCode().value()).isEqualTo(400);
    assertThat(read(exe).get("message").asText()).isEqualTo("ไฟล์หลักฐานต้องเป็น PDF, JPEG หรือ PNG เท่านั้น");
    byte[] big = Arrays.copyOf(PDF, 5 * 1024 * 1024 + 1);
    assertThat(read(upload("staff2", "K-2.2", "big.pdf", big)).get("message").asText())
        .isEqualTo("ไฟล์หลักฐานใหญ่เกิน 5 MB (ไฟล์นี้ 5.0 MB)");
    assertThat(read(upload("staff1", "K-2.2", "x.pdf", PDF)).get("message").asText())
        .isEqualTo("ตัวชี้วัด K-2.2 ไม่ได้อยู่ในความรับผิดชอบของท่าน");

    String file = RESULTS + "/K-2.2/evidence/" + saved.get("id").asLong();
    ResponseEntity<byte[]> own = http.withBasicAuth("staff2", "demo").getForEntity(file, byte[].class);
    assertThat(own.getBody()).isEqualTo(PDF);
    assertThat(own.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF)).isTrue();
    assertThat(own.getHeaders().getContentDisposition().getFilename()).isEqualTo("รายงานผล O-NET.pdf");
    assertThat(http.withBasicAuth("director", "demo").getForEntity(file, byte[].class).getBody()).isEqualTo(PDF);
    assertThat(http.withBasicAuth("staff1", "demo").getForEntity(file, String.class).getStatusCode().value()).isEqualTo(403);

    JsonNode listed = read(http.withBasicAuth("staff2", "demo").getForEntity(RESULTS, String.class));
    assertThat(listed.get(0).get("evidence")).hasSize(2);
    http.withBasicAuth("staff2", "demo").delete(file);
    assertThat(store.evidence(YEAR, KpiRound.Q3)).extracting(KpiStore.Evidence::fileName).containsExactly("ภาพกิจกรรม.png");
  }

  @Test
  void thePlanOfficerMarksApprovedResultsAsEnteredInEmes() throws Exception {
    put("staff2", RESULTS, Map.of("results", List.of(result("K-2.2", 56))));
    String emes = "/api/kpi/" + YEAR + "/rounds/Q3/emes";

    assertThat(read(put("planner", emes, Map.of("kpiCodes", List.of("K-2.2")))).get("message").asText())
        .isEqualTo("ผลของตัวชี้วัด K-2.2 ยังไม่ได้รับอนุมัติ จึงยังบันทึกว่าลงระบบ e-MES แล้วไม่ได้");

    store.markReviewed(YEAR, KpiRound.Q3, List.of("K-2.2"), true, "planner", Instant.now(), null);
    assertThat(put("staff2", emes, Map.of("kpiCodes", List.of("K-2.2"))).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> marked = put("planner", emes, Map.of("kpiCodes", List.of("K-2.2"), "enteredOn", "2039-07-09"));
    assertThat(read(marked).get("message").asText()).isEqualTo("บันทึกแล้ว ผลที่อนุมัติแล้วลงระบบ e-MES ครบทุกตัวชี้วัด");
    assertThat(store.enteredInEmes(YEAR, KpiRound.Q3)).containsEntry("K-2.2", java.time.LocalDate.of(2039, 7, 9));
    assertThat(read(put("planner", emes, Map.of("kpiCodes", List.of("K-2.2"), "enteredOn", "2039-07-11"))).get("message").asText())
        .isEqualTo("วันที่บันทึกในระบบ e-MES ต้องไม่เป็นวันในอนาคต");
  }

  @Test
  void thePlanOfficerNamesTheWorkingGroupAndChangesAnOwner() throws Exception {
    String group = "/api/kpi/" + YEAR + "/working-group";
    ResponseEntity<String> saved = put("planner", group, Map.of("members", List.of(
        Map.of("userId", "head", "role", "ประธานคณะทำงาน"), Map.of("userId", "planner", "role", "เลขานุการ"))));
    assertThat(saved.getStatusCode().value()).isEqualTo(200);
    JsonNode members = read(http.withBasicAuth("director", "demo").getForEntity(group, String.class)).get("members");
    assertThat(members).extracting(m -> m.get("userId").asText() + "/" + m.get("role").asText())
        .containsExactly("head/ประธานคณะทำงาน", "planner/เลขานุการ", "staff1/ผู้รับผิดชอบตัวชี้วัด",
            "staff2/ผู้รับผิดชอบตัวชี้วัด", "staff3/ผู้รับผิดชอบตัวชี้วัด");
    assertThat(members.get(0).get("name").asText()).isEqualTo("ประเสริฐ นำทาง");
    assertThat(read(put("planner", group, Map.of("members", List.of(Map.of("userId", "nobody", "role", "คณะทำงาน")))))
        .get("message").asText()).isEqualTo("ไม่พบผู้ใช้ nobody ในระบบ");

    String owner = "/api/kpi/" + YEAR + "/kpis/K-2.2/owner";
    assertThat(read(put("planner", owner, Map.of("owner", "director"))).get("message").asText())
        .isEqualTo("ไม่พบผู้รับผิดชอบ 'director' ในกลุ่มบุคลากรในสำนักงานเขต (esa-staff)");
    assertThat(put("planner", owner, Map.of("owner", "staff5")).getStatusCode().value()).isEqualTo(200);
    assertThat(store.kpi(YEAR, "K-2.2").orElseThrow().owner()).isEqualTo("staff5");
  }
}
