package th.planflow.process;

import th.planflow.web.UserInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import th.planflow.calendar.FiscalYear;
import th.planflow.calendar.InvalidFiscalYearException;

/**
 * Start and end listener of every duty process, however it is started (Planflow's API, Tasklist,
 * REST, the yearly auto-start): one instance per fiscal year, business key {@code <key>:<year>}.
 */
class YearlyRunListener implements ExecutionListener {

  private final Duty duty;
  private final ProcessRuns runs;

  YearlyRunListener(Duty duty, ProcessRuns runs) {
    this.duty = duty;
    this.runs = runs;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_END.equals(execution.getEventName())) {
      if (execution.isCanceled()) {
        runs.forget(execution.getProcessInstanceId());
      }
      return;
    }
    FiscalYear year;
    try {
      year = FiscalYear.parse(execution.getVariable(ProcessVariables.FISCAL_YEAR));
    } catch (InvalidFiscalYearException e) {
      throw new UserInputException(e.getMessage());
    }
    execution.setVariable(ProcessVariables.FISCAL_YEAR, year.buddhistYear());
    String businessKey = ProcessVariables.businessKey(duty.processKey(), year.buddhistYear());
    execution.setProcessBusinessKey(businessKey);
    if (runs.exists(duty.processKey(), year.buddhistYear())) {
      throw new DuplicateRunException(duty, year.buddhistYear());
    }
    String startedBy = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    runs.record(duty.processKey(), year.buddhistYear(), businessKey, execution.getProcessInstanceId(), startedBy);
  }
}
