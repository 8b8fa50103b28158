package th.planflow.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks every new row's id with a message built beforehand from the whole entity
 * ({@code "Entity " + entity + " has an invalid id"}): a dozen rows per school when a round opens, and that
 * string was a tenth of the CPU spent opening it. Same check, message built only when the id is invalid.
 */
@Component
class InsertIdCheck extends AbstractProcessEnginePlugin {

  static final class Factory extends DbEntityManagerFactory {
    Factory() {
      super(null); // the engine's id generator is read when a session opens: it is set up after plugins
    }

    @Override
    public DbEntityManager openSession() {
      PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
      return new DbEntityManager(Context.getProcessEngineConfiguration().getIdGenerator(), persistence) {
        @Override
        protected void validateId(DbEntity entity) {
          String id = entity.getId();
          if (id == null || Authorization.ANY.equals(id)) {
            super.validateId(entity);
          }
        }
      };
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new Factory());
  }
}
