package th.planflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Records which BPMN elements run (test engine plugin) and checks {@link FullProcessCoverage}. */
public class ProcessCoverageExtension implements BeforeAllCallback, AfterAllCallback {

  private static final Set<String> PASSED = ConcurrentHashMap.newKeySet();

  @Override
  public void beforeAll(ExtensionContext context) {
    PASSED.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    FullProcessCoverage wanted = context.getRequiredTestClass().getAnnotation(FullProcessCoverage.class);
    RepositoryService repository = ProcessEngines.getDefaultProcessEngine().getRepositoryService();
    for (String key : wanted.value()) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      assertThat(definition).as("process %s is deployed", key).isNotNull();
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      Set<String> missing = new TreeSet<>();
      int total = 0;
      List<String> ids = new ArrayList<>();
      model.getModelElementsByType(FlowNode.class).forEach(n -> ids.add(n.getId()));
      model.getModelElementsByType(SequenceFlow.class).forEach(f -> ids.add(f.getId()));
      for (String id : ids) {
        total++;
        if (!PASSED.contains(key + "#" + id)) {
          missing.add(id);
        }
      }
      assertThat(missing).as("%s: %d of %d elements not passed by %s", key, missing.size(), total,
          context.getRequiredTestClass().getSimpleName()).isEmpty();
    }
  }

  /** Engine plugin of the test context: a start listener on every activity, a take listener on every flow. */
  public static class Recorder extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      if (configuration.getCustomPostBPMNParseListeners() == null) {
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
      }
      configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
        @Override
        public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
          for (ProcessDefinitionEntity definition : processDefinitions) {
            instrument(definition.getKey(), definition);
          }
        }
      });
    }

    private static void instrument(String key, ScopeImpl scope) {
      Collection<ActivityImpl> activities = scope.getActivities();
      for (ActivityImpl activity : activities) {
        activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) e -> PASSED.add(key + "#" + activity.getId()));
        for (var outgoing : activity.getOutgoingTransitions()) {
          TransitionImpl flow = (TransitionImpl) outgoing;
          flow.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) e -> PASSED.add(key + "#" + flow.getId()));
        }
        instrument(key, activity);
      }
    }
  }
}
