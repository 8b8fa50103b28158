package th.planflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.planflow.PlanflowTest;

@PlanflowTest
class FiscalCalendarTest {

  private static final FiscalYear FY2570 = FiscalYear.of(2570);

  @Autowired
  FiscalCalendar calendar;
  @Autowired
  DueDateOverrides overrides;

  @AfterEach
  void removeOverrides() {
    overrides.delete("kpiReporting", "calendarTestStep", 2570);
  }

  @Test
  void aMonthMeansItsLastWorkingDay() {
    assertThat(calendar.dueDate("kpiReporting", "x", FY2570, StepDue.parse("4"))).isEqualTo(LocalDate.of(2027, 4, 30));
    // 31 July 2027 is a Saturday
    assertThat(calendar.dueDate("kpiReporting", "x", FY2570, StepDue.parse("7"))).isEqualTo(LocalDate.of(2027, 7, 30));
    // 31 December 2026 is a public holiday (Thursday)
    assertThat(calendar.dueDate("kpiReporting", "x", FY2570, StepDue.parse("12"))).isEqualTo(LocalDate.of(2026, 12, 30));
    assertThat(calendar.dueDate("kpiReporting", "x", FY2570, StepDue.parse("9"))).isEqualTo(LocalDate.of(2027, 9, 30));
  }

  @Test
  void stepsAfterTheYearEndFallInTheNextCalendarYear() {
    // 31 October 2027 is a Sunday
    assertThat(calendar.dueDate("kpiReporting", "x", FY2570, StepDue.parse("next:10"))).isEqualTo(LocalDate.of(2027, 10, 29));
    assertThat(calendar.dueDate("policyReporting", "x", FY2570, StepDue.parse("next:11-10"))).isEqualTo(LocalDate.of(2027, 11, 10));
    // October of the year itself opens it
    assertThat(calendar.dueDate("projectMonitoring", "x", FY2570, StepDue.parse("10"))).isEqualTo(LocalDate.of(2026, 10, 30));
  }

  @Autowired
  org.springframework.transaction.PlatformTransactionManager transactions;
  @Autowired
  Holidays holidays;

  @Test
  void withinOneTransactionAChangeIsSeenAtOnceAndNothingIsRememberedAfterIt() {
    org.springframework.transaction.support.TransactionTemplate tx =
        new org.springframework.transaction.support.TransactionTemplate(transactions);
    LocalDate monday = LocalDate.of(2027, 3, 15);
    try {
      tx.executeWithoutResult(status -> {
        assertThat(calendar.dueDate("kpiReporting", "calendarTestStep", FY2570, StepDue.parse("4")))
            .isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(calendar.isWorkingDay(monday)).isTrue();
        overrides.save(new DueDateOverrides.Override("kpiReporting", "calendarTestStep", 2570, LocalDate.of(2027, 4, 23),
            "ทดสอบ", "planner"));
        holidays.save(monday, "วันหยุดทดสอบ");
        assertThat(calendar.dueDate("kpiReporting", "calendarTestStep", FY2570, StepDue.parse("4")))
            .isEqualTo(LocalDate.of(2027, 4, 23));
        assertThat(calendar.isWorkingDay(monday)).isFalse();
      });
      overrides.delete("kpiReporting", "calendarTestStep", 2570);
      holidays.delete(monday);
      tx.executeWithoutResult(status -> {
        assertThat(calendar.dueDate("kpiReporting", "calendarTestStep", FY2570, StepDue.parse("4")))
            .isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(calendar.isWorkingDay(monday)).isTrue();
      });
    } finally {
      holidays.delete(monday);
    }
  }

  @Test
  void aHolidayWhoseTransactionRollsBackIsForgottenAtOnce() {
    org.springframework.transaction.support.TransactionTemplate tx =
        new org.springframework.transaction.support.TransactionTemplate(transactions);
    LocalDate tuesday = LocalDate.of(2027, 3, 16);
    assertThat(calendar.isWorkingDay(tuesday)).isTrue(); // read and kept by this node
    tx.executeWithoutResult(status -> {
      holidays.save(tuesday, "วันหยุดที่ยกเลิก");
      assertThat(calendar.isWorkingDay(tuesday)).isFalse();
      status.setRollbackOnly();
    });
    assertThat(calendar.isWorkingDay(tuesday)).isTrue();
    // saved without a transaction of its own: counts at once
    try {
      holidays.save(tuesday, "วันหยุดทดสอบ");
      assertThat(calendar.isWorkingDay(tuesday)).isFalse();
      assertThat(calendar.workingDayOnOrBefore(tuesday)).isEqualTo(LocalDate.of(2027, 3, 15));
    } finally {
      holidays.delete(tuesday);
    }
    assertThat(calendar.isWorkingDay(tuesday)).isTrue();
  }

  @Test
  void leapDayCounts() {
    assertThat(calendar.dueDate("inspection", "x", FiscalYear.of(2571), StepDue.parse("2"))).isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void theOfficersOverrideWins() {
    overrides.save(new DueDateOverrides.Override("kpiReporting", "calendarTestStep", 2570, LocalDate.of(2027, 5, 14),
        "สพฐ. เลื่อนกำหนด", "planner"));
    assertThat(calendar.dueDate("kpiReporting", "calendarTestStep", FY2570, StepDue.parse("4"))).isEqualTo(LocalDate.of(2027, 5, 14));
    assertThat(calendar.dueDate("kpiReporting", "calendarTestStep", FiscalYear.of(2571), StepDue.parse("4")))
        .isEqualTo(LocalDate.of(2028, 4, 28));
  }
}
