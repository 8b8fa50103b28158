package th.planflow.kpi;

/** Where one KPI's result of a round stands in the owner's reviewed submission. */
public enum ResultStatus {
  DRAFT("ร่าง"),
  SUBMITTED("ส่งแล้ว รอตรวจสอบ"),
  RETURNED("ส่งกลับแก้ไข"),
  APPROVED("อนุมัติแล้ว");

  private final String thai;

  ResultStatus(String thai) {
    this.thai = thai;
  }

  public String thai() {
    return thai;
  }

  /** The owner may still change the result. */
  boolean editable() {
    return this == DRAFT || this == RETURNED;
  }
}
