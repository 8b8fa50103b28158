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
}
