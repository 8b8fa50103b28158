package th.planflow.project;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collections of the multi-instance call activities of bpmn/project-monitoring.bpmn, e.g.
 * {@code camunda:collection="${projectSteps.toEnter(execution)}"}: one reviewed submission per project.
 */
@Component("projectSteps")
public class ProjectSteps {

  private final ProjectMonitoring monitoring;

  ProjectSteps(ProjectMonitoring monitoring) {
    this.monitoring = monitoring;
  }

  /** December: the registered projects, each entered by its owner. */
  public List<Long> toEnter(DelegateExecution execution) {
    return monitoring.toEnter(ProjectDelegates.fiscalYear(execution));
  }

  /** A quarter: every project entered, each reported by its owner. */
  public List<Long> toReport(DelegateExecution execution) {
    return monitoring.toReport(ProjectDelegates.fiscalYear(execution), ProjectDelegates.quarter(execution));
  }
}
