package th.planflow.process;

import java.lang.reflect.Field;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A user task that has just been created has no task-local variables, but the engine does not know it: the
 * first variable read or write through the task (a create listener reading the submitter, the deadline's
 * task-local step) selects them from the database. One select per new task, 30,000 when a round opens.
 * Before any other create listener, each new task's variable store is told it starts empty, as the engine
 * itself does for new executions. The store is a protected field of TaskEntity, hence reflection; if a
 * Camunda version renames it, tasks simply keep the select.
 */
@Component
class NewTaskVariables extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NewTaskVariables.class);
  private static final Field STORE = storeField();

  static final TaskListener STARTS_EMPTY = NewTaskVariables::startsEmpty;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (STORE == null) {
      return;
    }
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, STARTS_EMPTY);
      }
    });
  }

  @SuppressWarnings("unchecked")
  static void startsEmpty(DelegateTask task) {
    if (!(task instanceof TaskEntity entity)) {
      return;
    }
    try {
      VariableStore<VariableInstanceEntity> store = (VariableStore<VariableInstanceEntity>) STORE.get(entity);
      if (!store.isInitialized()) {
        store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field storeField() {
    try {
      Field field = TaskEntity.class.getDeclaredField("variableStore");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("TaskEntity.variableStore not found ({}): new tasks select their (no) variables as before", e.toString());
      return null;
    }
  }
}
