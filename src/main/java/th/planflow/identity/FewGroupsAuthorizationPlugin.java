package th.planflow.identity;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before each authorization check Camunda narrows the user's groups to those that have any
 * authorization, reading every distinct group id of ACT_RU_AUTHORIZATION once per command. Each open
 * task grants its school's group, so with 30,000 schools that is 30,000 rows for every command of every
 * user. Planflow's users belong to two or three groups, so the check uses them as they are: a group
 * without authorizations simply matches no row.
 */
@Component
class FewGroupsAuthorizationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new FewGroupsAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  static class FewGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
