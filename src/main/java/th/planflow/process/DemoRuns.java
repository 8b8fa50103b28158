package th.planflow.process;

import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.PlanflowClock;

/**
 * Demo only: on a fresh demo database, starts the duties whose year has already begun, so that
 * Tasklist, Cockpit and the dashboard have work in them at once. A real office starts them on their
 * first month (YearlyAutoStart) or by hand.
 */
@Component
@ConditionalOnProperty(name = {"planflow.demo.enabled", "planflow.demo.start-current-duties"}, havingValue = "true")
class DemoRuns {

  private static final Logger LOG = LoggerFactory.getLogger(DemoRuns.class);

  private final ProcessStarter starter;
  private final ProcessRuns runs;
  private final PlanflowClock clock;

  DemoRuns(ProcessStarter starter, ProcessRuns runs, PlanflowClock clock) {
    this.starter = starter;
    this.runs = runs;
    this.clock = clock;
  }

  @EventListener(PostDeployEvent.class)
  @Order(20)
  public void startCurrentDuties() {
    LocalDate today = clock.today();
    for (Duty duty : Duty.values()) {
      FiscalYear year = currentRun(duty, today);
      if (year == null || !starter.isDeployed(duty) || runs.exists(duty.processKey(), year.buddhistYear())) {
        continue;
      }
      starter.start(duty.processKey(), year.buddhistYear());
      LOG.info("Demo: started {} for fiscal year {}", duty.processKey(), year);
    }
  }

  /**
   * The run of a duty that began since the current fiscal year opened (1 October), or null: a run that
   * began in an earlier fiscal year would bring months of overdue work into the demo.
   */
  static FiscalYear currentRun(Duty duty, LocalDate today) {
    LocalDate opened = FiscalYear.containing(today).firstDay();
    for (YearMonth month = YearMonth.from(today); !month.atDay(1).isBefore(opened); month = month.minusMonths(1)) {
      var year = duty.yearStartingIn(month.atDay(1));
      if (year.isPresent()) {
        return year.get();
      }
    }
    return null;
  }
}
