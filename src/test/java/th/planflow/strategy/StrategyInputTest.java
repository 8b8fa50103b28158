package th.planflow.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.planflow.calendar.FiscalYear;
import th.planflow.strategy.StrategyInput.MemberInput;
import th.planflow.web.UserInputException;

/** What the duty's forms accept, and the Thai message for everything they refuse. */
class StrategyInputTest {

  static final FiscalYear FY2571 = FiscalYear.of(2571);

  @Test
  void readsItemsSeparatedByBarsOrPastedFromASpreadsheet() {
    List<StrategyItem> items = StrategyInput.items("""
        รหัส\tยุทธศาสตร์/ตัวชี้วัด\tค่าเป้าหมาย\tหน่วยนับ\tโครงการ
        1.1\tร้อยละของนักเรียนที่อ่านออกเขียนได้\t95\tร้อยละ\tโครงการส่งเสริมการอ่าน

        ย.2(1) | จำนวนโรงเรียนปลอดภัย | 1,250.50 | โรงเรียน |
        """);
    assertThat(items).containsExactly(
        new StrategyItem("1.1", "ร้อยละของนักเรียนที่อ่านออกเขียนได้", new BigDecimal("95"), "ร้อยละ", "โครงการส่งเสริมการอ่าน", null),
        new StrategyItem("ย.2(1)", "จำนวนโรงเรียนปลอดภัย", new BigDecimal("1250.50"), "โรงเรียน", null, null));
    assertThat(items.get(1).targetText()).isEqualTo("1,250.5 โรงเรียน");
  }

  @Test
  void listsEveryBadLineByItsNumber() {
    assertThatThrownBy(() -> StrategyInput.items("""
        1.1 | ร้อยละ | 80
        1 2 | ชื่อ | 5 | แห่ง
        1.3 | ชื่อ | 5 |
        """)).isInstanceOf(UserInputException.class).hasMessage("รายการยุทธศาสตร์/ตัวชี้วัดไม่ถูกต้อง:"
        + " บรรทัดที่ 1: ต้องมี 4 หรือ 5 ช่อง (รหัส | ยุทธศาสตร์/ตัวชี้วัด | ค่าเป้าหมาย | หน่วยนับ | โครงการที่เกี่ยวข้อง) แต่มี 3 ช่อง;"
        + " บรรทัดที่ 2: รหัสรายการ '1 2' ใช้ได้เฉพาะตัวเลข ตัวอักษร จุด วงเล็บ และขีด ไม่มีช่องว่าง ไม่เกิน 20 ตัวอักษร เช่น 1.1;"
        + " บรรทัดที่ 3: ต้องมี 4 หรือ 5 ช่อง (รหัส | ยุทธศาสตร์/ตัวชี้วัด | ค่าเป้าหมาย | หน่วยนับ | โครงการที่เกี่ยวข้อง) แต่มี 3 ช่อง");
    assertThatThrownBy(() -> StrategyInput.items("1.1 | <b>ชื่อ</b> | 5 | แห่ง"))
        .hasMessage("รายการยุทธศาสตร์/ตัวชี้วัด ต้องเป็นข้อความธรรมดา ห้ามใส่แท็ก HTML");
    assertThatThrownBy(() -> StrategyInput.items("  \n ")).hasMessage("กรุณากรอกรายการยุทธศาสตร์/ตัวชี้วัด");
    assertThatThrownBy(() -> StrategyInput.items("รหัส | ชื่อ | เป้า | หน่วย")).hasMessage(
        "กรุณากรอกรายการยุทธศาสตร์/ตัวชี้วัด อย่างน้อย 1 บรรทัด");
  }

