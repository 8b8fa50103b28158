package th.planflow.kpi;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A small KPI list for tests: staff1 owns two KPIs, staff2 and staff3 one each, staff4 none. */
final class KpiTestData {

  static final String S1 = "กลยุทธ์ที่ 1 ความมั่นคง";
  static final String S2 = "กลยุทธ์ที่ 2 คุณภาพผู้เรียน";

  static final List<Kpi> KPIS = List.of(
      new Kpi("K-1.1", 1, "ร้อยละของสถานศึกษาที่จัดกิจกรรมส่งเสริมคุณธรรม", S1, new BigDecimal("80"), "ร้อยละ", Direction.HIGHER, "staff1"),
      new Kpi("K-2.1", 2, "ร้อยละของนักเรียนชั้น ป.1 ที่อ่านออกเขียนได้", S2, new BigDecimal("90"), "ร้อยละ", Direction.HIGHER, "staff1"),
      new Kpi("K-2.2", 3, "ค่าเฉลี่ยผลการทดสอบ O-NET ป.6 วิชาภาษาไทย", S2, new BigDecimal("55.5"), "คะแนน", Direction.HIGHER, "staff2"),
      new Kpi("K-1.2", 4, "อัตราการออกกลางคันของนักเรียน", S1, new BigDecimal("0.5"), "ร้อยละ", Direction.LOWER, "staff3"));

  /** The same list as the plan officer would save it from Excel: CSV, UTF-8 with a byte-order mark. */
  static byte[] csv() {
    StringBuilder csv = new StringBuilder("\uFEFFรหัสตัวชี้วัด,ชื่อตัวชี้วัด,กลยุทธ์,ค่าเป้าหมาย,หน่วยนับ,ทิศทาง,ผู้รับผิดชอบ\r\n");
    for (Kpi k : KPIS) {
      csv.append(k.code()).append(",\"").append(k.name().replace("\"", "\"\"")).append("\",").append(k.strategy())
          .append(',').append(k.target().toPlainString()).append(',').append(k.unit()).append(',')
          .append(k.direction().thai()).append(',').append(k.owner()).append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private KpiTestData() {
  }
}
