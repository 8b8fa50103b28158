package th.planflow.inspection;

import java.time.Instant;

/** A unit's result for one issue in one round, as on the inspection form (แบบตรวจราชการ). */
public record InspectionResult(int round, long issueId, String resultText, String problems, String suggestions,
    String evidence, Status status, String submittedBy, Instant submittedAt, boolean late, String reviewComment) {

  public enum Status {
    SUBMITTED("รอตรวจสอบ"), RETURNED("ส่งกลับแก้ไข"), APPROVED("ตรวจสอบแล้ว");

    private final String thai;

    Status(String thai) {
      this.thai = thai;
    }

    public String thai() {
      return thai;
    }
  }
}
