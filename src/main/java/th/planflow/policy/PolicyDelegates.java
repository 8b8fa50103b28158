package th.planflow.policy;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.planflow.calendar.FiscalYear;
import th.planflow.process.ProcessVariables;
import th.planflow.web.UserInputException;

/** The small beans bpmn/policy-reporting.bpmn and bpmn/policy-round.bpmn refer to. */
@Configuration
class PolicyDelegates {

  /** Task_StudyPolicies may only be completed once the year's policies are in Planflow. */
  @Bean
  TaskListener policiesStudied(Policies policies) {
    return (DelegateTask task) -> {
      FiscalYear year = FiscalYear.parse(task.getVariable(ProcessVariables.FISCAL_YEAR));
      if (policies.ofYear(year.buddhistYear()).isEmpty()) {
        throw new UserInputException("ยังไม่มีรายการนโยบาย สพฐ. ของปีงบประมาณ " + year
            + " กรุณานำเข้ารายการนโยบายก่อนบันทึกว่าศึกษาแล้ว");
      }
    };
  }

  /** Completing the follow-up closes the round, so it must be meant. */
  @Bean
  TaskListener policyRoundCloseConfirmed() {
    return (DelegateTask task) -> {
      if (!Boolean.TRUE.equals(task.getVariable("closeRound"))) {
        throw new UserInputException("กรุณายืนยันการปิดรอบการรายงานก่อนบันทึก");
      }
    };
  }

  /**
   * One bounded batch of a lane's report tasks per job; the gateway loops until every reporter of the lane has
   * one. laneDone is local to the lane: the lanes run at the same time and must not write a shared variable.
   */
  @Bean
  JavaDelegate policyRoundBatch(PolicyReporting reporting) {
    return execution -> execution.setVariableLocal("laneDone", reporting.createNextBatch(
        ((Number) execution.getVariable(PolicyReporting.ROUND_ID)).longValue(),
        PolicyRounds.Lane.parse((String) execution.getVariable("lane"))));
  }

  @Bean
  JavaDelegate policyRoundClose(PolicyReporting reporting) {
    return execution -> reporting.close(((Number) execution.getVariable(PolicyReporting.ROUND_ID)).longValue());
  }
}
