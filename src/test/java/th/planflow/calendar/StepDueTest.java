package th.planflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StepDueTest {

  @Test
  void readsTheForms() {
    assertThat(StepDue.parse("4")).isEqualTo(new StepDue(4, null, false, null));
    assertThat(StepDue.parse("next:11-10")).isEqualTo(new StepDue(11, 10, true, null));
    assertThat(StepDue.parse("+7d").daysAfterCreation()).isEqualTo(7);
    assertThat(StepDue.parse("date:2027-06-15").date()).isEqualTo(java.time.LocalDate.of(2027, 6, 15));
  }

  @Test
  void refusesTypos() {
    assertThatThrownBy(() -> StepDue.parse("13")).hasMessageContaining("ไม่ถูกต้อง");
    assertThatThrownBy(() -> StepDue.parse("April")).hasMessageContaining("รูปแบบกำหนดส่งไม่ถูกต้อง");
    assertThatThrownBy(() -> StepDue.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StepDue.parse("date:2027-02-30")).hasMessageContaining("date:ปี-เดือน-วัน");
  }
}
