package th.planflow.strategy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What the duty records, step by step, for one office and fiscal year. */
final class StrategyRecords {

  private StrategyRecords() {
  }

  /** January: the provincial development plan studied. */
  record Plan(String nameTh, String studyNote) {
  }

  /** February: the province's briefing. */
  record Briefing(LocalDate date, String placeTh, String guidanceTh, String scheduleTh) {
  }

  enum OrderStatus { DRAFT, APPROVED }

  /** March: the appointment order (คำสั่งแต่งตั้ง). */
  record Appointment(String orderNo, LocalDate orderDate, OrderStatus status, Instant approvedAt) {

    boolean approved() {
      return status == OrderStatus.APPROVED;
    }
  }

  /** A member of the working group and their duty in it. */
  record Member(Person person, String roleTh) {
  }

  /** March: the meeting of the working group and the responsible persons. */
  record Meeting(LocalDate date, String agendaTh, String minutesTh) {
  }

  enum ReportStatus { SUBMITTED, APPROVED }

  /** July: one item's report on the province's form. */
  record Report(String itemCode, BigDecimal resultValue, String resultTh, BigDecimal budgetUsed, String problemsTh,
      String suggestionsTh, ReportStatus status, boolean late, String reportedBy, Instant reportedAt) {
  }

  /** September: the overall summary and the director's acknowledgement. */
  record Summary(String overallTh, String problemsTh, String suggestionsTh, String summarizedBy,
      String acknowledgedBy, Instant acknowledgedAt, String directorCommentTh) {

    boolean acknowledged() {
      return acknowledgedAt != null;
    }
  }
}
