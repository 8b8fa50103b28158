package th.planflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FiscalYearTest {

  @Test
  void fiscalYearTurnsOnFirstOctober() {
    assertThat(FiscalYear.containing(LocalDate.of(2026, 9, 30))).isEqualTo(FiscalYear.of(2569));
    assertThat(FiscalYear.containing(LocalDate.of(2026, 10, 1))).isEqualTo(FiscalYear.of(2570));
    assertThat(FiscalYear.of(2570).firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(FiscalYear.of(2570).lastDay()).isEqualTo(LocalDate.of(2027, 9, 30));
  }

  @Test
  void quartersFollowTheThaiFiscalYear() {
    assertThat(FiscalYear.quarterOf(LocalDate.of(2026, 10, 1))).isEqualTo(1);
    assertThat(FiscalYear.quarterOf(LocalDate.of(2026, 12, 31))).isEqualTo(1);
    assertThat(FiscalYear.quarterOf(LocalDate.of(2027, 1, 1))).isEqualTo(2);
    assertThat(FiscalYear.quarterOf(LocalDate.of(2027, 4, 30))).isEqualTo(3);
    assertThat(FiscalYear.quarterOf(LocalDate.of(2027, 9, 30))).isEqualTo(4);
    FiscalYear fy = FiscalYear.of(2570);
    assertThat(fy.quarterStart(2)).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(fy.quarterEnd(2)).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(fy.quarterEnd(4)).isEqualTo(LocalDate.of(2027, 9, 30));
  }

  @Test
  void monthsAfterTheYearEndLandInTheNextCalendarYear() {
    FiscalYear fy = FiscalYear.of(2570);
    assertThat(fy.christianYearOfMonth(10, false)).isEqualTo(2026);
    assertThat(fy.christianYearOfMonth(3, false)).isEqualTo(2027);
    assertThat(fy.christianYearOfMonth(11, true)).isEqualTo(2027);
  }

  @Test
  void leapYearFebruaryIsInsideTheFiscalYear() {
    // FY 2571 contains 29 February 2028
    assertThat(FiscalYear.containing(LocalDate.of(2028, 2, 29))).isEqualTo(FiscalYear.of(2571));
    assertThat(FiscalYear.of(2571).quarterEnd(2)).isEqualTo(LocalDate.of(2028, 3, 31));
  }

  @Test
  void badInputGetsAThaiMessage() {
    assertThatThrownBy(() -> FiscalYear.parse(null)).hasMessageContaining("กรุณาระบุปีงบประมาณ");
    assertThatThrownBy(() -> FiscalYear.parse("สองพัน")).hasMessageContaining("ต้องเป็นตัวเลข");
    assertThatThrownBy(() -> FiscalYear.parse(1999)).hasMessageContaining("ระหว่าง 2550 ถึง 2650");
    assertThatThrownBy(() -> FiscalYear.parse("9999")).hasMessageContaining("ระหว่าง 2550 ถึง 2650");
    assertThatThrownBy(() -> FiscalYear.parse(2570.5)).isInstanceOf(InvalidFiscalYearException.class);
    assertThat(FiscalYear.parse(" 2570 ")).isEqualTo(FiscalYear.of(2570));
    assertThat(FiscalYear.parse(2570L)).isEqualTo(FiscalYear.of(2570));
    assertThat(FiscalYear.parse(2570.0)).isEqualTo(FiscalYear.of(2570));
  }
}
