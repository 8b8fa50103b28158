package th.planflow.deadline;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Registers the deadline parse listener with the engine. */
@Component
class DeadlineEnginePlugin extends AbstractProcessEnginePlugin {

  private final DeadlineTaskListenerFactory listeners;

  DeadlineEnginePlugin(DeadlineTaskListenerFactory listeners) {
    this.listeners = listeners;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new DeadlineParseListener(listeners));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    listeners.useExpressionManager(configuration.getExpressionManager());
  }
}
