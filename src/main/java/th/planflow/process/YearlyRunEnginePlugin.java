package th.planflow.process;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/** Attaches {@link YearlyRunListener} to the seven duty processes when they are deployed. */
@Component
class YearlyRunEnginePlugin extends AbstractProcessEnginePlugin {

  private final ProcessRuns runs;

  YearlyRunEnginePlugin(ProcessRuns runs) {
    this.runs = runs;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        Duty.byProcessKey(processDefinition.getKey()).ifPresent(duty -> {
          YearlyRunListener listener = new YearlyRunListener(duty, runs);
          processDefinition.addListener(ExecutionListener.EVENTNAME_START, listener);
          processDefinition.addListener(ExecutionListener.EVENTNAME_END, listener);
        });
      }
    });
  }
}
