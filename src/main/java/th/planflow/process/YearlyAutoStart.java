package th.planflow.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import th.planflow.calendar.PlanflowClock;

/**
 * Starts each duty on the first month of its year. Safe on several nodes: the process_run key lets
 * only one start through.
 */
@Component
class YearlyAutoStart {

  private static final Logger LOG = LoggerFactory.getLogger(YearlyAutoStart.class);

  private final ProcessStarter starter;
  private final ProcessRuns runs;
  private final PlanflowClock clock;

  YearlyAutoStart(ProcessStarter starter, ProcessRuns runs, PlanflowClock clock) {
    this.starter = starter;
    this.runs = runs;
    this.clock = clock;
  }

  void startDueDuties() {
    for (Duty duty : Duty.values()) {
      duty.yearStartingIn(clock.today()).ifPresent(year -> {
        if (!starter.isDeployed(duty) || runs.exists(duty.processKey(), year.buddhistYear())) {
          return;
        }
        try {
          starter.start(duty.processKey(), year.buddhistYear());
          LOG.info("Started {} for fiscal year {}", duty.processKey(), year);
        } catch (RuntimeException e) {
          LOG.warn("Automatic start of {} for fiscal year {} failed: {}", duty.processKey(), year, e.getMessage());
        }
      });
    }
  }
}
