package th.planflow.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * Camunda's full history without the logs nobody reads: every variable write and every submitted form
 * (ACT_HI_DETAIL), every creation and deletion of a job (ACT_HI_JOB_LOG; a job's failures and successes stay)
 * and every change of a task's candidates (ACT_HI_IDENTITYLINK). Everything else of "full" stays: instances,
 * activities, tasks, the last value of each variable, incidents, job failures and the user operation log.
 * Who submitted, approved or returned what, when and why is Planflow's own audit trail (review_audit); the
 * reminders and escalations a task had are in deadline_event. Opening a round of 30,000 schools wrote some
 * 400,000 variable detail rows, 30,000 job creations and 30,000 candidate links into these logs.
 *
 * <p>Same id as "full" on purpose: a database created with "full" starts with this level and back.
 * Selected by {@code camunda.bpm.history-level: planflow-full}.
 */
@Component
class PlanflowHistoryLevel extends AbstractProcessEnginePlugin {

  static final String NAME = "planflow-full";

  private static final java.util.Set<HistoryEventType> NOT_LOGGED = java.util.Set.of(
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL, HistoryEventTypes.FORM_PROPERTY_UPDATE,
      HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE,
      HistoryEventTypes.IDENTITY_LINK_ADD, HistoryEventTypes.IDENTITY_LINK_DELETE);

  static final class Level extends HistoryLevelFull {
    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return !NOT_LOGGED.contains(eventType);
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
