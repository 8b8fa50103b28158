package th.planflow.office;

/**
 * A unit of the office (กลุ่มงาน), e.g. กลุ่มนโยบายและแผน; {@code headUserId} is the Camunda user who
 * heads it and receives its tasks (null while nobody is named).
 */
public record OfficeUnit(String code, String nameTh, String headUserId, int sortOrder, boolean active) {

  /** The name without the leading "กลุ่ม" / "หน่วย", as people often write it. */
  public String shortName() {
    for (String prefix : new String[] {"กลุ่ม", "หน่วย"}) {
      if (nameTh.startsWith(prefix) && nameTh.length() > prefix.length()) {
        return nameTh.substring(prefix.length()).strip();
      }
    }
    return nameTh;
  }
}
