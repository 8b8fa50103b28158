package th.planflow.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;
import th.planflow.deadline.StepDates;
import th.planflow.process.ProcessVariables;

/**
 * BPMN expressions of the reporting rounds: {@code ${kpiRounds.owners(execution, 'Q2')}} (the
 * multi-instance collection: the owners recorded when the round opened, so no list is kept in a
 * variable) and {@code ${kpiRounds.closesAt(execution, 'Q2')}} (when owners who have not reported are
 * passed over).
 */
@Component("kpiRounds")
public class KpiRounds {

  /** A round stays open at least this long, also when the year's process started late. */
  static final Duration MINIMUM_OPEN = Duration.ofDays(14);

  private final KpiStore store;
  private final StepDates stepDates;
  private final PlanflowClock clock;

  KpiRounds(KpiStore store, StepDates stepDates, PlanflowClock clock) {
    this.store = store;
    this.stepDates = stepDates;
    this.clock = clock;
  }

  public List<String> owners(DelegateExecution execution, String round) {
    return store.round(year(execution), KpiRound.parse(round)).map(KpiStore.RoundState::owners).orElse(List.of());
  }

  /**
   * The round's closing day from the fiscal calendar (15 May, 15 August, 15 November; the plan
   * officer may move it with the step key kpiRoundQ2Close...), but never sooner than two weeks after now.
   */
  public Date closesAt(DelegateExecution execution, String round) {
    KpiRound r = KpiRound.parse(round);
    Date calendar = stepDates.due(execution, r.closes(), r.closeStepKey());
    Instant earliest = clock.now().plus(MINIMUM_OPEN);
    return calendar.toInstant().isBefore(earliest) ? Date.from(earliest) : calendar;
  }

  private static int year(DelegateExecution execution) {
    return FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR)).buddhistYear();
  }
}
