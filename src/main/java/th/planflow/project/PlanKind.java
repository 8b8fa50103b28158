package th.planflow.project;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of plan on the three levels of แผน ๓ ระดับ, with their level and Thai name. */
public enum PlanKind {
  NATIONAL_STRATEGY(1, "ยุทธศาสตร์ชาติ"),
  MASTER_PLAN(2, "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ"),
  REFORM_PLAN(2, "แผนการปฏิรูปประเทศ"),
  NESD_PLAN(2, "แผนพัฒนาเศรษฐกิจและสังคมแห่งชาติ"),
  SECURITY_PLAN(2, "นโยบายและแผนระดับชาติว่าด้วยความมั่นคงแห่งชาติ"),
  OBEC_ACTION_PLAN(3, "แผนปฏิบัติราชการของ สพฐ."),
  OFFICE_ACTION_PLAN(3, "แผนปฏิบัติการของสำนักงานเขตพื้นที่การศึกษา");

  private final int level;
  private final String thaiName;

  PlanKind(int level, String thaiName) {
    this.level = level;
    this.thaiName = thaiName;
  }

  public int level() {
    return level;
  }

  public String thaiName() {
    return thaiName;
  }

  /** "แผนระดับที่ 1" .. "แผนระดับที่ 3". */
  public static String levelName(int level) {
    return switch (level) {
      case 1 -> "แผนระดับที่ 1 (ยุทธศาสตร์ชาติ)";
      case 2 -> "แผนระดับที่ 2 (แผนแม่บท แผนการปฏิรูปประเทศ แผนพัฒนาฯ แผนความมั่นคง)";
      case 3 -> "แผนระดับที่ 3 (แผนปฏิบัติราชการ/แผนปฏิบัติการ)";
      default -> "แผนระดับที่ " + level;
    };
  }

  /** The kind by its English key or its Thai name, as a planner types it in an import file. */
  public static Optional<PlanKind> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    return Arrays.stream(values())
        .filter(k -> k.name().equalsIgnoreCase(t) || k.thaiName.equals(t))
        .findFirst();
  }
}
