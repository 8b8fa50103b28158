package th.planflow.calendar;

import java.time.LocalDate;
import java.time.Month;

/**
 * A Thai fiscal year (ปีงบประมาณ) in B.E.: FY N runs 1 October (N-1) to 30 September N,
 * e.g. FY 2570 = 1 Oct 2026 - 30 Sep 2027.
 */
public record FiscalYear(int buddhistYear) {

  /** The range accepted from users: wide enough for history and planning, narrow enough to catch typos. */
  public static final int MIN = 2550;
  public static final int MAX = 2650;

  public FiscalYear {
    if (buddhistYear < MIN || buddhistYear > MAX) {
      throw new InvalidFiscalYearException(
          "ปีงบประมาณต้องเป็นปี พ.ศ. ระหว่าง " + MIN + " ถึง " + MAX + " (ได้รับ " + buddhistYear + ")");
    }
  }

  public static FiscalYear of(int buddhistYear) {
    return new FiscalYear(buddhistYear);
  }

  /** The fiscal year a calendar date belongs to. */
  public static FiscalYear containing(LocalDate date) {
    int ce = date.getMonthValue() >= 10 ? date.getYear() + 1 : date.getYear();
    return new FiscalYear(ThaiDates.toBuddhistYear(ce));
  }

  /**
   * Reads a fiscal year from user input or a process variable: an Integer, or a String of digits.
   * Anything else gets a Thai message.
   */
  public static FiscalYear parse(Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new InvalidFiscalYearException("กรุณาระบุปีงบประมาณ (พ.ศ.) เช่น 2570");
    }
    if (value instanceof Integer i) {
      return new FiscalYear(i);
    }
    if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return new FiscalYear(l.intValue());
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e9) {
      return new FiscalYear((int) n.doubleValue()); // form number fields may send 2570.0
    }
    if (value instanceof String s && s.trim().matches("\\d{1,9}")) {
      return new FiscalYear(Integer.parseInt(s.trim()));
    }
    throw new InvalidFiscalYearException("ปีงบประมาณต้องเป็นตัวเลข พ.ศ. 4 หลัก เช่น 2570");
  }

  public LocalDate firstDay() {
    return LocalDate.of(ThaiDates.toChristianYear(buddhistYear) - 1, Month.OCTOBER, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(ThaiDates.toChristianYear(buddhistYear), Month.SEPTEMBER, 30);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
  }

  /** Quarter 1..4 of a date inside this year: Q1 Oct-Dec, Q2 Jan-Mar, Q3 Apr-Jun, Q4 Jul-Sep. */
  public static int quarterOf(LocalDate date) {
    return ((date.getMonthValue() + 2) % 12) / 3 + 1;
  }

  public LocalDate quarterStart(int quarter) {
    checkQuarter(quarter);
    return firstDay().plusMonths(3L * (quarter - 1));
  }

  public LocalDate quarterEnd(int quarter) {
    checkQuarter(quarter);
    return quarterStart(quarter).plusMonths(3).minusDays(1);
  }

  /**
   * The calendar year (C.E.) of a month of this fiscal year's timeline. October to December open the
   * year; with {@code afterYearEnd} they are the months after it closes (the October/November summaries).
   */
  public int christianYearOfMonth(int month, boolean afterYearEnd) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("month " + month);
    }
    int endYear = ThaiDates.toChristianYear(buddhistYear);
    if (afterYearEnd) {
      return month >= 10 ? endYear : endYear + 1;
    }
    return month >= 10 ? endYear - 1 : endYear;
  }

  public FiscalYear next() {
    return new FiscalYear(buddhistYear + 1);
  }

  public FiscalYear previous() {
    return new FiscalYear(buddhistYear - 1);
  }

  private static void checkQuarter(int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("ไตรมาสต้องเป็น 1 ถึง 4");
    }
  }

  @Override
  public String toString() {
    return String.valueOf(buddhistYear);
  }
}
