package th.planflow.inspection;

import java.util.Optional;

/** Who sets an inspection issue: the Ministry of Education, or the PM Office's integrated inspection. */
public enum IssueSource {
  MOE("ศธ", "ผู้ตรวจราชการกระทรวงศึกษาธิการ"),
  PMO("นร", "ผู้ตรวจราชการสำนักนายกรัฐมนตรี (การตรวจราชการแบบบูรณาการ)");

  private final String abbreviation;
  private final String thaiName;

  IssueSource(String abbreviation, String thaiName) {
    this.abbreviation = abbreviation;
    this.thaiName = thaiName;
  }

  public String abbreviation() {
    return abbreviation;
  }

  public String thaiName() {
    return thaiName;
  }

  /** "ศธ", "กระทรวงศึกษาธิการ", "MOE"; "นร", "สำนักนายกรัฐมนตรี", "บูรณาการ", "PMO". */
  static Optional<IssueSource> parse(String text) {
    String s = text == null ? "" : text.replaceAll("[\\s.]", "").toUpperCase(java.util.Locale.ROOT);
    if (s.equals("นร") || s.equals("PMO") || s.contains("นายกรัฐมนตรี") || s.contains("บูรณาการ")) {
      return Optional.of(PMO);
    }
    if (s.equals("ศธ") || s.equals("MOE") || s.contains("ศึกษาธิการ")) {
      return Optional.of(MOE);
    }
    return Optional.empty();
  }
}
