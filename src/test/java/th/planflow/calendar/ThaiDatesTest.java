package th.planflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ThaiDatesTest {

  @Test
  void formatsWithBuddhistEraYears() {
    assertThat(ThaiDates.full(LocalDate.of(2027, 9, 30))).isEqualTo("30 กันยายน 2570");
    assertThat(ThaiDates.abbreviated(LocalDate.of(2027, 9, 30))).isEqualTo("30 ก.ย. 70");
    assertThat(ThaiDates.full(LocalDate.of(2028, 2, 29))).isEqualTo("29 กุมภาพันธ์ 2571");
    assertThat(ThaiDates.abbreviated(LocalDate.of(2026, 10, 1))).isEqualTo("1 ต.ค. 69");
  }

  @Test
  void dateTimeIsInBangkokTime() {
    // 30 Sep 2027 23:30 UTC is already 1 October 06:30 in Bangkok
    assertThat(ThaiDates.dateTime(java.time.Instant.parse("2027-09-30T23:30:00Z")))
        .isEqualTo("1 ตุลาคม 2570 เวลา 06:30 น.");
  }

  @Test
  void convertsBetweenEras() {
    assertThat(ThaiDates.toBuddhistYear(2026)).isEqualTo(2569);
    assertThat(ThaiDates.toChristianYear(2570)).isEqualTo(2027);
  }

  @Test
  void readsDatesTypedInTheBuddhistEra() {
    assertThat(ThaiDates.parseBuddhist("31/01/2570", "วันครบกำหนด")).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(ThaiDates.parseBuddhist(" 1/2/2571 ", "วันครบกำหนด")).isEqualTo(LocalDate.of(2028, 2, 1));
    assertThat(ThaiDates.numeric(LocalDate.of(2027, 1, 31))).isEqualTo("31/01/2570");
    for (String bad : new String[] {"2027-01-31", "31/01/2027", "30/02/2570", "", null, "31/13/2570"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ThaiDates.parseBuddhist(bad, "วันครบกำหนด"))
          .isInstanceOf(th.planflow.web.UserInputException.class)
          .hasMessage("วันครบกำหนด ต้องเป็นวันที่แบบ วว/ดด/ปปปป (พ.ศ.) เช่น 31/01/2570");
    }
  }
}
