package th.planflow.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.StepDue;
import th.planflow.calendar.ThaiDates;
import th.planflow.process.ProcessVariables;

/**
 * Dates for BPMN timer expressions, from the same calendar as the task due dates, e.g.
 * {@code <bpmn:timeDate>${stepDates.monthStart(execution, '7')}</bpmn:timeDate>} to wait until July of
 * the instance's fiscal year before a step opens.
 */
@Component("stepDates")
public class StepDates {

  /** Steps open at the start of the office day. */
  static final LocalTime OPENING = LocalTime.of(8, 0);

  private final DeadlineTaskListenerFactory deadlines;

  public StepDates(DeadlineTaskListenerFactory deadlines) {
    this.deadlines = deadlines;
  }

  /** 08:00 on the first day of a month of the fiscal year's timeline ("7", "next:10"). */
  public Date monthStart(DelegateExecution execution, String month) {
    StepDue step = StepDue.parse(month);
    FiscalYear year = FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR));
    LocalDate first = step.isFixedDate() ? step.date()
        : YearMonth.of(year.christianYearOfMonth(step.month(), step.afterYearEnd()), step.month())
            .atDay(step.day() == null ? 1 : step.day());
    return Date.from(first.atTime(OPENING).atZone(ThaiDates.BANGKOK).toInstant());
  }

  /** The due instant of a step, as its user task would get it (overrides included). */
  public Date due(DelegateExecution execution, String due, String step) {
    return deadlines.dueInstant(execution, due, step);
  }
}
