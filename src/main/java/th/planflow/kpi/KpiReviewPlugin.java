package th.planflow.kpi;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link KpiReviewHooks} to the submit task (create and complete) and the review task (complete) of
 * the shared reviewedSubmission process, after the pattern's own listeners, so the foundation's BPMN
 * stays as it is. The hooks act only on kpiReporting's subjectRefs.
 */
@Component
class KpiReviewPlugin extends AbstractProcessEnginePlugin {

  static final String REVIEWED_SUBMISSION = "reviewedSubmission";
  static final String SUBMIT_TASK = "Task_Submit";
  static final String REVIEW_TASK = "Task_Review";

  private final ObjectProvider<KpiReviewHooks> hooks;

  KpiReviewPlugin(ObjectProvider<KpiReviewHooks> hooks) {
    this.hooks = hooks;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition)
            || !REVIEWED_SUBMISSION.equals(definition.getKey())) {
          return;
        }
        TaskListener listener;
        if (SUBMIT_TASK.equals(activity.getId())) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .addTaskListener(TaskListener.EVENTNAME_CREATE, task -> hooks.getObject().created(task));
          listener = task -> hooks.getObject().submitted(task);
        } else if (REVIEW_TASK.equals(activity.getId())) {
          listener = task -> hooks.getObject().reviewed(task);
        } else {
          return;
        }
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
    });
  }
}
