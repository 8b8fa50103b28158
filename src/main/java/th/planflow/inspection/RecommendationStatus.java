package th.planflow.inspection;

/** Where an inspector's recommendation stands, in the tracker and the reports. */
public enum RecommendationStatus {
  PROPOSED("เสนอผู้บังคับบัญชาพิจารณา"),
  APPROVED("ผู้บังคับบัญชาเห็นชอบ"),
  IN_PROGRESS("อยู่ระหว่างดำเนินการ"),
  DONE("ดำเนินการแล้ว รอตรวจสอบ"),
  VERIFIED("ตรวจสอบแล้ว ปิดเรื่อง"),
  DROPPED("ไม่ดำเนินการ");

  private final String thai;

  RecommendationStatus(String thai) {
    this.thai = thai;
  }

  public String thai() {
    return thai;
  }
}
