package th.planflow.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * Camunda's full history without the log of every variable write and of every submitted form
 * (ACT_HI_DETAIL). Everything else of
 * "full" stays: instances, activities, tasks, the last value of each variable, candidate links, incidents,
 * jobs and the user operation log. Who submitted, approved or returned what, when and why is Planflow's own
 * audit trail (review_audit). Each variable write was three rows; opening a round of 30,000 schools wrote
 * some 400,000 detail rows nobody reads.
 *
 * <p>Same id as "full" on purpose: a database created with "full" starts with this level and back.
 * Selected by {@code camunda.bpm.history-level: planflow-full}.
 */
@Component
class PlanflowHistoryLevel extends AbstractProcessEnginePlugin {

  static final String NAME = "planflow-full";

  static final class Level extends HistoryLevelFull {
    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
          && eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE;
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(new Level());
  }
}
