package th.planflow.deadline;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import th.planflow.calendar.StepDue;

/**
 * Gives every user task that declares a deadline the same create listener, so no BPMN has to wire
 * due dates, reminders or escalation by hand.
 */
class DeadlineParseListener extends AbstractBpmnParseListener {

  private final DeadlineTaskListenerFactory listeners;

  DeadlineParseListener(DeadlineTaskListenerFactory listeners) {
    this.listeners = listeners;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    DeadlineDeclaration declaration = DeadlineDeclaration.of(userTaskElement);
    if (declaration == null) {
      return;
    }
    if (!declaration.due().contains("${")) {
      StepDue.parse(declaration.due()); // a typo fails the deployment, not the task
    }
    UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listeners.create(declaration));
  }
}
