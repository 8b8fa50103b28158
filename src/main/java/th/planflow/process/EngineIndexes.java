package th.planflow.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for Planflow's load, added once the engine has created or updated
 * its tables (Flyway runs before that, so it cannot). Idempotent, so every node of a cluster may run it.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  /**
   * Completing any task looks for its subtasks by PARENT_TASK_ID_, which has no index: with 30,000 open
   * school tasks every completion read the whole task table.
   */
  static final String[][] INDEXES = {{"PF_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"},
      // the job executor asks for due jobs again and again; a round leaves 30,000 deadline timers not due yet
      {"PF_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_"}};

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    String prefix = config.getDatabaseTablePrefix();
    try (Connection connection = config.getDataSource().getConnection(); Statement sql = connection.createStatement()) {
      for (String[] index : INDEXES) {
        sql.execute("create index if not exists " + index[0] + " on " + prefix + index[1] + " (" + index[2] + ")");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      // another node may be creating the same index right now; the engine works without it, only slower
      LOG.warn("Could not add Planflow's indexes to the engine's tables: {}", e.getMessage());
    }
  }
}
