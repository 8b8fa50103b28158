package th.planflow.inspection;

import java.time.LocalDate;

/**
 * An inspector's recommendation (ข้อเสนอแนะ), the planner's analysis, the unit that acts on it, the
 * director's decision and what the unit did.
 */
public record Recommendation(long id, int fiscalYear, int seq, Long issueId, String text, String analysis, String unitCode,
    RecommendationStatus status, String decisionReason, String actions, String evidence, LocalDate completionDate) {

  public String label() {
    return "ข้อเสนอแนะที่ " + seq;
  }
}