  @Test
  void amountsAreNonNegativeWithAtMostTwoDecimals() {
    assertThat(StrategyInput.amount(12, "งบ")).isEqualByComparingTo("12");
    assertThat(StrategyInput.amount(12.5d, "งบ")).isEqualByComparingTo("12.5");
    assertThat(StrategyInput.amount(" 1,234,567.89 ", "งบ")).isEqualByComparingTo("1234567.89");
    assertThat(StrategyInput.amount(0L, "งบ")).isEqualByComparingTo("0");
    assertThatThrownBy(() -> StrategyInput.amount(-0.01, "งบประมาณที่ใช้")).hasMessage("งบประมาณที่ใช้ ต้องไม่ติดลบ (ได้รับ -0.01)");
    assertThatThrownBy(() -> StrategyInput.amount("-5", "งบประมาณที่ใช้")).hasMessage("งบประมาณที่ใช้ ต้องไม่ติดลบ (ได้รับ -5)");
    assertThatThrownBy(() -> StrategyInput.amount(0.125, "ผล")).hasMessage("ผล มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (ได้รับ 0.125)");
    assertThatThrownBy(() -> StrategyInput.amount("1e5", "ผล")).hasMessageContaining("ต้องเป็นตัวเลขไม่ติดลบ");
    assertThatThrownBy(() -> StrategyInput.amount(Double.NaN, "ผล")).hasMessageContaining("ต้องเป็นตัวเลขไม่ติดลบ");
    assertThatThrownBy(() -> StrategyInput.amount(true, "ผล")).hasMessageContaining("ต้องเป็นตัวเลขไม่ติดลบ");
    assertThatThrownBy(() -> StrategyInput.amount(null, "งบประมาณที่ใช้")).hasMessage("กรุณากรอกงบประมาณที่ใช้");
    assertThatThrownBy(() -> StrategyInput.amount(new BigDecimal("100000000000000"), "งบ"))
        .hasMessage("งบ มากเกินไป (ไม่เกิน 99,999,999,999,999.99)");
  }

  @Test
  void datesMustFallInTheFiscalYear() {
    assertThat(StrategyInput.date("2028-02-15", "วันที่ประชุม", FY2571)).isEqualTo(LocalDate.of(2028, 2, 15));
    assertThat(StrategyInput.date("2027-10-01T00:00:00", "วันที่ประชุม", FY2571)).isEqualTo(LocalDate.of(2027, 10, 1));
    assertThatThrownBy(() -> StrategyInput.date("2027-09-30", "วันที่ประชุม", FY2571)).hasMessage(
        "วันที่ประชุม ต้องอยู่ในปีงบประมาณ 2571 (1 ตุลาคม 2570 ถึง 30 กันยายน 2571) ได้รับ 30 กันยายน 2570");
    assertThatThrownBy(() -> StrategyInput.date("15/02/2571", "วันที่ประชุม", FY2571)).hasMessageContaining("ต้องเป็นวันที่");
    assertThatThrownBy(() -> StrategyInput.date(null, "วันที่ประชุม", FY2571)).hasMessage("กรุณาระบุวันที่ประชุม");
  }

  @Test
  void readsAssignmentsAndTheWorkingGroup() {
    assertThat(StrategyInput.assignments("1.1 | staff1 | ชื่อรายการไว้อ่าน\n1.2 |\n2.1\tstaff3"))
        .containsEntry("1.1", "staff1").containsEntry("1.2", null).containsEntry("2.1", "staff3").hasSize(3);
    assertThatThrownBy(() -> StrategyInput.assignments("1.1 | staff1\n1.1 | staff2"))
        .hasMessage("ผู้รับผิดชอบรายการไม่ถูกต้อง: บรรทัดที่ 2: รหัส 1.1 ซ้ำกับบรรทัดก่อนหน้า");
    assertThat(StrategyInput.members("director | ประธานคณะทำงาน\nนางสาวมาลัย ใจดี | ผู้แทนจังหวัด"))
        .containsExactly(new MemberInput("director", "ประธานคณะทำงาน"), new MemberInput("นางสาวมาลัย ใจดี", "ผู้แทนจังหวัด"));
    assertThatThrownBy(() -> StrategyInput.members("director")).hasMessage(
        "คณะทำงานไม่ถูกต้อง: บรรทัดที่ 1: กรุณาระบุหน้าที่ในคณะทำงานหลังเครื่องหมาย | เช่น ประธานคณะทำงาน");
    assertThat(StrategyInput.people("staff1 | อรุณี\n\nนายสมปอง ยิ่งยืน", "ผู้เข้าร่วมประชุม"))
        .containsExactly("staff1", "นายสมปอง ยิ่งยืน");
  }

  @Test
  void writesNumbersAsPeopleReadThem() {
    assertThat(StrategyInput.plain(new BigDecimal("80.00"))).isEqualTo("80");
    assertThat(StrategyInput.plain(new BigDecimal("1250.50"))).isEqualTo("1,250.5");
    assertThat(StrategyInput.money(new BigDecimal("150000.5"))).isEqualTo("150,000.50");
  }
}
