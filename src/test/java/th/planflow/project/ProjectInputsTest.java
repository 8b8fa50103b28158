package th.planflow.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import th.planflow.calendar.FiscalYear;

/** The owner's numbers and texts, checked without a database or an engine. */
class ProjectInputsTest {

  static final BigDecimal BUDGET = new BigDecimal("350000.00");

  static Map<String, Object> progress(Object percent, Object disbursed) {
    Map<String, Object> fields = new HashMap<>();
    fields.put(ProjectInputs.PROGRESS, percent);
    fields.put(ProjectInputs.DISBURSED, disbursed);
    fields.put(ProjectInputs.ACTIVITIES, "อบรมครู 2 รุ่น");
    fields.put(ProjectInputs.OUTPUT_RESULT, "ครู 160 คน");
    return fields;
  }

  static List<String> problemsOf(Map<String, Object> fields, ProjectInputs.Previous previous) {
    List<String> problems = new ArrayList<>();
    ProjectInputs.progress(fields, BUDGET, previous, problems);
    return problems;
  }

  @Test
  void progressIsBetweenZeroAndAHundred() {
    assertThat(problemsOf(progress(0, 0), null)).isEmpty();
    assertThat(problemsOf(progress(100, 350000), null)).isEmpty();
    assertThat(problemsOf(progress(100.01, 0), null)).containsExactly(
        "ความก้าวหน้าของโครงการต้องอยู่ระหว่างร้อยละ 0 ถึง 100 (กรอก 100.01)");
    assertThat(problemsOf(progress(-1, 0), null)).hasSize(1);
    assertThat(problemsOf(progress("ห้าสิบ", 0), null)).containsExactly(
        "ความก้าวหน้าของโครงการ (ร้อยละ) ต้องเป็นตัวเลข (กรอก 'ห้าสิบ')");
    assertThat(problemsOf(progress(null, 0), null)).containsExactly("กรุณากรอกความก้าวหน้าของโครงการ (ร้อยละ)");
  }

  @Test
  void disbursementIsNeverAboveTheBudgetNorNegative() {
    assertThat(problemsOf(progress(50, "350,000.01"), null)).containsExactly(
        "ผลการเบิกจ่ายสะสม (350,000.01 บาท) ต้องไม่เกินงบประมาณของโครงการ (350,000.00 บาท)");
    assertThat(problemsOf(progress(50, -0.5), null)).containsExactly("ผลการเบิกจ่ายงบประมาณสะสม ต้องไม่ติดลบ");
    assertThat(problemsOf(progress(50, 1.005), null)).containsExactly("ผลการเบิกจ่ายงบประมาณสะสม (บาท) มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง");
    assertThat(problemsOf(progress(50, Double.NaN), null)).hasSize(1);
    List<String> none = new ArrayList<>();
    Projects.Progress ok = ProjectInputs.progress(progress(50.5, 1234567), new BigDecimal("2000000"), null, none);
    assertThat(none).isEmpty();
    assertThat(ok.progress()).isEqualByComparingTo("50.5");
    assertThat(ok.disbursed()).isEqualByComparingTo("1234567");
  }

  @Test
  void progressLowerThanLastQuarterNeedsAReason() {
    ProjectInputs.Previous q1 = new ProjectInputs.Previous(1, new BigDecimal("30"), new BigDecimal("100000"));
    assertThat(problemsOf(progress(20, 120000), q1)).containsExactly(
        "ความก้าวหน้าร้อยละ 20 ต่ำกว่าไตรมาสที่ 1 (ร้อยละ 30) กรุณาระบุเหตุผลที่ความก้าวหน้าลดลง");
    Map<String, Object> withReason = progress(20, 120000);
    withReason.put(ProjectInputs.DROP_REASON, "ยกเลิกกิจกรรมหนึ่งรายการ");
    List<String> problems = new ArrayList<>();
    assertThat(ProjectInputs.progress(withReason, BUDGET, q1, problems).dropReason()).isEqualTo("ยกเลิกกิจกรรมหนึ่งรายการ");
    assertThat(problems).isEmpty();
    // the same or more needs no reason, and a reason given anyway is not kept
    Map<String, Object> same = progress(30, 120000);
    same.put(ProjectInputs.DROP_REASON, "ไม่จำเป็น");
    assertThat(ProjectInputs.progress(same, BUDGET, q1, problems).dropReason()).isNull();
    assertThat(problems).isEmpty();
  }

  @Test
  void everyProblemOfAnEntryIsListedTogether() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(ProjectInputs.NAME, "โครงการทดสอบ");
    fields.put(ProjectInputs.BUDGET, "1e3");
    fields.put(ProjectInputs.BUDGET_SOURCE, "ยืมเพื่อน");
    fields.put(ProjectInputs.START_DATE, "2028-10-01");
    fields.put(ProjectInputs.END_DATE, "2028-12-31");
    fields.put("linkLevel1", "NS03,NS04 ns03");
    fields.put("linkLevel2", List.of("MP12", "RF-ED05"));
    List<String> problems = new ArrayList<>();
    Map<Integer, List<String>> links = new HashMap<>();
    ProjectInputs.entry(fields, FiscalYear.of(2571), links, problems);
    assertThat(problems).containsExactly("กรุณากรอกหลักการและเหตุผล", "กรุณากรอกวัตถุประสงค์",
        "กรุณากรอกเป้าหมายเชิงผลผลิต (Output)", "กรุณากรอกเป้าหมายเชิงผลลัพธ์ (Outcome)",
        "งบประมาณ (บาท) ต้องเป็นตัวเลข (กรอก '1e3')",
        "แหล่งงบประมาณต้องเป็น งบประมาณแผ่นดิน, เงินนอกงบประมาณ, เงินรายได้ของหน่วยงาน, แหล่งอื่น",
        "ระยะเวลาโครงการต้องอยู่ในปีงบประมาณ 2571 (1 ตุลาคม 2570 - 30 กันยายน 2571) อย่างน้อยบางส่วน");
    assertThat(links).containsEntry(1, List.of("NS03", "NS04")).containsEntry(2, List.of("MP12", "RF-ED05"))
        .containsEntry(3, List.of());
    assertThat(ProjectInputs.refusal("ยังส่งไม่ได้:", List.of("ก", "ข")).getMessage()).isEqualTo("ยังส่งไม่ได้: 1) ก 2) ข");
  }
}
