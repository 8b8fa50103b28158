package th.planflow.office;

import java.util.Locale;

/** OBEC's size classes of a school by its number of pupils. */
public enum SchoolSize {
  SMALL("ขนาดเล็ก", "นักเรียนไม่เกิน 120 คน"),
  MEDIUM("ขนาดกลาง", "นักเรียน 121–600 คน"),
  LARGE("ขนาดใหญ่", "นักเรียน 601–1,500 คน"),
  EXTRA_LARGE("ขนาดใหญ่พิเศษ", "นักเรียน 1,501 คนขึ้นไป");

  private final String thai;
  private final String pupils;

  SchoolSize(String thai, String pupils) {
    this.thai = thai;
    this.pupils = pupils;
  }

  public String thai() {
    return thai;
  }

  public String pupils() {
    return pupils;
  }

  /** "ขนาดเล็ก", "เล็ก", "small" or "SMALL"; null when none of these. */
  public static SchoolSize parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.replaceAll("\\s+", "").replaceFirst("^โรงเรียน", "").replaceFirst("^ขนาด", "");
    for (SchoolSize size : values()) {
      if (size.name().equalsIgnoreCase(t.replace('-', '_')) || size.thai.substring("ขนาด".length()).equals(t)
          || (size == EXTRA_LARGE && t.toLowerCase(Locale.ROOT).equals("extralarge"))) {
        return size;
      }
    }
    return null;
  }

  public static SchoolSize ofCode(String code) {
    return code == null ? null : valueOf(code);
  }
}
