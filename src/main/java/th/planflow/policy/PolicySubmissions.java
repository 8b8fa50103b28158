package th.planflow.policy;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import th.planflow.calendar.PlanflowClock;
import th.planflow.review.ReviewVariables;
import th.planflow.review.SubmissionHandler;
import th.planflow.web.UserInputException;

/**
 * The policy duty's part of each school's reviewed submission: a report with a policy left blank is
 * refused (the whole completion rolls back), and the report's status follows the review.
 */
@Component("policySubmissions")
class PolicySubmissions implements SubmissionHandler {

  private final PolicyRounds rounds;
  private final PolicyReporting reporting;
  private final PlanflowClock clock;
  private final Map<Long, LocalDate> dueDates = new ConcurrentHashMap<>();

  PolicySubmissions(PolicyRounds rounds, PolicyReporting reporting, PlanflowClock clock) {
    this.rounds = rounds;
    this.reporting = reporting;
    this.clock = clock;
  }

  @Override
  public void submitted(DelegateTask submitTask) {
    Subject subject = Subject.of(submitTask);
    var missing = reporting.missingResults(subject.roundId(), subject.reporter());
    if (!missing.isEmpty()) {
      throw new UserInputException("ยังไม่ได้กรอกผลการดำเนินงานของนโยบาย: " + String.join(", ", missing)
          + " กรุณากรอกให้ครบก่อนส่งรายงาน");
    }
    Date due = submitTask.getDueDate();
    boolean late = (due != null && clock.now().isAfter(due.toInstant()))
        || clock.today().isAfter(dueOn(subject.roundId()));
    rounds.markSubmitted(subject.roundId(), subject.reporter(), clock.now(), late);
  }

  /**
   * What every school's submission of a round shares is not stored in each of them: the step (for due-date
   * overrides and the audit), the round's due date and the report form.
   */
  @Override
  public Object input(String name, String subjectRef) {
    Subject subject = Subject.parse(subjectRef);
    return switch (name) {
      case ReviewVariables.STEP_KEY -> PolicyReporting.stepKey(subject.roundId());
      case ReviewVariables.DUE -> "date:" + dueOn(subject.roundId());
      case ReviewVariables.SUBMIT_FORM -> PolicyReporting.REPORT_FORM;
      default -> null;
    };
  }

  /** A round's due date never changes after it is opened: read once per round. */
  private LocalDate dueOn(long roundId) {
    return dueDates.computeIfAbsent(roundId, id -> reporting.round(id).dueOn());
  }

  @Override
  public void reviewed(DelegateTask reviewTask, boolean approved, String comment) {
    Subject subject = Subject.of(reviewTask);
    if (approved) {
      rounds.markApproved(subject.roundId(), subject.reporter(), clock.now());
    } else {
      rounds.markReturned(subject.roundId(), subject.reporter(), comment);
    }
  }

  /** "policy-round:<round id>:<reporter>", the subjectRef of a school's report. */
  record Subject(long roundId, String reporter) {
    static Subject of(DelegateTask task) {
      return parse((String) task.getVariable(ReviewVariables.SUBJECT_REF));
    }

    static Subject parse(String ref) {
      String[] parts = ref.substring(PolicyReporting.SUBJECT_PREFIX.length()).split(":", 2);
      return new Subject(Long.parseLong(parts[0]), parts[1]);
    }
  }
}
