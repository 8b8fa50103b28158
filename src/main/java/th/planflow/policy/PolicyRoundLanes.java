package th.planflow.policy;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The collection of bpmn/policy-round.bpmn's lanes: the round's reporters in code order, split into
 * {@code planflow.policy.lanes} contiguous ranges whose batches the job executor runs at the same time.
 */
@Component("policyRoundLanes")
public class PolicyRoundLanes {

  private final PolicyRounds rounds;
  private final int lanes;

  PolicyRoundLanes(PolicyRounds rounds, @Value("${planflow.policy.lanes:3}") int lanes) {
    this.rounds = rounds;
    this.lanes = Math.max(1, lanes);
  }

  public List<String> of(DelegateExecution execution) {
    long roundId = ((Number) execution.getVariable(PolicyReporting.ROUND_ID)).longValue();
    return rounds.lanes(roundId, lanes).stream().map(PolicyRounds.Lane::toString).toList();
  }
}
