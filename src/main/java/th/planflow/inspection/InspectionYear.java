package th.planflow.inspection;

import java.time.Instant;

/** The planner's texts of a year: round consolidations, the September summary and the October report. */
public record InspectionYear(int fiscalYear, String round1Summary, String round2Summary, String summaryText,
    String summaryStatus, String summaryApprovedBy, Instant summaryApprovedAt, String finalSummary, String reportedTo,
    String reportedBy, Instant reportedAt) {

  static InspectionYear empty(int fiscalYear) {
    return new InspectionYear(fiscalYear, null, null, null, null, null, null, null, null, null, null);
  }

  public String roundSummary(int round) {
    return round == 1 ? round1Summary : round2Summary;
  }
}
