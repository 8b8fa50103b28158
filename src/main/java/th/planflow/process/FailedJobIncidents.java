package th.planflow.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The engine looks for a job's failed-job incident whenever it deletes the job, also a timer that never ran:
 * one select for every school's report (its deadline timer goes when the report is sent). A job gets that
 * incident only when its retries reach zero ({@code JobEntity.setRetries}), so a job this command has in hand
 * with retries left has none and is not looked up. Any other job is handled exactly as before.
 */
@Component
class FailedJobIncidents extends AbstractProcessEnginePlugin {

  static final class Handler extends DefaultIncidentHandler {
    Handler() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    protected void removeIncident(IncidentContext context, boolean incidentResolved) {
      if (!hasRetriesLeft(context.getConfiguration())) {
        super.removeIncident(context, incidentResolved);
      }
    }

    static boolean hasRetriesLeft(String jobId) {
      CommandContext command = Context.getCommandContext();
      if (command == null || jobId == null) {
        return false;
      }
      JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, jobId);
      return job != null && job.getRetries() > 0;
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomIncidentHandlers() == null) {
      configuration.setCustomIncidentHandlers(new ArrayList<>());
    }
    configuration.getCustomIncidentHandlers().add(new Handler());
  }
}
