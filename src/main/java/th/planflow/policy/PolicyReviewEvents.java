package th.planflow.policy;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.planflow.calendar.PlanflowClock;
import th.planflow.review.ReviewAudit;
import th.planflow.web.UserInputException;

/**
 * Keeps each school's report status in step with its reviewed submission. Runs in the engine's
 * transaction: refusing a submission here (a policy without a result) refuses the whole completion.
 */
@Component
class PolicyReviewEvents {

  private final PolicyRounds rounds;
  private final PolicyReporting reporting;
  private final PlanflowClock clock;

  PolicyReviewEvents(PolicyRounds rounds, PolicyReporting reporting, PlanflowClock clock) {
    this.rounds = rounds;
    this.reporting = reporting;
    this.clock = clock;
  }

  @EventListener
  void on(ReviewAudit.Entry entry) {
    if (entry.subjectRef() == null || !entry.subjectRef().startsWith(PolicyReporting.SUBJECT_PREFIX)) {
      return;
    }
    String[] parts = entry.subjectRef().substring(PolicyReporting.SUBJECT_PREFIX.length()).split(":", 2);
    long roundId = Long.parseLong(parts[0]);
    String reporter = parts[1];
    switch (entry.action()) {
      case SUBMIT -> {
        var missing = reporting.missingResults(roundId, reporter);
        if (!missing.isEmpty()) {
          throw new UserInputException("ยังไม่ได้กรอกผลการดำเนินงานของนโยบาย: " + String.join(", ", missing)
              + " กรุณากรอกให้ครบก่อนส่งรายงาน");
        }
        var round = reporting.round(roundId);
        boolean afterDue = clock.today().isAfter(round.dueOn());
        rounds.markSubmitted(roundId, reporter, clock.now(), entry.late() || afterDue);
      }
      case APPROVE -> rounds.markApproved(roundId, reporter, clock.now());
      case RETURN -> rounds.setStatus(roundId, reporter, PolicyRounds.ReportStatus.RETURNED);
      case MISSED_DEADLINE -> rounds.markLate(roundId, reporter);
    }
  }
}
