package th.planflow.identity;

import java.util.List;

/** Planflow's Camunda groups (SPEC §1). Schools also have one group each: {@code school-<code>}. */
public final class Groups {

  public static final String PLAN_OFFICER = "plan-officer";
  public static final String PLAN_HEAD = "plan-head";
  public static final String DIRECTOR = "director";
  public static final String EXECUTIVE_BOARD = "executive-board";
  public static final String ESA_STAFF = "esa-staff";
  public static final String SCHOOL = "school";
  public static final String ADMIN = "camunda-admin";

  /** Group id, Thai name. */
  public static final List<String[]> ALL = List.of(
      new String[] {PLAN_OFFICER, "นักวิเคราะห์นโยบายและแผน"},
      new String[] {PLAN_HEAD, "ผู้อำนวยการกลุ่มนโยบายและแผน"},
      new String[] {DIRECTOR, "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา"},
      new String[] {EXECUTIVE_BOARD, "ทีมบริหารองค์การ"},
      new String[] {ESA_STAFF, "บุคลากรในสำนักงานเขต"},
      new String[] {SCHOOL, "สถานศึกษา"},
      new String[] {ADMIN, "ผู้ดูแลระบบ"});

  private Groups() {
  }

  public static String ofSchool(String schoolCode) {
    return SCHOOL + "-" + schoolCode;
  }
}
