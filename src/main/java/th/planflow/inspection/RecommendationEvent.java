package th.planflow.inspection;

import java.time.Instant;

/** One change in a recommendation's history. */
public record RecommendationEvent(long recommendationId, Kind event, RecommendationStatus status, String actor, String comment,
    Instant at) {

  public enum Kind {
    PROPOSED("บันทึกและเสนอพิจารณา"),
    RETURNED("ผู้บังคับบัญชาส่งกลับให้ทบทวน"),
    REVISED("ทบทวนและเสนอใหม่"),
    APPROVED("ผู้บังคับบัญชาเห็นชอบ"),
    DROPPED("ผู้บังคับบัญชาให้ยุติ ไม่ดำเนินการ"),
    ASSIGNED("แจ้งกลุ่มงานนำไปปรับปรุงและพัฒนางาน"),
    SUBMITTED("กลุ่มงานรายงานการปรับปรุง"),
    FOLLOW_UP_RETURNED("ส่งกลับให้กลุ่มงานแก้ไข"),
    VERIFIED("ตรวจสอบแล้ว ปิดเรื่อง");

    private final String thai;

    Kind(String thai) {
      this.thai = thai;
    }

    public String thai() {
      return thai;
    }
  }
}
