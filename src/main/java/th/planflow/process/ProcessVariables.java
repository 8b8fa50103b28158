package th.planflow.process;

import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** Names of the process variables Planflow's processes share, and small helpers around them. */
public final class ProcessVariables {

  /** The fiscal year (B.E., Integer) a process instance runs for. */
  public static final String FISCAL_YEAR = "fiscalYear";

  private ProcessVariables() {
  }

  public static String businessKey(String processKey, int fiscalYear) {
    return processKey + ":" + fiscalYear;
  }

  /** The process instance at the top of a call-activity chain: the duty process. */
  public static ExecutionEntity rootInstance(ExecutionEntity execution) {
    ExecutionEntity instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance;
  }

  /** The key of the duty process at the top of a call-activity chain. */
  public static String rootProcessKey(ExecutionEntity execution) {
    return rootInstance(execution).getProcessDefinition().getKey();
  }
}
