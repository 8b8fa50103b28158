package th.planflow.calendar;

import java.time.LocalDate;

/**
 * When a step of a yearly process is due, as the office's manual says it: a month of the fiscal
 * year's timeline ("4" = April), optionally a day ("11-10" = 10 November), optionally after the year
 * has ended ("next:10" = the October after the fiscal year closes); or a number of days after the
 * task is created ("+7d"); or a date someone else set, e.g. OBEC's reporting deadline ("date:2027-06-15").
 */
public record StepDue(Integer month, Integer day, boolean afterYearEnd, Integer daysAfterCreation, LocalDate date) {

  public StepDue(Integer month, Integer day, boolean afterYearEnd, Integer daysAfterCreation) {
    this(month, day, afterYearEnd, daysAfterCreation, null);
  }

  public static StepDue parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("กำหนดส่งว่างเปล่า");
    }
    String s = text.trim();
    if (s.startsWith("date:")) {
      try {
        return new StepDue(null, null, false, null, LocalDate.parse(s.substring("date:".length())));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("วันที่ของกำหนดส่งไม่ถูกต้อง: '" + text + "' (ใช้ date:ปี-เดือน-วัน ค.ศ.)");
      }
    }
    if (s.matches("\\+\\d{1,3}d")) {
      return new StepDue(null, null, false, Integer.parseInt(s.substring(1, s.length() - 1)));
    }
    boolean after = s.startsWith("next:");
    if (after) {
      s = s.substring("next:".length());
    }
    if (!s.matches("\\d{1,2}(-\\d{1,2})?")) {
      throw new IllegalArgumentException("รูปแบบกำหนดส่งไม่ถูกต้อง: '" + text + "' (ใช้ เดือน เช่น 4, เดือน-วัน เช่น 11-10, next:10 หรือ +7d)");
    }
    String[] parts = s.split("-");
    int month = Integer.parseInt(parts[0]);
    Integer day = parts.length > 1 ? Integer.parseInt(parts[1]) : null;
    if (month < 1 || month > 12 || (day != null && (day < 1 || day > 31))) {
      throw new IllegalArgumentException("เดือนหรือวันของกำหนดส่งไม่ถูกต้อง: '" + text + "'");
    }
    return new StepDue(month, day, after, null);
  }

  public boolean isFixedDate() {
    return date != null;
  }

  public boolean isRelativeToCreation() {
    return daysAfterCreation != null;
  }
}
