package th.planflow.identity;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Camunda's default authorizations, except that a task created in the current command is not searched for
 * existing grants before its candidate group gets one: it cannot have any yet. Opening a policy round
 * gives 30,000 new tasks a candidate group each, and every school's send creates the planner's review task,
 * so this spared one query per task. Tasks that already exist are handled exactly as before.
 */
@Component
class NewTaskAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getResourceAuthorizationProvider() == null) {
      configuration.setResourceAuthorizationProvider(new Provider());
    }
  }

  static class Provider extends DefaultAuthorizationProvider {
    @Override
    protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
      CommandContext command = Context.getCommandContext();
      if (command != null && taskId != null) {
        DbEntityManager entities = command.getDbEntityManager();
        TaskEntity task = entities.getCachedEntity(TaskEntity.class, taskId);
        if (task != null && entities.getDbEntityCache().isTransient(task)) {
          return null; // inserted by this command, not flushed: no grant of it can exist
        }
      }
      return super.getGrantAuthorization(taskId, userId, groupId, resource);
    }
  }
}
