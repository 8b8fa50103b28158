package th.planflow.calendar;

import java.time.LocalDate;
import java.time.ZoneId;

/** Thai date strings with Buddhist-era years, e.g. "30 กันยายน 2570" and "30 ก.ย. 70". */
public final class ThaiDates {

  public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
  /** B.E. = C.E. + 543. */
  public static final int BE_OFFSET = 543;

  private static final String[] MONTHS = {
      "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
      "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"};
  private static final String[] MONTHS_SHORT = {
      "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
      "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

  private ThaiDates() {
  }

  public static int toBuddhistYear(int christianYear) {
    return christianYear + BE_OFFSET;
  }

  public static int toChristianYear(int buddhistYear) {
    return buddhistYear - BE_OFFSET;
  }

  /** "30 กันยายน 2570". */
  public static String full(LocalDate date) {
    return date.getDayOfMonth() + " " + monthName(date.getMonthValue()) + " " + toBuddhistYear(date.getYear());
  }

  /** "30 กันยายน 2570 เวลา 14:05 น." in Bangkok time: when something was done. */
  public static String dateTime(java.time.Instant instant) {
    java.time.ZonedDateTime t = instant.atZone(BANGKOK);
    return full(t.toLocalDate()) + String.format(" เวลา %02d:%02d น.", t.getHour(), t.getMinute());
  }

  /** "30 ก.ย. 70": the short form used in tables and mail subjects. */
  public static String abbreviated(LocalDate date) {
    int be = toBuddhistYear(date.getYear());
    return date.getDayOfMonth() + " " + MONTHS_SHORT[date.getMonthValue() - 1] + " " + String.format("%02d", be % 100);
  }

  /**
   * A date typed as the office writes it, day/month/Buddhist year ("31/1/2570" or "31/01/2570"); a Thai
   * message names the field when it is not one.
   */
  public static LocalDate parseBuddhist(String text, String field) {
    String value = text == null ? "" : text.trim();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})").matcher(value);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(3));
      if (year > 2400) {
        try {
          return LocalDate.of(toChristianYear(year), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (java.time.DateTimeException e) {
          // falls through to the message
        }
      }
    }
    throw new th.planflow.web.UserInputException(field + " ต้องเป็นวันที่แบบ วว/ดด/ปปปป (พ.ศ.) เช่น 31/01/2570");
  }

  /** "31/01/2570", the form {@link #parseBuddhist} reads. */
  public static String numeric(LocalDate date) {
    return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), toBuddhistYear(date.getYear()));
  }

  public static String monthName(int month) {
    return MONTHS[month - 1];
  }

  public static String monthAbbreviation(int month) {
    return MONTHS_SHORT[month - 1];
  }
}
