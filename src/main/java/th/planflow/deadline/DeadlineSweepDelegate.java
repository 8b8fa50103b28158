package th.planflow.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task of the deadlineWatch process. */
@Component("deadlineSweepDelegate")
class DeadlineSweepDelegate implements JavaDelegate {

  private final DeadlineSweep sweep;

  DeadlineSweepDelegate(DeadlineSweep sweep) {
    this.sweep = sweep;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("stagesFired", sweep.sweep());
  }
}
